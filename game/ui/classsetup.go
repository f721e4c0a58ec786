package ui

import (
	"errors"
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/classroom"
	"gutskin/game/layout"
	"gutskin/game/pack"
	"gutskin/game/quiz"
	"gutskin/game/save"
)

// teamColors are the Okabe-Ito colours, distinct under the common forms of
// colour blindness; every team also carries its number, the key that
// chooses it (letters are answers).
var teamColors = []color.RGBA{rgb(0xe69f00), rgb(0x56b4e9), rgb(0x009e73), rgb(0xf0e442), rgb(0x0072b2), rgb(0xd55e00), rgb(0xcc79a7), rgb(0xbbbbbb)}

// teamNumber is the badge and key of team i.
func teamNumber(i int) string { return fmt.Sprint(i + 1) }

// defaultTeam is team i's name until the teacher gives one.
func defaultTeam(i int) string { return "Team " + teamNumber(i) }

var classTimers = []struct {
	label string
	d     time.Duration
}{{"Off", 0}, {"10 s", 10 * time.Second}, {"20 s", 20 * time.Second}, {"30 s", 30 * time.Second}, {"60 s", time.Minute}, {"4 min", 4 * time.Minute}}

var scoreboardChoices = []struct {
	label string
	every int
}{{"Every question", 1}, {"Every 3", 3}, {"Every 5", 5}, {"At the end", 1000}}

// classSaveName is the classroom game saved after every question.
const classSaveName = "classroom-current.json"

// classSetupName is the set-up last used, so the next lesson starts from
// the same class and settings.
const classSetupName = "classroom-setup.json"

func (a *App) classSavePath() string {
	dir, ok := a.saveDir()
	if !ok {
		return ""
	}
	return filepath.Join(dir, classSaveName)
}

// resultsDir is where classroom results are written.
func (a *App) resultsDir() string {
	if a.opts.ResultsDir != "" {
		return a.opts.ResultsDir
	}
	if dir, ok := a.saveDir(); ok {
		return filepath.Join(dir, "results")
	}
	return "."
}

// classSetupScene sets up teams, packs, length, timer, scoring and the
// scoreboard's rhythm.
type classSetupScene struct {
	teams      []string
	editing    int // team whose name is being typed, -1
	selected   map[string]bool
	length     int
	difficulty int               // 0: any level
	lesson     *classroom.Lesson // a prepared lesson, played instead of random questions
	timer      int
	mode       quiz.Mode
	board      int
	hotSeat    bool
	projector  bool
	btn        buttons
	message    string
	resumeable bool
	saved      classroom.SaveInfo // what the saved game holds
	replaceAt  time.Time          // the first Start over a saved game
	labels     []setupLabel
	msgY       float64
}

type setupLabel struct {
	y    float64
	text string
}

func newClassSetup(a *App) *classSetupScene {
	s := &classSetupScene{teams: []string{defaultTeam(0), defaultTeam(1), defaultTeam(2)}, editing: -1, selected: map[string]bool{},
		length: 10, timer: 3, mode: quiz.Accuracy}
	for _, p := range a.Packs() {
		s.selected[p.ID] = true
	}
	s.remember(a)
	if path := a.classSavePath(); path != "" {
		save.CleanTemps(path)
		if data, err := os.ReadFile(path); err == nil {
			s.resumeable = true
			if info, err := classroom.ReadSaveInfo(data); err == nil {
				s.saved = info
			}
		}
	}
	// The projector wants large type and high contrast; the teacher can
	// change both in Settings.
	return s
}

func (s *classSetupScene) layout(a *App) {
	u := a.unit()
	s.btn.reset()
	s.labels = s.labels[:0]
	x, w := 4*u, a.w-8*u
	y := 8 * u
	label := func(text string, h float64) {
		s.labels = append(s.labels, setupLabel{y + (h-a.textSize(0.9)*layout.LineHeightFactor)/2, text})
	}
	// Team count and names.
	label("Teams", 4.2*u)
	counts := layout.Grid(layout.Rect{X: x + 22*u, Y: y, W: w - 22*u, H: 4.2 * u}, classroom.MaxTeams, classroom.MaxTeams, 0.6*u)
	for i := range classroom.MaxTeams {
		n := i + 1
		s.btn.add(&button{id: fmt.Sprint("count:", n), r: counts[i], label: fmt.Sprint(n), selected: len(s.teams) == n, action: func() { s.setCount(n) }})
	}
	y += 5 * u
	rows := (len(s.teams) + 3) / 4
	names := layout.Grid(layout.Rect{X: x, Y: y, W: w, H: float64(rows)*4.2*u + float64(rows-1)*0.6*u}, len(s.teams), 4, 0.6*u)
	for i, name := range s.teams {
		k := i
		text := name
		if s.editing == i {
			text += "_"
		}
		fill := teamColors[i]
		s.btn.add(&button{id: fmt.Sprint("team:", i), r: names[i], label: text, hotkey: teamNumber(i), selected: s.editing == i, fill: &fill,
			action: func() { s.editing = k }})
	}
	y += 2*4.2*u + 0.6*u + 1.4*u // room for two rows of names, whatever the count
	packs := a.Packs()
	label("Packs", 2*3.8*u+0.6*u)
	cells := layout.Grid(layout.Rect{X: x + 22*u, Y: y, W: w - 22*u, H: 2*3.8*u + 0.6*u}, len(packs)+2, (len(packs)+3)/2, 0.6*u)
	s.btn.add(&button{id: "packs:all", r: cells[0], label: "All", action: func() {
		for _, p := range packs {
			s.selected[p.ID] = true
		}
	}})
	s.btn.add(&button{id: "packs:none", r: cells[1], label: "None", action: func() { clear(s.selected) }})
	for i, p := range packs {
		id := p.ID
		s.btn.add(&button{id: "pack:" + id, r: cells[i+2], label: p.Title, selected: s.selected[id], action: func() { s.selected[id] = !s.selected[id] }})
	}
	y += 2*3.8*u + 0.6*u + 1.4*u
	row := func(name, title string, labels []string, sel int, set func(int)) {
		label(title, 3.8*u)
		c := layout.Grid(layout.Rect{X: x + 22*u, Y: y, W: w - 22*u, H: 3.8 * u}, len(labels), len(labels), 0.6*u)
		for i, l := range labels {
			k := i
			s.btn.add(&button{id: fmt.Sprint(name, ":", i), r: c[i], label: l, selected: i == sel, action: func() { set(k) }})
		}
		y += 4.5 * u
	}
	row("display", "Display", []string{"As in Settings", "Projector: high contrast, extra-large text"}, map[bool]int{false: 0, true: 1}[s.projector],
		func(i int) { s.projector = i == 1 })
	row("answers", "Answers", []string{"Teacher enters each team's choice", "Hot-seat: teams answer in turn (all types)"}, map[bool]int{false: 0, true: 1}[s.hotSeat],
		func(i int) { s.hotSeat = i == 1 })
	// How many questions, and of which level, on one row.
	label("Questions", 3.8*u)
	qc := layout.Grid(layout.Rect{X: x + 22*u, Y: y, W: w - 22*u, H: 3.8 * u}, 9, 9, 0.6*u)
	random := s.lesson == nil
	for i, n := range []int{5, 10, 20} {
		s.btn.add(&button{id: fmt.Sprint("length:", i), r: qc[i], label: fmt.Sprint(n), selected: random && s.length == n, action: func() { s.length, s.lesson = n, nil }})
	}
	for i, l := range []string{"Any level", "Level 1", "Level 2", "Level 3"} {
		s.btn.add(&button{id: fmt.Sprint("difficulty:", i), r: qc[3+i], label: l, selected: random && s.difficulty == i,
			action: func() { s.difficulty, s.lesson = i, nil }})
	}
	lessonLabel := "Prepare a lesson…"
	if s.lesson != nil {
		lessonLabel = fmt.Sprintf("Lesson: %s (%d)", s.lesson.Title, len(s.lesson.Questions))
	}
	s.btn.add(&button{id: "lesson", r: layout.Rect{X: qc[7].X, Y: qc[7].Y, W: qc[8].X + qc[8].W - qc[7].X, H: qc[7].H}, label: lessonLabel, selected: !random,
		action: func() { a.goTo(newLesson(a, s)) }})
	y += 4.5 * u
	var tl []string
	for _, t := range classTimers {
		tl = append(tl, t.label)
	}
	row("timer", "Timer", tl, s.timer, func(i int) { s.timer = i })
	row("mode", "Scoring", []string{"Accuracy", "Standard (speed, streaks)", "Confidence"}, slices.Index(quiz.Modes, s.mode), func(i int) { s.mode = quiz.Modes[i] })
	var bl []string
	for _, b := range scoreboardChoices {
		bl = append(bl, b.label)
	}
	row("board", "Scoreboard", bl, s.board, func(i int) { s.board = i })
	s.msgY = y
	bh := 5.5 * u
	by := a.h - 4*u - bh - 1*u
	s.btn.add(&button{id: "back", r: layout.Rect{X: x, Y: by, W: 16 * u, H: bh}, label: "Back", action: func() { a.goTo(newTitle(a)) }})
	// With a saved game, Enter resumes it; a new game replaces it only
	// when asked twice.
	startLabel := "Start (Enter)"
	if s.resumeable {
		startLabel = "Start a new game"
		s.btn.add(&button{id: "resume", r: layout.Rect{X: a.w/2 - 17*u, Y: by, W: 34 * u, H: bh}, label: "Resume the saved game (Enter)", selected: true,
			action: func() { s.resume(a) }})
	}
	s.btn.add(&button{id: "start", r: layout.Rect{X: a.w - 4*u - 26*u, Y: by, W: 26 * u, H: bh}, label: startLabel, selected: !s.resumeable,
		action: func() { s.start(a) }})
}

func (s *classSetupScene) setCount(n int) {
	for len(s.teams) < n {
		s.teams = append(s.teams, defaultTeam(len(s.teams)))
	}
	s.teams = s.teams[:n]
	s.editing = -1
}

func (s *classSetupScene) start(a *App) {
	if s.resumeable {
		now := a.now()
		if s.replaceAt.IsZero() || now.Sub(s.replaceAt) > 4*time.Second {
			s.replaceAt = now
			s.message = "A new game replaces the saved one for good. Press Start a new game again to replace it, or Enter to resume."
			return
		}
	}
	var packs []*pack.Pack
	for _, p := range a.Packs() {
		if s.selected[p.ID] {
			packs = append(packs, p)
		}
	}
	var questions []string
	if s.lesson != nil { // a lesson plays its own questions, whatever the packs ticked
		packs, questions = a.Packs(), s.lesson.Questions
	}
	if len(packs) == 0 {
		s.message = "Choose at least one pack."
		return
	}
	g, err := classroom.New(classroom.Config{Teams: s.teams, Packs: packs, Length: s.length, Seed: a.opts.Seed(), Mode: s.mode, Difficulty: s.difficulty,
		TimeLimit: classTimers[s.timer].d, ScoreboardEvery: scoreboardChoices[s.board].every, HotSeat: s.hotSeat, Projector: s.projector, Questions: questions})
	if errors.Is(err, quiz.ErrNoQuestions) {
		s.message = "No question of that level in the chosen packs (teacher entry asks choice questions only)."
		return
	}
	if err != nil {
		s.message = err.Error()
		return
	}
	s.keep(a, s.packsChosen(a))
	p := newClassPlay(a, g)
	p.persist(a) // the new game replaces the saved one now, as asked
	a.goTo(p)
}

func (s *classSetupScene) resume(a *App) {
	data, err := os.ReadFile(a.classSavePath())
	if err == nil {
		var g *classroom.Game
		if g, err = classroom.Resume(data, a.Packs()); err == nil {
			a.goTo(newClassPlay(a, g))
			return
		}
	}
	s.message = "Cannot resume: " + err.Error()
}

func (s *classSetupScene) Update(a *App, evs []Event) {
	s.layout(a)
	// The keyboard sends a space as a key and as a typed character; the
	// character keeps its place among the letters of the tick.
	spaceTyped := slices.ContainsFunc(evs, func(ev Event) bool { return ev.Kind == EvRune && ev.Rune == ' ' })
	for _, ev := range evs {
		if s.editing >= 0 {
			name := []rune(s.teams[s.editing])
			switch {
			case ev.Kind == EvKey && (ev.Key == KeyEnter || ev.Key == KeyEscape || ev.Key == KeyTab):
				s.teams[s.editing] = strings.TrimSpace(s.teams[s.editing])
				if s.teams[s.editing] == "" {
					s.teams[s.editing] = defaultTeam(s.editing)
				}
				s.editing = -1
			case ev.Kind == EvKey && ev.Key == KeyBackspace:
				if len(name) > 0 {
					s.teams[s.editing] = string(name[:len(name)-1])
				}
			case ev.Kind == EvKey && ev.Key == KeySpace:
				if !spaceTyped && len(name) < 24 {
					s.teams[s.editing] += " "
				}
			case ev.Kind == EvRune && ev.Rune == ' ':
				if len(name) < 24 {
					s.teams[s.editing] += " "
				}
			case ev.Kind == EvRune && len(name) < 24 && (unicode.IsLetter(ev.Rune) || unicode.IsDigit(ev.Rune) || strings.ContainsRune("-'&.!", ev.Rune)):
				s.teams[s.editing] += string(ev.Rune)
			default:
				s.btn.handle(ev)
			}
			s.layout(a)
			continue
		}
		if ev.Kind == EvKey && ev.Key == KeyEscape {
			a.goTo(newTitle(a))
			return
		}
		if ev.Kind == EvKey && ev.Key == KeyEnter && (s.btn.focused() == nil || !s.btn.keyNav) {
			if s.resumeable {
				s.resume(a)
			} else {
				s.start(a)
			}
			return
		}
		s.btn.handle(ev)
		if a.scene != s {
			return
		}
		s.layout(a)
	}
}

func (s *classSetupScene) Animating(a *App) bool { return false }

func (s *classSetupScene) Draw(a *App, dst *ebiten.Image) {
	s.layout(a)
	u := a.unit()
	t := a.theme
	a.fonts.drawLine(dst, "Classroom game", 4*u, 2*u, a.textSize(1.6), true, t.Text, Left)
	for _, l := range s.labels {
		a.fonts.drawLine(dst, l.text, 4*u, l.y, a.textSize(0.9), true, t.Text, Left)
	}
	s.btn.draw(a, dst)
	msg := "Click a team to rename it. Teacher entry asks choice questions; in confidence scoring the same letter again changes how sure a team is. Hot-seat asks every type, each team in turn."
	clr := t.Muted
	if s.resumeable {
		msg, clr = s.savedSummary(), t.Text
	}
	if s.message != "" {
		msg, clr = s.message, t.Wrong
	}
	// The note keeps clear of the buttons: lines that do not fit are left
	// out rather than drawn over them.
	room := a.h - 4*u - 6.5*u - s.msgY - u
	blk, _ := layout.Fit(msg, a.textSize(0.8), a.minText(), a.w-8*u, room, a.fonts.Measure)
	for blk.Height > room && len(blk.Lines) > 1 {
		blk.Lines = blk.Lines[:len(blk.Lines)-1]
		blk.Height = float64(len(blk.Lines)) * blk.LineHeight
	}
	a.fonts.drawBlock(dst, blk, 4*u, s.msgY, false, clr, Left)
	if s.resumeable {
		hintBar(a, dst, "Enter resumes", "Esc back")
	} else {
		hintBar(a, dst, "Arrows + Enter choose", "Enter starts", "Esc back")
	}
}
