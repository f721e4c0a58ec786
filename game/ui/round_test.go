package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/pack"
	"gutskin/game/press"
	"gutskin/game/quiz"
	"gutskin/game/save"
)

// keysFor types the right answer to the card on screen, as a keyboard user.
func keysFor(s *playScene) []Event {
	it := s.item()
	q := it.Question
	var evs []Event
	switch q.Type {
	case pack.Single, pack.TrueFalse:
		evs = append(evs, RuneEvent(letterOf(it, q.Correct()[0])))
	case pack.Multi:
		for _, c := range q.Correct() {
			evs = append(evs, RuneEvent(letterOf(it, c)))
		}
		evs = append(evs, KeyEvent(KeyEnter))
	case pack.Order:
		// Type the number of a step's place, then of its new place.
		for _, m := range orderMoves(s.d.Order) {
			evs = append(evs, RuneEvent(rune('1'+m[0])), RuneEvent(rune('1'+m[1])))
		}
		evs = append(evs, KeyEvent(KeyEnter))
	case pack.Match:
		for i := range q.Pairs {
			for k, j := range it.RightOrder {
				if j == i {
					evs = append(evs, RuneEvent(rune('1'+i)), RuneEvent(rune('a'+k)))
				}
			}
		}
		evs = append(evs, KeyEvent(KeyEnter))
	case pack.Estimate:
		for _, r := range numberText(q.Estimate.Answer) {
			evs = append(evs, RuneEvent(r))
		}
		evs = append(evs, KeyEvent(KeyEnter))
	}
	return evs
}

// orderMoves lists the moves (from place, to place) that sort an order
// card: step p is moved to place p, one after the other.
func orderMoves(shown []int) [][2]int {
	order := append([]int(nil), shown...)
	var moves [][2]int
	for p := range order {
		cur := slices.Index(order, p)
		if cur != p {
			moves = append(moves, [2]int{cur, p})
			v := order[cur]
			order = append(order[:cur], order[cur+1:]...)
			order = append(order[:p], append([]int{v}, order[p:]...)...)
		}
	}
	return moves
}

// clicksFor answers the card on screen with the mouse alone.
func clicksFor(t *testing.T, a *App, s *playScene) [][]Event {
	s.layout(a) // where the buttons are now
	it := s.item()
	q := it.Question
	var out [][]Event
	click := func(id string) {
		x, y := findButton(t, &s.btn, id)
		out = append(out, Click(x, y))
	}
	pos := func(ci int) int {
		for k, c := range it.ChoiceOrder {
			if c == ci {
				return k
			}
		}
		return -1
	}
	switch q.Type {
	case pack.Single, pack.TrueFalse:
		click(fmt.Sprint("choice:", pos(q.Correct()[0])))
	case pack.Multi:
		for _, c := range q.Correct() {
			click(fmt.Sprint("choice:", pos(c)))
		}
		click("confirm")
	case pack.Order:
		for _, m := range orderMoves(s.d.Order) {
			click(fmt.Sprint("step:", m[0])) // pick it up
			click(fmt.Sprint("step:", m[1])) // put it down here
		}
		click("confirm")
	case pack.Match:
		for i := range q.Pairs {
			for k, j := range it.RightOrder {
				if j == i {
					click(fmt.Sprint("left:", i))
					click(fmt.Sprint("right:", k))
				}
			}
		}
		click("confirm")
	case pack.Estimate:
		tr := s.sliderRect(a)
		x := tr.X + tr.W*quiz.EstimateFrac(q.Estimate, q.Estimate.Answer)
		y := tr.Y + tr.H/2
		out = append(out, []Event{{Kind: EvMove, X: x, Y: y}, {Kind: EvPress, X: x, Y: y}, {Kind: EvRelease, X: x, Y: y}})
		click("confirm")
	}
	return out
}

// playWholeRound starts a 10-question round from the title screen and
// answers every card right, by keyboard or by mouse, drawing every frame.
// It checks the feedback after each answer and the results at the end.
func playWholeRound(t *testing.T, mouse bool) {
	needGL(t)
	a, sc, clk := testApp(t, 1280, 720)
	screen := ebiten.NewImage(1280, 720)
	// Every tick runs the game's Update; frames are drawn where the test
	// reads them back (drawing every tick under software GL makes the test
	// slow without checking more).
	run := func(evs ...Event) {
		sc.Push(evs...)
		if err := a.Update(); err != nil {
			t.Fatal(err)
		}
		clk.Advance(700 * time.Millisecond)
	}
	run() // the title screen shows
	if mouse {
		title := a.scene.(*titleScene)
		title.layout(a)
		x, y := findButton(t, &title.btn, "play")
		run(Click(x, y)...)
		setup := a.scene.(*setupScene)
		setup.layout(a)
		x, y = findButton(t, &setup.btn, "start")
		run(Click(x, y)...)
	} else {
		run(RuneEvent('p'))
		if _, ok := a.scene.(*setupScene); !ok {
			t.Fatalf("p did not open the set-up: %T", a.scene)
		}
		run(KeyEvent(KeyEnter))
	}
	s, ok := a.scene.(*playScene)
	if !ok {
		t.Fatalf("no round started: scene %T", a.scene)
	}
	if s.round.Len() != 10 {
		t.Fatalf("round of %d questions, want 10", s.round.Len())
	}
	types := map[pack.Type]bool{}
	for i := 0; i < 10; i++ {
		if s.phase != answering {
			t.Fatalf("question %d: phase %d", i, s.phase)
		}
		types[s.item().Question.Type] = true
		key := s.item().Key()
		if mouse {
			for _, batch := range clicksFor(t, a, s) {
				run(batch...)
			}
		} else {
			for _, ev := range keysFor(s) {
				run(ev)
			}
		}
		if s.phase != revealing {
			t.Fatalf("question %d (%s): no feedback after answering (%s)", i, key, s.message)
		}
		if !s.last.Correct {
			t.Errorf("question %d (%s): the right answer was scored %v", i, key, s.last.Credit)
		}
		// The explanation is drawn in the frame.
		a.Draw(screen)
		img := readBack(screen)
		drawn := false
		for _, pt := range s.lay.Texts {
			if pt.What == "explanation" {
				c := a.theme.Card
				drawn = textPixels(img, pt.Used, [4]uint8{c.R, c.G, c.B, 255}) > 50
			}
		}
		if !drawn {
			t.Errorf("question %d (%s): the explanation is not on screen", i, key)
		}
		if mouse {
			x, y := findButton(t, &s.btn, "next")
			run(Click(x, y)...)
		} else {
			run(KeyEvent(KeyEnter))
		}
	}
	res, ok := a.scene.(*resultsScene)
	if !ok {
		t.Fatalf("after 10 answers the scene is %T, not the results", a.scene)
	}
	sum := res.sum
	if sum.Questions != 10 || sum.Correct != 10 || sum.Score != 1000 || sum.BestStreak != 10 {
		t.Errorf("results: %d questions, %d right, %d points, best streak %d; want 10, 10, 1000, 10",
			sum.Questions, sum.Correct, sum.Score, sum.BestStreak)
	}
	if sum.Duration <= 0 {
		t.Errorf("round took %v", sum.Duration)
	}
	// What is on disk agrees with the engine.
	data, err := os.ReadFile(filepath.Join(a.opts.Store.(*save.Store).Dir, save.FileName("")))
	if err != nil {
		t.Fatal(err)
	}
	p, err := save.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.History) != 1 || p.History[0].Score != sum.Score || p.History[0].Correct != 10 || len(p.Stats) != 10 {
		t.Errorf("saved profile %+v does not match the round", p.History)
	}
	// Back to the title: the map now shows mastery.
	run(RuneEvent('m'))
	if _, ok := a.scene.(*titleScene); !ok {
		t.Fatalf("m did not go to the menu: %T", a.scene)
	}
	mastered := 0.0
	for _, pk := range a.Packs() {
		mastered += a.profile.Recall(pk, a.now())
	}
	if mastered == 0 {
		t.Errorf("no mastery after a perfect round")
	}
	t.Logf("types played: %v", types)
}

func TestPlayRoundKeyboard(t *testing.T) { playWholeRound(t, false) }
func TestPlayRoundMouse(t *testing.T)    { playWholeRound(t, true) }

// Scene tests without a window: the scenes take scripted events.

func TestEscTwiceLeavesRound(t *testing.T) {
	a, _, clk := testApp(t, 1280, 720)
	itemScene(t, a, allKeys(t)[0], quiz.Accuracy)
	a.Step([]Event{KeyEvent(KeyEscape)})
	if _, ok := a.scene.(*playScene); !ok {
		t.Fatal("one Esc left the round")
	}
	clk.Advance(time.Second)
	a.Step([]Event{KeyEvent(KeyEscape)})
	if _, ok := a.scene.(*titleScene); !ok {
		t.Fatalf("two Esc did not lead to the title: %T", a.scene)
	}
}

func TestConfidenceStep(t *testing.T) {
	a, _, _ := testApp(t, 1280, 720)
	var key string
	for _, k := range allKeys(t) {
		if s := itemScene(t, a, k, quiz.Confident); s.item().Question.Type == pack.Single {
			key = k
		}
	}
	s := itemScene(t, a, key, quiz.Confident)
	for _, ev := range keysFor(s) {
		a.Step([]Event{ev})
	}
	if s.phase != confiding {
		t.Fatalf("phase %d, want the confidence step", s.phase)
	}
	a.Step([]Event{KeyEvent(KeyEscape)})
	if s.phase != answering {
		t.Fatalf("Esc in the confidence step did not go back to the answer")
	}
	for _, ev := range keysFor(s) {
		a.Step([]Event{ev})
	}
	a.Step([]Event{RuneEvent('3')})
	if s.phase != revealing || s.last.Answer.Confidence != quiz.Sure || s.last.Points.Total != 300 {
		t.Errorf("after 'sure' and right: phase %d, %+v", s.phase, s.last.Points)
	}
}

func TestTimerRunsOut(t *testing.T) {
	a, _, clk := testApp(t, 1280, 720)
	r, err := quiz.New(quiz.Config{Packs: a.Packs(), Length: 2, Seed: 3, TimeLimit: 30 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	s := newPlay(a, r, a.Packs(), false)
	a.scene = s
	if !s.Animating(a) {
		t.Error("a running timer does not ask for frames")
	}
	clk.Advance(29 * time.Second)
	a.Step(nil)
	if s.phase != answering {
		t.Fatal("time ran out early")
	}
	clk.Advance(2 * time.Second)
	a.Step(nil)
	if s.phase != revealing || !s.last.TimedOut {
		t.Fatalf("time did not run out: phase %d", s.phase)
	}
	if s.Animating(a) {
		t.Error("the feedback still asks for frames")
	}
}

func TestMultiNeedsATick(t *testing.T) {
	a, _, _ := testApp(t, 1280, 720)
	for _, k := range allKeys(t) {
		s := itemScene(t, a, k, quiz.Accuracy)
		if s.item().Question.Type != pack.Multi {
			continue
		}
		a.Step([]Event{KeyEvent(KeyEnter)})
		if s.phase != answering || s.message == "" {
			t.Errorf("an empty multi answer was accepted")
		}
		return
	}
	t.Fatal("no multi question shipped")
}

func TestEstimateKeysAndTyping(t *testing.T) {
	a, _, _ := testApp(t, 1280, 720)
	for _, k := range allKeys(t) {
		s := itemScene(t, a, k, quiz.Accuracy)
		e := s.item().Question.Estimate
		if e == nil {
			continue
		}
		start := s.d.Value
		a.Step([]Event{KeyEvent(KeyRight)})
		if s.d.Value <= start {
			t.Errorf("%s: Right did not raise the estimate (%v -> %v)", k, start, s.d.Value)
		}
		a.Step([]Event{KeyEvent(KeyHome)})
		if s.d.Value != e.Min {
			t.Errorf("%s: Home gave %v, want %v", k, s.d.Value, e.Min)
		}
		for _, r := range "12x" {
			a.Step([]Event{RuneEvent(r)})
		}
		if s.d.Typed != "12" {
			t.Errorf("typed %q, want 12 (letters other than e are ignored)", s.d.Typed)
		}
		a.Step([]Event{RuneEvent('e'), RuneEvent('e'), KeyEvent(KeyEnter)})
		if s.phase != answering || s.message == "" {
			t.Errorf("%s: %q was accepted as a number", k, s.d.Typed)
		}
	}
}

func TestSettingsApply(t *testing.T) {
	a, _, clk := testApp(t, 1280, 720)
	a.Step([]Event{RuneEvent('s')})
	clk.Advance(press.Settle) // the player looks at the new screen
	st, ok := a.scene.(*settingsScene)
	if !ok {
		t.Fatalf("s did not open settings: %T", a.scene)
	}
	st.layout(a)
	x, y := findButton(t, &st.btn, "theme:2")
	a.Step(Click(x, y))
	if a.theme != Themes["contrast"] || a.profile.Settings.Theme != "contrast" {
		t.Errorf("high contrast not applied")
	}
	x, y = findButton(t, &st.btn, "text:2")
	a.Step(Click(x, y))
	if a.textFactor() != 1.4 {
		t.Errorf("text size not applied")
	}
	data, err := os.ReadFile(filepath.Join(a.opts.Store.(*save.Store).Dir, save.FileName("")))
	if err != nil || !strings.Contains(string(data), `"theme": "contrast"`) {
		t.Errorf("settings not saved: %v", err)
	}
	a.Step([]Event{KeyEvent(KeyEscape)})
	if _, ok := a.scene.(*titleScene); !ok {
		t.Errorf("Esc did not leave settings")
	}
}

// TestEveryTypeByKeyboardAndMouse answers one question of every type right
// with the keyboard alone and with the mouse alone.
func TestEveryTypeByKeyboardAndMouse(t *testing.T) {
	a, _, _ := testApp(t, 1280, 720)
	done := map[pack.Type]bool{}
	for _, k := range allKeys(t) {
		s := itemScene(t, a, k, quiz.Accuracy)
		typ := s.item().Question.Type
		if done[typ] {
			continue
		}
		done[typ] = true
		for _, ev := range keysFor(s) {
			a.Step([]Event{ev})
		}
		if s.phase != revealing || !s.last.Correct {
			t.Errorf("%s (%s) by keyboard: phase %d, credit %v, message %q", k, typ, s.phase, s.last.Credit, s.message)
		}
		s = itemScene(t, a, k, quiz.Accuracy)
		s.layout(a)
		for _, batch := range clicksFor(t, a, s) {
			a.Step(batch)
		}
		if s.phase != revealing || !s.last.Correct {
			t.Errorf("%s (%s) by mouse: phase %d, credit %v, message %q", k, typ, s.phase, s.last.Credit, s.message)
		}
	}
	if len(done) != len(pack.Types) {
		t.Errorf("only %d types shipped", len(done))
	}
}

// TestOrderDragAndKeys moves steps by dragging and by Space and arrows.
func TestOrderDragAndKeys(t *testing.T) {
	a, _, _ := testApp(t, 1280, 720)
	for _, k := range allKeys(t) {
		s := itemScene(t, a, k, quiz.Accuracy)
		if s.item().Question.Type != pack.Order {
			continue
		}
		s.layout(a)
		before := append([]int(nil), s.d.Order...)
		// Drag the first step to the last place.
		x0, y0 := findButton(t, &s.btn, "step:0")
		_, y1 := findButton(t, &s.btn, fmt.Sprint("step:", len(s.d.Order)-1))
		a.Step([]Event{{Kind: EvMove, X: x0, Y: y0}, {Kind: EvPress, X: x0, Y: y0}})
		for y := y0; y <= y1; y += 5 {
			a.Step([]Event{{Kind: EvMove, X: x0, Y: y}})
		}
		a.Step([]Event{{Kind: EvRelease, X: x0, Y: y1}})
		want := append(append([]int(nil), before[1:]...), before[0])
		if fmt.Sprint(s.d.Order) != fmt.Sprint(want) {
			t.Errorf("drag: order %v, want %v", s.d.Order, want)
		}
		if s.phase != answering {
			t.Errorf("a drag answered the question")
		}
		// Space picks the focused step up, Down moves it, Space drops it.
		s.btn.setFocus("step:0")
		a.Step([]Event{KeyEvent(KeySpace), KeyEvent(KeyDown), KeyEvent(KeySpace)})
		want[0], want[1] = want[1], want[0]
		if fmt.Sprint(s.d.Order) != fmt.Sprint(want) || s.d.Grabbed != -1 {
			t.Errorf("keys: order %v, want %v (grabbed %d)", s.d.Order, want, s.d.Grabbed)
		}
		return
	}
	t.Fatal("no order question shipped")
}

// TestEachAnswerIsSaved: an answer is on disk as soon as it is given, not
// only when the round ends (a crash or a closed window mid-round loses
// nothing), and the end of the round does not count it twice.
func TestEachAnswerIsSaved(t *testing.T) {
	a, _, clk := testApp(t, 1280, 720)
	a.startRound(a.prefs)
	s, ok := a.scene.(*playScene)
	if !ok {
		t.Fatalf("no round: %T", a.scene)
	}
	onDisk := func() *save.Profile {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(a.opts.Store.(*save.Store).Dir, save.FileName("")))
		if err != nil {
			t.Fatal(err)
		}
		p, err := save.Decode(data)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	first := s.item().Key()
	a.Step(nil)
	clk.Advance(press.Settle)
	for _, ev := range keysFor(s) {
		a.Step([]Event{ev})
	}
	if s.phase != revealing {
		t.Fatal("the first question was not answered")
	}
	if p := onDisk(); p.Stats[first].Seen != 1 || len(p.Log) != 1 || len(p.History) != 0 {
		t.Fatalf("after one answer the save holds %+v, %d reviews, %d rounds; want the answer and no round", p.Stats[first], len(p.Log), len(p.History))
	}
	// The rest of the round, answered in the engine, then finished.
	for !s.round.Done() {
		if s.phase == revealing {
			s.round.Show(clk.Now())
		}
		if _, err := s.round.Answer(quiz.RightAnswer(s.round.Current().Question), clk.Now()); err != nil {
			t.Fatal(err)
		}
		s.phase = answering
	}
	a.finishRound(s.round, a.Packs(), false)
	if p := onDisk(); p.Stats[first].Seen != 1 || len(p.History) != 1 || len(p.Log) != s.round.Len() {
		t.Errorf("after the round: first question seen %d times, %d rounds, %d reviews (want 1, 1, %d)",
			p.Stats[first].Seen, len(p.History), len(p.Log), s.round.Len())
	}
}
