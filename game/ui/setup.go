package ui

import (
	"fmt"
	"slices"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/layout"
	"gutskin/game/pack"
	"gutskin/game/quiz"
)

// setupScene chooses the packs, length, difficulty, scoring mode and timer
// of a round.
type setupScene struct {
	prefs    roundPrefs
	selected map[string]bool
	btn      buttons
	message  string
}

func newSetup(a *App, preselect []*pack.Pack) *setupScene {
	s := &setupScene{prefs: a.prefs, selected: map[string]bool{}}
	ids := s.prefs.packs
	if preselect != nil {
		ids = nil
		for _, p := range preselect {
			ids = append(ids, p.ID)
		}
	}
	for _, p := range a.Packs() {
		if len(ids) == 0 || slices.Contains(ids, p.ID) {
			s.selected[p.ID] = true
		}
	}
	return s
}

var modeHelp = map[quiz.Mode]string{
	quiz.Accuracy:  "Accuracy: 100 points per right answer; no speed or streak bonus. Fair to slow readers.",
	quiz.Standard:  "Standard: harder questions are worth more, with bonuses for streaks and, with a timer, for speed.",
	quiz.Confident: "Confidence: say how sure you are before the answer shows. Sure and right earns most; sure and wrong costs.",
}

func (s *setupScene) count(a *App) int {
	n := 0
	for _, p := range a.Packs() {
		if !s.selected[p.ID] {
			continue
		}
		for _, q := range p.Questions {
			if s.prefs.difficulty == 0 || q.Difficulty == s.prefs.difficulty {
				n++
			}
		}
	}
	return n
}

func (s *setupScene) start(a *App) {
	var ids []string
	for _, p := range a.Packs() {
		if s.selected[p.ID] {
			ids = append(ids, p.ID)
		}
	}
	if len(ids) == 0 {
		s.message = "Choose at least one pack."
		return
	}
	if s.count(a) == 0 {
		s.message = "No question of that difficulty in the chosen packs."
		return
	}
	p := s.prefs
	p.packs = ids
	if len(ids) == len(a.Packs()) {
		p.packs = nil // every pack, also those added later
	}
	a.profile.Settings.Round = p.setup()
	a.persist()
	a.startRound(p)
}

func (s *setupScene) layout(a *App) (packsR, optsR layout.Rect) {
	u := a.unit()
	s.btn.reset()
	// Below the heading, however large the text.
	top := max(9*u, 3*u+a.textSize(1.6)*layout.LineHeightFactor+u)
	body := layout.Rect{X: 4 * u, Y: top, W: a.w - 8*u, H: a.h - top - 14.5*u}
	packsR = layout.Rect{X: body.X, Y: body.Y, W: body.W * 0.52, H: body.H}
	optsR = layout.Rect{X: body.X + body.W*0.55, Y: body.Y, W: body.W * 0.45, H: body.H}
	packs := a.Packs()
	// Packs: a grid of toggles, with "All" and "None" first.
	cols := 2
	headH := a.textSize(1)*1.5 + u
	grid := layout.Rect{X: packsR.X, Y: packsR.Y + headH, W: packsR.W, H: packsR.H - headH}
	cells := layout.Grid(grid, len(packs)+2, cols, u)
	for i, c := range cells {
		c.H = min(c.H, 7*u)
		cells[i] = c
	}
	s.btn.add(&button{id: "all", r: cells[0], label: "All packs", action: func() {
		for _, p := range packs {
			s.selected[p.ID] = true
		}
	}})
	s.btn.add(&button{id: "none", r: cells[1], label: "No packs", action: func() { clear(s.selected) }})
	for i, p := range packs {
		pk := p
		s.btn.add(&button{id: "pack:" + p.ID, r: cells[i+2], label: p.Title, selected: s.selected[p.ID],
			sub:    fmt.Sprintf("%d questions · %d%% recall now", len(p.Questions), int(a.profile.Recall(p, a.now())*100+0.5)),
			action: func() { s.selected[pk.ID] = !s.selected[pk.ID] }})
	}
	// Options: one row of toggles each.
	rowH := (optsR.H - 6*u) / 4
	y := optsR.Y
	row := func(name string, labels []string, sel int, set func(int)) {
		r := layout.Rect{X: optsR.X, Y: y + a.textSize(0.9)*1.4, W: optsR.W, H: min(rowH-a.textSize(0.9)*1.4-u, 5*u)}
		cells := layout.Grid(r, len(labels), len(labels), u*0.6)
		for i, l := range labels {
			k := i
			s.btn.add(&button{id: fmt.Sprint(name, ":", i), r: cells[i], label: l, selected: i == sel, action: func() { set(k) }})
		}
		y += rowH
	}
	li := slices.Index(lengthChoices, s.prefs.length)
	row("length", []string{"5", "10", "20", "All"}, li, func(i int) { s.prefs.length = lengthChoices[i] })
	row("difficulty", []string{"Any", "1 easy", "2", "3 hard"}, s.prefs.difficulty, func(i int) { s.prefs.difficulty = i })
	mi := slices.Index(quiz.Modes, s.prefs.mode)
	row("mode", []string{"Accuracy", "Standard", "Confidence"}, mi, func(i int) { s.prefs.mode = quiz.Modes[i] })
	row("timer", []string{"Off", "30 s", "60 s"}, s.prefs.timer, func(i int) { s.prefs.timer = i })
	// Start and back.
	bh := 5.5 * u
	s.btn.add(&button{id: "back", r: layout.Rect{X: 4 * u, Y: a.h - 4*u - bh - 2*u, W: 18 * u, H: bh}, label: "Back", action: func() { a.goTo(newTitle(a)) }})
	s.btn.add(&button{id: "start", r: layout.Rect{X: a.w - 4*u - 26*u, Y: a.h - 4*u - bh - 2*u, W: 26 * u, H: bh}, label: "Start round (Enter)",
		selected: true, action: func() { s.start(a) }})
	return packsR, optsR
}

func (s *setupScene) Update(a *App, evs []Event) {
	s.layout(a)
	for _, ev := range evs {
		if ev.Kind == EvKey && ev.Key == KeyEscape {
			a.goTo(newTitle(a))
			return
		}
		if ev.Kind == EvKey && ev.Key == KeyEnter {
			if f := s.btn.focused(); f != nil && f.id == "back" && s.btn.keyNav {
				a.goTo(newTitle(a))
			} else {
				s.start(a)
			}
			return
		}
		if s.btn.handle(ev) {
			s.layout(a) // selections changed
		}
	}
}

func (s *setupScene) Animating(a *App) bool { return false }

func (s *setupScene) Draw(a *App, dst *ebiten.Image) {
	packsR, optsR := s.layout(a)
	u := a.unit()
	t := a.theme
	a.fonts.drawLine(dst, "New round", 4*u, 3*u, a.textSize(1.6), true, t.Text, Left)
	hs := a.textSize(1)
	a.fonts.drawLine(dst, "Packs (mechanisms)", packsR.X, packsR.Y, hs, true, t.Text, Left)
	labels := []string{"Length", "Difficulty", "Scoring", "Timer per question"}
	rowH := (optsR.H - 6*u) / 4
	for i, l := range labels {
		a.fonts.drawLine(dst, l, optsR.X, optsR.Y+float64(i)*rowH, a.textSize(0.9), true, t.Text, Left)
	}
	help := layout.Rect{X: optsR.X, Y: optsR.Y + 4*rowH, W: optsR.W, H: 6 * u}
	blk, _ := layout.Fit(modeHelp[s.prefs.mode], a.textSize(0.8), a.minText(), help.W, help.H, a.fonts.Measure)
	a.fonts.drawBlock(dst, blk, help.X, help.Y, false, t.Muted, Left)
	s.btn.draw(a, dst)
	n := s.count(a)
	if s.prefs.length > 0 {
		n = min(n, s.prefs.length)
	}
	status := fmt.Sprintf("%d questions in this round", n)
	if s.message != "" {
		status = s.message
	}
	a.fonts.drawLine(dst, status, a.w/2, a.h-4*u-4.5*u, a.textSize(0.9), false, t.Muted, Center)
	hintBar(a, dst, "Arrows move", "Space toggles", "Enter starts", "Esc back")
}
