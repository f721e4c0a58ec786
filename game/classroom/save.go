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
const SaveVersion = 2

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
	Projector       bool      `json:"projector"`
	Questions       []string  `json:"lesson,omitempty"`
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
		TimeLimitMS: c.TimeLimit.Milliseconds(), ScoreboardEvery: c.ScoreboardEvery, HotSeat: c.HotSeat, Projector: c.Projector, Questions: c.Questions}
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
		HotSeat: s.Config.HotSeat, Projector: s.Config.Projector, Questions: s.Config.Questions}
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
	g.resumed(s.Version, s.Saved)
	return g, nil
}

// resumed puts a game just read back on a screen it can go on from: the
// clock stopped at the moment of the save (the teacher restarts it with
// Pause), no team selected, the screen shown, and a hot-seat turn that was
// under way handed over again (the card's state is not saved).
func (g *Game) resumed(version int, saved time.Time) {
	s := &g.s
	if version < 2 { // before the flow was saved: derive it
		s.Turn = 0
		switch s.Phase {
		case Locked:
			s.Screen = ShowReveal
		case Done:
			s.Screen = ShowResults
		default:
			s.Screen = ShowQuestion
			if g.cfg.HotSeat {
				s.Screen = Handover
			}
		}
	}
	s.Selected, s.Blank, s.BlankPaused, s.EndArmed, s.LateTurn = -1, false, false, time.Time{}, -1
	if s.Screen < ShowQuestion || s.Screen > ShowResults || s.Turn < 0 || s.Turn >= len(g.cfg.Teams) {
		s.Screen, s.Turn = ShowQuestion, 0
	}
	switch {
	case s.Phase == Done:
		s.Screen = ShowResults
	case s.Phase == Locked && s.Screen != ShowBoard:
		s.Screen = ShowReveal
	case s.Phase == Asking && g.cfg.HotSeat:
		s.Screen = Handover
		for s.Turn < len(g.cfg.Teams)-1 && s.Answers[s.Turn] != nil {
			s.Turn++
		}
		s.TimerOn, s.PausedAt, s.PausedFor = false, time.Time{}, 0
	case s.Phase == Asking:
		s.Screen = ShowQuestion
		if s.TimerOn && s.PausedAt.IsZero() && !saved.IsZero() {
			s.PausedAt = saved
		}
	}
}

// SaveInfo is what a saved game holds, for the set-up to show before it
// is resumed or replaced.
type SaveInfo struct {
	Teams     []string
	Index     int // questions finished
	Len       int
	Saved     time.Time
	HotSeat   bool
	Projector bool
}

// ReadSaveInfo reads a save's summary without the packs.
func ReadSaveInfo(data []byte) (SaveInfo, error) {
	var s saved
	if err := json.Unmarshal(data, &s); err != nil {
		return SaveInfo{}, fmt.Errorf("not a saved classroom game: %w", err)
	}
	if s.Version > SaveVersion {
		return SaveInfo{}, ErrNewerSave
	}
	if s.Version < 1 || len(s.Config.Teams) == 0 {
		return SaveInfo{}, errors.New("not a saved classroom game")
	}
	return SaveInfo{Teams: s.Config.Teams, Index: len(s.State.Records), Len: len(s.Items), Saved: s.Saved,
		HotSeat: s.Config.HotSeat, Projector: s.Config.Projector}, nil
}
