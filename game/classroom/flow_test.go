package classroom

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"
	"time"

	"gutskin/game/pack"
	"gutskin/game/quiz"
)

// step is one thing that happens in a lesson: after Wait on the clock, an
// intent (or only the clock's Tick when Tick is set).
type step struct {
	Wait time.Duration
	Tick bool
	In   Intent
}

func do(k IntentKind) step             { return step{In: Intent{Kind: k}} }
func team(k IntentKind, t int) step    { return step{In: Intent{Kind: k, Team: t}} }
func after(d time.Duration) step       { return step{Wait: d, Tick: true} }
func choose(t, display int) step       { return step{In: Intent{Kind: Choose, Team: t, Choice: display}} }
func submit(t int, a quiz.Answer) step { return step{In: Intent{Kind: Submit, Team: t, Answer: a}} }

// play runs steps on g from t0 and returns the clock's time at the end.
func play(g *Game, steps []step) time.Time {
	now := t0
	for _, s := range steps {
		now = now.Add(s.Wait)
		if s.Tick {
			g.Tick(now)
			continue
		}
		g.Tick(now)
		g.Do(s.In, now)
	}
	return now
}

// display is the card position of choice ci on the current question.
func display(g *Game, ci int) int { return slices.Index(g.Current().ChoiceOrder, ci) }

func rightAt(g *Game) int { return display(g, g.Current().Question.Correct()[0]) }
func wrongAt(g *Game) int { return display(g, 1-g.Current().Question.Correct()[0]) }

func orderPack() *pack.Pack {
	p := &pack.Pack{ID: "o", Title: "Order pack"}
	for i := range 3 {
		p.Questions = append(p.Questions, pack.Question{ID: "ord" + string(rune('a'+i)), Type: pack.Order, Difficulty: 1,
			Prompt: "Put these in order", Steps: []string{"one", "two", "three", "four"}})
	}
	return p
}

// TestFlowTeacherEntry walks the teacher-entry lesson through the defects
// of the classroom trial, each a case that failed before the flow moved
// into the engine.
func TestFlowTeacherEntry(t *testing.T) {
	tests := []struct {
		name  string
		teams []string
		steps func(g *Game) []step
		check func(t *testing.T, g *Game, now time.Time)
	}{
		{"the clock locks a question whose time runs out, and says so", []string{"A", "B"},
			func(g *Game) []step { return []step{do(Advance), choose(0, rightAt(g)), after(21 * time.Second)} },
			func(t *testing.T, g *Game, now time.Time) {
				if g.Screen() != ShowReveal || !g.Reveal().TimedOut {
					t.Errorf("screen %d, timed out %v", g.Screen(), g.Reveal().TimedOut)
				}
			}},
		{"the countdown animates while it runs, not when paused or blank", []string{"A"},
			func(g *Game) []step { return []step{do(Advance), after(2 * time.Second)} },
			func(t *testing.T, g *Game, now time.Time) {
				if !g.Animating() || g.Remaining(now) != 18*time.Second {
					t.Fatalf("animating %v, %v left", g.Animating(), g.Remaining(now))
				}
				g.Do(Intent{Kind: Pause}, now)
				if g.Animating() {
					t.Error("a paused clock animates")
				}
				g.Do(Intent{Kind: Pause}, now)
				g.Do(Intent{Kind: Blank}, now)
				if g.Animating() {
					t.Error("a blank screen animates")
				}
			}},
		{"undo after a time-out reopens the question for good (D4)", []string{"A", "B"},
			func(g *Game) []step {
				return []step{do(Advance), choose(0, rightAt(g)), after(25 * time.Second), do(Undo), after(10 * time.Second)}
			},
			func(t *testing.T, g *Game, now time.Time) {
				if g.Screen() != ShowQuestion || g.Phase() != Asking || !g.Overtime() {
					t.Fatalf("screen %d phase %d overtime %v", g.Screen(), g.Phase(), g.Overtime())
				}
				g.Do(Intent{Kind: Choose, Team: 1, Choice: wrongAt(g)}, now)
				if _, ok := g.Answer(1); !ok {
					t.Error("no correction possible after the undo")
				}
				g.Do(Intent{Kind: Advance}, now)
				if g.Screen() != ShowReveal || g.Reveal().Answered != 2 {
					t.Errorf("Advance did not lock the corrected answers: %d, %+v", g.Screen(), g.Reveal())
				}
			}},
		{"Page Up from the reveal after a time-out reopens it too (D4)", []string{"A"},
			func(g *Game) []step {
				return []step{do(Advance), after(25 * time.Second), do(Back), after(time.Second)}
			},
			func(t *testing.T, g *Game, now time.Time) {
				if g.Screen() != ShowQuestion || !g.Overtime() {
					t.Errorf("screen %d overtime %v", g.Screen(), g.Overtime())
				}
			}},
		{"a team selected on the scoreboard is not selected on the next question (D5)", []string{"A", "B", "C"},
			func(g *Game) []step {
				return []step{do(Advance), do(Advance), do(Advance), team(SelectTeam, 2), step{In: Intent{Kind: AdjustPoints, Team: 2, Points: 100}}, do(Advance)}
			},
			func(t *testing.T, g *Game, now time.Time) {
				if g.Screen() != ShowQuestion || g.Index() != 1 || g.Selected() != -1 {
					t.Errorf("screen %d question %d selected %d", g.Screen(), g.Index(), g.Selected())
				}
			}},
		{"an answer entered before the timer starts earns no speed bonus (D5)", []string{"A", "B"},
			func(g *Game) []step {
				return []step{choose(0, rightAt(g)), step{Wait: time.Second, In: Intent{Kind: Advance}}, choose(1, rightAt(g)), do(Advance)}
			},
			func(t *testing.T, g *Game, now time.Time) {
				rec := g.Records()[0]
				if rec.Teams[0].Points.Speed != 0 || rec.Teams[1].Points.Speed == 0 {
					t.Errorf("speed points %d (entered before the start) and %d", rec.Teams[0].Points.Speed, rec.Teams[1].Points.Speed)
				}
			}},
		{"blanking stops the clock and the screen comes back paused no longer (D12)", []string{"A"},
			func(g *Game) []step {
				return []step{do(Advance), step{Wait: 3 * time.Second, In: Intent{Kind: Blank}}, step{Wait: time.Minute, In: Intent{Kind: Choose, Team: 0}}, do(Advance)}
			},
			func(t *testing.T, g *Game, now time.Time) {
				if g.Blanked() || g.Paused() || g.Screen() != ShowQuestion || g.Remaining(now) != 17*time.Second {
					t.Errorf("blank %v paused %v screen %d, %v left", g.Blanked(), g.Paused(), g.Screen(), g.Remaining(now))
				}
				if _, ok := g.Answer(0); ok {
					t.Error("a key on the blank screen entered an answer")
				}
			}},
		{"single choices move the selection on; every team in: none selected", []string{"A", "B", "C"},
			func(g *Game) []step {
				return []step{team(SelectTeam, 1), choose(1, 0), choose(2, 1), choose(0, 0)}
			},
			func(t *testing.T, g *Game, now time.Time) {
				if g.Answered() != 3 || g.Selected() != -1 {
					t.Errorf("answered %d, selected %d", g.Answered(), g.Selected())
				}
			}},
		{"confidence: the same choice again cycles how sure; the team stays selected", []string{"A"},
			func(g *Game) []step { return []step{choose(0, 0), choose(0, 0), choose(0, 0)} },
			func(t *testing.T, g *Game, now time.Time) {
				a, _ := g.Answer(0)
				if a.Confidence != quiz.Unsure || g.Selected() != 0 {
					t.Errorf("confidence %v selected %d", a.Confidence, g.Selected())
				}
			}},
		{"E once asks, twice within 3 s ends; undo brings the game back", []string{"A"},
			func(g *Game) []step {
				return []step{do(EndEarly), step{Wait: 4 * time.Second, In: Intent{Kind: EndEarly}}, step{Wait: time.Second, In: Intent{Kind: EndEarly}}}
			},
			func(t *testing.T, g *Game, now time.Time) {
				if g.Screen() != ShowResults || !g.EndedEarly() {
					t.Fatalf("screen %d", g.Screen())
				}
				g.Do(Intent{Kind: Undo}, now)
				if g.Screen() != ShowQuestion || g.EndedEarly() {
					t.Errorf("after undo: screen %d", g.Screen())
				}
			}},
		{"skip goes to the next question; back from the board is the reveal", []string{"A"},
			func(g *Game) []step { return []step{do(Skip), do(Advance), do(Advance), do(Advance), do(Back)} },
			func(t *testing.T, g *Game, now time.Time) {
				if g.Index() != 1 || g.Screen() != ShowReveal || !g.Records()[0].Skipped {
					t.Errorf("question %d screen %d", g.Index(), g.Screen())
				}
			}},
		{"a name cut with a trailing space is stored without it (D12)", []string{"The Magnificent Microbio ", " B"},
			func(g *Game) []step { return nil },
			func(t *testing.T, g *Game, now time.Time) {
				if g.Teams()[0] != "The Magnificent Microbio" || g.Teams()[1] != "B" {
					t.Errorf("%q", g.Teams())
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mode := quiz.Standard
			if strings.HasPrefix(tt.name, "confidence") {
				mode = quiz.Confident
			}
			g, err := New(Config{Teams: tt.teams, Packs: []*pack.Pack{testPack()}, Seed: 3, Mode: mode, TimeLimit: 20 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			now := play(g, tt.steps(g))
			tt.check(t, g, now)
		})
	}
}

// TestFlowHotSeat: turns with a handover, each on its own clock; a turn
// that times out passes by itself; undo gives the last team its turn back.
func TestFlowHotSeat(t *testing.T) {
	newHot := func(t *testing.T) *Game {
		g, err := New(Config{Teams: []string{"A", "B"}, Packs: []*pack.Pack{orderPack()}, Seed: 1, TimeLimit: 30 * time.Second, HotSeat: true})
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	right := quiz.Answer{Order: []int{0, 1, 2, 3}}
	tests := []struct {
		name  string
		steps func(g *Game) []step
		check func(t *testing.T, g *Game, now time.Time)
	}{
		{"a question opens on team 1's handover; its clock has not started (D11)",
			func(g *Game) []step { return []step{after(time.Minute)} },
			func(t *testing.T, g *Game, now time.Time) {
				if g.Screen() != Handover || g.Turn() != 0 || g.TimerRunning() || g.Animating() {
					t.Errorf("screen %d turn %d timer %v", g.Screen(), g.Turn(), g.TimerRunning())
				}
			}},
		{"an answer hands over to the next team, whose clock waits for Space (D11)",
			func(g *Game) []step {
				return []step{do(Advance), step{Wait: 5 * time.Second, In: Intent{Kind: Submit, Team: 0, Answer: right}}, after(40 * time.Second)}
			},
			func(t *testing.T, g *Game, now time.Time) {
				if g.Screen() != Handover || g.Turn() != 1 || g.Remaining(now) != 30*time.Second {
					t.Fatalf("screen %d turn %d, %v left", g.Screen(), g.Turn(), g.Remaining(now))
				}
				g.Do(Intent{Kind: Advance}, now)
				if g.Screen() != TeamTurn || !g.Animating() {
					t.Errorf("Space did not start team 2's turn: %d", g.Screen())
				}
			}},
		{"a team out of time passes by itself; the last one's time-out locks (D1)",
			func(g *Game) []step {
				return []step{do(Advance), after(31 * time.Second), do(Advance), after(31 * time.Second)}
			},
			func(t *testing.T, g *Game, now time.Time) {
				if g.Screen() != ShowReveal || g.Reveal().Answered != 0 {
					t.Errorf("screen %d, %+v", g.Screen(), g.Reveal())
				}
			}},
		{"the handover after a time-out names the team that ran out, once",
			func(g *Game) []step { return []step{do(Advance), after(31 * time.Second)} },
			func(t *testing.T, g *Game, now time.Time) {
				if g.Screen() != Handover || g.Turn() != 1 || g.LateTurn() != 0 {
					t.Fatalf("screen %d turn %d late %d", g.Screen(), g.Turn(), g.LateTurn())
				}
				g.Do(Intent{Kind: Advance}, now)
				if g.LateTurn() != -1 {
					t.Error("the time-out is still announced")
				}
			}},
		{"only the team at the controls can submit",
			func(g *Game) []step { return []step{do(Advance), submit(1, right)} },
			func(t *testing.T, g *Game, now time.Time) {
				if _, ok := g.Answer(1); ok || g.Turn() != 0 {
					t.Errorf("team 2 answered on team 1's turn")
				}
			}},
		{"an order handed in untouched earns nothing (D12)",
			func(g *Game) []step {
				start, _ := g.TurnRound(0)
				return []step{do(Advance), submit(0, quiz.Answer{Order: start.Items()[0].StepOrder}), do(Advance), submit(1, right)}
			},
			func(t *testing.T, g *Game, now time.Time) {
				rec := g.Records()[0]
				if rec.Teams[0].Credit != 0 || rec.Teams[0].Points.Total != 0 || !rec.Teams[1].Correct {
					t.Errorf("untouched %+v, right %+v", rec.Teams[0], rec.Teams[1])
				}
			}},
		{"the reveal shows partial credit and each team's answer (D8)",
			func(g *Game) []step {
				return []step{do(Advance), submit(0, quiz.Answer{Order: []int{1, 0, 2, 3}}), do(Advance), do(Pass)}
			},
			func(t *testing.T, g *Game, now time.Time) {
				room := g.Reveal()
				if room.Right != 0 || room.Partly() != 1 || room.Teams[0].Answer == "" || room.Teams[0].Credit <= 0 {
					t.Errorf("room %+v", room)
				}
				if s := room.Silent(); len(s) != 1 || s[0] != 1 {
					t.Errorf("silent teams %v", s)
				}
			}},
		{"undo of the lock gives the last team its turn again, from the handover",
			func(g *Game) []step {
				return []step{do(Advance), submit(0, right), do(Advance), submit(1, right), do(Undo)}
			},
			func(t *testing.T, g *Game, now time.Time) {
				_, a0 := g.Answer(0)
				_, a1 := g.Answer(1)
				if g.Screen() != Handover || g.Turn() != 1 || !a0 || a1 {
					t.Errorf("screen %d turn %d answers %v %v", g.Screen(), g.Turn(), a0, a1)
				}
			}},
		{"a pause stops the turn's clock",
			func(g *Game) []step {
				return []step{do(Advance), step{Wait: 10 * time.Second, In: Intent{Kind: Pause}}, after(time.Minute)}
			},
			func(t *testing.T, g *Game, now time.Time) {
				if g.Screen() != TeamTurn || g.Remaining(now) != 20*time.Second {
					t.Errorf("screen %d, %v left", g.Screen(), g.Remaining(now))
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := newHot(t)
			now := play(g, tt.steps(g))
			tt.check(t, g, now)
		})
	}
}

// TestFlowSaveAndResume: a game killed at any screen resumes where it
// was, with its look, the clock stopped, no team selected (D7, D2).
func TestFlowSaveAndResume(t *testing.T) {
	tests := []struct {
		name   string
		hot    bool
		steps  func(g *Game) []step
		screen Screen
		paused bool
	}{
		{"timer running", false, func(g *Game) []step { return []step{do(Advance), team(SelectTeam, 1), after(5 * time.Second)} }, ShowQuestion, true},
		{"reveal", false, func(g *Game) []step { return []step{do(Advance), do(Advance)} }, ShowReveal, false},
		{"scoreboard", false, func(g *Game) []step { return []step{do(Advance), do(Advance), do(Advance)} }, ShowBoard, false},
		{"hot-seat turn under way", true, func(g *Game) []step { return []step{do(Advance), after(4 * time.Second)} }, Handover, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := New(Config{Teams: []string{"Équipe Noël", "B"}, Packs: []*pack.Pack{testPack()}, Seed: 3, TimeLimit: 20 * time.Second,
				HotSeat: tt.hot, Projector: true})
			if err != nil {
				t.Fatal(err)
			}
			now := play(g, tt.steps(g))
			data, err := g.Save(now)
			if err != nil {
				t.Fatal(err)
			}
			h, err := Resume(data, []*pack.Pack{testPack()})
			if err != nil {
				t.Fatal(err)
			}
			later := now.Add(time.Hour)
			if h.Screen() != tt.screen || h.Paused() != tt.paused || h.Selected() != -1 || !h.Config().Projector {
				t.Errorf("screen %d paused %v selected %d projector %v", h.Screen(), h.Paused(), h.Selected(), h.Config().Projector)
			}
			if h.Tick(later).Changed {
				t.Error("the resumed game moved on by itself")
			}
			info, err := ReadSaveInfo(data)
			if err != nil || info.Teams[0] != "Équipe Noël" || info.Len != 5 || !info.Saved.Equal(now) || !info.Projector {
				t.Errorf("save info %+v %v", info, err)
			}
		})
	}
}

// TestExportFiles: the CSV opens in Excel with accents intact (a UTF-8
// BOM) and carries each answer's confidence (D10).
func TestExportFiles(t *testing.T) {
	g, err := New(Config{Teams: []string{"Zoë & Søren", "B"}, Packs: []*pack.Pack{testPack()}, Seed: 3, Mode: quiz.Confident})
	if err != nil {
		t.Fatal(err)
	}
	play(g, []step{choose(0, rightAt(g)), choose(0, rightAt(g)), do(Advance)})
	data := g.CSV()
	if !bytes.HasPrefix(data, []byte("\ufeff")) {
		t.Fatalf("no BOM: %q", data[:min(10, len(data))])
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(rows[0], "confidence")
	if col < 0 || rows[1][col] != "Sure" || rows[2][col] != "" || rows[1][3] != "Zoë & Søren" {
		t.Errorf("rows %q", rows)
	}
	if page := string(g.HTML(t0)); !strings.Contains(page, "sure") {
		t.Error("the summary does not say how sure the teams were")
	}
}
