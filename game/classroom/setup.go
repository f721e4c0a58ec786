package classroom

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"gutskin/game/quiz"
)

// Setup is the set-up a teacher last used: the class's team names, the
// packs and the settings. The set-up screen starts from it, so a class
// is not typed in again at every lesson.
type Setup struct {
	Teams           []string      `json:"teams"`
	Packs           []string      `json:"packs"` // pack ids
	Difficulty      int           `json:"difficulty"`
	Length          int           `json:"length"`
	TimeLimit       time.Duration `json:"time_limit"`
	Mode            quiz.Mode     `json:"mode"`
	ScoreboardEvery int           `json:"scoreboard_every"`
	HotSeat         bool          `json:"hot_seat"`
	Projector       bool          `json:"projector"`
}

// SetupVersion is the format of the remembered set-up.
const SetupVersion = 1

type savedSetup struct {
	Version int   `json:"version"`
	Setup   Setup `json:"setup"`
}

// Encode writes the set-up for the next lesson.
func (s Setup) Encode() ([]byte, error) {
	return json.MarshalIndent(savedSetup{Version: SetupVersion, Setup: s}, "", " ")
}

// DecodeSetup reads a remembered set-up. Anything damaged or out of range
// is an error: the set-up screen then starts from its defaults, and the
// file is only replaced by the next game's set-up.
func DecodeSetup(data []byte) (Setup, error) {
	var v savedSetup
	if err := json.Unmarshal(data, &v); err != nil {
		return Setup{}, fmt.Errorf("not a classroom set-up: %w", err)
	}
	if v.Version < 1 || v.Version > SetupVersion {
		return Setup{}, fmt.Errorf("classroom set-up of version %d", v.Version)
	}
	s := v.Setup
	if len(s.Teams) < 1 || len(s.Teams) > MaxTeams {
		return Setup{}, errors.New("classroom set-up: 1 to 8 teams")
	}
	seen := map[string]bool{}
	for i, t := range s.Teams {
		t = strings.TrimSpace(t)
		if t == "" || seen[t] || len([]rune(t)) > 24 {
			return Setup{}, fmt.Errorf("classroom set-up: team name %q", t)
		}
		seen[t] = true
		s.Teams[i] = t
	}
	valid := false
	for _, m := range quiz.Modes {
		valid = valid || s.Mode == m
	}
	if !valid || s.Difficulty < 0 || s.Difficulty > 3 || s.Length < 0 || s.TimeLimit < 0 || s.ScoreboardEvery < 0 {
		return Setup{}, errors.New("classroom set-up: a setting out of range")
	}
	return s, nil
}
