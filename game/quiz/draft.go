package quiz

import (
	"errors"
	"strings"

	"gutskin/game/pack"
)

// Draft is the answer a player is composing on a card, with the editing
// rules of each question type: ticks for a multi card, moves for an order
// card, taps that make pairs for a match card, and the slider, the arrow
// keys and typed digits for an estimate. Scenes send it what the player did
// and draw what it holds; Answer turns it into the round's Answer.
type Draft struct {
	item *Item
	// Picked tells, by choice index, the ticked choices of a multi card.
	Picked []bool
	// Order holds the step indexes as arranged; Grabbed is the position of
	// the step picked up to be moved, -1 if none.
	Order   []int
	Grabbed int
	// Pairs are the match card's pairs made so far.
	Pairs Pairing
	// Value is the estimate's value on the slider; Typed the digits typed,
	// "" when the slider was used last.
	Value float64
	Typed string
}

// The reasons a draft is not yet an answer.
var (
	ErrNothingTicked = errors.New("no choice is ticked")
	ErrNotANumber    = errors.New("the typed text is not a number")
)

// MaxTyped is how many characters a typed estimate may have.
const MaxTyped = 24

// NewDraft starts the draft of a card: nothing ticked, the steps in the
// order shown, nothing paired, and the slider at its left end (starting in
// the middle would hand the answer to any question whose range is centred
// on it).
func NewDraft(it *Item) *Draft {
	q := it.Question
	d := &Draft{item: it, Picked: make([]bool, len(q.Choices)), Order: append([]int(nil), it.StepOrder...),
		Grabbed: -1, Pairs: NewPairing(len(q.Pairs))}
	if e := q.Estimate; e != nil {
		d.Value = Snap(e, e.Min)
	}
	return d
}

// Item is the card the draft answers.
func (d *Draft) Item() *Item { return d.item }

// Toggle ticks or unticks choice ci (a choice index, not a position).
func (d *Draft) Toggle(ci int) {
	if ci >= 0 && ci < len(d.Picked) {
		d.Picked[ci] = !d.Picked[ci]
	}
}

// MoveStep moves the step at position from to position to, the others
// closing up; it reports whether both positions exist.
func (d *Draft) MoveStep(from, to int) bool {
	n := len(d.Order)
	if from < 0 || from >= n || to < 0 || to >= n {
		return false
	}
	v := d.Order[from]
	d.Order = append(d.Order[:from], d.Order[from+1:]...)
	d.Order = append(d.Order[:to], append([]int{v}, d.Order[to:]...)...)
	return true
}

// TapStep is a tap on the step at position pos: the first tap picks it
// up, a tap on the same step puts it back, a tap on another place moves the
// picked-up step there.
func (d *Draft) TapStep(pos int) {
	switch {
	case pos < 0 || pos >= len(d.Order):
	case d.Grabbed < 0:
		d.Grabbed = pos
	case d.Grabbed == pos:
		d.Grabbed = -1
	default:
		d.MoveStep(d.Grabbed, pos)
		d.Grabbed = -1
	}
}

// Grab picks up the step at pos, or puts it back if it is the one held.
func (d *Draft) Grab(pos int) {
	if d.Grabbed == pos {
		d.Grabbed = -1
	} else if pos >= 0 && pos < len(d.Order) {
		d.Grabbed = pos
	}
}

// MoveGrabbed moves the step held by delta places (the arrow keys) and
// reports whether one is held; at either end it stays.
func (d *Draft) MoveGrabbed(delta int) bool {
	if d.Grabbed < 0 {
		return false
	}
	if d.MoveStep(d.Grabbed, d.Grabbed+delta) {
		d.Grabbed += delta
	}
	return true
}

// SetFrac puts the slider at position f (0-1, clamped), snapped to its step.
func (d *Draft) SetFrac(f float64) {
	e := d.item.Question.Estimate
	d.Typed = ""
	d.Value = Snap(e, EstimateAt(e, max(0, min(1, f))))
}

// Nudge moves the slider by a share of its range (see Nudge).
func (d *Draft) Nudge(share float64) {
	d.Typed = ""
	d.Value = Nudge(d.item.Question.Estimate, d.Value, share)
}

// SetEnd puts the slider at the range's minimum, or its maximum.
func (d *Draft) SetEnd(maximum bool) {
	e := d.item.Question.Estimate
	d.Typed, d.Value = "", e.Min
	if maximum {
		d.Value = e.Max
	}
}

// TypeRune adds a typed character to the estimate if it can be part of a
// number ("0-9 . , - + e E") and there is room; it reports whether it did.
// A typed number moves the slider, so the screen shows one value.
func (d *Draft) TypeRune(r rune) bool {
	if !strings.ContainsRune("0123456789.,-+eE", r) || len(d.Typed) >= MaxTyped {
		return false
	}
	d.Typed += string(r)
	d.followTyped()
	return true
}

// Backspace removes the last typed character; it reports whether there
// was one.
func (d *Draft) Backspace() bool {
	if d.Typed == "" {
		return false
	}
	d.Typed = d.Typed[:len(d.Typed)-1]
	d.followTyped()
	return true
}

func (d *Draft) followTyped() {
	if f, ok := ParseNumber(d.Typed); ok {
		d.Value = clampTo(d.item.Question.Estimate, f)
	}
}

// Answer is the draft as an answer: ErrNothingTicked for a multi card with
// no tick, ErrNotANumber for typed text that is not a number. A typed
// number outside the range counts as the nearest end.
func (d *Draft) Answer() (Answer, error) {
	q := d.item.Question
	switch q.Type {
	case pack.Multi:
		var picks []int
		for i, p := range d.Picked {
			if p {
				picks = append(picks, i)
			}
		}
		if len(picks) == 0 {
			return Answer{}, ErrNothingTicked
		}
		return Answer{Choices: picks}, nil
	case pack.Order:
		return Answer{Order: append([]int(nil), d.Order...)}, nil
	case pack.Match:
		return Answer{Match: append([]int(nil), d.Pairs.Match...)}, nil
	case pack.Estimate:
		v := d.Value
		if d.Typed != "" {
			f, ok := ParseNumber(d.Typed)
			if !ok {
				return Answer{}, ErrNotANumber
			}
			v = clampTo(q.Estimate, f)
		}
		return Answer{Value: v, HasValue: true}, nil
	}
	return Answer{}, ErrNothingTicked
}
