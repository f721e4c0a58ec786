package ui

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/layout"
	"gutskin/game/pack"
	"gutskin/game/quiz"
)

// revealLine is one paragraph of the feedback, with its colour and icon.
// textLine is a line of text for a stacked reveal, measured in the face
// it is drawn in (the classroom's reveals, by teams and by phones).
func (a *App) textLine(text string, factor float64, bold bool, clr color.RGBA) revealLine {
	m := a.fonts.Measure
	if bold {
		m = a.fonts.MeasureBold
	}
	return revealLine{item: layout.StackItem{Text: text, Factor: factor, Measure: m, Gap: 0.4}, bold: bold, clr: clr}
}

type revealLine struct {
	what    string
	item    layout.StackItem
	bold    bool
	clr     color.RGBA
	icon    Icon
	iconClr color.RGBA
	block   layout.Block
	x, y    float64
}

// revealed is the laid-out feedback of the last answer.
type revealed struct {
	lines []revealLine
	badge layout.Rect
	// scale, for an estimate, is where the number line with the guess and
	// the true value goes (empty when there is no room).
	scale layout.Rect
}

// verdict names the outcome in words and icon, never by colour alone.
func verdict(t *Theme, rec quiz.Record) (string, Icon, color.RGBA) {
	switch {
	case rec.TimedOut:
		return "Time is up", IconWrong, t.Wrong
	case rec.Skipped:
		return "Skipped", IconWrong, t.Wrong
	case rec.Correct:
		return "Right", IconRight, t.Right
	case rec.Credit > 0:
		return fmt.Sprintf("Partly right: %d%%", int(math.Round(rec.Credit*100))), IconPartial, t.Partial
	}
	return "Wrong", IconWrong, t.Wrong
}

// pointsText breaks the points down.
func pointsText(mode quiz.Mode, rec quiz.Record) string {
	p := rec.Points
	if mode == quiz.Confident {
		return fmt.Sprintf("%s points (%s)", signed(p.Total), rec.Answer.Confidence.Label())
	}
	if p.Streak == 0 && p.Speed == 0 {
		if p.Total == 0 {
			return "No points for this answer"
		}
		return fmt.Sprintf("%s for the answer", countNoun(p.Total, "point"))
	}
	parts := []string{fmt.Sprintf("%d for the answer", p.Correctness)}
	if p.Streak > 0 {
		parts = append(parts, fmt.Sprintf("%d for the streak", p.Streak))
	}
	if p.Speed > 0 {
		parts = append(parts, fmt.Sprintf("%d for speed", p.Speed))
	}
	return fmt.Sprintf("%s: ", countNoun(p.Total, "point")) + strings.Join(parts, " + ")
}

func (s *playScene) layoutReveal(a *App, inner layout.Rect) {
	u := a.unit()
	rec := s.last
	t := a.theme
	it := rec.Item
	q := it.Question
	label := "Next question (Enter)"
	if s.round.Done() {
		label = "See results (Enter)"
	}
	bh := 5.5 * u
	next := s.btn.add(&button{id: "next", r: layout.Rect{X: inner.X + inner.W - 34*u, Y: inner.Y + inner.H - bh, W: 34 * u, H: bh},
		label: label, selected: true, hot: []rune{'n'}, action: func() { s.next(a) }})
	s.btn.focus = next.id
	content := layout.Rect{X: inner.X, Y: inner.Y, W: inner.W, H: inner.H - bh - 1.5*u}
	reg, bold := a.fonts.Measure, a.fonts.MeasureBold
	iconRoom := 3 * u

	// Left: the question and the answer, marked.
	var l []revealLine
	add := func(lines *[]revealLine, what, text string, f float64, b bool, clr color.RGBA, gap float64, ic Icon, icClr color.RGBA) {
		m := reg
		if b {
			m = bold
		}
		indent := 0.0
		if ic != NoIcon {
			indent = iconRoom
		}
		*lines = append(*lines, revealLine{what: what, item: layout.StackItem{Text: text, Factor: f, Measure: m, Gap: gap, Indent: indent},
			bold: b, clr: clr, icon: ic, iconClr: icClr})
	}
	add(&l, "prompt", q.Prompt, 0.95, true, t.Text, 0.8, NoIcon, t.Text)
	switch q.Type {
	case pack.Single, pack.TrueFalse, pack.Multi:
		picked := map[int]bool{}
		for _, c := range rec.Answer.Choices {
			picked[c] = true
		}
		for k, ci := range it.ChoiceOrder {
			c := q.Choices[ci]
			text := string(letters[k]) + ". " + c.Text
			clr, ic, icClr := t.Muted, Icon(NoIcon), t.Muted
			switch {
			case c.Correct && picked[ci]:
				text += " (your answer, right)"
				clr, ic, icClr = t.Text, IconRight, t.Right
			case c.Correct:
				text += " (right answer)"
				clr, ic, icClr = t.Text, IconRight, t.Right
			case picked[ci]:
				text += " (your answer)"
				clr, ic, icClr = t.Text, IconWrong, t.Wrong
			}
			if ic == NoIcon {
				ic, icClr = IconNone, t.Muted
			}
			add(&l, "answer "+string(letters[k]), text, 0.85, false, clr, 0.35, ic, icClr)
		}
	case pack.Order:
		add(&l, "answer head", "Correct order:", 0.85, true, t.Text, 0.3, NoIcon, t.Text)
		for k, st := range q.Steps {
			ic, clr := IconWrong, t.Wrong
			line := fmt.Sprintf("%d. %s", k+1, st)
			if k < len(rec.Answer.Order) && rec.Answer.Order[k] == k {
				ic, clr = IconRight, t.Right
			} else if at := slices.Index(rec.Answer.Order, k); at >= 0 {
				line += fmt.Sprintf(" (you: %d.)", at+1)
			}
			add(&l, fmt.Sprint("answer ", k+1), line, 0.85, false, t.Text, 0.3, ic, clr)
		}
	case pack.Match:
		add(&l, "answer head", "Correct pairs:", 0.85, true, t.Text, 0.3, NoIcon, t.Text)
		for i, p := range q.Pairs {
			ic, clr := IconWrong, t.Wrong
			line := p.Left + " → " + p.Right
			switch {
			case i < len(rec.Answer.Match) && rec.Answer.Match[i] == i:
				ic, clr = IconRight, t.Right
			case i < len(rec.Answer.Match) && rec.Answer.Match[i] >= 0 && rec.Answer.Match[i] < len(q.Pairs):
				line += " (you: " + q.Pairs[rec.Answer.Match[i]].Right + ")"
			case !rec.TimedOut && !rec.Skipped:
				line += " (you: not paired)"
			}
			add(&l, fmt.Sprint("answer ", i+1), line, 0.85, false, t.Text, 0.3, ic, clr)
		}
	case pack.Estimate:
		e := q.Estimate
		add(&l, "answer", "Answer: "+quiz.FormatValue(e.Answer, e.Unit), 0.95, true, t.Text, 0.3, IconRight, t.Right)
		if rec.Answer.HasValue {
			ic, clr := IconWrong, t.Wrong
			if rec.Correct {
				ic, clr = IconRight, t.Right
			} else if rec.Credit > 0 {
				ic, clr = IconPartial, t.Partial
			}
			add(&l, "yours", "Your estimate: "+quiz.FormatValue(rec.Answer.Value, e.Unit), 0.85, false, t.Text, 0.3, ic, clr)
		}
		tol := "Full marks " + quiz.FormatTolerance(e)
		add(&l, "tolerance", tol, 0.75, false, t.Muted, 0.3, NoIcon, t.Muted)
	}
	if rec.TimedOut {
		add(&l, "timeout", "No answer was given in time.", 0.85, false, t.Wrong, 0.3, NoIcon, t.Wrong)
	}

	// Right: verdict, points, why, explanation, source.
	var r []revealLine
	word, ic, clr := verdict(t, rec)
	// The verdict grows half as much as the text size setting, as the
	// recap does: the room goes to the explanation.
	half := recapBase(a) / a.textSize(1)
	add(&r, "verdict", word, 1.5*half, true, clr, 0.3, ic, clr)
	add(&r, "points", pointsText(s.round.Config().Mode, rec), 0.8, false, t.Muted, 0.6, NoIcon, t.Muted)
	// A card that timed out or was skipped has no answer to comment on:
	// the explanation says the rest.
	if why, mis := quiz.Rationale(rec); why != "" || mis != "" {
		if mis != "" {
			add(&r, "misconception", "A common misconception: "+mis+".", 0.85, true, t.Wrong, 0.3, NoIcon, t.Wrong)
		}
		if why != "" {
			add(&r, "rationale", why, 0.9, false, t.Text, 0.6, NoIcon, t.Text)
		}
	}
	expl := q.Explanation
	if expl == "" {
		expl = "This pack gives no explanation for this question."
	}
	add(&r, "explanation", expl, 1.0, false, t.Text, 0.6, NoIcon, t.Text)
	add(&r, "source", sourceText(q), 0.72, false, t.Muted, 0, NoIcon, t.Muted)

	badgeH := a.textSize(0.8)*layout.LineHeightFactor + u
	left, right := s.revealSplit(a, content, l, r, badgeH+u)
	rightBox := layout.Rect{X: right.X, Y: right.Y, W: right.W, H: right.H - badgeH - u}
	s.stack(a, l, left, "left")
	s.stack(a, r, rightBox, "right")
	s.rev.scale = layout.Rect{}
	if q.Type == pack.Estimate && len(l) > 0 {
		last := l[len(l)-1]
		top := last.y + last.block.Height + 2*u
		h := 2*u + 2*a.textSize(0.7)*layout.LineHeightFactor
		if top+h <= left.Y+left.H {
			s.rev.scale = layout.Rect{X: left.X + 2*u, Y: top, W: left.W - 4*u, H: h}
			s.lay.Texts = append(s.lay.Texts, PlacedText{What: "scale", Box: left, Used: s.rev.scale, Fits: true})
		}
	}
	s.rev.badge = layout.Rect{X: right.X, Y: right.Y + right.H - badgeH, W: right.W, H: badgeH}
	s.rev.lines = append(l, r...)
}

// revealSplit divides the feedback card between the answers (left) and the
// explanation (right): the left part narrows, from 42% of the card down to
// 24%, for as long as that sets the explanation larger and the answers
// still fit. At Normal text the first split fits; at Extra large the
// explanation and its source get the room to be larger too, instead of
// shrinking below the answer list.
func (s *playScene) revealSplit(a *App, content layout.Rect, l, r []revealLine, below float64) (left, right layout.Rect) {
	u := a.unit()
	items := func(lines []revealLine) []layout.StackItem {
		out := make([]layout.StackItem, len(lines))
		for i, x := range lines {
			out[i] = x.item
		}
		return out
	}
	li, ri := items(l), items(r)
	bestSize := -1.0
	for f := 0.42; f >= 0.24-1e-9; f -= 0.03 {
		lw := content.W * f
		rb, _, _, rok := layout.FitStack(ri, a.textSize(1), a.minText()*0.9, content.W-lw-3*u, content.H-below)
		lb, _, _, lok := layout.FitStack(li, recapBase(a), a.minText()*0.9, lw, content.H)
		size := 0.0
		for i, x := range r {
			if x.what == "explanation" && rok {
				size = rb[i].Size
			}
		}
		// The answers stay readable: not below three quarters of the
		// explanation's size.
		lok = lok && lb[0].Size/li[0].Factor >= 0.75*size
		if bestSize < 0 || lok && size > bestSize {
			bestSize = size
			left = layout.Rect{X: content.X, Y: content.Y, W: lw, H: content.H}
			right = layout.Rect{X: content.X + lw + 3*u, Y: content.Y, W: content.W - lw - 3*u, H: content.H}
		}
		if !lok {
			break
		}
	}
	return left, right
}

// recapBase is the base size of the feedback's recap of the question and
// answers: it grows half as much as the text size setting, leaving the room
// to the explanation, which is what the card is for.
func recapBase(a *App) float64 {
	f := a.textFactor()
	return a.textSize(1) / f * (1 + (f-1)/2)
}

// IconNone keeps an icon's room without drawing one (aligned lists).
const IconNone Icon = -1

// stack fits lines into box and places them.
func (s *playScene) stack(a *App, lines []revealLine, box layout.Rect, side string) {
	items := make([]layout.StackItem, len(lines))
	for i, l := range lines {
		items[i] = l.item
	}
	base := a.textSize(1)
	if side == "left" {
		base = recapBase(a)
	}
	blocks, tops, _, ok := layout.FitStack(items, base, a.minText()*0.9, box.W, box.H)
	for i := range lines {
		lines[i].block = blocks[i]
		lines[i].x, lines[i].y = box.X+lines[i].item.Indent, box.Y+tops[i]
		used := layout.Rect{X: lines[i].x, Y: lines[i].y, W: blocks[i].Width, H: blocks[i].Height}
		s.lay.Texts = append(s.lay.Texts, PlacedText{What: lines[i].what, Box: box, Used: used, Fits: ok, Size: blocks[i].Size})
	}
}

// sourceText is the source line of the feedback card and the classroom
// reveal, short enough to leave the explanation its room: the first source
// with its design, who was studied (the brief of its finding), its first
// author and year and its identifier, then the others by design, first
// author and year. The whole citations and findings are in REFERENCES.md,
// the Packs screen's files and on the phones.
func sourceText(q *pack.Question) string {
	if len(q.Sources) == 0 {
		return "Source: not given in this pack."
	}
	first := q.Sources[0]
	s := first.Short()
	switch {
	case first.DOI != "":
		s += ", doi:" + first.DOI
	case first.PMID != "":
		s += ", PMID " + first.PMID
	case first.URL != "":
		s += ", " + first.URL
	default:
		s = first.Citation // nothing else to find it by
	}
	if b := first.Brief(); b != "" {
		s = b + " (" + s + ")"
	}
	var also []string
	for _, src := range q.Sources[1:] {
		a := src.Short()
		if src.Design != "" {
			a = src.Design.Label() + " (" + a + ")"
		}
		also = append(also, a)
	}
	if len(also) > 0 {
		s += ". Also: " + strings.Join(also, "; ")
	}
	return "Source: " + s
}

func (s *playScene) drawReveal(a *App, dst *ebiten.Image) {
	u := a.unit()
	for _, l := range s.rev.lines {
		a.fonts.drawBlock(dst, l.block, l.x, l.y, l.bold, l.clr, Left)
		if l.icon > NoIcon {
			sz := min(l.block.LineHeight, 2.6*u)
			drawIcon(dst, l.icon, l.x-l.item.Indent/2-u*0.3, l.y+l.block.LineHeight/2, sz, l.iconClr)
		}
	}
	// The evidence badge: colour, dots and words.
	q := s.last.Item.Question
	ev := q.Evidence
	b := s.rev.badge
	size := a.textSize(0.8)
	text := "Evidence: " + ev.Label()
	w := a.fonts.MeasureBold(text, size) + 7*u
	pill := layout.Rect{X: b.X, Y: b.Y, W: min(w, b.W), H: b.H}
	fillRound(dst, pill, pill.H/2, a.theme.evidenceColor(ev))
	dots := evidenceDots(ev)
	for i := range 3 {
		cx, cy := pill.X+1.5*u+float64(i)*1.3*u, pill.Y+pill.H/2
		if i < dots {
			circle(dst, cx, cy, 0.45*u, color.White)
		} else {
			ring(dst, cx, cy, 0.45*u, max(1, u*0.12), color.White)
		}
	}
	a.fonts.drawLine(dst, layout.Truncate(text, size, pill.W-5.5*u, a.fonts.MeasureBold), pill.X+5.2*u, pill.Y+(pill.H-size*layout.LineHeightFactor)/2, size, true, color.White, Left)
	// The legend: what the badge rates, beside it when there is room.
	if room := b.W - pill.W - 1.5*u; room > 0 {
		ls := a.textSize(0.65)
		legend, lsz := layout.FitLine(evidenceLegend, ls, a.minText()*0.85, room, a.fonts.Measure)
		if legend == evidenceLegend {
			a.fonts.drawLine(dst, legend, pill.X+pill.W+1.5*u, pill.Y+(pill.H-lsz*layout.LineHeightFactor)/2, lsz, false, a.theme.Muted, Left)
		}
	}
	if s.rev.scale.W > 0 {
		s.drawScale(a, dst, s.rev.scale)
	}
}

// evidenceLegend explains the evidence badge.
const evidenceLegend = "Dots: how strong the research is, 3 established to 0 contested"

// drawScale draws an estimate's number line: the full-marks band, the true
// value and the player's guess, each named, so the gap is seen at a glance.
func (s *playScene) drawScale(a *App, dst *ebiten.Image, r layout.Rect) {
	u := a.unit()
	t := a.theme
	rec := s.last
	e := rec.Item.Question.Estimate
	size := a.textSize(0.7)
	lh := size * layout.LineHeightFactor
	y := r.Y + lh + u // the line, between the two rows of labels
	xAt := func(v float64) float64 { return r.X + r.W*math.Max(0, math.Min(1, quiz.EstimateFrac(e, v))) }
	line(dst, r.X, y, r.X+r.W, y, max(1, u*0.2), t.Muted)
	lo, hi := e.Answer-e.Tolerance, e.Answer+e.Tolerance
	if e.Scale == pack.Log {
		lo, hi = e.Answer/e.Tolerance, e.Answer*e.Tolerance
	}
	fillRect(dst, layout.Rect{X: xAt(lo), Y: y - u*0.5, W: xAt(hi) - xAt(lo), H: u}, withAlpha(t.Right, 0.35))
	label := func(x, ly float64, s string, clr color.RGBA) {
		w := a.fonts.Measure(s, size)
		a.fonts.drawLine(dst, s, math.Max(r.X, math.Min(x-w/2, r.X+r.W-w)), ly, size, false, clr, Left)
	}
	tx := xAt(e.Answer)
	fillRect(dst, layout.Rect{X: tx - u*0.2, Y: y - u, W: u * 0.4, H: 2 * u}, t.Right)
	label(tx, r.Y, "true: "+quiz.FormatValue(e.Answer, e.Unit), t.Right)
	if rec.Answer.HasValue {
		_, _, clr := verdict(t, rec)
		gx := xAt(rec.Answer.Value)
		circle(dst, gx, y, u*0.6, clr)
		label(gx, y+u, "you: "+quiz.FormatValue(rec.Answer.Value, e.Unit), t.Text)
	}
}

// evidenceDots: three for established, down to none for contested.
func evidenceDots(e pack.Evidence) int {
	switch e {
	case pack.Established:
		return 3
	case pack.HumanStudies:
		return 2
	case pack.Early:
		return 1
	}
	return 0
}
