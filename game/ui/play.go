package ui

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/layout"
	"gutskin/game/pack"
	"gutskin/game/quiz"
)

type phase int

const (
	answering phase = iota
	confiding       // confidence mode: how sure, before the reveal
	revealing
)

// playScene shows question cards, takes answers and shows the feedback. The
// round (package quiz) owns the rules and the score; this scene owns only
// what the player is composing on the current card.
type playScene struct {
	round  *quiz.Round
	packs  []*pack.Pack
	review bool
	phase  phase
	cards  int // cards begun: with the phase, what the screen shows

	d       *quiz.Draft // the answer being composed (rules in package quiz)
	message string

	drag struct {
		pressed, active bool
		pos             int
		y0              float64
	}
	slider bool // the estimate slider is being dragged

	pending quiz.Answer
	last    quiz.Record
	escAt   time.Time // first Esc press: a second one leaves

	btn  buttons
	lay  cardLayout
	card layout.Rect
	rev  revealed

	// offset moves the whole card down (the preview's banner is above it).
	offset float64

	// onDone, when set, replaces recording the round and showing results
	// (the author's preview plays one question again and again).
	onDone func()
	// onAnswer, when set, takes the composed answer instead of the round
	// (a team's turn in a hot-seat classroom game).
	onAnswer func(quiz.Answer)
	// bare hides the round's progress and score (a classroom turn).
	bare bool
	// onTimeout, when set, replaces the reveal when the time runs out.
	onTimeout func()
}

// cardLayout records where the card's texts were placed, so tests can check
// that every text stays inside its card at every window size.
type cardLayout struct {
	Card  layout.Rect
	Texts []PlacedText
}

// PlacedText is a text block and the box it had to fit.
type PlacedText struct {
	What string
	Box  layout.Rect // the room given
	Used layout.Rect // the room taken
	Fits bool
	Size float64 // the font size it was set at (0 for pictures)
}

func newPlay(a *App, r *quiz.Round, packs []*pack.Pack, review bool) *playScene {
	s := &playScene{round: r, packs: packs, review: review}
	s.begin(a)
	return s
}

// begin prepares the current card.
func (s *playScene) begin(a *App) {
	it := s.round.Current()
	if it == nil {
		return
	}
	s.phase = answering
	s.cards++
	s.d = quiz.NewDraft(it)
	s.message = ""
	s.btn = buttons{}
	s.round.Show(a.now())
}

func (s *playScene) item() *quiz.Item { return s.round.Current() }

// stage changes with each card and each of its phases: presses right after
// it changed do not act.
func (s *playScene) stage() int { return 3*s.cards + int(s.phase) }

// shown is the question on screen: during the reveal, the one just
// answered (the round has already moved on).
func (s *playScene) shown() *quiz.Item {
	if s.phase == revealing {
		return s.last.Item
	}
	return s.round.Current()
}

// Animating: a running timer needs frames.
func (s *playScene) Animating(a *App) bool {
	it := s.item()
	return it != nil && it.TimeLimit > 0 && s.phase == answering
}

// submit takes a composed answer: straight to the round, or first to the
// confidence step.
func (s *playScene) submit(a *App, ans quiz.Answer) {
	if s.round.Config().Mode == quiz.Confident && s.phase == answering {
		s.pending = ans
		s.phase = confiding
		s.round.Hold(a.now()) // the answer is in: its time stops
		s.btn = buttons{}
		return
	}
	if s.onAnswer != nil {
		s.onAnswer(ans)
		return
	}
	rec, err := s.round.Answer(ans, a.now())
	if err != nil {
		s.message = err.Error()
		return
	}
	s.last = rec
	s.phase = revealing
	s.btn = buttons{}
}

// leave ends the round early for the title screen: the answers given so
// far count for mastery and review, as each review counts in Anki; the
// round's score does not enter the history.
func (s *playScene) leave(a *App) {
	if s.onDone == nil && s.onAnswer == nil {
		if recs := s.round.Records(); len(recs) > 0 {
			a.profile.AddAnswers(recs, a.now())
			a.persist()
		}
	}
	a.toast = "" // "press Esc again" is answered: it does not follow onto the title
	a.goTo(newTitle(a))
}

func (s *playScene) next(a *App) {
	if s.round.Done() {
		if s.onDone != nil {
			s.onDone()
			return
		}
		a.finishRound(s.round, s.packs, s.review)
		return
	}
	s.begin(a)
}

func (s *playScene) confirm(a *App) {
	ans, err := s.d.Answer()
	switch {
	case errors.Is(err, quiz.ErrNothingTicked):
		s.message = "Tick at least one choice, then check."
		return
	case errors.Is(err, quiz.ErrNotANumber):
		s.message = fmt.Sprintf("%q is not a number.", s.d.Typed)
		return
	case err != nil:
		return
	}
	s.submit(a, ans)
}

func (s *playScene) Update(a *App, evs []Event) {
	it := s.shown()
	if it == nil {
		a.goTo(newTitle(a))
		return
	}
	now := a.now()
	if s.phase != revealing && it.TimeLimit > 0 && s.round.Remaining(now) <= 0 {
		if s.onTimeout != nil {
			s.onTimeout()
			return
		}
		if rec, err := s.round.TimeOut(now); err == nil {
			s.last, s.phase, s.btn = rec, revealing, buttons{}
		}
	}
	s.layout(a)
	for _, ev := range evs {
		if ev.Kind == EvKey && ev.Key == KeyEscape {
			if s.phase == confiding {
				s.phase = answering
				s.round.Unhold(now)
				s.btn = buttons{}
			} else if !s.escAt.IsZero() && now.Sub(s.escAt) < 3*time.Second {
				s.leave(a)
				return
			} else {
				s.escAt = now
				a.showToast("Press Esc again to leave this round (the answers given so far are kept)")
			}
			s.layout(a)
			continue
		}
		s.handle(a, ev)
		if a.scene != s {
			return
		}
		s.layout(a)
	}
}

// handle routes one event by phase and question type.
func (s *playScene) handle(a *App, ev Event) {
	switch s.phase {
	case revealing:
		if ev.Kind == EvKey && (ev.Key == KeyEnter || ev.Key == KeySpace || ev.Key == KeyRight || ev.Key == KeyPageDown) {
			s.next(a)
			return
		}
		s.btn.handle(ev)
		return
	case confiding:
		if ev.Kind == EvRune && ev.Rune >= '1' && ev.Rune <= '3' {
			s.pending.Confidence = quiz.Confidence(ev.Rune - '0')
			s.submit(a, s.pending)
			return
		}
		s.btn.handle(ev)
		return
	}
	switch s.item().Question.Type {
	case pack.Multi, pack.Match:
		if ev.Kind == EvKey && ev.Key == KeyEnter {
			s.confirm(a)
			return
		}
	case pack.Order:
		if s.orderEvent(a, ev) {
			return
		}
	case pack.Estimate:
		if s.estimateEvent(a, ev) {
			return
		}
	}
	s.btn.handle(ev)
}

// orderEvent handles dragging and key moves of order steps.
func (s *playScene) orderEvent(a *App, ev Event) bool {
	rowAt := func(y float64) int {
		for _, b := range s.btn.list {
			if strings.HasPrefix(b.id, "step:") && y >= b.r.Y && y < b.r.Y+b.r.H {
				n, _ := strconv.Atoi(strings.TrimPrefix(b.id, "step:"))
				return n
			}
		}
		return -1
	}
	switch ev.Kind {
	case EvKey:
		switch ev.Key {
		case KeyEnter:
			s.d.Grabbed = -1
			s.confirm(a)
			return true
		case KeySpace:
			if f := s.btn.focused(); f != nil && strings.HasPrefix(f.id, "step:") {
				n, _ := strconv.Atoi(strings.TrimPrefix(f.id, "step:"))
				s.d.Grab(n)
				s.btn.keyNav = true
				return true
			}
		case KeyUp, KeyDown:
			delta := -1
			if ev.Key == KeyDown {
				delta = 1
			}
			if s.d.MoveGrabbed(delta) {
				s.btn.setFocus(fmt.Sprint("step:", s.d.Grabbed))
				return true
			}
		}
	case EvPress:
		if n := rowAt(ev.Y); n >= 0 && s.btn.at(ev.X, ev.Y) != nil && strings.HasPrefix(s.btn.at(ev.X, ev.Y).id, "step:") {
			s.drag.pressed, s.drag.active, s.drag.pos, s.drag.y0 = true, false, n, ev.Y
		}
	case EvMove:
		if s.drag.pressed {
			if !s.drag.active && math.Abs(ev.Y-s.drag.y0) > a.unit() {
				s.drag.active = true
				s.d.Grabbed = s.drag.pos
			}
			if s.drag.active {
				if n := rowAt(ev.Y); n >= 0 && n != s.drag.pos {
					s.d.MoveStep(s.drag.pos, n)
					s.drag.pos, s.d.Grabbed = n, n
				}
				return true
			}
		}
	case EvRelease:
		wasDrag := s.drag.active
		s.drag.pressed, s.drag.active = false, false
		if wasDrag {
			s.d.Grabbed = -1
			s.btn.pressed = ""
			return true
		}
	}
	return false
}

// estimateEvent handles the slider, the arrow keys and typed numbers.
func (s *playScene) estimateEvent(a *App, ev Event) bool {
	step := s.d.Nudge
	switch ev.Kind {
	case EvKey:
		big := 0.1
		switch ev.Key {
		case KeyEnter:
			s.confirm(a)
			return true
		case KeyLeft, KeyDown:
			if ev.Shift {
				step(-big)
			} else {
				step(-0.01)
			}
		case KeyRight, KeyUp:
			if ev.Shift {
				step(big)
			} else {
				step(0.01)
			}
		case KeyPageDown:
			step(-big)
		case KeyPageUp:
			step(big)
		case KeyHome:
			s.d.SetEnd(false)
		case KeyEnd:
			s.d.SetEnd(true)
		case KeyBackspace:
			s.d.Backspace()
		default:
			return false
		}
		s.message = ""
		return true
	case EvRune:
		if s.d.TypeRune(ev.Rune) {
			s.message = ""
			return true
		}
	case EvPress:
		if tr := s.sliderRect(a); tr.Inset(-a.unit()*1.5).Contains(ev.X, ev.Y) {
			s.slider = true
			s.setSlider(a, ev.X)
			return true
		}
	case EvMove:
		if s.slider {
			s.setSlider(a, ev.X)
			return true
		}
	case EvRelease:
		if s.slider {
			s.slider = false
			return true
		}
	}
	return false
}

func (s *playScene) setSlider(a *App, x float64) {
	tr := s.sliderRect(a)
	s.d.SetFrac((x - tr.X) / tr.W)
}

// sliderRect is the estimate slider's track.
func (s *playScene) sliderRect(a *App) layout.Rect {
	for _, t := range s.lay.Texts {
		if t.What == "slider" {
			return t.Box
		}
	}
	return layout.Rect{}
}

const multiNote = "Several answers may be right: tick every one, then check. Wrong ticks cost points."

// letters label choices and right-hand sides.
const letters = "ABCDEFGH"

// layout builds the buttons of the card and records where texts go.
func (s *playScene) layout(a *App) {
	it := s.shown()
	s.btn.reset()
	s.lay = cardLayout{}
	if it == nil {
		return
	}
	u := a.unit()
	top := 6*u + s.offset
	if it.TimeLimit > 0 {
		top = 8.5*u + s.offset
	}
	s.card = layout.Rect{X: 3 * u, Y: top, W: a.w - 6*u, H: a.h - top - 4.5*u}
	s.lay.Card = s.card
	inner := s.card.Inset(2.5 * u)
	switch s.phase {
	case revealing:
		s.layoutReveal(a, inner)
		return
	}
	q := it.Question
	promptH := inner.H * 0.3
	if s.phase == confiding {
		promptH = inner.H * 0.25
	}
	pb, ok := layout.Fit(q.Prompt, a.textSize(1.35), a.minText(), inner.W, promptH, a.fonts.MeasureBold)
	s.place("prompt", layout.Rect{X: inner.X, Y: inner.Y, W: inner.W, H: promptH}, pb, ok)
	body := layout.Rect{X: inner.X, Y: inner.Y + pb.Height + 2*u, W: inner.W, H: inner.H - pb.Height - 2*u}
	if q.Image != "" {
		// The picture takes the right third of the card's body.
		pic := layout.Rect{X: body.X + body.W*0.68, Y: body.Y, W: body.W * 0.32, H: body.H}
		s.lay.Texts = append(s.lay.Texts, PlacedText{What: "image", Box: pic, Used: pic, Fits: true})
		body.W = body.W*0.68 - 2*u
	}
	if s.phase == confiding {
		s.layoutConfidence(a, body)
		return
	}
	switch q.Type {
	case pack.Single, pack.TrueFalse, pack.Multi:
		s.layoutChoices(a, body)
	case pack.Order:
		s.layoutOrder(a, body)
	case pack.Match:
		s.layoutMatch(a, body)
	case pack.Estimate:
		s.layoutEstimate(a, body)
	}
}

// place records a text block at the top-left of box.
func (s *playScene) place(what string, box layout.Rect, b layout.Block, ok bool) {
	s.lay.Texts = append(s.lay.Texts, PlacedText{What: what, Box: box, Used: layout.Rect{X: box.X, Y: box.Y, W: b.Width, H: b.Height}, Fits: ok, Size: b.Size})
}

// buttonText records how a button's label fits inside it (the same fit the
// button's drawing does).
func (s *playScene) buttonText(a *App, what string, b *button) {
	inner := b.r.Inset(a.unit() * 0.7)
	if b.hotkey != "" {
		tag := min(inner.H, a.unit()*2.6)
		inner.X += tag + a.unit()*0.8
		inner.W -= tag + a.unit()*0.8
	}
	if b.icon != NoIcon {
		inner.W -= min(inner.H, a.unit()*2.4) + a.unit()*0.5
	}
	blk, ok := layout.Fit(b.label, a.textSize(1.0), a.minText(), inner.W, inner.H, a.fonts.Measure)
	s.place(what, inner, blk, ok)
}

func (s *playScene) confirmButton(a *App, body layout.Rect, label string) layout.Rect {
	u := a.unit()
	bh := 5 * u
	r := layout.Rect{X: body.X + body.W - 30*u, Y: body.Y + body.H - bh, W: 30 * u, H: bh}
	s.btn.add(&button{id: "confirm", r: r, label: label, selected: true, action: func() { s.confirm(a) }})
	return layout.Rect{X: body.X, Y: body.Y, W: body.W, H: body.H - bh - 1.5*u}
}

func (s *playScene) layoutChoices(a *App, body layout.Rect) {
	q := s.item().Question
	u := a.unit()
	if q.Type == pack.Multi {
		body = s.confirmButton(a, body, "Check answer (Enter)")
		box := layout.Rect{X: body.X, Y: body.Y + body.H + 1.5*u, W: body.W - 32*u, H: 5 * u}
		nb, ok := layout.Fit(multiNote, a.textSize(0.8), a.minText(), box.W, box.H, a.fonts.Measure)
		s.place("multi note", box, nb, ok)
	}
	n := len(q.Choices)
	labels := make([]string, n)
	for k, ci := range s.item().ChoiceOrder {
		labels[k] = q.Choices[ci].Text
	}
	cells := s.choiceCells(a, body, labels)
	for k, c := range cells {
		ci := s.item().ChoiceOrder[k]
		ch := q.Choices[ci]
		label := ch.Text
		hot := []rune{rune('1' + k), rune('a' + k)}
		if q.Type == pack.TrueFalse {
			hot = append(hot, rune(strings.ToLower(ch.Text)[0]))
		}
		b := &button{id: fmt.Sprint("choice:", k), r: c, label: label, hotkey: string(letters[k]), hot: hot, selected: s.d.Picked[ci]}
		idx := ci
		if q.Type == pack.Multi {
			b.action = func() { s.d.Toggle(idx); s.message = "" }
		} else {
			b.action = func() { s.submit(a, quiz.Answer{Choices: []int{idx}}) }
		}
		s.btn.add(b)
		s.buttonText(a, fmt.Sprint("choice ", string(letters[k])), b)
	}
}

// choiceCells lays out the choice buttons in one column or two, whichever
// sets their labels larger: buttons grow with the text size, so Extra large
// text makes the choices larger, not the same size in a cramped grid.
func (s *playScene) choiceCells(a *App, body layout.Rect, labels []string) []layout.Rect {
	u := a.unit()
	n := len(labels)
	var best []layout.Rect
	bestSize := 0.0
	for _, cols := range []int{2, 1} {
		if cols == 2 && (n < 4 || body.W <= 70*u) {
			continue
		}
		rows := (n + cols - 1) / cols
		h := min((body.H-float64(rows-1)*u)/float64(rows), 8*u*a.textFactor())
		grid := layout.Rect{X: body.X, Y: body.Y, W: body.W, H: h*float64(rows) + float64(rows-1)*u}
		cells := layout.Grid(grid, n, cols, u)
		size := math.Inf(1)
		for k, c := range cells {
			inner := c.Inset(u * 0.7)
			tag := min(inner.H, u*2.6) + u*0.8
			blk, ok := layout.Fit(labels[k], a.textSize(1.0), a.minText(), inner.W-tag, inner.H, a.fonts.Measure)
			if !ok {
				blk.Size = 0
			}
			size = min(size, blk.Size)
		}
		if best == nil || size > bestSize {
			best, bestSize = cells, size
		}
	}
	return best
}

func (s *playScene) layoutOrder(a *App, body layout.Rect) {
	u := a.unit()
	body = s.confirmButton(a, body, "Check order (Enter)")
	q := s.item().Question
	n := len(s.d.Order)
	h := min((body.H-float64(n-1)*u*0.6)/float64(n), 6.5*u)
	for k, step := range s.d.Order {
		r := layout.Rect{X: body.X, Y: body.Y + float64(k)*(h+u*0.6), W: body.W - 12*u, H: h}
		pos := k
		b := s.btn.add(&button{id: fmt.Sprint("step:", k), r: r, label: q.Steps[step], hotkey: strconv.Itoa(k + 1),
			hot: []rune{rune('1' + k)}, selected: s.d.Grabbed == k, action: func() { s.d.TapStep(pos) }})
		s.buttonText(a, fmt.Sprint("step ", k+1), b)
		up := layout.Rect{X: r.X + r.W + u, Y: r.Y, W: 5 * u, H: h}
		down := layout.Rect{X: up.X + 6*u, Y: r.Y, W: 5 * u, H: h}
		s.btn.add(&button{id: fmt.Sprint("up:", k), r: up, label: "↑", disabled: k == 0, action: func() {
			s.d.MoveStep(pos, pos-1)
			s.d.Grabbed = -1
		}})
		s.btn.add(&button{id: fmt.Sprint("down:", k), r: down, label: "↓", disabled: k == n-1, action: func() {
			s.d.MoveStep(pos, pos+1)
			s.d.Grabbed = -1
		}})
	}
}

func (s *playScene) layoutMatch(a *App, body layout.Rect) {
	u := a.unit()
	body = s.confirmButton(a, body, "Check matches (Enter)")
	q := s.item().Question
	rights := q.Rights()
	n := len(rights) // distractors make the right column the longer one
	h := min((body.H-float64(n-1)*u*0.6)/float64(n), 6.5*u)
	colW := (body.W - 4*u) / 2
	rightOf := map[int]int{} // pair index -> display position
	for k, j := range s.item().RightOrder {
		rightOf[j] = k
	}
	leftOf := map[int]int{} // pair index -> left side matched to it
	for i, j := range s.d.Pairs.Match {
		if j >= 0 {
			leftOf[j] = i
		}
	}
	for i, p := range q.Pairs {
		r := layout.Rect{X: body.X, Y: body.Y + float64(i)*(h+u*0.6), W: colW, H: h}
		li := i
		b := &button{id: fmt.Sprint("left:", i), r: r, label: p.Left, hotkey: strconv.Itoa(i + 1), hot: []rune{rune('1' + i)},
			selected: s.d.Pairs.Left == i, action: func() { s.d.Pairs.TapLeft(li) }}
		if j := s.d.Pairs.Match[i]; j >= 0 {
			b.sub = "→ " + string(letters[rightOf[j]])
		}
		s.btn.add(b)
		s.buttonText(a, fmt.Sprint("left ", i+1), b)
	}
	for k, j := range s.item().RightOrder {
		r := layout.Rect{X: body.X + colW + 4*u, Y: body.Y + float64(k)*(h+u*0.6), W: colW, H: h}
		jj := j
		b := &button{id: fmt.Sprint("right:", k), r: r, label: rights[j], hotkey: string(letters[k]), hot: []rune{rune('a' + k)},
			selected: s.d.Pairs.Right == j, action: func() { s.d.Pairs.TapRight(jj) }}
		if li, ok := leftOf[j]; ok {
			b.sub = "← " + strconv.Itoa(li+1)
		}
		s.btn.add(b)
		s.buttonText(a, fmt.Sprint("right ", string(letters[k])), b)
	}
}

func (s *playScene) layoutEstimate(a *App, body layout.Rect) {
	u := a.unit()
	body = s.confirmButton(a, body, "Check estimate (Enter)")
	value := layout.Rect{X: body.X, Y: body.Y, W: body.W, H: body.H * 0.3}
	s.lay.Texts = append(s.lay.Texts, PlacedText{What: "value", Box: value, Used: value, Fits: true})
	track := layout.Rect{X: body.X + 4*u, Y: body.Y + body.H*0.45, W: body.W - 8*u, H: 1.2 * u}
	s.lay.Texts = append(s.lay.Texts, PlacedText{What: "slider", Box: track, Used: track, Fits: true})
}

func (s *playScene) layoutConfidence(a *App, body layout.Rect) {
	u := a.unit()
	cells := layout.Grid(layout.Rect{X: body.X, Y: body.Y + body.H*0.35, W: body.W, H: min(body.H*0.45, 9*u)}, 3, 3, 2*u)
	for i, c := range []quiz.Confidence{quiz.Unsure, quiz.FairlySure, quiz.Sure} {
		r, w := quiz.ConfidenceMarks(c)
		cc := c
		s.btn.add(&button{id: fmt.Sprint("conf:", i), r: cells[i], label: c.Label(), hotkey: strconv.Itoa(i + 1),
			sub: fmt.Sprintf("+%d if right, %s if wrong", r, signed(-w)), hot: []rune{rune('1' + i)},
			action: func() {
				s.pending.Confidence = cc
				s.submit(a, s.pending)
			}})
	}
}

func signed(n int) string {
	if n < 0 {
		return fmt.Sprintf("−%d", -n)
	}
	if n == 0 {
		return "0"
	}
	return fmt.Sprintf("+%d", n)
}

// Draw draws the top bar, the timer and the card.
func (s *playScene) Draw(a *App, dst *ebiten.Image) {
	it := s.shown()
	if it == nil {
		return
	}
	s.layout(a)
	u := a.unit()
	t := a.theme
	q := it.Question
	// Top bar: mechanism, progress, score and streak.
	size := a.textSize(0.95)
	y := 2.5*u + s.offset
	label := it.Pack.Title
	if s.review {
		label = "Review · " + label
	}
	a.fonts.drawLine(dst, layout.Truncate(label, size, a.w*0.4, a.fonts.MeasureBold), 3*u, y, size, true, t.Accent, Left)
	idx := s.round.Index() + 1
	if s.phase == revealing {
		idx = s.round.Index()
	}
	if !s.bare {
		a.fonts.drawLine(dst, fmt.Sprintf("Question %d of %d · difficulty %d", idx, s.round.Len(), q.Difficulty), a.w/2, y, size, false, t.Text, Center)
		a.fonts.drawLine(dst, fmt.Sprintf("Score %d · Streak %d", s.round.Score(), s.round.Streak()), a.w-3*u, y, size, true, t.Text, Right)
	}
	s.drawTimer(a, dst)
	fillRound(dst, s.card, u, t.Card)
	strokeRound(dst, s.card, u, max(1, u*0.15), t.CardBorder)
	switch s.phase {
	case revealing:
		s.drawReveal(a, dst)
	default:
		s.drawQuestion(a, dst)
	}
	s.btn.draw(a, dst)
	if s.message != "" && s.phase == answering && q.Type != pack.Multi {
		a.fonts.drawLine(dst, s.message, s.card.X+2.5*u, s.card.Y+s.card.H-2.5*u-a.textSize(0.9)*1.3, a.textSize(0.9), false, t.Wrong, Left)
	}
	s.drawHints(a, dst)
}

// timerRect is the strip of the timer bar and its seconds.
func (s *playScene) timerRect(a *App) layout.Rect {
	u := a.unit()
	return layout.Rect{X: 3 * u, Y: 5.4*u + s.offset, W: a.w - 6*u, H: 2.6 * u}
}

// drawTimer draws the timer bar and the seconds left over their strip.
func (s *playScene) drawTimer(a *App, dst *ebiten.Image) {
	it := s.shown()
	if it == nil || it.TimeLimit <= 0 {
		return
	}
	u := a.unit()
	t := a.theme
	fillRect(dst, s.timerRect(a), t.Background)
	rem := s.round.Remaining(a.now())
	if s.phase == revealing {
		// The feedback has no time limit: say how long the answer took
		// instead of a stopped timer that reads as one.
		size := a.textSize(0.8)
		strip := s.timerRect(a)
		msg := fmt.Sprintf("Answered in %d s of %d s: read at your own pace", int(math.Round(s.last.Elapsed.Seconds())), int(it.TimeLimit.Seconds()))
		if s.last.TimedOut {
			msg = "Time was up: read at your own pace"
		}
		a.fonts.drawLine(dst, msg, strip.X+strip.W, strip.Y+(strip.H-size*layout.LineHeightFactor)/2, size, false, t.Muted, Right)
		return
	}
	frac := float64(rem) / float64(it.TimeLimit)
	strip := s.timerRect(a)
	bar := layout.Rect{X: strip.X, Y: strip.Y + strip.H/2 - 0.45*u, W: strip.W - 12*u, H: 0.9 * u}
	fillRound(dst, bar, bar.H/2, withAlpha(t.Muted, 0.25))
	clr := t.Accent
	if rem < 5*time.Second {
		clr = t.Wrong
	}
	fillRound(dst, layout.Rect{X: bar.X, Y: bar.Y, W: bar.W * frac, H: bar.H}, bar.H/2, clr)
	size := a.textSize(0.8)
	a.fonts.drawLine(dst, fmt.Sprintf("%d s left", int(math.Ceil(rem.Seconds()))), strip.X+strip.W, strip.Y+(strip.H-size*layout.LineHeightFactor)/2, size, true, clr, Right)
}

// DrawMoving redraws only the timer, over the still card.
func (s *playScene) DrawMoving(a *App, dst *ebiten.Image) { s.drawTimer(a, dst) }

func (s *playScene) drawHints(a *App, dst *ebiten.Image) {
	q := s.shown().Question
	switch {
	case s.phase == revealing:
		hintBar(a, dst, "Enter or Space: next", "Esc twice: leave")
	case s.phase == confiding:
		hintBar(a, dst, "1, 2, 3: how sure you are", "Esc: change the answer")
	case q.Type == pack.Multi:
		hintBar(a, dst, keyRange(len(q.Choices))+" tick", "Enter checks", "Esc twice: leave")
	case q.Type == pack.Order:
		hintBar(a, dst, "Drag, or tap (or type the number of) a step then its new place", "Space picks up, arrows move", "Enter checks")
	case q.Type == pack.Match:
		n := len(q.Pairs)
		hintBar(a, dst, fmt.Sprintf("1-%d then A-%c make a pair", n, letters[n-1]), "Tap a pair again to undo", "Enter checks")
	case q.Type == pack.TrueFalse:
		hintBar(a, dst, "T or F (or A, B) answer", "Arrows + Enter", "Esc twice: leave")
	case q.Type == pack.Estimate:
		hintBar(a, dst, "Drag the slider or use arrows (Shift: faster)", "or type a number", "Enter checks")
	default:
		hintBar(a, dst, keyRange(len(q.Choices))+" answer", "Arrows + Enter", "Esc twice: leave")
	}
}

// keyRange names the keys of n choices: "A-D or 1-4".
func keyRange(n int) string {
	return fmt.Sprintf("A-%c or 1-%d", letters[n-1], n)
}

func (s *playScene) drawQuestion(a *App, dst *ebiten.Image) {
	t := a.theme
	u := a.unit()
	q := s.item().Question
	for _, pt := range s.lay.Texts {
		if pt.What == "prompt" {
			blk, _ := layout.Fit(q.Prompt, a.textSize(1.35), a.minText(), pt.Box.W, pt.Box.H, a.fonts.MeasureBold)
			a.fonts.drawBlock(dst, blk, pt.Box.X, pt.Box.Y, true, t.Text, Left)
		}
	}
	if s.phase == confiding {
		inner := s.card.Inset(2.5 * u)
		y := inner.Y + inner.H*0.25 + 2*u
		a.fonts.drawLine(dst, "How sure are you?", inner.X, y, a.textSize(1.2), true, t.Text, Left)
		a.fonts.drawLine(dst, layout.Truncate("Your answer: "+s.answerText(s.pending), a.textSize(0.9), inner.W, a.fonts.Measure),
			inner.X, y+a.textSize(1.2)*1.5, a.textSize(0.9), false, t.Muted, Left)
		return
	}
	if q.Type == pack.Estimate {
		s.drawEstimate(a, dst)
	}
	for _, pt := range s.lay.Texts {
		if pt.What == "image" {
			it := s.item()
			if img := a.images.get(it.Pack, q); img != nil {
				drawImageIn(dst, img, pt.Box)
			} else {
				blk, _ := layout.Fit("(the picture of this question could not be read)", a.textSize(0.8), a.minText(), pt.Box.W, pt.Box.H, a.fonts.Measure)
				a.fonts.drawBlock(dst, blk, pt.Box.X, pt.Box.Y, false, t.Muted, Left)
			}
		}
	}
	for _, pt := range s.lay.Texts {
		if pt.What == "multi note" {
			note, clr := multiNote, t.Muted
			if s.message != "" { // the problem replaces the note, in its place
				note, clr = s.message, t.Wrong
			}
			nb, _ := layout.Fit(note, a.textSize(0.8), a.minText(), pt.Box.W, pt.Box.H, a.fonts.Measure)
			a.fonts.drawBlock(dst, nb, pt.Box.X, pt.Box.Y+(pt.Box.H-nb.Height)/2, false, clr, Left)
		}
	}
}

func (s *playScene) drawEstimate(a *App, dst *ebiten.Image) {
	t := a.theme
	u := a.unit()
	e := s.item().Question.Estimate
	var value, track layout.Rect
	for _, pt := range s.lay.Texts {
		switch pt.What {
		case "value":
			value = pt.Box
		case "slider":
			track = pt.Box
		}
	}
	shown := quiz.FormatValue(s.d.Value, e.Unit)
	if s.d.Typed != "" {
		shown = s.d.Typed + " (typed)"
		if v, ok := quiz.ParseNumber(s.d.Typed); ok {
			shown = quiz.FormatValue(v, e.Unit) + " (typed)"
		}
	}
	vb, _ := layout.Fit(shown, a.textSize(2), a.minText(), value.W, value.H, a.fonts.MeasureBold)
	a.fonts.drawBlock(dst, vb, value.X+value.W/2, value.Y+(value.H-vb.Height)/2, true, t.Text, Center)
	fillRound(dst, track, track.H/2, withAlpha(t.Muted, 0.35))
	f := quiz.EstimateFrac(e, s.d.Value)
	fillRound(dst, layout.Rect{X: track.X, Y: track.Y, W: track.W * f, H: track.H}, track.H/2, t.Accent)
	circle(dst, track.X+track.W*f, track.Y+track.H/2, 1.6*u, t.Text)
	ls := a.textSize(0.8)
	scale := "linear scale"
	if e.Scale == pack.Log {
		scale = "log scale: each step multiplies"
	}
	a.fonts.drawLine(dst, quiz.FormatValue(e.Min, e.Unit), track.X, track.Y+2.5*u, ls, false, t.Muted, Left)
	a.fonts.drawLine(dst, quiz.FormatValue(e.Max, e.Unit), track.X+track.W, track.Y+2.5*u, ls, false, t.Muted, Right)
	a.fonts.drawLine(dst, scale, track.X+track.W/2, track.Y+2.5*u, ls, false, t.Muted, Center)
}

// answerText describes an answer in words.
func (s *playScene) answerText(ans quiz.Answer) string {
	return quiz.Describe(s.shown().Question, ans)
}
