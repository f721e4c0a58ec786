package ui

// Tests of the defects a newcomer's trial found (issue 16), each failing
// before its fix.

import (
	"testing"
	"time"

	"gutskin/game/pack"
	"gutskin/game/quiz"
)

// timedItem opens a card of one question in a timed round.
func timedItem(t *testing.T, a *App, key string, mode quiz.Mode, limit time.Duration) *playScene {
	t.Helper()
	r, err := quiz.New(quiz.Config{Packs: a.Packs(), Only: []string{key}, Seed: 7, Mode: mode, TimeLimit: limit})
	if err != nil {
		t.Fatal(err)
	}
	s := newPlay(a, r, a.Packs(), false)
	show(a, s)
	return s
}

// TestConfidenceStepKeepsTheAnswer (M2): in a timed confidence round the
// answer is in once the confidence step shows; lingering there past the
// question's time neither throws the answer away nor says none was given.
func TestConfidenceStepKeepsTheAnswer(t *testing.T) {
	for _, typ := range []pack.Type{pack.Single, pack.Multi} {
		t.Run(string(typ), func(t *testing.T) {
			a, _, clk := testApp(t, 1280, 720)
			s := timedItem(t, a, nthOfType(t, typ, 0), quiz.Confident, 30*time.Second)
			clk.Advance(10 * time.Second)
			for _, ev := range keysFor(s) {
				a.Step([]Event{ev})
			}
			if s.phase != confiding {
				t.Fatalf("phase %d, want the confidence step", s.phase)
			}
			for range 60 { // a minute on the step, a tick a second
				clk.Advance(time.Second)
				a.Step(nil)
			}
			if s.phase != confiding {
				t.Fatalf("the confidence step ended by itself (phase %d, timed out %v)", s.phase, s.last.TimedOut)
			}
			a.Step([]Event{RuneEvent('2')})
			if s.phase != revealing || s.last.TimedOut || !s.last.Correct {
				t.Fatalf("after a confidence: phase %d, timed out %v, right %v", s.phase, s.last.TimedOut, s.last.Correct)
			}
			if s.last.Elapsed != 10*time.Second {
				t.Errorf("the answer took %v, want the 10 s before the confidence step", s.last.Elapsed)
			}
		})
	}
}

// TestMatchTapPairAgainUndoes (M3): "Tap a pair again to undo", as the
// hint says, for a tap on the right-hand item of a pair too; the taps
// after it pair what they say, not one place off.
func TestMatchTapPairAgainUndoes(t *testing.T) {
	a, _, _ := testApp(t, 1280, 720)
	s := itemScene(t, a, nthOfType(t, pack.Match, 0), quiz.Accuracy)
	tap := func(id string) {
		s.layout(a)
		x, y := findButton(t, &s.btn, id)
		a.Step(Click(x, y))
	}
	matched := func() []int {
		ans, _ := s.composed()
		return ans.Match
	}
	tap("left:0")
	tap("right:3")
	if m := matched(); m[0] < 0 {
		t.Fatalf("1 then D made no pair: %v", m)
	}
	tap("right:3")
	for i, m := range matched() {
		if m >= 0 {
			t.Errorf("after tapping D again, left %d is still paired (%v)", i+1, matched())
		}
	}
	// 2 then C pairs 2 with C.
	tap("left:1")
	tap("right:2")
	want := s.item().RightOrder[2]
	if m := matched(); m[1] != want || m[0] >= 0 {
		t.Errorf("2 then C: match %v, want left 2 paired with pair %d and nothing else", m, want)
	}
}

// TestReviewMissedCountMatchesReview (M9): the results' "Review missed
// (N)" starts a review of N questions, the misses of that round, however
// many earlier rounds missed.
func TestReviewMissedCountMatchesReview(t *testing.T) {
	a, _, clk := testApp(t, 1280, 720)
	keys := allKeys(t)
	playWrong := func(only []string) {
		r, err := quiz.New(quiz.Config{Packs: a.Packs(), Only: only, Seed: 7, Mode: quiz.Accuracy})
		if err != nil {
			t.Fatal(err)
		}
		for !r.Done() {
			r.Show(clk.Now())
			if _, err := r.Answer(WordiestWrong(r.Current()), clk.Now()); err != nil {
				t.Fatal(err)
			}
		}
		a.finishRound(r, a.Packs(), false)
	}
	playWrong(keys[:4])
	playWrong(keys[4:7])
	res, ok := a.scene.(*resultsScene)
	if !ok {
		t.Fatalf("no results: %T", a.scene)
	}
	res.layout(a)
	b := res.btn.byID("review")
	if b == nil || b.label != "Review missed (3)" {
		t.Fatalf("results' review button: %+v, want \"Review missed (3)\"", b)
	}
	b.action()
	p, ok := a.scene.(*playScene)
	if !ok {
		t.Fatalf("review did not start: %T", a.scene)
	}
	if p.round.Len() != 3 {
		t.Errorf("the review has %d questions, its button said 3", p.round.Len())
	}
}
