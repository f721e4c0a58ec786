package room

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"gutskin/game/classroom"
	"gutskin/game/pack"
)

// SaveVersion is the format of saved phone rooms.
const SaveVersion = 1

type savedAnswer struct {
	Student int   `json:"student"`
	Index   int   `json:"question"`
	Given   Given `json:"given"`
}

type savedRoom struct {
	Version  int             `json:"version"`
	Code     string          `json:"code"`
	Grouped  bool            `json:"grouped"`
	Started  bool            `json:"started"`
	Closed   bool            `json:"closed"`
	Students []Student       `json:"students"`
	Answers  []savedAnswer   `json:"answers"`
	Game     json.RawMessage `json:"game"`
}

// Save encodes the room with its game: the students keep their tokens,
// so after a crash and a resume the phones reconnect by themselves.
// Results are scored again from the answers on resume.
func (r *Room) Save(now time.Time) ([]byte, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	game, err := r.game.Save(now)
	if err != nil {
		return nil, err
	}
	s := savedRoom{Version: SaveVersion, Code: r.code, Grouped: r.grouped, Started: r.started, Closed: r.closed, Game: game}
	for _, st := range r.students {
		s.Students = append(s.Students, *st)
	}
	for idx := range r.game.Len() {
		for _, st := range r.students {
			if g, ok := r.answers[idx][st.ID]; ok {
				s.Answers = append(s.Answers, savedAnswer{Student: st.ID, Index: idx, Given: g})
			}
		}
	}
	return json.MarshalIndent(s, "", " ")
}

// IsSave reports whether data is a saved phone room (not a plain
// classroom save).
func IsSave(data []byte) bool {
	var s struct {
		Code string          `json:"code"`
		Game json.RawMessage `json:"game"`
	}
	return json.Unmarshal(data, &s) == nil && s.Code != "" && len(s.Game) > 0
}

// GameSave returns the classroom save inside a room's save, for
// classroom.ReadSaveInfo.
func GameSave(data []byte) ([]byte, error) {
	var s savedRoom
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, err
	}
	return s.Game, nil
}

// Resume rebuilds a saved room and its game from the packs it used.
func Resume(data []byte, packs []*pack.Pack) (*Room, error) {
	var s savedRoom
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("not a saved phone game: %w", err)
	}
	if s.Version > SaveVersion {
		return nil, classroom.ErrNewerSave
	}
	if s.Version < 1 || len(s.Code) != 4 {
		return nil, errors.New("not a saved phone game")
	}
	g, err := classroom.Resume(s.Game, packs)
	if err != nil {
		return nil, err
	}
	r := New(g, s.Grouped)
	r.code, r.started, r.closed = s.Code, s.Started, s.Closed
	for i, st := range s.Students {
		if st.ID != i || st.Token == "" || st.Team < 0 || st.Team >= len(g.Teams()) || r.byToken[st.Token] != nil {
			return nil, errors.New("the saved phone game is damaged")
		}
		st.Name = CleanName(st.Name)
		p := &st
		r.students = append(r.students, p)
		r.byToken[st.Token] = p
	}
	for _, a := range s.Answers {
		if a.Student < 0 || a.Student >= len(r.students) || a.Index < 0 || a.Index >= g.Len() {
			return nil, errors.New("the saved phone game is damaged")
		}
		if r.answers[a.Index] == nil {
			r.answers[a.Index] = map[int]Given{}
		}
		r.answers[a.Index][a.Student] = a.Given
	}
	r.sync()
	return r, nil
}
