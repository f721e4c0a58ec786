// Package save keeps a player's profile on disk: settings, round history,
// best scores, per-question statistics, and the spaced-review memory of each
// question with the log of every review. Writes are atomic (a temporary
// file, synced, then renamed over the old one); the file carries a format
// version; a corrupt file is moved aside, never lost, and a file from a newer
// version of the game is refused and left untouched.
package save

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"gutskin/game/pack"
	"gutskin/game/quiz"
	"gutskin/game/review"
)

// Version is the profile format written by this build. Version 2 added the
// review memory and log; a version 1 profile is migrated on load (see
// Decode) and keeps all it held.
const Version = 2

// MaxLog is how many reviews the review log keeps (the oldest go first).
const MaxLog = 100000

// MaxHistory is how many rounds the history keeps (the oldest go first).
const MaxHistory = 500

// Settings are the player's display and sound choices.
type Settings struct {
	TextSize      int    `json:"text_size"` // 0 normal, 1 large, 2 extra large
	Theme         string `json:"theme"`     // "dark", "light" or "contrast"
	ReducedMotion bool   `json:"reduced_motion"`
	Fullscreen    bool   `json:"fullscreen"`
	// Retention is the target probability of recall when a question falls
	// due for review, 0.80-0.95; 0 means the default, 0.90.
	Retention float64 `json:"retention,omitempty"`
	// Round is the last round set-up, offered again at the next start; nil
	// until a round was set up.
	Round *RoundSetup `json:"round,omitempty"`
}

// RoundSetup is a round's set-up choices as the set-up screen makes them.
type RoundSetup struct {
	Packs      []string `json:"packs,omitempty"` // pack ids; none means every pack
	Length     int      `json:"length"`          // 0 means all
	Difficulty int      `json:"difficulty"`      // 0 means any
	Mode       string   `json:"mode"`
	Timer      int      `json:"timer"` // which of the timer choices
}

// RoundResult is one finished round in the history.
type RoundResult struct {
	When       time.Time `json:"when"`
	Packs      []string  `json:"packs"`
	Mode       string    `json:"mode"`
	Questions  int       `json:"questions"`
	Correct    int       `json:"correct"`
	Accuracy   float64   `json:"accuracy"`
	Score      int       `json:"score"`
	BestStreak int       `json:"best_streak"`
	Seconds    float64   `json:"seconds"`
}

// QuestionStat is what the player has done with one question.
type QuestionStat struct {
	Seen      int       `json:"seen"`
	Right     int       `json:"right"`
	LastSeen  time.Time `json:"last_seen"`
	LastRight bool      `json:"last_right"`
}

// Best is a best round score.
type Best struct {
	Score    int       `json:"score"`
	Accuracy float64   `json:"accuracy"`
	When     time.Time `json:"when"`
}

// Review is one entry of the review log: a question answered in a solo
// round, when, and the rating the scheduler was given. Entries stay when
// their question leaves its pack.
type Review struct {
	Key    string        `json:"q"` // "pack/question"
	When   time.Time     `json:"t"`
	Rating review.Rating `json:"r"`
}

// Profile is everything saved for one player.
type Profile struct {
	Version  int                     `json:"version"`
	Name     string                  `json:"name"`
	Settings Settings                `json:"settings"`
	History  []RoundResult           `json:"history"`
	Best     map[string]Best         `json:"best"` // by BestKey
	Stats    map[string]QuestionStat `json:"questions"`
	// Memory is the scheduler's state per "pack/question" key.
	Memory map[string]review.Memory `json:"memory"`
	// Log is every review, oldest first.
	Log []Review `json:"review_log"`
}

// New returns an empty profile with default settings.
func New(name string) *Profile {
	return &Profile{Version: Version, Name: name, Settings: Settings{Theme: "dark"},
		Best: map[string]Best{}, Stats: map[string]QuestionStat{}, Memory: map[string]review.Memory{}}
}

// Params are the scheduler's parameters with the player's target retention.
func (p *Profile) Params() review.Params {
	return review.Default().WithRetention(p.Settings.Retention)
}

// BestKey names what a best score is kept for: the sorted packs of the round
// and its scoring mode (scores of different modes do not compare).
func BestKey(packs []string, mode quiz.Mode) string {
	p := append([]string(nil), packs...)
	sort.Strings(p)
	return strings.Join(p, "+") + "@" + string(mode)
}

// AddRound records a finished round: history, best score, question
// statistics and reviews (AddAnswers, then AddRoundResult). It returns the previous best for the same packs and mode
// (ok false when there was none), so the results screen can compare.
func (p *Profile) AddRound(s quiz.Summary, packs []string, when time.Time) (prev Best, ok bool) {
	p.AddAnswers(s.Records, when)
	return p.AddRoundResult(s, packs, when)
}

// AddRoundResult records a finished round's result (history and best
// score) without its answers, for a game that kept each answer as it was
// given (AddAnswers).
func (p *Profile) AddRoundResult(s quiz.Summary, packs []string, when time.Time) (prev Best, ok bool) {
	p.History = append(p.History, RoundResult{
		When: when, Packs: packs, Mode: string(s.Mode), Questions: s.Questions, Correct: s.Correct,
		Accuracy: s.Accuracy(), Score: s.Score, BestStreak: s.BestStreak, Seconds: s.Duration.Seconds(),
	})
	if len(p.History) > MaxHistory {
		p.History = append([]RoundResult(nil), p.History[len(p.History)-MaxHistory:]...)
	}
	key := BestKey(packs, s.Mode)
	prev, ok = p.Best[key]
	if s.Questions > 0 && (!ok || s.Score > prev.Score) {
		p.Best[key] = Best{Score: s.Score, Accuracy: s.Accuracy(), When: when}
	}
	return prev, ok
}

// AddAnswers records answers as they are given: in the question
// statistics and, as reviews, in each question's memory and the review log
// (a round left early keeps the answers given).
func (p *Profile) AddAnswers(records []quiz.Record, when time.Time) {
	if p.Memory == nil {
		p.Memory = map[string]review.Memory{}
	}
	params := p.Params()
	for _, r := range records {
		k := r.Item.Key()
		g := review.RatingOfRecord(r)
		p.Memory[k] = params.Next(p.Memory[k], g, when)
		p.Log = append(p.Log, Review{Key: k, When: when, Rating: g})
		if r.Skipped {
			continue
		}
		st := p.Stats[k]
		st.Seen++
		if r.Correct {
			st.Right++
		}
		st.LastSeen, st.LastRight = when, r.Correct
		p.Stats[k] = st
	}
	if len(p.Log) > MaxLog {
		p.Log = append([]Review(nil), p.Log[len(p.Log)-MaxLog:]...)
	}
}

// Recall is the mean probability of recall at now (FSRS retrievability)
// over a pack's questions; a question never reviewed counts 0. It fades
// while the player stays away and recovers after a review.
func (p *Profile) Recall(pk *pack.Pack, now time.Time) float64 {
	if len(pk.Questions) == 0 {
		return 0
	}
	sum := 0.0
	for i := range pk.Questions {
		sum += review.Retrievability(p.Memory[pk.Questions[i].Key(pk)], now)
	}
	return sum / float64(len(pk.Questions))
}

// Seen is the number of a pack's questions answered at least once.
func (p *Profile) Seen(pk *pack.Pack) int {
	n := 0
	for i := range pk.Questions {
		if p.Stats[pk.Questions[i].Key(pk)].Seen > 0 {
			n++
		}
	}
	return n
}

// Missed returns the "pack/question" keys whose last answer was wrong.
func (p *Profile) Missed() []string {
	var out []string
	for k, st := range p.Stats {
		if st.Seen > 0 && !st.LastRight {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// Store reads and writes profiles in one folder.
type Store struct {
	Dir string
	// Now gives the time used in the names of files moved aside.
	Now func() time.Time
}

// DefaultDir is os.UserConfigDir()/gutskin.
func DefaultDir() (string, error) {
	d, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "gutskin"), nil
}

var nameChars = regexp.MustCompile(`[^a-zA-Z0-9_-]+`)

// FileName is the profile file of a player: profile-NAME.json with NAME
// reduced to safe characters.
func FileName(name string) string {
	n := strings.Trim(nameChars.ReplaceAllString(name, "-"), "-")
	if n == "" {
		n = "default"
	}
	if len(n) > 40 {
		n = n[:40]
	}
	return "profile-" + n + ".json"
}

// ErrNewer is returned for a profile written by a newer version of the game.
var ErrNewer = errors.New("this profile was saved by a newer version of gutskin")

// Load reads a profile. A missing file gives a new profile. A file that is
// not a valid profile is renamed aside (the notice says where) and a new
// profile is returned. A profile from a newer game returns ErrNewer and is
// left untouched: the caller plays without saving.
func (s *Store) Load(name string) (p *Profile, notice string, err error) {
	path := filepath.Join(s.Dir, FileName(name))
	CleanTemps(path)
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return New(name), "", nil
	}
	if err != nil {
		return New(name), "", fmt.Errorf("read %s: %w", path, err)
	}
	p, perr := Decode(data)
	if errors.Is(perr, ErrNewer) {
		return New(name), "", fmt.Errorf("%s: %w; it was left as it is and scores of this session will not be kept", path, perr)
	}
	if perr != nil {
		aside := s.aside(path)
		if rerr := os.Rename(path, aside); rerr != nil {
			return New(name), "", fmt.Errorf("%s is damaged (%v) and could not be moved aside: %w", path, perr, rerr)
		}
		return New(name), fmt.Sprintf("Your saved progress could not be read (%v). It was kept as %s and a new profile was started.", perr, filepath.Base(aside)), nil
	}
	p.Name = name
	return p, "", nil
}

func (s *Store) aside(path string) string {
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	base := path + ".damaged-" + now().UTC().Format("20060102-150405")
	aside := base
	for i := 2; ; i++ {
		if _, err := os.Lstat(aside); errors.Is(err, os.ErrNotExist) {
			return aside
		}
		aside = fmt.Sprintf("%s-%d", base, i)
	}
}

// MaxFileSize bounds the profile file read into memory.
const MaxFileSize = 32 << 20

// Decode parses a profile file, checking its version and shape.
func Decode(data []byte) (*Profile, error) {
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("file is %d bytes, over the %d-byte limit", len(data), MaxFileSize)
	}
	var head struct {
		Version *int `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, fmt.Errorf("not a profile: %w", err)
	}
	if head.Version == nil {
		return nil, errors.New("not a profile: no version")
	}
	if *head.Version > Version {
		return nil, fmt.Errorf("%w (format %d, this game reads up to %d)", ErrNewer, *head.Version, Version)
	}
	if *head.Version < 1 {
		return nil, fmt.Errorf("not a profile: version %d", *head.Version)
	}
	p := New("")
	if err := json.Unmarshal(data, p); err != nil {
		return nil, fmt.Errorf("not a profile: %w", err)
	}
	if p.Best == nil {
		p.Best = map[string]Best{}
	}
	if p.Stats == nil {
		p.Stats = map[string]QuestionStat{}
	}
	if *head.Version < 2 {
		migrate1(p)
	}
	if p.Memory == nil {
		p.Memory = map[string]review.Memory{}
	}
	for k, m := range p.Memory { // a hand-edited or damaged entry
		if !validMemory(m) {
			delete(p.Memory, k)
		}
	}
	p.Version = Version
	return p, nil
}

// migrate1 brings a version 1 profile to version 2. Everything it held is
// kept as it was; a question it had seen gets a review memory as if its last
// answer had been its first review (Good when right, Again when wrong, at
// the time it was last seen), so it falls due for review. The review log
// starts empty: version 1 kept no per-answer times.
func migrate1(p *Profile) {
	p.Memory = map[string]review.Memory{}
	params := p.Params()
	for k, st := range p.Stats {
		if st.Seen == 0 || st.LastSeen.IsZero() {
			continue
		}
		g := review.Again
		if st.LastRight {
			g = review.Good
		}
		p.Memory[k] = params.Next(review.Memory{}, g, st.LastSeen)
	}
}

func validMemory(m review.Memory) bool {
	ok := func(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
	return m.Reps >= 0 && ok(m.Stability) && ok(m.Difficulty) && (m.Reps == 0 || m.Stability > 0)
}

// Save writes a profile atomically.
func (s *Store) Save(p *Profile) error {
	data, err := encode(p)
	if err != nil {
		return err
	}
	return WriteAtomic(filepath.Join(s.Dir, FileName(p.Name)), data)
}

// CleanTemps deletes the temporary files a crash during WriteAtomic left
// beside path: they are never the saved state, which is path itself.
func CleanTemps(path string) {
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*"))
	for _, f := range left {
		os.Remove(f)
	}
}

// WriteAtomic replaces path with data so that a reader (or a crash) sees
// either the old file or the new one, never a mix: the data goes to a
// temporary file in the same folder, is synced, and is renamed over path.
func WriteAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer os.Remove(name) // no-op after a successful rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(name, path); err != nil {
		return err
	}
	if d, err := os.Open(dir); err == nil { // make the rename itself durable
		d.Sync()
		d.Close()
	}
	return nil
}
