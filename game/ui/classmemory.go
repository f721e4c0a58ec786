package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"gutskin/game/classroom"
	"gutskin/game/layout"
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

// classesName is the file of the named classes, beside the set-up.
const classesName = "classroom-classes.json"

func (a *App) classesPath() string {
	dir, ok := a.saveDir()
	if !ok {
		return ""
	}
	return filepath.Join(dir, classesName)
}

// loadClasses reads the saved classes. A damaged file is moved aside (so
// the next save cannot destroy it) and the set-up says so; when it cannot
// be moved, classes are not saved in this set-up.
func (s *classSetupScene) loadClasses(a *App) {
	path := a.classesPath()
	if path == "" {
		return
	}
	save.CleanTemps(path)
	data, err := os.ReadFile(path)
	if err != nil {
		return // none saved yet
	}
	list, err := classroom.DecodeClasses(data)
	if err == nil {
		s.classes = list
		return
	}
	aside := path + ".damaged-" + a.now().UTC().Format("20060102-150405")
	if rerr := os.Rename(path, aside); rerr != nil {
		s.classesBad = true
		s.message = fmt.Sprintf("The saved classes could not be read (%v) and are left as they are; no class can be saved now.", err)
		return
	}
	s.message = fmt.Sprintf("The saved classes could not be read (%v). The file was kept as %s; new classes can be saved.", err, filepath.Base(aside))
}

// writeClasses stores list atomically; on success it becomes the list.
func (s *classSetupScene) writeClasses(a *App, list classroom.Classes) bool {
	path := a.classesPath()
	if path == "" || s.classesBad {
		s.message = "Classes cannot be saved here (no config folder, or a damaged file in the way)."
		return false
	}
	data, err := list.Encode()
	if err == nil {
		err = save.WriteAtomic(path, data)
	}
	if err != nil {
		s.message = "The class was not saved: " + err.Error()
		return false
	}
	s.classes = list
	return true
}

// saveClass keeps the current team list under the typed name.
func (s *classSetupScene) saveClass(a *App) {
	s.message, s.info, s.typingClass = "", "", false
	name := classroom.ClassName(s.className)
	list, err := s.classes.Save(name, s.teams)
	if err != nil {
		s.message = "The class was not saved: " + err.Error() + "."
		return
	}
	if s.writeClasses(a, list) {
		s.className = name
		s.info = fmt.Sprintf("Class %s saved with %d teams.", name, len(s.teams))
	}
}

// pickClass fills the teams from saved class i.
func (s *classSetupScene) pickClass(i int) {
	if i < 0 || i >= len(s.classes) {
		return
	}
	c := s.classes[i]
	s.teams = slices.Clone(c.Teams)
	s.className, s.editing, s.typingClass, s.message = c.Name, -1, false, ""
	s.info = fmt.Sprintf("Class %s: %d teams (%s).", c.Name, len(c.Teams), strings.Join(c.Teams, ", "))
}

// deleteClass deletes the class named in the field, when pressed twice.
func (s *classSetupScene) deleteClass(a *App) {
	s.message, s.info, s.typingClass = "", "", false
	name := classroom.ClassName(s.className)
	if s.classes.Index(name) < 0 {
		s.message = "Pick a saved class first, then Delete."
		return
	}
	now := a.now()
	if s.deleteAt.IsZero() || now.Sub(s.deleteAt) > 4*time.Second {
		s.deleteAt = now
		s.info = fmt.Sprintf("Press Delete again to delete the class %s (the teams on screen stay).", name)
		return
	}
	s.deleteAt = time.Time{}
	if s.writeClasses(a, s.classes.Delete(name)) {
		s.info = fmt.Sprintf("Class %s deleted.", name)
	}
}

// layoutClasses places the named classes on the teams' row: the name
// field, Save, a button that picks the saved classes in turn, and Delete.
func (s *classSetupScene) layoutClasses(a *App, area layout.Rect) {
	u := a.unit()
	gap := 0.6 * u
	weights := []float64{2.4, 1, 1.3, 1}
	unit := (area.W - gap*float64(len(weights)-1)) / 5.7
	var cells []layout.Rect
	x := area.X
	for _, wt := range weights {
		cells = append(cells, layout.Rect{X: x, Y: area.Y, W: unit * wt, H: area.H})
		x += unit*wt + gap
	}
	field := "Class: " + s.className
	switch {
	case s.typingClass:
		field += "_"
	case s.className == "":
		field = "Name this class"
	}
	s.btn.add(&button{id: "class:name", r: cells[0], label: field, selected: s.typingClass,
		action: func() { s.typingClass, s.editing = true, -1 }})
	s.btn.add(&button{id: "class:save", r: cells[1], label: "Save class", action: func() { s.saveClass(a) }})
	pick := "No saved class"
	if n := len(s.classes); n > 0 {
		pick = fmt.Sprintf("Pick (%d saved)", n)
		if i := s.classes.Index(s.className); i >= 0 {
			pick = fmt.Sprintf("Next (%d of %d)", i+1, n)
		}
	}
	s.btn.add(&button{id: "class:pick", r: cells[2], label: pick, action: func() { s.pickClass((s.classes.Index(s.className) + 1) % max(1, len(s.classes))) }})
	s.btn.add(&button{id: "class:delete", r: cells[3], label: "Delete", action: func() { s.deleteClass(a) }})
}
