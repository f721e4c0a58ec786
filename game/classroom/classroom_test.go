package classroom

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"gutskin/game/pack"
	"gutskin/game/quiz"
)

func tf(id string, answer bool, mis string) pack.Question {
	t := pack.Choice{Text: "True", Correct: answer}
	f := pack.Choice{Text: "False", Correct: !answer}
	if answer {
		f.Misconception = mis
	} else {
		t.Misconception = mis
	}
	return pack.Question{ID: id, Type: pack.TrueFalse, Difficulty: 1, Prompt: "Is " + id + " true?", Choices: []pack.Choice{t, f}}
}

func testPack() *pack.Pack {
	p := &pack.Pack{ID: "p", Title: "Test pack"}
	for i := range 5 {
		p.Questions = append(p.Questions, tf(fmt.Sprint("q", i), i%2 == 0, "a common slip"))
	}
	return p
}

var t0 = time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)

func newGame(t *testing.T, teams ...string) *Game {
	t.Helper()
	g, err := New(Config{Teams: teams, Packs: []*pack.Pack{testPack()}, Seed: 3, Mode: quiz.Standard, TimeLimit: 20 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// right and wrong are the choices for the current question.
func right(g *Game) quiz.Answer { return quiz.Answer{Choices: g.Current().Question.Correct()} }
func wrong(g *Game) quiz.Answer {
	c := g.Current().Question.Correct()[0]
	return quiz.Answer{Choices: []int{1 - c}}
}

func TestTurnsLockingAndScores(t *testing.T) {
	g := newGame(t, "Red", "Blue", "Green")
	if g.Len() != 5 || g.Phase() != Asking {
		t.Fatalf("len %d phase %d", g.Len(), g.Phase())
	}
	now := t0
	g.StartTimer(now)
	g.SetAnswer(0, right(g), now.Add(2*time.Second))  // fast and right
	g.SetAnswer(1, right(g), now.Add(10*time.Second)) // slower and right
	g.SetAnswer(2, wrong(g), now.Add(1*time.Second))
	g.SetAnswer(2, right(g), now.Add(4*time.Second)) // changes its mind
	if g.Answered() != 3 {
		t.Errorf("answered %d", g.Answered())
	}
	rec, err := g.Lock(now.Add(12 * time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if err := g.SetAnswer(0, wrong(g), now); err != ErrNotAsking {
		t.Errorf("an answer after the lock: %v", err)
	}
	// Standard mode, difficulty 1: 100 for the answer, speed up to 50.
	if rec.Teams[0].Points != (quiz.Points{Base: 100, Correctness: 100, Speed: 45, Total: 145}) ||
		rec.Teams[1].Points.Speed != 25 || rec.Teams[2].Points.Speed != 40 {
		t.Errorf("points %+v", rec.Teams)
	}
	room := g.Reveal()
	if room.Answered != 3 || room.Right != 3 {
		t.Errorf("room %+v", room)
	}
	g.Next()
	// Second question: Red wrong (with a misconception), Blue no answer.
	g.StartTimer(now)
	g.SetAnswer(0, wrong(g), now.Add(time.Second))
	g.SetAnswer(2, right(g), now.Add(time.Second))
	rec, _ = g.Lock(now.Add(3 * time.Second))
	if rec.Teams[0].Points.Total != 0 || rec.Teams[1].Answered || rec.Teams[1].Points.Total != 0 {
		t.Errorf("wrong or silent teams scored: %+v", rec.Teams)
	}
	if rec.Teams[2].Points.Streak != 10 { // second right answer in a row: +10% of 100
		t.Errorf("streak points %d", rec.Teams[2].Points.Streak)
	}
	room = g.Reveal()
	var slip *ChoiceCount
	for i := range room.Choices {
		if room.Choices[i].Misconception != "" {
			slip = &room.Choices[i]
		}
	}
	if slip == nil || len(slip.Teams) != 1 || slip.Teams[0] != 0 {
		t.Errorf("misconception count %+v", room.Choices)
	}
	ms := g.Misconceptions()
	if len(ms) != 1 || ms[0].Label != "a common slip" || ms[0].Teams != 1 {
		t.Errorf("misconceptions %+v", ms)
	}
	board := g.Scoreboard()
	if board[0].Name != "Green" || board[0].Right != 2 || board[2].Name != "Blue" {
		t.Errorf("scoreboard %+v", board)
	}
}

func TestUndoAndManualPoints(t *testing.T) {
	g := newGame(t, "A", "B")
	now := t0
	g.SetAnswer(0, right(g), now)
	g.Lock(now)
	if err := g.Undo(); err != nil {
		t.Fatal(err)
	}
	if g.Phase() != Asking || len(g.Records()) != 0 {
		t.Fatal("undo did not reopen the question")
	}
	if a, ok := g.Answer(0); !ok || len(a.Choices) != 1 {
		t.Error("undo lost the entered answer")
	}
	g.SetAnswer(1, right(g), now)
	g.Lock(now)
	g.Adjust(1, -30, "talking during the timer")
	g.Adjust(0, 50, "")
	g.Undo() // the +50
	board := g.Scoreboard()
	var a, b Standing
	for _, s := range board {
		if s.Name == "A" {
			a = s
		} else {
			b = s
		}
	}
	if a.Manual != 0 || b.Manual != -30 || b.Total != b.Correctness+b.Bonus-30 {
		t.Errorf("manual points: %+v %+v", a, b)
	}
	if len(g.Adjustments()) != 1 || g.Adjustments()[0].Reason != "talking during the timer" {
		t.Errorf("adjustments %+v", g.Adjustments())
	}
	for g.CanUndo() {
		g.Undo()
	}
	if err := g.Undo(); err != ErrNothing {
		t.Errorf("undo of nothing: %v", err)
	}
	if len(g.Records()) != 0 || len(g.Adjustments()) != 0 {
		t.Error("undo all did not return to the start")
	}
}

func TestTiesAndRankChanges(t *testing.T) {
	g := newGame(t, "A", "B", "C")
	now := t0
	// Untimed answers: no speed points; A and B right, C wrong.
	g.SetAnswer(0, right(g), now)
	g.SetAnswer(1, right(g), now)
	g.SetAnswer(2, wrong(g), now)
	g.Lock(now)
	board := g.Scoreboard()
	if board[0].Rank != 1 || board[1].Rank != 1 || board[2].Rank != 3 {
		t.Errorf("ties: %+v", board)
	}
	g.Next()
	g.SetAnswer(2, right(g), now)
	g.Lock(now)
	g.Adjust(2, 500, "bonus round")
	for _, s := range g.Scoreboard() {
		if s.Name == "C" && (s.Rank != 1 || s.Change != 2) {
			t.Errorf("C went from 3rd to 1st: %+v", s)
		}
		if s.Name == "A" && s.Change != -1 {
			t.Errorf("A lost a place: %+v", s)
		}
	}
}

func TestPauseAndSkipAndEnd(t *testing.T) {
	g := newGame(t, "A")
	now := t0
	g.StartTimer(now)
	g.Pause(now.Add(5 * time.Second))
	if r := g.Remaining(now.Add(60 * time.Second)); r != 15*time.Second {
		t.Errorf("paused clock moved: %v left", r)
	}
	g.Resume(now.Add(60 * time.Second))
	if r := g.Remaining(now.Add(65 * time.Second)); r != 10*time.Second {
		t.Errorf("after resume: %v left", r)
	}
	if g.TimeUp(now.Add(70 * time.Second)) {
		t.Error("time up too soon")
	}
	if !g.TimeUp(now.Add(76 * time.Second)) {
		t.Error("time not up")
	}
	if err := g.Skip(now); err != nil {
		t.Fatal(err)
	}
	if len(g.Records()) != 1 || !g.Records()[0].Skipped || g.Index() != 1 {
		t.Errorf("skip: %+v", g.Records())
	}
	g.EndEarly()
	if g.Phase() != Done || g.Current() != nil || !g.EndedEarly() {
		t.Error("end early")
	}
	g.Undo()
	if g.Phase() != Asking {
		t.Error("undo of end early")
	}
	if _, err := New(Config{Teams: nil, Packs: []*pack.Pack{testPack()}}); err == nil {
		t.Error("no teams accepted")
	}
	if _, err := New(Config{Teams: []string{"A", "A"}, Packs: []*pack.Pack{testPack()}}); err == nil {
		t.Error("two teams of one name accepted")
	}
	if _, err := New(Config{Teams: strings.Split("a b c d e f g h i", " "), Packs: []*pack.Pack{testPack()}}); err == nil {
		t.Error("nine teams accepted")
	}
}

func TestResumeFromSave(t *testing.T) {
	g := newGame(t, "A", "B")
	now := t0
	g.SetAnswer(0, right(g), now)
	g.Lock(now)
	g.Adjust(1, 20, "fair play")
	g.Next()
	g.SetAnswer(1, wrong(g), now) // entered, not locked: kept by the save
	data, err := g.Save(now)
	if err != nil {
		t.Fatal(err)
	}
	h, err := Resume(data, []*pack.Pack{testPack()})
	if err != nil {
		t.Fatal(err)
	}
	if h.Index() != 1 || h.Phase() != Asking || len(h.Records()) != 1 || len(h.Adjustments()) != 1 {
		t.Fatalf("resumed at %d phase %d", h.Index(), h.Phase())
	}
	if a, ok := h.Answer(1); !ok || len(a.Choices) != 1 {
		t.Error("the entered answer was lost")
	}
	if fmt.Sprint(h.Scoreboard()) != fmt.Sprint(g.Scoreboard()) {
		t.Errorf("scoreboard differs:\n%v\n%v", h.Scoreboard(), g.Scoreboard())
	}
	// Finishing the resumed game gives the same as finishing the original.
	for _, x := range []*Game{g, h} {
		for x.Phase() != Done {
			x.SetAnswer(0, right(x), now)
			x.Lock(now)
			x.Next()
		}
	}
	if !bytes.Equal(g.CSV(), h.CSV()) {
		t.Error("the resumed game ended differently")
	}
	// Damaged, newer and mismatched saves are refused with a reason.
	for name, bad := range map[string][]byte{
		"garbage": []byte("{nope"),
		"newer":   bytes.Replace(data, []byte(fmt.Sprintf(`"version": %d`, SaveVersion)), []byte(`"version": 9`), 1),
		"damaged": bytes.Replace(data, []byte(`"Index": 1`), []byte(`"Index": 99`), 1),
	} {
		if _, err := Resume(bad, []*pack.Pack{testPack()}); err == nil {
			t.Errorf("%s save accepted", name)
		}
	}
	other := testPack()
	other.ID = "other"
	if _, err := Resume(data, []*pack.Pack{other}); err == nil || !strings.Contains(err.Error(), `"p"`) {
		t.Errorf("missing pack: %v", err)
	}
}

func TestExport(t *testing.T) {
	g := newGame(t, "Red, the first", "Blue")
	now := t0
	g.SetAnswer(0, right(g), now)
	g.Lock(now)
	g.Next()
	g.Skip(now)
	g.Adjust(1, 15, "helped another team")
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(g.CSV(), []byte(bom)))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+2*2+1 || strings.Join(rows[0], ",") != strings.Join(CSVHeader, ",") {
		t.Fatalf("rows %v", rows)
	}
	// The CSV agrees with the engine's record, row by row.
	for i, r := range g.Records() {
		for team, res := range r.Teams {
			row := rows[1+i*2+team]
			if row[3] != g.Teams()[team] || row[12] != strconv.Itoa(res.Points.Total) || row[8] != strconv.Itoa(res.Points.Correctness) {
				t.Errorf("row %v vs %+v", row, res)
			}
		}
	}
	if last := rows[len(rows)-1]; last[3] != "Blue" || last[11] != "15" || last[4] != "helped another team" {
		t.Errorf("hand points row %v", last)
	}
	page := string(g.HTML(now))
	for _, want := range []string{"Red, the first", "Podium", "helped another team", "skipped", "<table>"} {
		if !strings.Contains(page, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
	dir := t.TempDir()
	c1, h1, err := g.WriteResults(dir, now)
	if err != nil {
		t.Fatal(err)
	}
	c2, h2, err := g.WriteResults(dir, now)
	if err != nil || c1 == c2 || h1 == h2 || !strings.HasSuffix(c2, "-2.csv") {
		t.Errorf("second write %s %s %v", c2, h2, err)
	}
	if data, _ := os.ReadFile(c1); !bytes.Equal(data, g.CSV()) {
		t.Error("first CSV overwritten or wrong")
	}
	if !strings.Contains(c1, "2026-11-26") {
		t.Errorf("name %s carries no date", c1)
	}
}
