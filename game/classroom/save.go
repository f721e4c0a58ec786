package classroom

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"gutskin/game/pack"
	"gutskin/game/quiz"
)

// SaveVersion is the format of saved classroom games.
const SaveVersion = 1

type savedConfig struct {
	Teams           []string  `json:"teams"`
	Packs           []string  `json:"packs"`
	Difficulty      int       `json:"difficulty"`
	Length          int       `json:"length"`
	Seed            uint64    `json:"seed"`
	Mode            quiz.Mode `json:"mode"`
	TimeLimitMS     int64     `json:"time_limit_ms"`
	ScoreboardEvery int       `json:"scoreboard_every"`
	HotSeat         bool      `json:"hot_seat"`
}

type saved struct {
	Version int         `json:"version"`
	Saved   time.Time   `json:"saved"`
	Config  savedConfig `json:"config"`
	Items   []string    `json:"questions"`
	State   state       `json:"state"`
}

// Save encodes the whole game, so it can resume after a crash or an
// accidental close. Undo history is not kept.
func (g *Game) Save(now time.Time) ([]byte, error) {
	s := saved{Version: SaveVersion, Saved: now, State: g.s}
	c := g.cfg
	s.Config = savedConfig{Teams: c.Teams, Difficulty: c.Difficulty, Length: c.Length, Seed: c.Seed, Mode: c.Mode,
		TimeLimitMS: c.TimeLimit.Milliseconds(), ScoreboardEvery: c.ScoreboardEvery, HotSeat: c.HotSeat}
	for _, p := range c.Packs {
		s.Config.Packs = append(s.Config.Packs, p.ID)
	}
	for _, it := range g.items {
		s.Items = append(s.Items, it.Key())
	}
	return json.MarshalIndent(s, "", " ")
}

// ErrNewerSave is returned for a save written by a newer game.
var ErrNewerSave = errors.New("this classroom game was saved by a newer version of gutskin")

// Resume rebuilds a saved game from the packs it was played with.
func Resume(data []byte, packs []*pack.Pack) (*Game, error) {
	var s saved
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("not a saved classroom game: %w", err)
	}
	if s.Version > SaveVersion {
		return nil, ErrNewerSave
	}
	if s.Version < 1 {
		return nil, errors.New("not a saved classroom game: no version")
	}
	byID := map[string]*pack.Pack{}
	for _, p := range packs {
		byID[p.ID] = p
	}
	cfg := Config{Teams: s.Config.Teams, Difficulty: s.Config.Difficulty, Length: s.Config.Length, Seed: s.Config.Seed,
		Mode: s.Config.Mode, TimeLimit: time.Duration(s.Config.TimeLimitMS) * time.Millisecond, ScoreboardEvery: s.Config.ScoreboardEvery,
		HotSeat: s.Config.HotSeat}
	for _, id := range s.Config.Packs {
		p, ok := byID[id]
		if !ok {
			return nil, fmt.Errorf("the saved game used the pack %q, which is not loaded", id)
		}
		cfg.Packs = append(cfg.Packs, p)
	}
	g, err := New(cfg)
	if err != nil {
		return nil, err
	}
	if len(g.items) != len(s.Items) {
		return nil, errors.New("the packs have changed since the game was saved: its questions cannot be found again")
	}
	for i, it := range g.items {
		if it.Key() != s.Items[i] {
			return nil, errors.New("the packs have changed since the game was saved: its questions cannot be found again")
		}
	}
	st := s.State
	n := len(cfg.Teams)
	if st.Index < 0 || st.Index > len(g.items) || len(st.Streaks) != n || len(st.Answers) != n || len(st.Records) > len(g.items) {
		return nil, errors.New("the saved game is damaged")
	}
	for _, r := range st.Records {
		if len(r.Teams) != n || r.Index < 0 || r.Index >= len(g.items) {
			return nil, errors.New("the saved game is damaged")
		}
	}
	for _, a := range st.Adjustments {
		if a.Team < 0 || a.Team >= n {
			return nil, errors.New("the saved game is damaged")
		}
	}
	if len(st.LastRanks) != 0 && len(st.LastRanks) != n {
		st.LastRanks = nil
	}
	g.s = st
	return g, nil
}
