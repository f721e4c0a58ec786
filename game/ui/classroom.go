package ui

import (
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
// colour blindness; every team also carries a letter.
var teamColors = []color.RGBA{rgb(0xe69f00), rgb(0x56b4e9), rgb(0x009e73), rgb(0xf0e442), rgb(0x0072b2), rgb(0xd55e00), rgb(0xcc79a7), rgb(0xbbbbbb)}

const teamLetters = "ABCDEFGH"

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

func (a *App) classSavePath() string {
	folder, ok := a.opts.Store.(*save.Store)
	if !ok { // no save folder (none, or the browser's storage)
		return ""
	}
	return filepath.Join(folder.Dir, classSaveName)
}

// resultsDir is where classroom results are written.
func (a *App) resultsDir() string {
	if a.opts.ResultsDir != "" {
		return a.opts.ResultsDir
	}
	if folder, ok := a.opts.Store.(*save.Store); ok {
		return filepath.Join(folder.Dir, "results")
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
	timer      int
	mode       quiz.Mode
	board      int
	hotSeat    bool
	projector  bool
	btn        buttons
	message    string
	resumeable bool
	labels     []setupLabel
	msgY       float64
}

type setupLabel struct {
	y    float64
	text string
}

func newClassSetup(a *App) *classSetupScene {
	s := &classSetupScene{teams: []string{"Team A", "Team B", "Team C"}, editing: -1, selected: map[string]bool{},
		length: 10, timer: 3, mode: quiz.Accuracy}
	for _, p := range a.Packs() {
		s.selected[p.ID] = true
	}
	if path := a.classSavePath(); path != "" {
		save.CleanTemps(path)
		_, err := os.Stat(path)
		s.resumeable = err == nil
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
		s.btn.add(&button{id: fmt.Sprint("team:", i), r: names[i], label: text, hotkey: string(teamLetters[i]), selected: s.editing == i, fill: &fill,
			action: func() { s.editing = k }})
	}
	y += 2*4.2*u + 0.6*u + 1.4*u // room for two rows of names, whatever the count
	packs := a.Packs()
	label("Packs", 2*3.8*u+0.6*u)
	cells := layout.Grid(layout.Rect{X: x + 22*u, Y: y, W: w - 22*u, H: 2*3.8*u + 0.6*u}, len(packs)+1, (len(packs)+2)/2, 0.6*u)
	s.btn.add(&button{id: "packs:all", r: cells[0], label: "All", action: func() {
		for _, p := range packs {
			s.selected[p.ID] = true
		}
	}})
	for i, p := range packs {
		id := p.ID
		s.btn.add(&button{id: "pack:" + id, r: cells[i+1], label: p.Title, selected: s.selected[id], action: func() { s.selected[id] = !s.selected[id] }})
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
	row("length", "Questions", []string{"5", "10", "20"}, slices.Index([]int{5, 10, 20}, s.length), func(i int) { s.length = []int{5, 10, 20}[i] })
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
	if s.resumeable {
		s.btn.add(&button{id: "resume", r: layout.Rect{X: a.w/2 - 15*u, Y: by, W: 30 * u, H: bh}, label: "Resume the saved game", action: func() { s.resume(a) }})
	}
	s.btn.add(&button{id: "start", r: layout.Rect{X: a.w - 4*u - 26*u, Y: by, W: 26 * u, H: bh}, label: "Start (Enter)", selected: true, action: func() { s.start(a) }})
}

func (s *classSetupScene) setCount(n int) {
	for len(s.teams) < n {
		s.teams = append(s.teams, "Team "+string(teamLetters[len(s.teams)]))
	}
	s.teams = s.teams[:n]
	s.editing = -1
}

func (s *classSetupScene) start(a *App) {
	var packs []*pack.Pack
	for _, p := range a.Packs() {
		if s.selected[p.ID] {
			packs = append(packs, p)
		}
	}
	g, err := classroom.New(classroom.Config{Teams: s.teams, Packs: packs, Length: s.length, Seed: a.opts.Seed(), Mode: s.mode,
		TimeLimit: classTimers[s.timer].d, ScoreboardEvery: scoreboardChoices[s.board].every, HotSeat: s.hotSeat})
	if err != nil {
		s.message = err.Error()
		return
	}
	a.setProjector(s.projector)
	a.goTo(newClassPlay(a, g))
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
	for _, ev := range evs {
		if s.editing >= 0 {
			name := []rune(s.teams[s.editing])
			switch {
			case ev.Kind == EvKey && (ev.Key == KeyEnter || ev.Key == KeyEscape || ev.Key == KeyTab):
				if strings.TrimSpace(string(name)) == "" {
					s.teams[s.editing] = "Team " + string(teamLetters[s.editing])
				}
				s.editing = -1
			case ev.Kind == EvKey && ev.Key == KeyBackspace:
				if len(name) > 0 {
					s.teams[s.editing] = string(name[:len(name)-1])
				}
			case ev.Kind == EvKey && ev.Key == KeySpace:
				s.teams[s.editing] += " "
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
			s.start(a)
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
	msg := "Click a team to rename it. When the teacher enters the answers, only choice questions are asked; in confidence scoring the same letter again changes how sure a team is. Hot-seat asks every type: each team answers on the card in turn (Page Down passes a team)."
	clr := t.Muted
	if s.message != "" {
		msg, clr = s.message, t.Wrong
	}
	blk, _ := layout.Fit(msg, a.textSize(0.8), a.minText(), a.w-8*u, a.h-4*u-6.5*u-s.msgY-u, a.fonts.Measure)
	a.fonts.drawBlock(dst, blk, 4*u, s.msgY, false, clr, Left)
	hintBar(a, dst, "Arrows + Enter choose", "Enter starts", "Esc back")
}

// classView is what the classroom screen shows between questions.
type classView int

const (
	viewQuestion classView = iota
	viewReveal
	viewBoard
	viewResults
)

// classPlayScene runs the game on the projector.
type classPlayScene struct {
	g        *classroom.Game
	view     classView
	team     int // team whose answer the next choice sets, -1
	blank    bool
	hideKeys bool
	btn      buttons
	card     layout.Rect
	saveErr  string
	csvPath  string
	htmlPath string
	endAt    time.Time // first E: a second within 3 s ends the game
	adjustBy int

	// Hot-seat: the team at the controls and its card.
	seat      *playScene
	turn      int
	turnStart time.Time
	escAt     time.Time
}

func newClassPlay(a *App, g *classroom.Game) *classPlayScene {
	s := &classPlayScene{g: g, team: -1, adjustBy: 100}
	if g.Phase() == classroom.Locked {
		s.view = viewReveal
	}
	if g.Phase() == classroom.Done {
		s.finish(a)
	}
	return s
}

// persist saves the game after every question, atomically.
func (s *classPlayScene) persist(a *App) {
	path := a.classSavePath()
	if path == "" {
		return
	}
	data, err := s.g.Save(a.now())
	if err == nil {
		err = save.WriteAtomic(path, data)
	}
	s.saveErr = ""
	if err != nil {
		s.saveErr = "The game cannot be saved: " + err.Error()
	}
}

func (s *classPlayScene) finish(a *App) {
	s.view = viewResults
	c, h, err := s.g.WriteResults(a.resultsDir(), a.now())
	if err != nil {
		s.saveErr = "Results not written: " + err.Error()
		return
	}
	s.csvPath, s.htmlPath = c, h
	if path := a.classSavePath(); path != "" {
		os.Remove(path) // the results are kept; the game is over
	}
}

func (s *classPlayScene) lock(a *App) {
	if _, err := s.g.Lock(a.now()); err == nil {
		s.view = viewReveal
		s.team = -1
		s.persist(a)
	}
}

// advance is the clicker's "next": start the timer, lock, reveal, board,
// next question.
func (s *classPlayScene) advance(a *App) {
	switch s.view {
	case viewQuestion:
		if s.g.Config().TimeLimit > 0 && !s.g.TimerRunning() {
			s.g.StartTimer(a.now())
			return
		}
		s.lock(a)
	case viewReveal:
		if s.g.ScoreboardDue() {
			s.view = viewBoard
			return
		}
		s.next(a)
	case viewBoard:
		s.next(a)
	}
}

func (s *classPlayScene) next(a *App) {
	s.g.Next()
	s.persist(a)
	if s.g.Phase() == classroom.Done {
		s.finish(a)
		return
	}
	s.view = viewQuestion
}

// back is the clicker's "previous": board to reveal, reveal to the open
// question (the lock undone).
func (s *classPlayScene) back(a *App) {
	switch s.view {
	case viewBoard:
		s.view = viewReveal
	case viewReveal:
		if s.g.Undo() == nil {
			s.reopen(a)
		}
	}
}

// reopen goes back to the open question after an undone lock; in hot-seat
// the last team gets its turn again.
func (s *classPlayScene) reopen(a *App) {
	s.view = viewQuestion
	if s.g.Config().HotSeat {
		s.g.ClearAnswer(len(s.g.Teams()) - 1)
		s.seat = nil
	}
	s.persist(a)
}

// pick sets the selected team's answer to a choice (toggles it in multi).
func (s *classPlayScene) pick(a *App, display int) {
	it := s.g.Current()
	if it == nil || s.team < 0 || display >= len(it.ChoiceOrder) {
		return
	}
	ci := it.ChoiceOrder[display]
	ans, had := s.g.Answer(s.team)
	confident := s.g.Config().Mode == quiz.Confident
	if confident && had && it.Question.Type != pack.Multi && slices.Equal(ans.Choices, []int{ci}) {
		// The same letter again: how sure the team is, in turn.
		ans.Confidence = ans.Confidence%quiz.Sure + 1
		s.g.SetAnswer(s.team, ans, a.now())
		return
	}
	if it.Question.Type == pack.Multi {
		if i := slices.Index(ans.Choices, ci); i >= 0 {
			ans.Choices = slices.Delete(slices.Clone(ans.Choices), i, i+1)
		} else {
			ans.Choices = append(slices.Clone(ans.Choices), ci)
		}
	} else {
		ans.Choices = []int{ci}
	}
	if confident && ans.Confidence == quiz.NoConfidence {
		ans.Confidence = quiz.FairlySure
	}
	if len(ans.Choices) == 0 {
		s.g.ClearAnswer(s.team)
	} else {
		s.g.SetAnswer(s.team, ans, a.now())
	}
	if it.Question.Type != pack.Multi && !confident { // on to the next team without an answer
		for k := 1; k <= len(s.g.Teams()); k++ {
			n := (s.team + k) % len(s.g.Teams())
			if _, ok := s.g.Answer(n); !ok {
				s.team = n
				return
			}
		}
		s.team = -1 // every team has answered: letters are the teacher's again
	}
}

// startTurn gives the card to the next team without an answer, or locks
// the question when every team has had its turn.
func (s *classPlayScene) startTurn(a *App, from int) {
	it := s.g.Current()
	for t := from; t < len(s.g.Teams()); t++ {
		if _, ok := s.g.Answer(t); ok {
			continue
		}
		// Each team gets the whole time limit for its own turn.
		r, err := quiz.New(quiz.Config{Packs: []*pack.Pack{it.Pack}, Only: []string{it.Key()}, Seed: uint64(s.g.Index()*97 + t + 1),
			Mode: s.g.Config().Mode, TimeLimit: s.g.Config().TimeLimit})
		if err != nil {
			break
		}
		team := t
		s.seat = newPlay(a, r, []*pack.Pack{it.Pack}, false)
		s.seat.offset = 3.5 * a.unit()
		s.seat.bare = true
		s.turn, s.turnStart = team, a.now()
		s.seat.onAnswer = func(ans quiz.Answer) {
			s.g.SetAnswerTook(team, ans, a.now().Sub(s.turnStart))
			s.startTurn(a, team+1)
		}
		s.seat.onTimeout = func() { s.startTurn(a, team+1) } // no answer in time
		return
	}
	s.seat = nil
	s.lock(a)
}

// leave goes back to the set-up on a second Esc within three seconds; the
// game stays saved and can be resumed from there.
func (s *classPlayScene) leave(a *App) {
	now := a.now()
	if !s.escAt.IsZero() && now.Sub(s.escAt) < 3*time.Second {
		s.persist(a)
		a.goTo(newClassSetup(a))
		return
	}
	s.escAt = now
	a.showToast("Press Esc again to leave the game: it is saved, and the set-up can resume it")
}

// hotSeatUpdate hands the events to the team's card; Page Down passes the
// team's turn, Esc twice leaves the game.
func (s *classPlayScene) hotSeatUpdate(a *App, evs []Event) {
	if len(evs) == 0 { // the card's timer runs without input
		s.seat.Update(a, nil)
		a.scene = s
		return
	}
	for _, ev := range evs {
		if s.seat == nil {
			return
		}
		if ev.Kind == EvKey && ev.Key == KeyEscape {
			s.leave(a)
			if a.scene != s {
				return
			}
			continue
		}
		if ev.Kind == EvKey && ev.Key == KeyPageDown { // the clicker's "next": this team passes
			s.startTurn(a, s.turn+1)
			continue
		}
		s.seat.Update(a, []Event{ev})
		a.scene = s // the card never leaves the classroom
	}
}

func (s *classPlayScene) Update(a *App, evs []Event) {
	now := a.now()
	if s.g.Config().HotSeat && s.view == viewQuestion && s.g.Phase() == classroom.Asking {
		if s.seat == nil {
			s.startTurn(a, 0)
		}
		if s.seat != nil {
			s.hotSeatUpdate(a, evs)
			return
		}
	}
	if s.view == viewQuestion && s.g.TimeUp(now) && !s.g.Paused() {
		s.lock(a)
	}
	s.layout(a)
	for _, ev := range evs {
		if s.handle(a, ev) {
			s.layout(a)
		}
		if a.scene != s {
			return
		}
	}
}

// handle reacts to one event; it reports whether something changed.
func (s *classPlayScene) handle(a *App, ev Event) bool {
	now := a.now()
	if ev.Kind == EvKey {
		switch ev.Key {
		case KeyPageDown, KeyRight, KeySpace, KeyEnter:
			if s.blank {
				s.blank = false
				return true
			}
			if ev.Key == KeyEnter && s.btn.keyNav && s.btn.focused() != nil {
				break // Enter on a focused button
			}
			if s.view == viewResults {
				return false
			}
			s.advance(a)
			return true
		case KeyPageUp, KeyLeft:
			s.back(a)
			return true
		case KeyEscape:
			if s.view == viewResults {
				a.goTo(newTitle(a))
				return true
			}
			if s.team >= 0 {
				s.team = -1 // first, no team chosen
				return true
			}
			s.leave(a)
			return true
		}
	}
	if ev.Kind == EvRune {
		r := toLowerASCII(ev.Rune)
		// While a team is chosen on an open question, A-F are its answer;
		// otherwise the letters are the teacher's keys (B blanks, as
		// presenter clickers send it).
		choosing := s.view == viewQuestion && s.team >= 0 && !s.blank
		switch {
		case choosing && r >= 'a' && r <= 'f':
			s.pick(a, int(r-'a'))
			return true
		case r == 'b' || r == '.':
			s.blank = !s.blank
			return true
		case s.blank:
			return false
		case r >= '1' && r <= '8':
			if n := int(r - '1'); n < len(s.g.Teams()) {
				s.team = n
			}
			return true
		case r == 'p':
			if s.g.Paused() {
				s.g.Resume(now)
			} else {
				s.g.Pause(now)
			}
			return true
		case r == 's' && s.view == viewQuestion:
			s.g.Skip(now)
			s.persist(a)
			if s.g.Phase() == classroom.Done {
				s.finish(a)
			}
			return true
		case r == 'u':
			if s.g.Undo() == nil {
				if s.g.Phase() == classroom.Asking {
					s.reopen(a)
				} else {
					s.persist(a)
				}
			}
			return true
		case (r == '+' || r == '=' || r == '-') && s.team >= 0:
			pts := s.adjustBy
			if r == '-' {
				pts = -pts
			}
			s.g.Adjust(s.team, pts, "by hand")
			s.persist(a)
			return true
		case r == 'h':
			s.hideKeys = !s.hideKeys
			return true
		case r == 'e' && s.view != viewResults:
			if !s.endAt.IsZero() && now.Sub(s.endAt) < 3*time.Second {
				s.g.EndEarly()
				s.finish(a)
			} else {
				s.endAt = now
				a.showToast("Press E again to end the game now")
			}
			return true
		}
	}
	if s.blank {
		return false
	}
	return s.btn.handle(ev)
}

func (s *classPlayScene) Animating(a *App) bool {
	if s.seat != nil {
		return s.seat.Animating(a)
	}
	return s.view == viewQuestion && s.g.TimerRunning() && !s.g.Paused() && s.g.Config().TimeLimit > 0
}

// layout places the card, the choices and the team strip.
func (s *classPlayScene) layout(a *App) {
	u := a.unit()
	s.btn.reset()
	strip := layout.Rect{X: 3 * u, Y: a.h - 4*u - 7*u, W: a.w - 6*u, H: 6 * u}
	s.card = layout.Rect{X: 3 * u, Y: 7 * u, W: a.w - 6*u, H: strip.Y - 8*u}
	if s.view == viewResults {
		bh := 5.5 * u
		s.btn.add(&button{id: "menu", r: layout.Rect{X: a.w - 4*u - 20*u, Y: a.h - 4*u - bh - 1.5*u, W: 20 * u, H: bh}, label: "Menu", selected: true,
			action: func() { a.goTo(newTitle(a)) }})
		return
	}
	teams := layout.Grid(strip, len(s.g.Teams()), len(s.g.Teams()), u)
	for i, name := range s.g.Teams() {
		k := i
		fill := teamColors[i]
		b := s.btn.add(&button{id: fmt.Sprint("team:", i), r: teams[i], label: name, hotkey: string(teamLetters[i]), fill: &fill,
			selected: s.team == i, action: func() { s.team = k }})
		if ans, ok := s.g.Answer(i); ok && s.view == viewQuestion {
			b.sub = "answered"
			if s.g.Config().Mode == quiz.Confident {
				b.sub = "answered · " + strings.ToLower(ans.Confidence.Label())
			}
		}
	}
	it := s.g.Current()
	if it == nil || s.view != viewQuestion {
		return
	}
	inner := s.card.Inset(2 * u)
	body := layout.Rect{X: inner.X, Y: inner.Y + inner.H*0.34, W: inner.W, H: inner.H * 0.66}
	cells := layout.Grid(body, len(it.ChoiceOrder), 2, u)
	for k := range it.ChoiceOrder {
		kk := k
		ci := it.ChoiceOrder[k]
		b := s.btn.add(&button{id: fmt.Sprint("choice:", k), r: cells[k], label: it.Question.Choices[ci].Text, hotkey: string(letters[k]),
			action: func() { s.pick(a, kk) }})
		if s.team >= 0 {
			if ans, ok := s.g.Answer(s.team); ok && slices.Contains(ans.Choices, ci) {
				b.selected = true
			}
		}
	}
}

func (s *classPlayScene) Draw(a *App, dst *ebiten.Image) {
	s.layout(a)
	u := a.unit()
	t := a.theme
	if s.blank {
		dst.Fill(color.Black)
		return
	}
	if s.seat != nil && s.view == viewQuestion {
		s.seat.Draw(a, dst)
		// Whose turn it is, in the team's colour, over the top.
		bar := layout.Rect{W: a.w, H: 3.5 * u}
		fillRect(dst, bar, teamColors[s.turn])
		a.fonts.drawLine(dst, fmt.Sprintf("%s's turn (question %d of %d): the other teams look away", s.g.Teams()[s.turn], s.g.Index()+1, s.g.Len()),
			a.w/2, (bar.H-a.textSize(1)*layout.LineHeightFactor)/2, a.textSize(1), true, color.Black, Center)
		return
	}
	it := s.g.Current()
	if s.view != viewResults {
		head := fmt.Sprintf("Question %d of %d", min(s.g.Index()+1, s.g.Len()), s.g.Len())
		if s.g.Paused() {
			head += " · paused (P resumes)"
		}
		a.fonts.drawLine(dst, head, 3*u, 2*u, a.textSize(1.1), true, t.Text, Left)
	}
	if s.view == viewQuestion && s.g.Config().TimeLimit > 0 {
		left := "timer not started (Space)"
		if s.g.TimerRunning() {
			left = fmt.Sprintf("%d s left", int(s.g.Remaining(a.now()).Seconds()+0.999))
		}
		a.fonts.drawLine(dst, left, a.w-3*u, 2*u, a.textSize(1.1), true, t.Accent, Right)
	}
	if s.view != viewResults {
		fillRound(dst, s.card, u, t.Card)
		strokeRound(dst, s.card, u, max(1, u*0.15), t.CardBorder)
	}
	inner := s.card.Inset(2 * u)
	switch s.view {
	case viewQuestion:
		blk, _ := layout.Fit(it.Question.Prompt, a.textSize(1.8), a.minText(), inner.W, inner.H*0.32, a.fonts.MeasureBold)
		a.fonts.drawBlock(dst, blk, inner.X, inner.Y, true, t.Text, Left)
	case viewReveal:
		s.drawReveal(a, dst, inner)
	case viewBoard:
		s.drawBoard(a, dst, inner)
	case viewResults:
		s.drawResults(a, dst)
	}
	s.btn.draw(a, dst)
	if s.saveErr != "" {
		a.fonts.drawLine(dst, s.saveErr, 3*u, a.h-3.2*u, a.textSize(0.7), false, t.Wrong, Left)
	}
	switch {
	case s.view == viewResults:
		hintBar(a, dst, "Esc or Menu: back to the title")
	case !s.hideKeys:
		hintBar(a, dst, "Space next", "PageUp back", "1-8 team, A-F answer", "P pause", "S skip", "U undo", "+/- points", "B blank", "E end", "H hide")
	}
}

func (s *classPlayScene) drawReveal(a *App, dst *ebiten.Image, box layout.Rect) {
	t := a.theme
	u := a.unit()
	recs := s.g.Records()
	if len(recs) == 0 {
		return
	}
	it := s.g.Items()[recs[len(recs)-1].Index]
	q := it.Question
	room := s.g.Reveal()
	n := len(s.g.Teams())
	var items []revealLine
	add := func(text string, f float64, bold bool, clr color.RGBA) {
		m := a.fonts.Measure
		if bold {
			m = a.fonts.MeasureBold
		}
		items = append(items, revealLine{item: layout.StackItem{Text: text, Factor: f, Measure: m, Gap: 0.4}, bold: bold, clr: clr})
	}
	add(q.Prompt, 1.1, true, t.Text)
	add(fmt.Sprintf("%d of %d teams right. Right answer: %s", room.Right, n, correctAnswerText(q)), 1.1, true, t.Right)
	for _, c := range room.Choices {
		if len(c.Teams) == 0 {
			continue
		}
		var who []string
		for _, tm := range c.Teams {
			who = append(who, s.g.Teams()[tm])
		}
		line := fmt.Sprintf("%s: %d of %d teams (%s)", q.Choices[c.Choice].Text, len(c.Teams), n, strings.Join(who, ", "))
		clr := t.Text
		if !c.Correct && c.Misconception != "" {
			line = fmt.Sprintf("%d of %d teams: %s (%s)", len(c.Teams), n, c.Misconception, q.Choices[c.Choice].Text)
			clr = t.Wrong
		}
		add(line, 0.9, false, clr)
	}
	add(q.Explanation, 1.0, false, t.Text)
	add(sourceText(q)+" · Evidence: "+q.Evidence.Label(), 0.7, false, t.Muted)
	stack := make([]layout.StackItem, len(items))
	for i := range items {
		stack[i] = items[i].item
	}
	blocks, tops, _, _ := layout.FitStack(stack, a.textSize(1.3), a.minText(), box.W, box.H)
	for i := range items {
		a.fonts.drawBlock(dst, blocks[i], box.X, box.Y+tops[i], items[i].bold, items[i].clr, Left)
	}
	_ = u
}

func (s *classPlayScene) drawBoard(a *App, dst *ebiten.Image, box layout.Rect) {
	t := a.theme
	u := a.unit()
	board := s.g.Scoreboard()
	size := a.textSize(1.4)
	a.fonts.drawLine(dst, "Scoreboard", box.X, box.Y, size*1.1, true, t.Text, Left)
	rowH := min((box.H-size*1.8)/float64(len(board)), size*2)
	y := box.Y + size*1.8
	for _, st := range board {
		fill := teamColors[st.Team]
		badge := layout.Rect{X: box.X, Y: y, W: rowH * 0.8, H: rowH * 0.8}
		fillRound(dst, badge, u*0.5, fill)
		a.fonts.drawLine(dst, string(teamLetters[st.Team]), badge.X+badge.W/2, badge.Y+(badge.H-size*0.8*layout.LineHeightFactor)/2, size*0.8, true, color.Black, Center)
		change := ""
		switch {
		case st.Change > 0:
			change = fmt.Sprintf("  up %d", st.Change)
		case st.Change < 0:
			change = fmt.Sprintf("  down %d", -st.Change)
		}
		a.fonts.drawLine(dst, fmt.Sprintf("%d. %s%s", st.Rank, st.Name, change), badge.X+badge.W+u, y+(rowH*0.8-size*layout.LineHeightFactor)/2, size, true, t.Text, Left)
		detail := fmt.Sprintf("%d points (%d right", st.Total, st.Right)
		if st.Bonus != 0 {
			detail += fmt.Sprintf(", %d speed and streak", st.Bonus)
		}
		if st.Manual != 0 {
			detail += fmt.Sprintf(", %+d by hand", st.Manual)
		}
		a.fonts.drawLine(dst, detail+")", box.X+box.W, y+(rowH*0.8-size*0.8*layout.LineHeightFactor)/2, size*0.8, false, t.Text, Right)
		y += rowH
	}
}

func (s *classPlayScene) drawResults(a *App, dst *ebiten.Image) {
	t := a.theme
	u := a.unit()
	board := s.g.Scoreboard()
	a.fonts.drawLine(dst, "Results", 4*u, 7*u, a.textSize(1.8), true, t.Text, Left)
	// The podium: first three places, tallest in the middle.
	heights := []float64{1, 0.75, 0.55}
	order := []int{1, 0, 2}
	base := a.h * 0.55
	w := (a.w - 8*u) / 6
	for slot, i := range order {
		if i >= len(board) {
			continue
		}
		st := board[i]
		h := a.h * 0.25 * heights[min(st.Rank-1, 2)]
		r := layout.Rect{X: 4*u + float64(slot)*(w+u), Y: base - h, W: w, H: h}
		fillRound(dst, r, u*0.5, teamColors[st.Team])
		a.fonts.drawLine(dst, fmt.Sprintf("%d", st.Rank), r.X+r.W/2, r.Y+u, a.textSize(1.6), true, color.Black, Center)
		a.fonts.drawLine(dst, layout.Truncate(st.Name, a.textSize(0.9), w, a.fonts.MeasureBold), r.X+r.W/2, r.Y-a.textSize(0.9)*2.7, a.textSize(0.9), true, t.Text, Center)
		a.fonts.drawLine(dst, fmt.Sprintf("%d points", st.Total), r.X+r.W/2, r.Y-a.textSize(0.9)*1.4, a.textSize(0.8), false, t.Text, Center)
	}
	x := 4*u + 3*(w+u) + 2*u
	y := 12 * u
	size := a.textSize(0.85)
	for _, st := range board {
		line := fmt.Sprintf("%d. %s: %d points, %d right", st.Rank, st.Name, st.Total, st.Right)
		a.fonts.drawLine(dst, layout.Truncate(line, size, a.w-x-4*u, a.fonts.MeasureBold), x, y, size, true, t.Text, Left)
		detail := fmt.Sprintf("answers %d · speed and streak %d · by hand %+d", st.Correctness, st.Bonus, st.Manual)
		a.fonts.drawLine(dst, layout.Truncate(detail, size*0.85, a.w-x-4*u, a.fonts.Measure), x, y+size*1.3, size*0.85, false, t.Muted, Left)
		y += size * 2.6
	}
	y += size
	a.fonts.drawLine(dst, "Misconceptions the class fell for", x, y, size, true, t.Text, Left)
	y += size * 1.5
	ms := s.g.Misconceptions()
	if len(ms) == 0 {
		a.fonts.drawLine(dst, "None of the labelled misconceptions was picked.", x, y, size, false, t.Muted, Left)
	}
	for i, m := range ms {
		if i == 5 {
			break
		}
		a.fonts.drawLine(dst, layout.Truncate(fmt.Sprintf("%d× %s", m.Teams, m.Label), size, a.w-x-4*u, a.fonts.Measure), x, y, size, false, t.Wrong, Left)
		y += size * 1.5
	}
	if s.csvPath != "" {
		msg := "Saved: " + s.csvPath + " and " + s.htmlPath
		blk := layout.MakeBlock(msg, a.textSize(0.75), a.w-8*u, a.fonts.Measure)
		a.fonts.drawBlock(dst, blk, 4*u, a.h*0.62, false, t.Muted, Left)
	}
}
