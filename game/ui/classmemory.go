package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gutskin/game/classroom"
	"gutskin/game/pack"
	"gutskin/game/save"
)

// saveDir is the folder the player's files are kept in, when there is one
// (there is none without a store, or in the browser, whose profiles live in
// the page's storage).
func (a *App) saveDir() (string, bool) {
	folder, ok := a.opts.Store.(*save.Store)
	if !ok || folder == nil {
		return "", false
	}
	return folder.Dir, true
}

func (a *App) classSetupPath() string {
	dir, ok := a.saveDir()
	if !ok {
		return ""
	}
	return filepath.Join(dir, classSetupName)
}

// savedSummary says what the saved game holds.
func (s *classSetupScene) savedSummary() string {
	if len(s.saved.Teams) == 0 {
		return "A saved game is waiting (Enter resumes it)."
	}
	look := ""
	if s.saved.Projector {
		look = ", projector look"
	}
	return fmt.Sprintf("Saved game: %s; %d of %d questions done%s; saved %s. Enter resumes it.", strings.Join(s.saved.Teams, ", "),
		s.saved.Index, s.saved.Len, look, s.saved.Saved.Local().Format("Mon 2 Jan 15:04"))
}

// remember starts from the set-up of the last game, when there is one.
func (s *classSetupScene) remember(a *App) {
	path := a.classSetupPath()
	if path == "" {
		return
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return
	}
	last, err := classroom.DecodeSetup(data)
	if err != nil {
		return // a damaged file: the defaults, and the next game rewrites it
	}
	s.teams = last.Teams
	known := map[string]bool{}
	for _, p := range a.Packs() {
		known[p.ID] = true
	}
	if slices.ContainsFunc(last.Packs, func(id string) bool { return known[id] }) {
		clear(s.selected)
		for _, id := range last.Packs {
			s.selected[id] = known[id]
		}
	}
	if slices.Contains([]int{5, 10, 20}, last.Length) {
		s.length = last.Length
	}
	s.difficulty, s.mode, s.hotSeat, s.projector = last.Difficulty, last.Mode, last.HotSeat, last.Projector
	for i, t := range classTimers {
		if t.d == last.TimeLimit {
			s.timer = i
		}
	}
	for i, b := range scoreboardChoices {
		if b.every == last.ScoreboardEvery {
			s.board = i
		}
	}
}

// keep writes the set-up of the game starting, for the next lesson.
func (s *classSetupScene) keep(a *App, packs []*pack.Pack) {
	path := a.classSetupPath()
	if path == "" {
		return
	}
	set := classroom.Setup{Teams: s.teams, Difficulty: s.difficulty, Length: s.length, TimeLimit: classTimers[s.timer].d, Mode: s.mode,
		ScoreboardEvery: scoreboardChoices[s.board].every, HotSeat: s.hotSeat, Projector: s.projector}
	for _, p := range packs {
		set.Packs = append(set.Packs, p.ID)
	}
	if data, err := set.Encode(); err == nil {
		save.WriteAtomic(path, data) // a set-up not kept only costs retyping
	}
}
