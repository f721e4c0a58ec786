package ui

import (
	"encoding/csv"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/classroom"
	"gutskin/game/layout"
	"gutskin/game/save"
)

// TestClassroomGame plays a 3-team, 5-question classroom game through
// scripted input, drawing every frame: the timer, a pause, an undo, points
// by hand, the window closed in the middle and the game resumed; the
// exported CSV must match the engine's record.
func TestClassroomGame(t *testing.T) {
	dir := t.TempDir()
	results := t.TempDir()
	clk := &clock{t: time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)}
	open := func() (*App, *Script) {
		sc := &Script{}
		seed := uint64(40)
		a, err := NewApp(Options{Packs: shipped(t), Store: &save.Store{Dir: dir}, Input: sc, Now: clk.Now, ResultsDir: results,
			Seed: func() uint64 { seed++; return seed }})
		if err != nil {
			t.Fatal(err)
		}
		a.profile.Settings.ReducedMotion = true
		a.SetSize(1280, 720)
		return a, sc
	}
	a, sc := open()
	var screen *ebiten.Image
	if haveGL {
		screen = ebiten.NewImage(1280, 720)
	}
	run := func(evs ...Event) {
		sc.Push(evs...)
		if err := a.Update(); err != nil {
			t.Fatal(err)
		}
		clk.Advance(time.Second)
	}
	// draw renders the screen as it is (question, reveal, board, results).
	draw := func() {
		if screen != nil {
			a.Draw(screen)
			if c := a.theme.Background; textPixels(readBack(screen), layout.Rect{W: 1280, H: 720}, [4]uint8{c.R, c.G, c.B, 255}) == 0 {
				t.Errorf("a blank frame (scene %T)", a.scene)
			}
		}
	}
	run(RuneEvent('c'))
	setup, ok := a.scene.(*classSetupScene)
	if !ok {
		t.Fatalf("c opened %T", a.scene)
	}
	setup.layout(a)
	x, y := findButton(t, &setup.btn, "length:0") // 5 questions
	run(Click(x, y)...)
	run(KeyEvent(KeyEnter))
	play, ok := a.scene.(*classPlayScene)
	if !ok || play.g.Len() != 5 || len(play.g.Teams()) != 3 {
		t.Fatalf("no 3-team, 5-question game: %T", a.scene)
	}
	// answer types team i's answer: right for teams 0 and 2, wrong for 1.
	answer := func(p *classPlayScene) {
		it := p.g.Current()
		right := it.Question.Correct()
		for team := range 3 {
			run(RuneEvent(rune('1' + team)))
			picks := right
			if team == 1 {
				for ci, c := range it.Question.Choices {
					if !c.Correct {
						picks = []int{ci}
						break
					}
				}
			}
			for _, ci := range picks {
				run(RuneEvent(letterOf(it, ci)))
			}
		}
	}
	for q := 0; q < 5; q++ {
		if q == 3 {
			// The window is closed in the middle; the game reopens and resumes.
			a, sc = open()
			run(RuneEvent('c'))
			setup := a.scene.(*classSetupScene)
			setup.layout(a)
			x, y := findButton(t, &setup.btn, "resume")
			run(Click(x, y)...)
			var ok bool
			if play, ok = a.scene.(*classPlayScene); !ok || play.g.Index() != 3 {
				t.Fatalf("resumed at %T", a.scene)
			}
		}
		if play.g.Screen() != classroom.ShowQuestion {
			t.Fatalf("question %d: screen %d", q, play.g.Screen())
		}
		run(KeyEvent(KeySpace)) // start the timer
		if !play.g.TimerRunning() {
			t.Fatal("Space did not start the timer")
		}
		if q == 1 {
			run(RuneEvent('p'))
			if !play.g.Paused() {
				t.Fatal("P did not pause")
			}
			clk.Advance(time.Minute) // a long pause does not run the clock out
			run(RuneEvent('p'))
		}
		answer(play)
		draw()
		run(KeyEvent(KeyPageDown)) // lock and reveal
		draw()
		if play.g.Screen() != classroom.ShowReveal {
			t.Fatalf("question %d: no reveal (screen %d)", q, play.g.Screen())
		}
		if q == 2 {
			run(RuneEvent('u')) // undo the lock: answers open again
			if play.g.Screen() != classroom.ShowQuestion || play.g.Phase() != classroom.Asking {
				t.Fatal("undo did not reopen the question")
			}
			run(KeyEvent(KeyPageDown))
			run(RuneEvent('3'), RuneEvent('+')) // points by hand for team C
		}
		run(KeyEvent(KeyPageDown)) // scoreboard
		if q < 4 && play.g.Screen() != classroom.ShowBoard {
			t.Fatalf("question %d: no scoreboard", q)
		}
		draw()
		run(KeyEvent(KeyPageDown)) // next
	}
	if play.g.Screen() != classroom.ShowResults || play.csvPath == "" {
		t.Fatalf("no results: screen %d, %q", play.g.Screen(), play.saveErr)
	}
	draw()
	if _, err := os.Stat(a.classSavePath()); !os.IsNotExist(err) {
		t.Error("the finished game's save is still there")
	}
	f, err := os.Open(play.csvPath)
	if err != nil {
		t.Fatal(err)
	}
	if bom := make([]byte, 3); func() bool { _, err := f.Read(bom); return err != nil || string(bom) != "\ufeff" }() {
		t.Fatal("the CSV does not start with a UTF-8 BOM")
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	recs := play.g.Records()
	if len(recs) != 5 || len(rows) != 1+5*3+1 {
		t.Fatalf("%d records, %d rows", len(recs), len(rows))
	}
	for i, r := range recs {
		for team, res := range r.Teams {
			row := rows[1+i*3+team]
			wantCorrect := "no"
			if res.Correct {
				wantCorrect = "yes"
			}
			if row[1] != r.Key || row[3] != play.g.Teams()[team] || row[5] != wantCorrect || row[12] != strconv.Itoa(res.Points.Total) {
				t.Errorf("row %v does not match the engine's %+v", row, res)
			}
			if res.Correct != (team != 1) {
				t.Errorf("question %d team %d: correct=%v", i, team, res.Correct)
			}
		}
	}
	if last := rows[len(rows)-1]; last[3] != "Team 3" || last[11] != "100" {
		t.Errorf("points by hand: %v", last)
	}
	board := play.g.Scoreboard()
	if board[0].Name != "Team 3" || board[0].Manual != 100 {
		t.Errorf("scoreboard %+v", board)
	}
	if _, err := os.Stat(play.htmlPath); err != nil {
		t.Error(err)
	}
}

// TestClassroomConfidence: in confidence scoring the teacher sets how sure
// each team is by pressing its letter again; points follow.
func TestClassroomConfidence(t *testing.T) {
	a, _, _ := testApp(t, 1280, 720)
	g, err := classroom.New(classroom.Config{Teams: []string{"A", "B"}, Packs: a.Packs(), Length: 5, Seed: 2, Mode: "confidence"})
	if err != nil {
		t.Fatal(err)
	}
	p := newClassPlay(a, g)
	a.scene = p
	for g.Current().Question.Type == "multi" {
		g.Skip(a.now())
	}
	it := g.Current()
	right := letterOf(it, it.Question.Correct()[0])
	a.Step([]Event{RuneEvent('1'), RuneEvent(right), RuneEvent(right)}) // fairly sure, then sure
	a.Step([]Event{RuneEvent('2'), RuneEvent(right)})                   // fairly sure
	rec, err := g.Lock(a.now())
	if err != nil {
		t.Fatal(err)
	}
	if rec.Teams[0].Points.Total != 300 || rec.Teams[1].Points.Total != 200 {
		t.Errorf("sure and right should earn 300, fairly sure 200: %+v", rec.Teams)
	}
}

// TestClassroomHotSeat: teams answer in turn on the card, any question
// type, each after a handover; a team can pass; the lock comes after the
// last team.
func TestClassroomHotSeat(t *testing.T) {
	a, _, _ := testApp(t, 1280, 720)
	g, err := classroom.New(classroom.Config{Teams: []string{"A", "B"}, Packs: a.Packs(), Length: 20, Seed: 5, HotSeat: true})
	if err != nil {
		t.Fatal(err)
	}
	p := newClassPlay(a, g)
	a.scene = p
	types := map[string]bool{}
	for q := 0; q < 20; q++ {
		a.Step(nil)
		if g.Screen() != classroom.Handover || g.Turn() != 0 || p.seat != nil {
			t.Fatalf("question %d: no handover to team A (screen %d)", q, g.Screen())
		}
		a.Step([]Event{KeyEvent(KeySpace)}) // team A is ready
		if p.seat == nil || g.Turn() != 0 {
			t.Fatalf("question %d: no turn for team A", q)
		}
		types[string(g.Current().Question.Type)] = true
		p.seat.layout(a)
		for _, ev := range keysFor(p.seat) {
			a.Step([]Event{ev})
		}
		if g.Screen() != classroom.Handover || g.Turn() != 1 {
			t.Fatalf("question %d (%s): no handover to team B (screen %d, turn %d, card %q)", q, g.Current().Question.Type, g.Screen(), g.Turn(), p.seat.message)
		}
		a.Step([]Event{KeyEvent(KeySpace)})    // B is ready
		a.Step([]Event{KeyEvent(KeyPageDown)}) // B passes
		if g.Screen() != classroom.ShowReveal {
			t.Fatalf("question %d: no reveal after both turns", q)
		}
		room := g.Reveal()
		if room.Answered != 1 || room.Right != 1 {
			t.Errorf("question %d (%s): room %+v", q, g.Items()[q].Question.Type, room)
		}
		a.Step([]Event{KeyEvent(KeyPageDown)})
		a.Step([]Event{KeyEvent(KeyPageDown)})
		if g.Screen() == classroom.ShowResults {
			break
		}
	}
	if len(types) < 4 {
		t.Errorf("hot-seat asked only %v", types)
	}
}

// TestClassroomHotSeatTimerAndProjector: in hot-seat each team has the
// whole time limit from its Space, and a team out of time gives no answer;
// the projector look holds for the game and goes with the title screen.
func TestClassroomHotSeatTimerAndProjector(t *testing.T) {
	a, _, clk := testApp(t, 1280, 720)
	setup := newClassSetup(a)
	setup.setCount(2)
	setup.hotSeat, setup.projector, setup.timer, setup.length = true, true, 1, 5 // 10 s
	a.scene = setup
	setup.start(a)
	p, ok := a.scene.(*classPlayScene)
	if !ok {
		t.Fatalf("no game: %T", a.scene)
	}
	if a.theme != Themes["contrast"] || a.textFactor() != 1.4 {
		t.Error("no projector look")
	}
	clk.Advance(time.Minute) // the handover waits
	a.Step([]Event{KeyEvent(KeySpace)})
	if p.seat == nil || p.g.Turn() != 0 || !p.Animating(a) {
		t.Fatal("team A's timed turn did not start")
	}
	clk.Advance(11 * time.Second)
	a.Step(nil)
	if p.g.Turn() != 1 || p.g.Screen() != classroom.Handover {
		t.Fatalf("team A's time ran out but the turn is %d", p.g.Turn())
	}
	a.Step([]Event{KeyEvent(KeySpace)})
	clk.Advance(11 * time.Second)
	a.Step(nil)
	if p.g.Screen() != classroom.ShowReveal || p.g.Reveal().Answered != 0 {
		t.Fatalf("after both timed out: screen %d, %+v", p.g.Screen(), p.g.Reveal())
	}
	a.goTo(newTitle(a))
	if a.theme == Themes["contrast"] || a.textFactor() != 1 {
		t.Error("the projector look outlived the game")
	}
}

// TestClassroomEscLeaves: Esc first unselects the team, then twice leaves
// for the set-up, which offers to resume the saved game; in hot-seat too.
func TestClassroomEscLeaves(t *testing.T) {
	for _, hot := range []bool{false, true} {
		a, _, clk := testApp(t, 1280, 720)
		g, err := classroom.New(classroom.Config{Teams: []string{"A", "B"}, Packs: a.Packs(), Length: 5, Seed: 4, HotSeat: hot})
		if err != nil {
			t.Fatal(err)
		}
		p := newClassPlay(a, g)
		a.scene = p
		a.Step([]Event{RuneEvent('1')}) // a team chosen (in hot-seat: a key on the card)
		for range 3 {                   // unchoose the team, then twice to leave
			a.Step([]Event{KeyEvent(KeyEscape)})
			clk.Advance(time.Second)
		}
		s, ok := a.scene.(*classSetupScene)
		if !ok || !s.resumeable {
			t.Fatalf("hot-seat %v: Esc led to %T (resumable %v)", hot, a.scene, ok && s.resumeable)
		}
		a.Step([]Event{KeyEvent(KeyEscape)})
		if _, ok := a.scene.(*titleScene); !ok {
			t.Errorf("hot-seat %v: Esc in the set-up led to %T", hot, a.scene)
		}
	}
}
