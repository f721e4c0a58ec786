package save

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Profiles keeps players' profiles. The desktop game keeps them in a folder
// (Store); the browser build keeps them in the page's local storage
// (KeyStore over Browser's key-value store).
type Profiles interface {
	// Load reads a profile, or starts one; see Store.Load for what happens
	// to a damaged profile or one from a newer game.
	Load(name string) (p *Profile, notice string, err error)
	// Save replaces the saved profile as a whole: a reader sees the old
	// profile or the new one, never a mix.
	Save(p *Profile) error
	// Where says where profiles are kept, for the settings screen.
	Where() string
}

// Where is the profiles folder.
func (s *Store) Where() string { return s.Dir }

// KeyValue is a flat store of strings under keys, such as a browser's
// localStorage. Set replaces a value as a whole (localStorage.setItem does).
type KeyValue interface {
	Get(key string) (value string, ok bool, err error)
	Set(key, value string) error
	Remove(key string) error
}

// KeyStore keeps profiles in a KeyValue store, one key per player: Prefix
// followed by the player's FileName. It behaves as Store does with files: a
// missing profile starts a new one, a damaged one is kept under another key
// and a new one started, one from a newer game is refused and left as it is.
type KeyStore struct {
	KV     KeyValue
	Prefix string
	// Place names the store for players ("this browser's local storage").
	Place string
	// Now gives the time used in the keys of profiles moved aside.
	Now func() time.Time
}

// Where is the store's Place.
func (s *KeyStore) Where() string { return s.Place }

func (s *KeyStore) key(name string) string { return s.Prefix + FileName(name) }

// Load reads a profile (see KeyStore).
func (s *KeyStore) Load(name string) (*Profile, string, error) {
	key := s.key(name)
	data, ok, err := s.KV.Get(key)
	if err != nil {
		return New(name), "", fmt.Errorf("read %s: %w", key, err)
	}
	if !ok {
		return New(name), "", nil
	}
	p, perr := Decode([]byte(data))
	if errors.Is(perr, ErrNewer) {
		return New(name), "", fmt.Errorf("%s: %w; it was left as it is and scores of this session will not be kept", key, perr)
	}
	if perr != nil {
		aside, err := s.aside(key)
		if err == nil {
			err = s.KV.Set(aside, data)
		}
		if err == nil {
			err = s.KV.Remove(key)
		}
		if err != nil {
			return New(name), "", fmt.Errorf("%s is damaged (%v) and could not be moved aside: %w", key, perr, err)
		}
		return New(name), fmt.Sprintf("Your saved progress could not be read (%v). It was kept as %s and a new profile was started.",
			perr, strings.TrimPrefix(aside, s.Prefix)), nil
	}
	p.Name = name
	return p, "", nil
}

func (s *KeyStore) aside(key string) (string, error) {
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	base := key + ".damaged-" + now().UTC().Format("20060102-150405")
	aside := base
	for i := 2; ; i++ {
		_, taken, err := s.KV.Get(aside)
		if err != nil {
			return "", err
		}
		if !taken {
			return aside, nil
		}
		aside = fmt.Sprintf("%s-%d", base, i)
	}
}

// Save writes a profile under its key in one Set.
func (s *KeyStore) Save(p *Profile) error {
	data, err := encode(p)
	if err != nil {
		return err
	}
	return s.KV.Set(s.key(p.Name), string(data))
}

// encode is the saved form of a profile, the same in every store.
func encode(p *Profile) ([]byte, error) { return json.MarshalIndent(p, "", " ") }
