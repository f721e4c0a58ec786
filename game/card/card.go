// Package card lays out a question card: where the prompt, the picture and
// every button go, and how each label is fitted into its room, from a small
// set of metrics (sizes and measure functions) with no window and no
// graphics library. The play scene draws the plan; `gutskin validate` and
// the tests check the same plan for text that does not fit, each slot
// tagged with the pack key its text comes from ("choices.3",
// "pairs.2.left"), so that a warning points at the line to shorten.
package card

import (
	"fmt"
	"strconv"
	"strings"

	"gutskin/game/layout"
	"gutskin/game/pack"
	"gutskin/game/quiz"
)

// Metrics are what the layout reads from the window and its fonts.
type Metrics struct {
	W, H   float64 // the window, in pixels
	Unit   float64 // the spacing unit
	Body   float64 // the body text size
	Min    float64 // the smallest size text may shrink to
	Factor float64 // the text-size setting (1, 1.2, 1.4)
	// Regular and Bold measure a string's width at a size in each face.
	Regular, Bold layout.Measure
}

// Kind tells what a slot is.
type Kind int

// The kinds of slot.
const (
	Prompt     Kind = iota // the question's prompt (text, no button)
	Image                  // the question's picture
	Choice                 // a choice button
	Step                   // an order step button
	StepUp                 // the ↑ beside a step
	StepDown               // the ↓ beside a step
	Left                   // a match card's left side
	Right                  // a match card's right side (a pair's or a distractor)
	Confirm                // the check button
	MultiNote              // the note under a multi card's choices
	Value                  // the estimate's value, above the slider
	Slider                 // the estimate slider's track
	Confidence             // a button of the confidence step
	ConfHead               // the confidence step's question, "How sure are you?"
	ConfAnswer             // the confidence step's answer given, in full
	Change                 // the confidence step's button back to the answer
)

// Slot is one placed thing of a card.
type Slot struct {
	Kind Kind
	// Index is the position shown (the k-th choice, step, right side,
	// confidence); for Left, the pair. Of is what that position holds: the
	// choice index, the step index, the right side's pair index (at or over
	// the number of pairs: a distractor), the confidence.
	Index, Of int
	// Key is the pack key the text comes from, "" for the game's own text.
	Key string
	// Name names the slot in test messages and in the play scene
	// ("choice B", "step 2", "left 1", "right A").
	Name string
	// Box is the button's rectangle, or the text's room for a text slot.
	Box layout.Rect
	// Label and Sub are the button's label and second line; Hotkey its key
	// tag; Selected whether it is drawn as chosen.
	Label, Sub, Hotkey string
	Selected           bool
	// Fit is how the text was fitted into its room.
	Fit Fitted
}

// View is the step a card is in.
type View int

// The views.
const (
	Answering View = iota
	Confiding      // confidence mode: how sure, before the reveal
)

// Plan is a laid-out card.
type Plan struct {
	Card  layout.Rect // the card's rectangle
	Inner layout.Rect // inside its margin
	Slots []Slot
}

// Find returns the first slot of a kind, and whether there is one.
func (p *Plan) Find(k Kind) (Slot, bool) {
	for _, s := range p.Slots {
		if s.Kind == k {
			return s, true
		}
	}
	return Slot{}, false
}

// Misfits are the slots whose text does not fit its room even at the
// smallest size, or spills out of it.
func (p *Plan) Misfits() []Slot {
	var out []Slot
	for _, s := range p.Slots {
		if !s.Fit.Fits || !s.Fit.Inner.Inside(s.Fit.Used()) {
			out = append(out, s)
		}
	}
	return out
}

// Letters label choices and right-hand sides.
const Letters = "ABCDEFGH"

// MultiNote is the note under a multi card's choices.
const MultiNoteText = "Several answers may be right: tick every one, then check. Wrong ticks cost points."

// Layout lays out a card of item it, composed as draft d says, in view v.
// top moves the whole card down (a banner above it); given is the answer
// given, in words, that the confidence step shows.
func Layout(it *quiz.Item, d *quiz.Draft, v View, m Metrics, top float64, given string) Plan {
	u := m.Unit
	y := 6*u + top
	if it.TimeLimit > 0 {
		y = 8.5*u + top
	}
	var p Plan
	p.Card = layout.Rect{X: 3 * u, Y: y, W: m.W - 6*u, H: m.H - y - 4.5*u}
	p.Inner = p.Card.Inset(2.5 * u)
	inner := p.Inner
	q := it.Question
	promptH := inner.H * 0.3
	if v == Confiding {
		promptH = inner.H * 0.25
	}
	pb, ok := layout.Fit(q.Prompt, m.Body*1.35, m.Min, inner.W, promptH, m.Bold)
	pbox := layout.Rect{X: inner.X, Y: inner.Y, W: inner.W, H: promptH}
	p.Slots = append(p.Slots, Slot{Kind: Prompt, Key: "prompt", Name: "prompt", Box: pbox,
		Fit: Fitted{Inner: pbox, Blocks: []layout.Block{pb}, Tops: []float64{0}, Height: pb.Height, Fits: ok}})
	body := layout.Rect{X: inner.X, Y: inner.Y + pb.Height + 2*u, W: inner.W, H: inner.H - pb.Height - 2*u}
	if q.Image != "" {
		// The picture takes the right third of the card's body.
		pic := layout.Rect{X: body.X + body.W*0.68, Y: body.Y, W: body.W * 0.32, H: body.H}
		p.Slots = append(p.Slots, Slot{Kind: Image, Key: "image", Name: "image", Box: pic, Fit: whole(pic)})
		body.W = body.W*0.68 - 2*u
	}
	if v == Confiding {
		p.confidence(m, body, given)
		return p
	}
	switch q.Type {
	case pack.Single, pack.TrueFalse, pack.Multi:
		p.choices(it, d, m, body)
	case pack.Order:
		p.order(it, d, m, body)
	case pack.Match:
		p.match(it, d, m, body)
	case pack.Estimate:
		body = p.confirm(m, body, "Check estimate (Enter)")
		value := layout.Rect{X: body.X, Y: body.Y, W: body.W, H: body.H * 0.3}
		track := layout.Rect{X: body.X + 4*u, Y: body.Y + body.H*0.45, W: body.W - 8*u, H: 1.2 * u}
		p.Slots = append(p.Slots, Slot{Kind: Value, Name: "value", Box: value, Fit: whole(value)},
			Slot{Kind: Slider, Name: "slider", Box: track, Fit: whole(track)})
	}
	return p
}

// whole is the fit of a picture or a drawing that takes its whole box.
func whole(r layout.Rect) Fitted {
	return Fitted{Inner: r, Blocks: []layout.Block{{Width: r.W, Height: r.H}}, Tops: []float64{0}, Height: r.H, Fits: true}
}

// button adds a button slot and fits its label.
func (p *Plan) button(m Metrics, s Slot) {
	s.Fit = FitButton(s.Box, Label{Text: s.Label, Sub: s.Sub, Hotkey: s.Hotkey != ""}, m)
	p.Slots = append(p.Slots, s)
}

// confirm adds the check button at the bottom right and returns the rest.
func (p *Plan) confirm(m Metrics, body layout.Rect, label string) layout.Rect {
	u := m.Unit
	bh := 5 * u
	r := layout.Rect{X: body.X + body.W - 30*u, Y: body.Y + body.H - bh, W: 30 * u, H: bh}
	p.button(m, Slot{Kind: Confirm, Name: "confirm", Box: r, Label: label, Selected: true})
	return layout.Rect{X: body.X, Y: body.Y, W: body.W, H: body.H - bh - 1.5*u}
}

func (p *Plan) choices(it *quiz.Item, d *quiz.Draft, m Metrics, body layout.Rect) {
	q := it.Question
	u := m.Unit
	if q.Type == pack.Multi {
		body = p.confirm(m, body, "Check answer (Enter)")
		box := layout.Rect{X: body.X, Y: body.Y + body.H + 1.5*u, W: body.W - 32*u, H: 5 * u}
		nb, ok := layout.Fit(MultiNoteText, m.Body*0.8, m.Min, box.W, box.H, m.Regular)
		p.Slots = append(p.Slots, Slot{Kind: MultiNote, Name: "multi note", Box: box,
			Fit: Fitted{Inner: box, Blocks: []layout.Block{nb}, Tops: []float64{0}, Height: nb.Height, Fits: ok}})
	}
	labels := make([]string, len(it.ChoiceOrder))
	for k, ci := range it.ChoiceOrder {
		labels[k] = q.Choices[ci].Text
	}
	for k, c := range choiceCells(m, body, labels) {
		ci := it.ChoiceOrder[k]
		p.button(m, Slot{Kind: Choice, Index: k, Of: ci, Key: "choices." + strconv.Itoa(ci), Name: "choice " + string(Letters[k]),
			Box: c, Label: labels[k], Hotkey: string(Letters[k]), Selected: d != nil && d.Picked[ci]})
	}
}

// choiceCells lays out the choice buttons in one column or two, whichever
// sets their labels larger: buttons grow with the text size, so Extra large
// text makes the choices larger, not the same size in a cramped grid.
func choiceCells(m Metrics, body layout.Rect, labels []string) []layout.Rect {
	u := m.Unit
	n := len(labels)
	var best []layout.Rect
	bestSize := 0.0
	for _, cols := range []int{2, 1} {
		if cols == 2 && (n < 4 || body.W <= 70*u) {
			continue
		}
		rows := (n + cols - 1) / cols
		h := min((body.H-float64(rows-1)*u)/float64(rows), 8*u*m.Factor)
		grid := layout.Rect{X: body.X, Y: body.Y, W: body.W, H: h*float64(rows) + float64(rows-1)*u}
		cells := layout.Grid(grid, n, cols, u)
		size := -1.0
		for k, c := range cells {
			f := FitButton(c, Label{Text: labels[k], Hotkey: true}, m)
			s := f.Blocks[0].Size
			if !f.Fits {
				s = 0
			}
			if size < 0 || s < size {
				size = s
			}
		}
		if best == nil || size > bestSize {
			best, bestSize = cells, size
		}
	}
	return best
}

func (p *Plan) order(it *quiz.Item, d *quiz.Draft, m Metrics, body layout.Rect) {
	u := m.Unit
	body = p.confirm(m, body, "Check order (Enter)")
	q := it.Question
	order, grabbed := it.StepOrder, -1
	if d != nil {
		order, grabbed = d.Order, d.Grabbed
	}
	n := len(order)
	h := min((body.H-float64(n-1)*u*0.6)/float64(n), 6.5*u)
	for k, step := range order {
		r := layout.Rect{X: body.X, Y: body.Y + float64(k)*(h+u*0.6), W: body.W - 12*u, H: h}
		p.button(m, Slot{Kind: Step, Index: k, Of: step, Key: "steps." + strconv.Itoa(step), Name: fmt.Sprint("step ", k+1),
			Box: r, Label: q.Steps[step], Hotkey: strconv.Itoa(k + 1), Selected: grabbed == k})
		up := layout.Rect{X: r.X + r.W + u, Y: r.Y, W: 5 * u, H: h}
		down := layout.Rect{X: up.X + 6*u, Y: r.Y, W: 5 * u, H: h}
		p.button(m, Slot{Kind: StepUp, Index: k, Of: step, Name: fmt.Sprint("up ", k+1), Box: up, Label: "↑"})
		p.button(m, Slot{Kind: StepDown, Index: k, Of: step, Name: fmt.Sprint("down ", k+1), Box: down, Label: "↓"})
	}
}

func (p *Plan) match(it *quiz.Item, d *quiz.Draft, m Metrics, body layout.Rect) {
	u := m.Unit
	body = p.confirm(m, body, "Check matches (Enter)")
	q := it.Question
	rights := q.Rights()
	pairs := quiz.NewPairing(len(q.Pairs))
	if d != nil {
		pairs = d.Pairs
	}
	n := len(rights) // distractors make the right column the longer one
	h := min((body.H-float64(n-1)*u*0.6)/float64(n), 6.5*u)
	colW := (body.W - 4*u) / 2
	rightOf := map[int]int{} // pair index -> display position
	for k, j := range it.RightOrder {
		rightOf[j] = k
	}
	leftOf := map[int]int{} // pair index -> left side matched to it
	for i, j := range pairs.Match {
		if j >= 0 {
			leftOf[j] = i
		}
	}
	for i, pr := range q.Pairs {
		r := layout.Rect{X: body.X, Y: body.Y + float64(i)*(h+u*0.6), W: colW, H: h}
		s := Slot{Kind: Left, Index: i, Of: i, Key: "pairs." + strconv.Itoa(i) + ".left", Name: fmt.Sprint("left ", i+1),
			Box: r, Label: pr.Left, Hotkey: strconv.Itoa(i + 1), Selected: pairs.Left == i}
		if j := pairs.Match[i]; j >= 0 {
			s.Sub = "→ " + string(Letters[rightOf[j]])
		}
		p.button(m, s)
	}
	for k, j := range it.RightOrder {
		r := layout.Rect{X: body.X + colW + 4*u, Y: body.Y + float64(k)*(h+u*0.6), W: colW, H: h}
		key := "pairs." + strconv.Itoa(j) + ".right"
		if j >= len(q.Pairs) {
			key = "distractors." + strconv.Itoa(j-len(q.Pairs))
		}
		s := Slot{Kind: Right, Index: k, Of: j, Key: key, Name: "right " + string(Letters[k]),
			Box: r, Label: rights[j], Hotkey: string(Letters[k]), Selected: pairs.Right == j}
		if li, ok := leftOf[j]; ok {
			s.Sub = "← " + strconv.Itoa(li+1)
		}
		p.button(m, s)
	}
}

// confidence lays out the confidence step: "How sure are you?", the
// answer given in full (wrapped, not cut short), the three levels at the
// same height on every card, and a button back to the answer for those who
// play with the mouse alone.
func (p *Plan) confidence(m Metrics, body layout.Rect, given string) {
	u := m.Unit
	inner := p.Inner
	rowH := min(9*u*m.Factor, inner.H*0.2)
	rowY := max(inner.Y+inner.H*0.55, body.Y+body.H-rowH-7.5*u-2*u)
	rowY = min(rowY, body.Y+body.H-rowH-7.5*u)
	head := layout.MakeBlock("How sure are you?", m.Body*1.2, body.W, m.Bold)
	hbox := layout.Rect{X: body.X, Y: body.Y, W: body.W, H: head.Height}
	p.Slots = append(p.Slots, Slot{Kind: ConfHead, Name: "confidence question", Box: hbox,
		Fit: Fitted{Inner: hbox, Blocks: []layout.Block{head}, Tops: []float64{0}, Height: head.Height, Fits: head.Width <= body.W}})
	answerY := body.Y + head.Height + 0.5*u
	box := layout.Rect{X: body.X, Y: answerY, W: body.W, H: rowY - u - answerY}
	ab, ok := layout.Fit("Your answer: "+given, m.Body*0.9, m.Min, box.W, box.H, m.Regular)
	p.Slots = append(p.Slots, Slot{Kind: ConfAnswer, Name: "your answer", Box: box,
		Fit: Fitted{Inner: box, Blocks: []layout.Block{ab}, Tops: []float64{0}, Height: ab.Height, Fits: ok}})
	p.button(m, Slot{Kind: Change, Name: "change", Box: layout.Rect{X: body.X, Y: rowY + rowH + 2*u, W: min(34*u, body.W), H: 5.5 * u},
		Label: "Change the answer (Esc)"})
	cells := layout.Grid(layout.Rect{X: body.X, Y: rowY, W: body.W, H: rowH}, 3, 3, 2*u)
	for i, c := range []quiz.Confidence{quiz.Unsure, quiz.FairlySure, quiz.Sure} {
		r, w := quiz.ConfidenceMarks(c)
		p.button(m, Slot{Kind: Confidence, Index: i, Of: int(c), Name: "confidence " + strconv.Itoa(i+1), Box: cells[i],
			Label: c.Label(), Hotkey: strconv.Itoa(i + 1), Sub: fmt.Sprintf("+%d if right, %s if wrong", r, signed(-w))})
	}
}

// signed writes n with its sign (a true minus sign).
func signed(n int) string {
	switch {
	case n < 0:
		return "−" + strconv.Itoa(-n)
	case n == 0:
		return "0"
	}
	return "+" + strconv.Itoa(n)
}

// Label is what a button shows.
type Label struct {
	Text, Sub string
	Hotkey    bool    // a key tag on the left
	Icon      bool    // an icon on the right
	Size      float64 // the label's size, 0 for the body size
}

// Fitted is a label fitted into a button: the room for text (Inner), the
// key tag's square and the icon's, the text blocks with their tops
// relative to the text's top, their total height, and whether they fit at
// a readable size.
type Fitted struct {
	Inner, Tag, Icon layout.Rect
	Blocks           []layout.Block
	Tops             []float64
	Height           float64
	Fits             bool
}

// Used is the room the text takes, from the top-left of Inner.
func (f Fitted) Used() layout.Rect {
	w := 0.0
	for _, b := range f.Blocks {
		w = max(w, b.Width)
	}
	return layout.Rect{X: f.Inner.X, Y: f.Inner.Y, W: w, H: f.Height}
}

// FitButton fits a label into a button of rectangle r: the one fit the
// button is drawn with and the fit check checks. A label alone shrinks to
// m.Min; a label with a second line is set bold, and the two shrink
// together, the second line smaller, down to 0.85 m.Min.
func FitButton(r layout.Rect, l Label, m Metrics) Fitted {
	u := m.Unit
	inner := r.Inset(u * 0.7)
	var f Fitted
	if l.Hotkey {
		tag := min(inner.H, u*2.6)
		f.Tag = layout.Rect{X: inner.X, Y: r.Y + (r.H-tag)/2, W: tag, H: tag}
		inner.X += tag + u*0.8
		inner.W -= tag + u*0.8
	}
	if l.Icon {
		s := min(inner.H, u*2.4)
		f.Icon = layout.Rect{X: inner.X + inner.W - s, Y: r.Y + (r.H-s)/2, W: s, H: s}
		inner.W -= s + u*0.5
	}
	f.Inner = inner
	size := m.Body
	if l.Sub == "" {
		blk, ok := layout.Fit(l.Text, size, m.Min, inner.W, inner.H, m.Regular)
		f.Blocks, f.Tops, f.Height, f.Fits = []layout.Block{blk}, []float64{0}, blk.Height, ok
		return f
	}
	if l.Size > 0 {
		size = l.Size
	}
	f.Blocks, f.Tops, f.Height, f.Fits = layout.FitStack([]layout.StackItem{
		{Text: l.Text, Factor: 1, Measure: m.Bold},
		{Text: l.Sub, Factor: 0.8, Measure: m.Regular},
	}, size, m.Min*0.85, inner.W, inner.H)
	return f
}

// Short cuts a text to n characters for a message ("…" ends a cut text).
func Short(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// Describe names a slot's text for a message: "the prompt", "choice
// \"Vitamin D ...\"", "the left side of pair 2".
func Describe(q *pack.Question, s Slot) string {
	switch s.Kind {
	case Prompt:
		return "the prompt"
	case Choice:
		return fmt.Sprintf("choice %q", Short(q.Choices[s.Of].Text, 40))
	case Step:
		return fmt.Sprintf("step %d", s.Of+1)
	case Left:
		return fmt.Sprintf("the left side of pair %d", s.Of+1)
	case Right:
		if n := len(q.Pairs); s.Of >= n {
			return fmt.Sprintf("distractor %d", s.Of-n+1)
		}
		return fmt.Sprintf("the right side of pair %d", s.Of+1)
	}
	return strings.TrimSpace(s.Name)
}
