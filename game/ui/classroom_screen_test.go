package ui

import (
	"bytes"
	"gutskin/game/press"
	"image"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/classroom"
	"gutskin/game/layout"
	"gutskin/game/quiz"
)

// TestClassroomCountdownMovesWithoutInput: the projector's countdown, a
// hot-seat time-out and the handover that follows are drawn with no key
// or mouse event at all (D1). Two frames taken seconds apart while the
// clock runs must differ.
func TestClassroomCountdownMovesWithoutInput(t *testing.T) {
	needGL(t)
	for _, hot := range []bool{false, true} {
		a, _, clk := testApp(t, 1280, 720)
		g, err := classroom.New(classroom.Config{Teams: []string{"A", "B"}, Packs: a.Packs(), Length: 5, Seed: 4, TimeLimit: 20 * time.Second, HotSeat: hot})
		if err != nil {
			t.Fatal(err)
		}
		p := newClassPlay(a, g)
		a.scene = p
		p.do(a, classroom.Intent{Kind: classroom.Advance}) // the timer, or team A's turn, starts
		screen := ebiten.NewImage(1280, 720)
		// shot runs ticks with no input, as the game loop does while the
		// clock runs, and reads the screen back. The pacing of frames
		// looks at the wall clock: the short sleep lets a frame be due.
		shot := func() []byte {
			for range 2 {
				time.Sleep(timerInterval + 5*time.Millisecond)
				frame(a, screen)
			}
			return readBack(screen).Pix
		}
		first := shot()
		clk.Advance(3 * time.Second)
		second := shot()
		if bytes.Equal(first, second) {
			t.Errorf("hot-seat %v: the screen did not change in 3 s of a running countdown", hot)
		}
		if !hot {
			continue
		}
		clk.Advance(20 * time.Second) // team A's time runs out
		third := shot()
		if g.Screen() != classroom.Handover || g.Turn() != 1 || p.seat != nil {
			t.Fatalf("after the time-out: screen %d turn %d", g.Screen(), g.Turn())
		}
		if bytes.Equal(second, third) {
			t.Error("the handover to team B was not drawn without input")
		}
	}
}

// TestClassroomNoPickShownBeforeLock: while a team is chosen, its answer
// is not lit up on the projector, in any mode or question type (D3).
func TestClassroomNoPickShownBeforeLock(t *testing.T) {
	for _, mode := range quiz.Modes {
		a, _, _ := testApp(t, 1280, 720)
		g, err := classroom.New(classroom.Config{Teams: []string{"A", "B"}, Packs: a.Packs(), Length: 20, Seed: 9, Mode: mode})
		if err != nil {
			t.Fatal(err)
		}
		p := newClassPlay(a, g)
		a.scene = p
		for q := 0; q < 6 && g.Screen() == classroom.ShowQuestion; q++ {
			a.Step([]Event{RuneEvent('1'), RuneEvent('a'), RuneEvent('b')})
			p.layout(a)
			if _, ok := g.Answer(0); !ok {
				t.Fatalf("%s: no answer entered", mode)
			}
			for _, b := range p.btn.list {
				if len(b.id) > 7 && b.id[:7] == "choice:" && b.selected {
					t.Errorf("%s, %s question: %s is lit up before the lock", mode, g.Current().Question.Type, b.id)
				}
			}
			g.Do(classroom.Intent{Kind: classroom.Skip}, a.now())
		}
	}
}

// TestClassroomSetupResumesByDefault: with a saved game, the set-up says
// what it holds, Enter resumes it, and Start replaces it only when pressed
// twice (D2).
func TestClassroomSetupResumesByDefault(t *testing.T) {
	a, _, clk := testApp(t, 1280, 720)
	g, err := classroom.New(classroom.Config{Teams: []string{"Équipe Noël", "B"}, Packs: a.Packs(), Length: 5, Seed: 4, Projector: true})
	if err != nil {
		t.Fatal(err)
	}
	p := newClassPlay(a, g)
	a.scene = p
	a.Step([]Event{KeyEvent(KeySpace), KeyEvent(KeySpace), KeyEvent(KeySpace)}) // lock, board, next: one question done
	saved, err := os.ReadFile(a.classSavePath())
	if err != nil {
		t.Fatal(err)
	}
	a.goTo(newTitle(a))
	setup := newClassSetup(a)
	a.scene = setup
	if !setup.resumeable || setup.saved.Teams[0] != "Équipe Noël" || setup.saved.Index != 1 {
		t.Fatalf("the set-up does not show the save: %+v", setup.saved)
	}
	setup.layout(a)
	x, y := findButton(t, &setup.btn, "start")
	a.Step(Click(x, y))
	if a.scene != setup {
		t.Fatal("one click on Start replaced the saved game")
	}
	if now, _ := os.ReadFile(a.classSavePath()); !bytes.Equal(now, saved) {
		t.Fatal("the saved game changed")
	}
	clk.Advance(time.Second)
	a.Step([]Event{KeyEvent(KeyEnter)})
	r, ok := a.scene.(*classPlayScene)
	if !ok || r.g.Index() != 1 || r.g.Teams()[0] != "Équipe Noël" {
		t.Fatalf("Enter did not resume: %T", a.scene)
	}
	if a.theme != Themes["contrast"] {
		t.Error("the resumed game lost the projector look (D7)")
	}
}

// TestTickOrder: keys and characters of one slow tick come in the order a
// teacher types them (D9): Backspace before the letters, the letters (and
// spaces) in their order, Enter after them.
func TestTickOrder(t *testing.T) {
	bs, enter, space := KeyEvent(KeyBackspace), KeyEvent(KeyEnter), KeyEvent(KeySpace)
	tests := []struct {
		name  string
		keys  []Event
		runes string
		want  string
	}{
		{"letters before Enter", []Event{enter}, "ël", "r:ë r:l k:Enter"},
		{"Backspace before new letters", []Event{bs}, "Z", "k:Backspace r:Z"},
		{"a space among letters keeps its place", []Event{space}, "e M", "r:e r:  r:M k:Space"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, ev := range tickOrder(nil, tt.keys, []rune(tt.runes)) {
				if ev.Kind == EvKey {
					got = append(got, "k:"+ev.Key.String())
				} else {
					got = append(got, "r:"+string(ev.Rune))
				}
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("got %q, want %q", g, tt.want)
			}
		})
	}
}

// TestClassroomNameTyping: a name typed in one tick with a space, then
// Enter, comes out as typed and trimmed.
func TestClassroomNameTyping(t *testing.T) {
	a, _, _ := testApp(t, 1280, 720)
	s := newClassSetup(a)
	a.scene = s
	s.editing = 2
	s.teams[2] = ""
	evs := tickOrder(nil, []Event{KeyEvent(KeySpace), KeyEvent(KeyEnter)}, []rune("Zoë Søren "))
	a.Step(evs)
	if s.teams[2] != "Zoë Søren" || s.editing != -1 {
		t.Errorf("name %q, editing %d", s.teams[2], s.editing)
	}
}

// TestClassroomSetupRemembersTheClass: the next set-up starts from the
// last game's teams, packs and settings; None clears the packs, and no
// game starts without one.
func TestClassroomSetupRemembersTheClass(t *testing.T) {
	a, _, clk := testApp(t, 1280, 720)
	s := newClassSetup(a)
	a.scene = s
	s.setCount(2)
	s.teams = []string{"Équipe Noël", "Les Bactéries"}
	s.layout(a)
	x, y := findButton(t, &s.btn, "packs:none")
	a.Step(nil)
	clk.Advance(press.Settle) // a person acts after the screen settles
	a.Step(Click(x, y))
	a.Step(nil)
	clk.Advance(press.Settle) // a person acts after the screen settles
	a.Step([]Event{KeyEvent(KeyEnter)})
	if a.scene != s || s.message == "" {
		t.Fatal("a game started with no pack")
	}
	keep := a.Packs()[1].ID
	s.selected[keep] = true
	s.projector, s.timer, s.difficulty = true, 2, 0
	s.start(a)
	if _, ok := a.scene.(*classPlayScene); !ok {
		t.Fatalf("no game: %q", s.message)
	}
	n := newClassSetup(a)
	var picked []string
	for id, on := range n.selected {
		if on {
			picked = append(picked, id)
		}
	}
	if strings.Join(n.teams, "|") != "Équipe Noël|Les Bactéries" || !n.projector || n.timer != 2 || len(picked) != 1 || picked[0] != keep {
		t.Errorf("remembered %q, projector %v, timer %d, packs %v", n.teams, n.projector, n.timer, picked)
	}
}

// TestClassroomKeysClearTheTeams: the teacher's keys, on one line or two,
// never run into the team strip, in either look, at every size (found at
// 1024x768 in the projector look).
func TestClassroomKeysClearTheTeams(t *testing.T) {
	for _, sz := range append(sizes, image.Pt(1024, 768)) {
		for _, projector := range []bool{false, true} {
			for _, hot := range []bool{false, true} {
				a, _, _ := testApp(t, float64(sz.X), float64(sz.Y))
				g, err := classroom.New(classroom.Config{Teams: []string{"A", "B", "C", "D"}, Packs: a.Packs(), Length: 5, Seed: 1, HotSeat: hot, Projector: projector})
				if err != nil {
					t.Fatal(err)
				}
				p := newClassPlay(a, g)
				p.layout(a)
				u := a.unit()
				_, two := p.keyLines(a)
				top := a.h - a.textSize(0.75)*layout.LineHeightFactor - u*0.6
				if two {
					top = a.h - 2*a.textSize(0.7)*layout.LineHeightFactor - u*0.4
				}
				for _, b := range p.btn.list {
					if b.r.Y+b.r.H > top {
						t.Errorf("%v projector %v hot-seat %v: %s ends at %.0f, the keys start at %.0f", sz, projector, hot, b.id, b.r.Y+b.r.H, top)
					}
				}
			}
		}
	}
}

// TestClassroomBoardAndResultsText: on the scoreboard a team's name never
// runs into its points, and on the results nothing runs into the saved
// files' line or off the screen (D6, D7): eight teams with long names,
// points by hand, several misconceptions, both looks, every size.
func TestClassroomBoardAndResultsText(t *testing.T) {
	names := []string{"The Magnificent Microbio", "Les Bactéries Joyeuses", "Zoë & Søren Andersen", "Équipe Noël du Lycée",
		"Team Five Fantastic", "Team Six Sensational", "Team Seven Stupendous", "Team Eight Extraordinary"}
	for _, sz := range append(sizes, image.Pt(1024, 768)) {
		for _, projector := range []bool{false, true} {
			a, _, _ := testApp(t, float64(sz.X), float64(sz.Y))
			g, err := classroom.New(classroom.Config{Teams: names, Packs: a.Packs(), Length: 5, Seed: 2, Mode: quiz.Standard, Projector: projector})
			if err != nil {
				t.Fatal(err)
			}
			p := newClassPlay(a, g)
			a.scene = p
			for g.Screen() != classroom.ShowResults {
				if g.Screen() == classroom.ShowQuestion {
					for team := range names { // every team wrong: the misconceptions pile up
						it := g.Current()
						for k, ci := range it.ChoiceOrder {
							if !it.Question.Choices[ci].Correct {
								g.Do(classroom.Intent{Kind: classroom.Choose, Team: team, Choice: (k + team) % len(it.ChoiceOrder)}, a.now())
								break
							}
						}
					}
				}
				if g.Screen() == classroom.ShowBoard {
					g.Do(classroom.Intent{Kind: classroom.AdjustPoints, Team: 0, Points: 100}, a.now())
					p.layout(a)
					for _, r := range p.boardRows(a, p.card.Inset(2*a.unit())) {
						if r.name.x+r.name.block.Width > r.detail.x-a.unit()/2 {
							t.Errorf("%v projector %v: %q runs into %q", sz, projector, r.name.block.Lines, r.detail.block.Lines)
						}
					}
				}
				p.do(a, classroom.Intent{Kind: classroom.Advance})
			}
			p.csvPath, p.htmlPath = "/home/teacher/.config/gutskin/results/gutskin-class-2026-12-02-1015.csv", "/home/teacher/.config/gutskin/results/gutskin-class-2026-12-02-1015.html"
			lines := p.resultsText(a)
			saved := lines[0]
			for _, l := range lines[1:] {
				if l.bottom > saved.y && l.x < saved.x+saved.maxW {
					t.Errorf("%v projector %v: %q runs into the saved files' line", sz, projector, l.block.Lines)
				}
				if l.bottom > a.h-4*a.unit() || l.x+l.block.Width > a.w {
					t.Errorf("%v projector %v: %q leaves the screen", sz, projector, l.block.Lines)
				}
			}
		}
	}
}
