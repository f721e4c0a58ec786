package ui

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/card"
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
	plan card.Plan // the card's layout (package card)
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
	if s.onDone == nil {
		a.recordAnswers(s.round) // each answer is kept as it is given
	}
	s.last = rec
	s.phase = revealing
	s.btn = buttons{}
}

// leave ends the round early for the title screen: the answers given so
// far were kept as they were given and count for mastery and review, as
// each review counts in Anki; the round's score does not enter the history.
func (s *playScene) leave(a *App) {
	if s.onDone == nil && s.onAnswer == nil {
		a.recordAnswers(s.round) // a time-out since the last answer
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
			// The moves of the drag went to the drag: the highlight goes
			// where the pointer now rests, not where the drag began.
			s.layout(a)
			s.btn.handle(Event{Kind: EvMove, X: ev.X, Y: ev.Y})
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
	sl, _ := s.plan.Find(card.Slider)
	return sl.Box
}

const multiNote = card.MultiNoteText

// letters label choices and right-hand sides.
const letters = card.Letters

// cardMetrics are the sizes and measures package card lays cards out with.
func (a *App) cardMetrics() card.Metrics {
	return card.Metrics{W: a.w, H: a.h, Unit: a.unit(), Body: a.textSize(1), Min: a.minText(), Factor: a.textFactor(),
		Regular: a.fonts.Measure, Bold: a.fonts.MeasureBold}
}

// layout lays the card out (package card) and makes its buttons; during
// the feedback, the feedback's layout.
func (s *playScene) layout(a *App) {
	it := s.shown()
	s.btn.reset()
	s.lay = cardLayout{}
	if it == nil {
		return
	}
	if s.phase == revealing {
		u := a.unit()
		top := 6*u + s.offset
		if it.TimeLimit > 0 {
			top = 8.5*u + s.offset
		}
		s.card = layout.Rect{X: 3 * u, Y: top, W: a.w - 6*u, H: a.h - top - 4.5*u}
		s.lay.Card = s.card
		s.layoutReveal(a, s.card.Inset(2.5*u))
		return
	}
	view := card.Answering
	if s.phase == confiding {
		view = card.Confiding
	}
	s.plan = card.Layout(it, s.d, view, a.cardMetrics(), s.offset, s.answerText(s.pending))
	s.card = s.plan.Card
	s.lay.Card = s.card
	for i := range s.plan.Slots {
		sl := &s.plan.Slots[i]
		s.lay.Texts = append(s.lay.Texts, PlacedText{What: sl.Name, Box: sl.Fit.Inner, Used: sl.Fit.Used(), Fits: sl.Fit.Fits, Size: sl.Fit.Blocks[0].Size})
		if b := s.slotButton(a, it, sl); b != nil {
			b.fit = &sl.Fit
			s.btn.add(b)
		}
	}
}

// slotButton makes the button of a slot, with its keys and its action;
// text slots give nil.
func (s *playScene) slotButton(a *App, it *quiz.Item, sl *card.Slot) *button {
	q := it.Question
	k, of := sl.Index, sl.Of
	b := &button{r: sl.Box, label: sl.Label, sub: sl.Sub, hotkey: sl.Hotkey, selected: sl.Selected}
	switch sl.Kind {
	case card.Confirm:
		b.id, b.action = "confirm", func() { s.confirm(a) }
	case card.Choice:
		b.id, b.hot = fmt.Sprint("choice:", k), []rune{rune('1' + k), rune('a' + k)}
		if q.Type == pack.TrueFalse {
			b.hot = append(b.hot, rune(strings.ToLower(sl.Label)[0]))
		}
		if q.Type == pack.Multi {
			b.action = func() { s.d.Toggle(of); s.message = "" }
		} else {
			b.action = func() { s.submit(a, quiz.Answer{Choices: []int{of}}) }
		}
	case card.Step:
		b.id, b.hot, b.action = fmt.Sprint("step:", k), []rune{rune('1' + k)}, func() { s.d.TapStep(k) }
	case card.StepUp:
		b.id, b.disabled = fmt.Sprint("up:", k), k == 0
		b.action = func() { s.d.MoveStep(k, k-1); s.d.Grabbed = -1 }
	case card.StepDown:
		b.id, b.disabled = fmt.Sprint("down:", k), k == len(s.d.Order)-1
		b.action = func() { s.d.MoveStep(k, k+1); s.d.Grabbed = -1 }
	case card.Left:
		b.id, b.hot, b.action = fmt.Sprint("left:", k), []rune{rune('1' + k)}, func() { s.d.Pairs.TapLeft(of) }
	case card.Right:
		b.id, b.hot, b.action = fmt.Sprint("right:", k), []rune{rune('a' + k)}, func() { s.d.Pairs.TapRight(of) }
	case card.Change:
		b.id, b.action = "change", func() {
			s.phase = answering
			s.round.Unhold(a.now())
			s.btn = buttons{}
		}
	case card.Confidence:
		c := quiz.Confidence(of)
		b.id, b.hot = fmt.Sprint("conf:", k), []rune{rune('1' + k)}
		b.action = func() {
			s.pending.Confidence = c
			s.submit(a, s.pending)
		}
	default:
		return nil
	}
	return b
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
	idx := s.round.Index() + 1
	if s.phase == revealing {
		idx = s.round.Index()
	}
	progress := fmt.Sprintf("Question %d of %d · difficulty %d", idx, s.round.Len(), q.Difficulty)
	score := fmt.Sprintf("Score %d · Streak %d", s.round.Score(), s.round.Streak())
	// The three parts share one size, the largest at which the title and
	// the score each fit beside the centred progress (a long pack title
	// ran into it at Extra large); only below the smallest size is the
	// title cut short.
	side := a.w * 0.4
	if !s.bare {
		for ; size > a.minText(); size-- {
			side = a.w/2 - a.fonts.Measure(progress, size)/2 - 5*u
			if a.fonts.MeasureBold(label, size) <= side && a.fonts.MeasureBold(score, size) <= side {
				break
			}
		}
		side = a.w/2 - a.fonts.Measure(progress, size)/2 - 5*u
	}
	a.fonts.drawLine(dst, layout.Truncate(label, size, side, a.fonts.MeasureBold), 3*u, y, size, true, t.Accent, Left)
	if !s.bare {
		a.fonts.drawLine(dst, progress, a.w/2, y, size, false, t.Text, Center)
		a.fonts.drawLine(dst, score, a.w-3*u, y, size, true, t.Text, Right)
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
	q := s.item().Question
	if p, ok := s.plan.Find(card.Prompt); ok {
		a.fonts.drawBlock(dst, p.Fit.Blocks[0], p.Box.X, p.Box.Y, true, t.Text, Left)
	}
	if s.phase == confiding {
		if h, ok := s.plan.Find(card.ConfHead); ok {
			a.fonts.drawBlock(dst, h.Fit.Blocks[0], h.Box.X, h.Box.Y, true, t.Text, Left)
		}
		if g, ok := s.plan.Find(card.ConfAnswer); ok {
			a.fonts.drawBlock(dst, g.Fit.Blocks[0], g.Box.X, g.Box.Y, false, t.Muted, Left)
		}
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
	// Under the slider, between its ends: how close earns full marks, said
	// before the answer (not "linear scale", which tells a player nothing).
	lo, hi := quiz.FormatValue(e.Min, e.Unit), quiz.FormatValue(e.Max, e.Unit)
	note := "full marks " + quiz.FormatTolerance(e)
	if e.Scale == pack.Log {
		note = "each step multiplies; " + note
	}
	room := track.W - 2*max(a.fonts.Measure(lo, ls), a.fonts.Measure(hi, ls)) - 4*u // centred between the ends
	a.fonts.drawLine(dst, lo, track.X, track.Y+2.5*u, ls, false, t.Muted, Left)
	a.fonts.drawLine(dst, hi, track.X+track.W, track.Y+2.5*u, ls, false, t.Muted, Right)
	if room > 0 {
		a.fonts.drawLine(dst, layout.Truncate(note, ls, room, a.fonts.Measure), track.X+track.W/2, track.Y+2.5*u, ls, false, t.Muted, Center)
	}
}

// answerText describes an answer in words.
func (s *playScene) answerText(ans quiz.Answer) string {
	return quiz.Describe(s.shown().Question, ans)
}
