package ui

import (
	"fmt"
	"gutskin/game/press"
	"strings"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/layout"
	"gutskin/game/quiz"
	"gutskin/game/review"
)

// playReviewRound starts a review round from the title's Review button (its
// hotkey R) and answers it: wrong where wrong(i) says so, right otherwise.
// It returns the round's keys and the results scene.
func playReviewRound(t *testing.T, a *App, wrong func(i int) bool) ([]string, *resultsScene) {
	t.Helper()
	a.goTo(newTitle(a))
	a.Step([]Event{RuneEvent('r')})
	ps, ok := a.scene.(*playScene)
	if !ok || !ps.review {
		t.Fatalf("R on the title did not start a review round: %T", a.scene)
	}
	var keys []string
	r := ps.round
	for i := 0; !r.Done(); i++ {
		r.Show(a.now())
		keys = append(keys, r.Current().Key())
		ans := rightAnswer(r.Current())
		if wrong(i) {
			ans = wordiestWrong(r.Current())
		}
		if _, err := r.Answer(ans, a.now().Add(3*time.Second)); err != nil {
			t.Fatal(err)
		}
	}
	a.finishRound(r, ps.packs, true)
	res, ok := a.scene.(*resultsScene)
	if !ok {
		t.Fatalf("no results: %T", a.scene)
	}
	return keys, res
}

func reviewLabel(t *testing.T, a *App) string {
	t.Helper()
	s := newTitle(a)
	s.layout(a)
	b := s.btn.byID("review")
	if b == nil {
		t.Fatal("no review button on the title")
	}
	return b.label
}

// TestReviewAcrossDays plays as a learner over simulated days with the fake
// clock: the due count on the title, the review round's choice (due first,
// then new), the end-of-round schedule, and the map's recall fading and
// recovering.
func TestReviewAcrossDays(t *testing.T) {
	a, _, clk := testApp(t, 1280, 720)
	if got := reviewLabel(t, a); got != "Review: 0 due" {
		t.Errorf("fresh profile: %q", got)
	}
	// Day 1: everything is new; miss every third question.
	missed := func(i int) bool { return i%3 == 0 }
	day1, res := playReviewRound(t, a, missed)
	if len(day1) != 10 {
		t.Fatalf("first review round has %d questions, want the round length 10", len(day1))
	}
	nMissed := 0
	for i := range day1 {
		if missed(i) {
			nMissed++
		}
	}
	// Again: due in 1 day; Good: stability 3.173, due in 3 days.
	if want := fmt.Sprintf("next: %d tomorrow, %d in 3 days", nMissed, 10-nMissed); res.next != want {
		t.Errorf("results say %q, want %q", res.next, want)
	}
	fresh := a.profile.Recall(a.Packs()[0], clk.Now())

	// Day 2: the missed questions are due.
	clk.Advance(24 * time.Hour)
	if got, want := reviewLabel(t, a), fmt.Sprintf("Review: %d due", nMissed); got != want {
		t.Errorf("day 2: %q, want %q", got, want)
	}
	day2, _ := playReviewRound(t, a, func(int) bool { return false })
	due := map[string]bool{}
	for i, k := range day1 {
		if missed(i) {
			due[k] = true
		}
	}
	got := 0
	for _, k := range day2 {
		if due[k] {
			got++
		} else if a.profile.Memory[k].Reps != 1 {
			t.Errorf("day 2 asked %s, neither due nor new", k)
		}
	}
	if got != nMissed || len(day2) != 10 {
		t.Errorf("day 2 asked %d of the %d due questions in %d", got, nMissed, len(day2))
	}
	if got := reviewLabel(t, a); got != "Review: 0 due" {
		t.Errorf("after the review: %q", got)
	}

	// A month away: recall fades on the map, then recovers with a review.
	pk := a.Packs()[0]
	before := a.profile.Recall(pk, clk.Now())
	clk.Advance(30 * 24 * time.Hour)
	faded := a.profile.Recall(pk, clk.Now())
	if !(faded < before) {
		t.Errorf("recall did not fade: %v then %v (fresh %v)", before, faded, fresh)
	}
	n := len(review.Due(a.loadedKeys(), a.profile.Memory, clk.Now()))
	// Everything met is due: day 1's ten and day 2's new ones.
	if met := 10 + 10 - nMissed; n != met || reviewLabel(t, a) != fmt.Sprintf("Review: %d due", met) {
		t.Errorf("a month on, %d due, title %q", n, reviewLabel(t, a))
	}
	a.prefs.length = 0 // "All": a review round is then 20 long
	playReviewRound(t, a, func(int) bool { return false })
	if r := a.profile.Recall(pk, clk.Now()); !(r > faded) {
		t.Errorf("recall of %s did not recover: %v after %v", pk.ID, r, faded)
	}
	if len(a.profile.Log) != 40 {
		t.Errorf("review log has %d entries, want 40", len(a.profile.Log))
	}
}

// TestReviewRatingsReachTheSave checks that confidence answers are saved
// with their ratings.
func TestReviewRatingsReachTheSave(t *testing.T) {
	a, _, _ := testApp(t, 1280, 720)
	r, err := quiz.New(quiz.Config{Packs: a.Packs(), Length: 3, Seed: 3, Mode: quiz.Confident})
	if err != nil {
		t.Fatal(err)
	}
	confs := []quiz.Confidence{quiz.Unsure, quiz.FairlySure, quiz.Sure}
	for i := 0; !r.Done(); i++ {
		r.Show(a.now())
		ans := rightAnswer(r.Current())
		ans.Confidence = confs[i]
		if _, err := r.Answer(ans, a.now()); err != nil {
			t.Fatal(err)
		}
	}
	a.finishRound(r, a.Packs(), false)
	var got []string
	for _, l := range a.profile.Log {
		got = append(got, l.Rating.String())
	}
	if strings.Join(got, ",") != "Hard,Good,Easy" {
		t.Errorf("ratings %v", got)
	}
}

// TestProgressScreenInput opens the progress screen from the title, changes
// its span by keyboard and by mouse, draws it, and leaves it with Esc.
func TestProgressScreenInput(t *testing.T) {
	needGL(t)
	a, _, clk := testApp(t, 960, 540)
	a.profile.Settings.TextSize = 2
	playReviewRound(t, a, func(i int) bool { return i%2 == 0 })
	a.goTo(newTitle(a))
	a.Step([]Event{RuneEvent('g')})
	s, ok := a.scene.(*progressScene)
	if !ok {
		t.Fatalf("G on the title opened %T", a.scene)
	}
	a.Step([]Event{RuneEvent('2')})
	if s.weeks != 12 {
		t.Errorf("2 chose %d weeks", s.weeks)
	}
	// A click right after a screen opens does not act (the double-click
	// guard); a person's click comes later.
	clk.Advance(press.Settle)
	x, y := findButton(t, &s.btn, "weeks:4")
	clk.Advance(time.Second) // presses just after a change of scene do not act
	a.Step([]Event{{Kind: EvMove, X: x, Y: y}, {Kind: EvPress, X: x, Y: y}, {Kind: EvRelease, X: x, Y: y}})
	if s.weeks != 4 {
		t.Errorf("a click on 4 weeks left %d weeks", s.weeks)
	}
	// The drawn screen shows today's answers: the last bar of the day
	// chart is not empty.
	screen := ebiten.NewImage(960, 540)
	frame(a, screen)
	pr := a.profile.Progress(a.Packs(), a.now(), 28, 4)
	if d := pr.Days[len(pr.Days)-1]; d.Answers != 10 || d.Right != 5 || pr.Streak != 1 {
		t.Errorf("today %+v, streak %d", d, pr.Streak)
	}
	p := s.layout(a)
	img := readBack(screen)
	bg := [4]uint8{a.theme.Background.R, a.theme.Background.G, a.theme.Background.B, 255}
	today := layout.Rect{X: p.days.X + p.days.W - p.days.W/30, Y: p.days.Y + p.days.H*0.45, W: p.days.W / 60, H: p.days.H * 0.2}
	yesterday := today
	yesterday.X -= p.days.W / 27
	if n, m := textPixels(img, today, bg), textPixels(img, yesterday, bg); n < 20 || m != 0 {
		t.Errorf("today's bar has %d pixels drawn, yesterday's (no answers) %d", n, m)
	}
	a.Step([]Event{KeyEvent(KeyEscape)})
	if _, ok := a.scene.(*titleScene); !ok {
		t.Errorf("Esc left for %T", a.scene)
	}
}
