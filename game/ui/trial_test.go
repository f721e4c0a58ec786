package ui

// Tests of the defects a newcomer's trial found (issue 16), each failing
// before its fix.

import (
	"fmt"
	"gutskin/game/card"
	"image"
	"strings"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/pack"
	"gutskin/game/quiz"
	"gutskin/game/save"
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
		ans, _ := s.d.Answer()
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

// TestSetupRemembersChoices: the set-up's packs, length, difficulty,
// scoring mode and timer come back after a restart; a damaged or older
// save falls back to the defaults for what it lacks.
func TestSetupRemembersChoices(t *testing.T) {
	a, _, clk := testApp(t, 1280, 720)
	s := newSetup(a, nil)
	a.goTo(s)
	a.Step(nil)
	clk.Advance(time.Second)
	drop := a.Packs()[1].ID
	for _, id := range []string{"length:2", "difficulty:3", "mode:2", "timer:1", "pack:" + drop} {
		s.layout(a)
		x, y := findButton(t, &s.btn, id)
		a.Step(Click(x, y))
	}
	s.start(a)
	if _, ok := a.scene.(*playScene); !ok {
		t.Fatalf("no round started: %T (%s)", a.scene, s.message)
	}
	// A new game on the same save folder.
	b, err := NewApp(Options{Packs: a.opts.Packs, Store: a.opts.Store})
	if err != nil {
		t.Fatal(err)
	}
	got := newSetup(b, nil)
	if p := got.prefs; p.length != 20 || p.difficulty != 3 || p.mode != quiz.Confident || p.timer != 1 {
		t.Errorf("after a restart the set-up is %+v, want length 20, difficulty 3, confidence, timer 1", p)
	}
	if got.selected[drop] || !got.selected[a.Packs()[0].ID] {
		t.Errorf("after a restart the packs chosen are %v, want all but %s", got.selected, drop)
	}
	tests := []struct {
		name string
		in   *save.RoundSetup
		want roundPrefs
	}{
		{"none saved", nil, defaultPrefs()},
		{"out of range", &save.RoundSetup{Length: 7, Difficulty: 9, Mode: "fastest", Timer: 5}, defaultPrefs()},
		{"all good", &save.RoundSetup{Length: 5, Difficulty: 1, Mode: "standard", Timer: 2}, roundPrefs{length: 5, difficulty: 1, mode: quiz.Standard, timer: 2}},
	}
	for _, tt := range tests {
		if got := prefsFrom(tt.in); fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: prefsFrom = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// TestLeavingKeepsAnswers: leaving a round with Esc twice keeps the answers
// already given (mastery and the review), saved at once, without entering
// the unfinished round in the history.
func TestLeavingKeepsAnswers(t *testing.T) {
	a, _, clk := testApp(t, 1280, 720)
	keys := allKeys(t)[:3]
	r, err := quiz.New(quiz.Config{Packs: a.Packs(), Only: keys, Seed: 7, Mode: quiz.Accuracy})
	if err != nil {
		t.Fatal(err)
	}
	s := newPlay(a, r, a.Packs(), false)
	show(a, s)
	s.submit(a, rightAnswer(s.item()))
	s.next(a)
	missed := s.item().Key()
	s.submit(a, wordiestWrong(s.item()))
	s.next(a)
	a.Step([]Event{KeyEvent(KeyEscape)})
	clk.Advance(time.Second)
	a.Step([]Event{KeyEvent(KeyEscape)})
	if _, ok := a.scene.(*titleScene); !ok {
		t.Fatalf("two Esc did not lead to the title: %T", a.scene)
	}
	disk, _, err := a.opts.Store.Load("")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []*save.Profile{a.profile, disk} {
		if len(p.Stats) != 2 || len(p.History) != 0 {
			t.Errorf("after leaving: %d questions in the statistics (want the 2 answered), %d rounds in the history (want 0)", len(p.Stats), len(p.History))
		}
		if m := p.Missed(); len(m) != 1 || m[0] != missed {
			t.Errorf("after leaving, missed %v, want [%s]", m, missed)
		}
	}
}

// TestFeedbackWording (L3, L4, L6 and the friction list): letters are
// "A.", points read as a sentence, a timed-out card comments no answer,
// match and order feedback show the player's own pairing and places, and an
// estimate's feedback draws its number line.
func TestFeedbackWording(t *testing.T) {
	points := []struct {
		mode quiz.Mode
		p    quiz.Points
		want string
	}{
		{quiz.Accuracy, quiz.Points{}, "No points for this answer"},
		{quiz.Accuracy, quiz.Points{Correctness: 100, Total: 100}, "100 points for the answer"},
		{quiz.Standard, quiz.Points{Correctness: 200, Streak: 20, Speed: 15, Total: 235}, "235 points: 200 for the answer + 20 for the streak + 15 for speed"},
	}
	for _, tt := range points {
		if got := pointsText(tt.mode, quiz.Record{Points: tt.p}); got != tt.want {
			t.Errorf("pointsText(%+v) = %q, want %q", tt.p, got, tt.want)
		}
	}
	lines := func(s *playScene) map[string]string {
		out := map[string]string{}
		for _, l := range s.rev.lines {
			out[l.what] = l.item.Text
		}
		return out
	}
	a, _, clk := testApp(t, 1280, 720)
	s := itemScene(t, a, nthOfType(t, pack.Single, 0), quiz.Accuracy)
	s.submit(a, wordiestWrong(s.item()))
	s.layout(a)
	if l := lines(s); !strings.HasPrefix(l["answer A"], "A. ") {
		t.Errorf("answer line %q does not start with \"A. \"", l["answer A"])
	}
	s = timedItem(t, a, nthOfType(t, pack.Single, 0), quiz.Accuracy, 30*time.Second)
	clk.Advance(31 * time.Second)
	a.Step(nil)
	if l := lines(s); !s.last.TimedOut || l["rationale"] != "" || l["misconception"] != "" {
		t.Errorf("time-out card: timed out %v, rationale %q, misconception %q", s.last.TimedOut, l["rationale"], l["misconception"])
	}
	s = itemScene(t, a, nthOfType(t, pack.Match, 0), quiz.Accuracy)
	n := len(s.item().Question.Pairs)
	swapped := make([]int, n)
	for i := range swapped {
		swapped[i] = (i + 1) % n
	}
	s.submit(a, quiz.Answer{Match: swapped})
	s.layout(a)
	if l := lines(s); !strings.Contains(l["answer 1"], "(you: "+s.last.Item.Question.Pairs[1].Right+")") {
		t.Errorf("match feedback %q does not show the player's pair", l["answer 1"])
	}
	s = itemScene(t, a, nthOfType(t, pack.Estimate, 0), quiz.Accuracy)
	s.submit(a, wordiestWrong(s.item()))
	s.layout(a)
	if s.rev.scale.W <= 0 {
		t.Errorf("estimate feedback has no number line")
	}
}

// TestCardDetails (L1, L2, L11, L12, L17): a tick clears the multi card's
// warning; a typed estimate moves the slider; the key hints name the
// card's own keys; the feedback of a timed card says how long the answer
// took instead of showing a stopped timer; the Esc toast covers no button
// and does not follow onto the title.
func TestCardDetails(t *testing.T) {
	needGL(t)
	a, _, clk := testApp(t, 960, 540)
	img := ebiten.NewImage(960, 540)
	drawn := func() []drawnText {
		var d []drawnText
		a.fonts.rec = &d
		a.Render(img)
		a.fonts.rec = nil
		return d
	}
	has := func(d []drawnText, part string) bool {
		for _, x := range d {
			if strings.Contains(x.s, part) {
				return true
			}
		}
		return false
	}
	s := itemScene(t, a, nthOfType(t, pack.Multi, 0), quiz.Accuracy)
	a.Step([]Event{KeyEvent(KeyEnter)})
	if s.message == "" {
		t.Fatal("no warning after checking nothing")
	}
	a.Step([]Event{RuneEvent('a')})
	if s.message != "" {
		t.Errorf("the warning %q stays after a tick", s.message)
	}
	if n := len(s.item().Question.Choices); !has(drawn(), keyRange(n)+" tick") {
		t.Errorf("the hints do not name the keys of %d choices (%s)", n, keyRange(n))
	}
	itemScene(t, a, nthOfType(t, pack.TrueFalse, 0), quiz.Accuracy)
	if !has(drawn(), "T or F") {
		t.Errorf("the true/false hints do not mention T and F")
	}
	s = itemScene(t, a, nthOfType(t, pack.Estimate, 0), quiz.Accuracy)
	e := s.item().Question.Estimate
	// L22: the slider says before the answer how close earns full marks,
	// not "linear scale".
	if d := drawn(); !has(d, "full marks "+quiz.FormatTolerance(e)) || has(d, "linear scale") {
		t.Errorf("the estimate card does not say how close earns full marks (%s)", quiz.FormatTolerance(e))
	}
	want := quiz.Snap(e, e.Min+(e.Max-e.Min)/2)
	for _, r := range numberText(want) {
		a.Step([]Event{RuneEvent(r)})
	}
	if s.d.Value != want {
		t.Errorf("typed %s, the slider is at %v", numberText(want), s.d.Value)
	}
	s = timedItem(t, a, nthOfType(t, pack.Single, 0), quiz.Accuracy, 30*time.Second)
	clk.Advance(12 * time.Second)
	s.submit(a, rightAnswer(s.item()))
	s.layout(a)
	if d := drawn(); !has(d, "Answered in 12 s of 30 s") || has(d, "s left") {
		t.Errorf("the feedback of a timed card shows a timer, not the time taken")
	}
	a.Step([]Event{KeyEvent(KeyEscape)})
	if a.toast == "" {
		t.Fatal("no toast after one Esc")
	}
	d := drawn()
	for _, x := range d {
		if strings.Contains(a.toast, x.s) && x.owner == "" {
			for _, b := range s.btn.list {
				if overlap(x.r, b.r) {
					t.Errorf("the toast line %q covers the button %s", x.s, b.id)
				}
			}
		}
	}
	clk.Advance(time.Second)
	a.Step([]Event{KeyEvent(KeyEscape)})
	if _, ok := a.scene.(*titleScene); !ok || a.toast != "" {
		t.Errorf("after leaving: scene %T, toast %q", a.scene, a.toast)
	}
}

func TestKeyRange(t *testing.T) {
	for n, want := range map[int]string{2: "A-B or 1-2", 4: "A-D or 1-4", 5: "A-E or 1-5"} {
		if got := keyRange(n); got != want {
			t.Errorf("keyRange(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestMapRoundSaysItsMode: a round started from the title's map says which
// scoring mode it uses.
func TestMapRoundSaysItsMode(t *testing.T) {
	a, _, _ := testApp(t, 1280, 720)
	a.prefs.mode = quiz.Confident
	ti := newTitle(a)
	show(a, ti)
	ti.layout(a)
	x, y := findButton(t, &ti.btn, "node:"+a.Packs()[0].ID)
	a.Step(Click(x, y))
	if _, ok := a.scene.(*playScene); !ok {
		t.Fatalf("the map did not start a round: %T", a.scene)
	}
	if !strings.Contains(a.toast, "Confidence scoring") {
		t.Errorf("the round from the map says %q, not its scoring mode", a.toast)
	}
}

// TestConfidenceStepLayout (L10): the answer given is shown whole, the
// three levels sit at the same height on every card, and a button leads
// back to the answer.
func TestConfidenceStepLayout(t *testing.T) {
	a, _, clk := testApp(t, 1280, 720)
	rowY := map[float64]bool{}
	for _, typ := range []pack.Type{pack.Single, pack.Multi, pack.Order, pack.Match} {
		s := itemScene(t, a, nthOfType(t, typ, 0), quiz.Confident)
		s.submit(a, wordiestWrong(s.item()))
		s.layout(a)
		if s.phase != confiding {
			t.Fatalf("%s: no confidence step", typ)
		}
		given, _ := s.plan.Find(card.ConfAnswer)
		if lines := given.Fit.Blocks[0].Lines; !strings.HasSuffix(strings.Join(lines, " "), s.answerText(s.pending)) {
			t.Errorf("%s: the answer shown %q is not the whole answer %q", typ, lines, s.answerText(s.pending))
		}
		rowY[s.btn.byID("conf:0").r.Y] = true
		a.Step([]Event{{Kind: EvMove}}) // a tick shows the step
		clk.Advance(time.Second)
		s.layout(a)
		x, y := findButton(t, &s.btn, "change")
		a.Step(Click(x, y))
		if s.phase != answering {
			t.Errorf("%s: the change button did not go back to the answer", typ)
		}
	}
	if len(rowY) != 1 {
		t.Errorf("the confidence buttons sit at %d different heights", len(rowY))
	}
}

// TestAxisMap (L8, L9): the title's map names each node as its pack is
// named (the round shows that name), and no two arrows cross.
func TestAxisMap(t *testing.T) {
	a, _, _ := testApp(t, 1280, 720)
	ti := newTitle(a)
	ti.layout(a)
	for _, p := range a.Packs() {
		if b := ti.btn.byID("node:" + p.ID); b != nil && b.label != p.Title {
			t.Errorf("the map names %s %q, the pack is %q", p.ID, b.label, p.Title)
		}
	}
	cross := func(p1, p2, p3, p4 mapNode) bool {
		d := func(a, b, c mapNode) float64 { return (b.x-a.x)*(c.y-a.y) - (b.y-a.y)*(c.x-a.x) }
		return d(p1, p2, p3)*d(p1, p2, p4) < 0 && d(p3, p4, p1)*d(p3, p4, p2) < 0
	}
	for i, l := range axisLinks {
		for _, m := range axisLinks[i+1:] {
			if cross(axisNodes[l[0]], axisNodes[l[1]], axisNodes[m[0]], axisNodes[m[1]]) {
				t.Errorf("the arrows %s → %s and %s → %s cross", axisNodes[l[0]].label, axisNodes[l[1]].label, axisNodes[m[0]].label, axisNodes[m[1]].label)
			}
		}
	}
}

// TestHoverFollowsDrag (L7): after a drag of an order step, the highlight
// is on the row under the pointer.
func TestHoverFollowsDrag(t *testing.T) {
	a, _, _ := testApp(t, 1280, 720)
	s := itemScene(t, a, nthOfType(t, pack.Order, 0), quiz.Accuracy)
	s.layout(a)
	last := fmt.Sprint("step:", len(s.d.Order)-1)
	x0, y0 := findButton(t, &s.btn, last)
	_, y1 := findButton(t, &s.btn, "step:0")
	a.Step([]Event{{Kind: EvMove, X: x0, Y: y0}, {Kind: EvPress, X: x0, Y: y0}})
	for y := y0; y >= y1; y -= 5 {
		a.Step([]Event{{Kind: EvMove, X: x0, Y: y}})
	}
	a.Step([]Event{{Kind: EvRelease, X: x0, Y: y1}})
	if s.btn.hover != "step:0" {
		t.Errorf("after dragging to the first row the highlight is on %q", s.btn.hover)
	}
}

// TestCardHeaderFits (L16): the pack title, the progress and the score of
// the card's top bar never run into each other, whatever the pack, at
// every size and text size.
func TestCardHeaderFits(t *testing.T) {
	needGL(t)
	for _, sz := range []image.Point{{960, 540}, {1280, 720}} {
		for ts := range TextSizeNames {
			a, _, _ := testApp(t, float64(sz.X), float64(sz.Y))
			a.profile.Settings.TextSize = ts
			img := ebiten.NewImage(sz.X, sz.Y)
			for _, p := range a.Packs() {
				itemScene(t, a, p.Questions[0].Key(p), quiz.Accuracy)
				var d []drawnText
				a.fonts.rec = &d
				a.Render(img)
				a.fonts.rec = nil
				var head []drawnText
				for _, x := range d {
					if x.r.Y < 4*a.unit() && x.owner == "" {
						head = append(head, x)
					}
				}
				for i, x := range head {
					if strings.HasSuffix(x.s, "…") {
						t.Errorf("%dx%d %s: %q is cut short", sz.X, sz.Y, TextSizeNames[ts], x.s)
					}
					for _, y := range head[i+1:] {
						if overlap(x.r.Inset(-a.unit()), y.r) {
							t.Errorf("%dx%d %s: %q runs into %q", sz.X, sz.Y, TextSizeNames[ts], x.s, y.s)
						}
					}
				}
			}
		}
	}
}
