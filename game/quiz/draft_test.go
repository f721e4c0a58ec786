package quiz

import (
	"errors"
	"fmt"
	"testing"

	"gutskin/game/pack"
)

func draftOf(q *pack.Question, steps []int) *Draft {
	return NewDraft(&Item{Question: q, StepOrder: steps})
}

func TestDraftMulti(t *testing.T) {
	q := &pack.Question{Type: pack.Multi, Choices: choices(true, false, true)}
	tests := []struct {
		toggles []int
		want    []int
		err     error
	}{
		{nil, nil, ErrNothingTicked},
		{[]int{2}, []int{2}, nil},
		{[]int{2, 0}, []int{0, 2}, nil},
		{[]int{1, 1}, nil, ErrNothingTicked}, // ticked and unticked
		{[]int{0, 9, -1}, []int{0}, nil},     // no such choice: ignored
	}
	for _, tt := range tests {
		d := draftOf(q, nil)
		for _, c := range tt.toggles {
			d.Toggle(c)
		}
		a, err := d.Answer()
		if !errors.Is(err, tt.err) || fmt.Sprint(a.Choices) != fmt.Sprint(tt.want) {
			t.Errorf("toggles %v: %v, %v; want %v, %v", tt.toggles, a.Choices, err, tt.want, tt.err)
		}
	}
}

func TestDraftOrder(t *testing.T) {
	q := &pack.Question{Type: pack.Order, Steps: []string{"a", "b", "c", "d"}}
	type op struct {
		kind string // "move", "tap", "grab", "arrow"
		a, b int
	}
	tests := []struct {
		name    string
		ops     []op
		want    []int
		grabbed int
	}{
		{"untouched", nil, []int{3, 1, 0, 2}, -1},
		{"move down", []op{{"move", 0, 2}}, []int{1, 0, 3, 2}, -1},
		{"move up", []op{{"move", 3, 0}}, []int{2, 3, 1, 0}, -1},
		{"move off the end", []op{{"move", 0, 4}}, []int{3, 1, 0, 2}, -1},
		{"tap picks up", []op{{"tap", 1, 0}}, []int{3, 1, 0, 2}, 1},
		{"tap twice puts back", []op{{"tap", 1, 0}, {"tap", 1, 0}}, []int{3, 1, 0, 2}, -1},
		{"tap then place", []op{{"tap", 0, 0}, {"tap", 3, 0}}, []int{1, 0, 2, 3}, -1},
		{"grab and arrow down", []op{{"grab", 0, 0}, {"arrow", 1, 0}, {"arrow", 1, 0}}, []int{1, 0, 3, 2}, 2},
		{"arrow at the top stays", []op{{"grab", 0, 0}, {"arrow", -1, 0}}, []int{3, 1, 0, 2}, 0},
		{"arrow with nothing held", []op{{"arrow", 1, 0}}, []int{3, 1, 0, 2}, -1},
	}
	for _, tt := range tests {
		d := draftOf(q, []int{3, 1, 0, 2})
		for _, o := range tt.ops {
			switch o.kind {
			case "move":
				d.MoveStep(o.a, o.b)
			case "tap":
				d.TapStep(o.a)
			case "grab":
				d.Grab(o.a)
			case "arrow":
				d.MoveGrabbed(o.a)
			}
		}
		a, err := d.Answer()
		if err != nil || fmt.Sprint(a.Order) != fmt.Sprint(tt.want) || d.Grabbed != tt.grabbed {
			t.Errorf("%s: order %v grabbed %d (%v), want %v grabbed %d", tt.name, a.Order, d.Grabbed, err, tt.want, tt.grabbed)
		}
	}
	// The answer is a copy: moving on after Answer does not change it.
	d := draftOf(q, []int{3, 1, 0, 2})
	a, _ := d.Answer()
	d.MoveStep(0, 3)
	if fmt.Sprint(a.Order) != "[3 1 0 2]" {
		t.Errorf("the answer changed with the draft: %v", a.Order)
	}
}

func TestDraftMatch(t *testing.T) {
	q := &pack.Question{Type: pack.Match, Pairs: []pack.Pair{{Left: "a", Right: "1"}, {Left: "b", Right: "2"}, {Left: "c", Right: "3"}}}
	d := draftOf(q, nil)
	d.Pairs.TapLeft(0)
	d.Pairs.TapRight(2)
	d.Pairs.TapRight(1)
	d.Pairs.TapLeft(2)
	a, err := d.Answer()
	if err != nil || fmt.Sprint(a.Match) != "[2 -1 1]" {
		t.Errorf("match %v (%v), want [2 -1 1]", a.Match, err)
	}
}

func TestDraftEstimate(t *testing.T) {
	e := &pack.EstimateSpec{Min: 1900, Max: 2025, Step: 5, Answer: 1930, Unit: "year"}
	q := &pack.Question{Type: pack.Estimate, Estimate: e}
	type op struct {
		kind string // "frac", "nudge", "type", "back", "end"
		f    float64
		s    string
	}
	tests := []struct {
		name  string
		ops   []op
		value float64 // the slider's value
		typed string
		want  float64
		err   error
	}{
		{"starts at the left end", nil, 1900, "", 1900, nil},
		{"slider to the middle, snapped", []op{{kind: "frac", f: 0.5}}, 1965, "", 1965, nil},
		{"slider past the end", []op{{kind: "frac", f: 1.7}}, 2025, "", 2025, nil},
		{"nudge by one step at least", []op{{kind: "nudge", f: 0.01}}, 1905, "", 1905, nil},
		{"typed number moves the slider", []op{{kind: "type", s: "1930"}}, 1930, "1930", 1930, nil},
		{"typed letters are refused", []op{{kind: "type", s: "1x9y3z0"}}, 1930, "1930", 1930, nil},
		{"typed number out of range: the nearest end", []op{{kind: "type", s: "3000"}}, 2025, "3000", 2025, nil},
		{"typed thousands separator", []op{{kind: "type", s: "1,950"}}, 1950, "1,950", 1950, nil},
		{"not a number", []op{{kind: "type", s: "1.2.3"}}, 1900, "1.2.3", 0, ErrNotANumber},
		{"backspace", []op{{kind: "type", s: "19555"}, {kind: "back"}}, 1955, "1955", 1955, nil},
		{"slider after typing clears it", []op{{kind: "type", s: "1.2.3"}, {kind: "nudge", f: 0.1}}, 1915, "", 1915, nil},
		{"End key", []op{{kind: "type", s: "7"}, {kind: "end", f: 1}}, 2025, "", 2025, nil},
	}
	for _, tt := range tests {
		d := draftOf(q, nil)
		for _, o := range tt.ops {
			switch o.kind {
			case "frac":
				d.SetFrac(o.f)
			case "nudge":
				d.Nudge(o.f)
			case "type":
				for _, r := range o.s {
					d.TypeRune(r)
				}
			case "back":
				d.Backspace()
			case "end":
				d.SetEnd(o.f > 0)
			}
		}
		a, err := d.Answer()
		if d.Value != tt.value || d.Typed != tt.typed || !errors.Is(err, tt.err) || (err == nil && (a.Value != tt.want || !a.HasValue)) {
			t.Errorf("%s: value %v typed %q answer %v (%v); want %v %q %v (%v)", tt.name, d.Value, d.Typed, a.Value, err, tt.value, tt.typed, tt.want, tt.err)
		}
	}
	d := draftOf(q, nil)
	for range MaxTyped + 5 {
		d.TypeRune('1')
	}
	if len(d.Typed) != MaxTyped {
		t.Errorf("typed %d characters, want at most %d", len(d.Typed), MaxTyped)
	}
}

func TestRationale(t *testing.T) {
	ch := func(text string, correct bool, why, mis string) pack.Choice {
		return pack.Choice{Text: text, Correct: correct, Rationale: why, Misconception: mis}
	}
	single := &pack.Question{Type: pack.Single, Choices: []pack.Choice{ch("a", true, "a is right", ""), ch("b", false, "b is wrong", "b myth")}}
	multi := &pack.Question{Type: pack.Multi, Choices: []pack.Choice{ch("a", true, "why a", ""), ch("b", true, "why b", ""), ch("c", false, "why not c", "c myth")}}
	match := &pack.Question{Type: pack.Match, Pairs: []pack.Pair{{Left: "x", Right: "1", Rationale: "x is 1"}, {Left: "y", Right: "2", Rationale: "y is 2"}}}
	rec := func(q *pack.Question, a Answer) Record { return Record{Item: &Item{Question: q}, Answer: a} }
	tests := []struct {
		name     string
		rec      Record
		why, mis string
	}{
		{"single right", rec(single, Answer{Choices: []int{0}}), "a is right", ""},
		{"single wrong: its misconception", rec(single, Answer{Choices: []int{1}}), "b is wrong", "b myth"},
		{"single unanswered: the right one's", rec(single, Answer{}), "a is right", ""},
		{"single out of range", rec(single, Answer{Choices: []int{5}}), "a is right", ""},
		{"multi wrong tick first", rec(multi, Answer{Choices: []int{0, 2}}), "why not c", "c myth"},
		{"multi missed one", rec(multi, Answer{Choices: []int{0}}), "Missed: b. why b", ""},
		{"multi all right", rec(multi, Answer{Choices: []int{1, 0}}), "why b", ""},
		{"match wrong pair", rec(match, Answer{Match: []int{0, -1}}), "y: y is 2", ""},
		{"match right", rec(match, Answer{Match: []int{0, 1}}), "", ""},
		{"timed out", Record{Item: &Item{Question: single}, TimedOut: true}, "", ""},
		{"skipped", Record{Item: &Item{Question: single}, Skipped: true, Answer: Answer{Choices: []int{1}}}, "", ""},
	}
	for _, tt := range tests {
		why, mis := Rationale(tt.rec)
		if why != tt.why || mis != tt.mis {
			t.Errorf("%s: %q, %q; want %q, %q", tt.name, why, mis, tt.why, tt.mis)
		}
	}
}
