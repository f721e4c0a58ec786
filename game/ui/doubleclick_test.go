package ui

import (
	"slices"
	"testing"
	"time"

	"gutskin/game/pack"
	"gutskin/game/press"
	"gutskin/game/quiz"
)

// nthOfType is the nth (from 0) shipped question of a type.
func nthOfType(t *testing.T, typ pack.Type, n int) string {
	t.Helper()
	for _, p := range shipped(t).Packs() {
		for i := range p.Questions {
			if p.Questions[i].Type == typ {
				if n == 0 {
					return p.Questions[i].Key(p)
				}
				n--
			}
		}
	}
	t.Fatalf("no %s question", typ)
	return ""
}

// TestDoubleClickAnswersOnce double-clicks (two 70 ms clicks 120 ms
// apart) on an answer and on the feedback's Next button: the first click
// acts, the second lands on the new screen and does nothing, so the
// feedback stays and the next question is not answered unseen.
func TestDoubleClickAnswersOnce(t *testing.T) {
	tests := []struct {
		name string
		typ  pack.Type
	}{
		{"single", pack.Single},
		{"true/false", pack.TrueFalse},
		{"multi", pack.Multi},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _, clk := testApp(t, 1280, 720)
			// The question, then a multi one (whose choices a stray click
			// would tick), in the round's own order.
			only := []string{nthOfType(t, tt.typ, 0), nthOfType(t, pack.Multi, 1)}
			r, err := quiz.New(quiz.Config{Packs: a.Packs(), Only: only, Seed: 7, Mode: quiz.Accuracy})
			if err != nil {
				t.Fatal(err)
			}
			s := newPlay(a, r, a.Packs(), false)
			a.goTo(s)
			a.Step(nil)
			clk.Advance(time.Second)
			double := func(id string) {
				s.layout(a)
				x, y := findButton(t, &s.btn, id)
				for range 2 {
					a.Step([]Event{{Kind: EvMove, X: x, Y: y}, {Kind: EvPress, X: x, Y: y}})
					clk.Advance(70 * time.Millisecond)
					a.Step([]Event{{Kind: EvRelease, X: x, Y: y}})
					clk.Advance(120 * time.Millisecond)
				}
			}
			if s.item().Question.Type == pack.Multi {
				// Tick one choice, wait, then double-click Check.
				s.layout(a)
				x, y := findButton(t, &s.btn, "choice:0")
				a.Step(Click(x, y))
				clk.Advance(time.Second)
				double("confirm")
			} else {
				double("choice:0")
			}
			if s.phase != revealing {
				t.Fatalf("after a double-click on an answer the phase is %d, not the feedback", s.phase)
			}
			answered := r.Index()
			clk.Advance(time.Second) // the player reads the feedback
			double("next")
			if s.phase != answering {
				t.Fatalf("after a double-click on Next the phase is %d, not the next question", s.phase)
			}
			if n := r.Index(); n != answered {
				t.Errorf("the next question was answered unseen (%d answers, want %d)", n, answered)
			}
			for i, p := range s.d.Picked {
				if p {
					t.Errorf("choice %d of the next question was ticked by the second click", i)
				}
			}
			// Once the screen has settled, a click acts again.
			clk.Advance(press.Settle)
			s.layout(a)
			x, y := findButton(t, &s.btn, "choice:1")
			a.Step(Click(x, y))
			if s.phase != revealing && !slices.Contains(s.d.Picked, true) {
				t.Errorf("a click after the screen settled did nothing")
			}
		})
	}
}
