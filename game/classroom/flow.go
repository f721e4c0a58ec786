package classroom

import (
	"strconv"
	"time"

	"gutskin/game/quiz"
)

// Screen is what the room sees: the lesson's one state machine moves
// between these on intents and on the clock, and a scene only draws it.
type Screen int

// The screens of a lesson.
const (
	// ShowQuestion: the question is up; the timer is stopped, running or
	// paused, and answers are entered (teacher entry).
	ShowQuestion Screen = iota
	// Handover: hot-seat, between turns: "Team 2, ready? Space".
	Handover
	// TeamTurn: hot-seat, a team at the controls, on its own clock.
	TeamTurn
	// ShowReveal: answers locked and scored; how the room answered.
	ShowReveal
	// ShowBoard: the scoreboard.
	ShowBoard
	// ShowResults: the game is over.
	ShowResults
)

// IntentKind is what the teacher (or a team) asks of the lesson. Keys,
// clicks, clicker buttons, and later phones, all become intents.
type IntentKind int

// The intents.
const (
	// Advance is the clicker's "next": start the timer, then lock; start a
	// hot-seat turn; from the reveal to the scoreboard or the next
	// question; from the scoreboard to the next question. On a blank
	// screen it only brings the screen back.
	Advance IntentKind = iota
	// Back is the clicker's "previous": scoreboard to reveal, reveal to
	// the open question (the lock undone).
	Back
	// SelectTeam chooses Team: the next choices entered are its answer,
	// and points by hand go to it. Team -1 chooses none.
	SelectTeam
	// Choose enters choice Choice (its position on the card) for Team:
	// toggled on multi questions; in confidence scoring the same choice
	// again changes how sure the team is. Single choices move the
	// selection on to the next team without an answer.
	Choose
	// Submit enters a whole answer for Team: a hot-seat team at the
	// controls, or (later) a team's own device.
	Submit
	// Lock closes and scores the answers at once.
	Lock
	// Pause stops or restarts the clock.
	Pause
	// Blank blanks the screen (or brings it back); the clock stops while
	// the screen is blank.
	Blank
	// Skip passes over the open question.
	Skip
	// Undo reverts the last lock, skip, points by hand or early end.
	Undo
	// EndEarly ends the game; a second EndEarly within EndConfirm does it,
	// the first only asks.
	EndEarly
	// AdjustPoints gives Points to Team by hand (negative takes them).
	AdjustPoints
	// Pass ends the hot-seat team's turn without an answer.
	Pass
)

// Intent is one request to the lesson.
type Intent struct {
	Kind   IntentKind
	Team   int
	Choice int
	Answer quiz.Answer
	Points int
}

// Outcome says what an intent or the clock did: whether anything changed
// (the scene redraws and the game is saved) and a notice for the room.
type Outcome struct {
	Changed bool
	Notice  string
}

// EndConfirm is how soon a second EndEarly must follow the first.
const EndConfirm = 3 * time.Second

// Screen is what the room sees now.
func (g *Game) Screen() Screen { return g.s.Screen }

// Selected is the team whose answer the next choice sets, -1 for none.
func (g *Game) Selected() int { return g.s.Selected }

// Blanked reports whether the screen is blank.
func (g *Game) Blanked() bool { return g.s.Blank }

// Overtime reports whether an open question's time has run out after an
// undo: answers can be corrected, and the next Advance locks.
func (g *Game) Overtime() bool { return g.s.Overtime }

// Turn is the hot-seat team at the controls or about to be, -1 for none.
func (g *Game) Turn() int {
	if g.s.Screen == Handover || g.s.Screen == TeamTurn {
		return g.s.Turn
	}
	return -1
}

// LateTurn is the hot-seat team whose time ran out just before this
// handover, -1 for none: the handover says so.
func (g *Game) LateTurn() int {
	if g.s.Screen == Handover && g.s.LateTurn >= 0 && g.s.LateTurn < len(g.cfg.Teams) {
		return g.s.LateTurn
	}
	return -1
}

// Do applies an intent at time now.
func (g *Game) Do(in Intent, now time.Time) Outcome {
	if in.Kind != Blank {
		g.s.LateTurn = -1 // said once, on the handover that follows
	}
	if g.s.Blank && in.Kind != Blank {
		if in.Kind == Advance || in.Kind == Back {
			return g.unblank(now)
		}
		return Outcome{}
	}
	switch in.Kind {
	case Advance:
		return g.advanceFlow(now)
	case Back:
		return g.back(now)
	case SelectTeam:
		if in.Team < -1 || in.Team >= len(g.cfg.Teams) || g.s.Screen == ShowResults {
			return Outcome{}
		}
		g.s.Selected = in.Team
		return Outcome{Changed: true}
	case Choose:
		return g.choose(in.Team, in.Choice, now)
	case Submit:
		return g.submit(in.Team, in.Answer, now)
	case Lock:
		if g.s.Screen == ShowQuestion {
			return g.lockFlow(now, false)
		}
	case Pause:
		return g.togglePause(now)
	case Blank:
		if g.s.Blank {
			return g.unblank(now)
		}
		if g.s.Screen == ShowResults {
			return Outcome{}
		}
		g.s.Blank = true
		if g.clockRuns() && !g.Paused() {
			g.Pause(now)
			g.s.BlankPaused = true
		}
		return Outcome{Changed: true}
	case Skip:
		if g.s.Screen != ShowQuestion && g.s.Screen != Handover && g.s.Screen != TeamTurn {
			return Outcome{}
		}
		if g.Skip(now) != nil {
			return Outcome{}
		}
		g.enterQuestion()
		return Outcome{Changed: true, Notice: "Question skipped (U undoes)"}
	case Undo:
		return g.undoFlow(now)
	case EndEarly:
		if g.s.Screen == ShowResults {
			return Outcome{}
		}
		if !g.s.EndArmed.IsZero() && now.Sub(g.s.EndArmed) >= 0 && now.Sub(g.s.EndArmed) < EndConfirm {
			g.s.EndArmed = time.Time{}
			g.EndEarly()
			g.s.Screen, g.s.Selected = ShowResults, -1
			return Outcome{Changed: true}
		}
		g.s.EndArmed = now
		return Outcome{Changed: true, Notice: "Press E again to end the game now"}
	case AdjustPoints:
		if in.Points == 0 || g.s.Screen == ShowResults || g.Adjust(in.Team, in.Points, "by hand") != nil {
			return Outcome{}
		}
		return Outcome{Changed: true, Notice: g.cfg.Teams[in.Team] + ": " + signed(in.Points) + " points by hand (U undoes)"}
	case Pass:
		if g.s.Screen == TeamTurn || g.s.Screen == Handover {
			return g.nextTurn(now, g.s.Turn+1)
		}
	}
	return Outcome{}
}

func signed(n int) string {
	if n > 0 {
		return "+" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// Tick applies the clock: a question whose time runs out locks, a hot-seat
// team whose time runs out loses its turn.
func (g *Game) Tick(now time.Time) Outcome {
	if g.Paused() || !g.s.TimerOn || g.limit() == 0 || !g.TimeUp(now) {
		return Outcome{}
	}
	switch g.s.Screen {
	case ShowQuestion:
		if g.s.Overtime || g.cfg.HotSeat {
			return Outcome{}
		}
		return g.lockFlow(now, true)
	case TeamTurn:
		late := g.s.Turn
		out := g.nextTurn(now, g.s.Turn+1)
		out.Notice = "Time's up for " + g.cfg.Teams[late]
		g.s.LateTurn = late
		return out
	}
	return Outcome{}
}

// Animating reports whether the screen changes with the clock alone (a
// countdown running), so the scene must be redrawn without input.
func (g *Game) Animating() bool {
	return !g.s.Blank && g.clockRuns() && !g.Paused() && g.limit() > 0
}

// clockRuns reports whether a question's or a turn's timer is counting.
func (g *Game) clockRuns() bool {
	return g.s.TimerOn && (g.s.Screen == ShowQuestion && !g.s.Overtime || g.s.Screen == TeamTurn)
}

func (g *Game) unblank(now time.Time) Outcome {
	g.s.Blank = false
	if g.s.BlankPaused {
		g.Resume(now)
		g.s.BlankPaused = false
	}
	return Outcome{Changed: true}
}

func (g *Game) togglePause(now time.Time) Outcome {
	if g.s.Screen != ShowQuestion && g.s.Screen != TeamTurn {
		return Outcome{}
	}
	if g.Paused() {
		g.Resume(now)
		return Outcome{Changed: true}
	}
	g.Pause(now)
	return Outcome{Changed: true}
}

func (g *Game) advanceFlow(now time.Time) Outcome {
	switch g.s.Screen {
	case ShowQuestion:
		if g.limit() > 0 && !g.s.TimerOn {
			g.StartTimer(now)
			g.s.Selected = -1
			return Outcome{Changed: true}
		}
		return g.lockFlow(now, false)
	case Handover:
		g.s.TimerOn, g.s.TimerStart, g.s.PausedFor, g.s.PausedAt = true, now, 0, time.Time{}
		g.s.Screen = TeamTurn
		return Outcome{Changed: true}
	case TeamTurn:
		return g.nextTurn(now, g.s.Turn+1)
	case ShowReveal:
		if g.ScoreboardDue() {
			g.s.Screen, g.s.Selected = ShowBoard, -1
			return Outcome{Changed: true}
		}
		return g.nextQuestion()
	case ShowBoard:
		return g.nextQuestion()
	}
	return Outcome{}
}

func (g *Game) nextQuestion() Outcome {
	if g.Next() != nil {
		return Outcome{}
	}
	g.enterQuestion()
	return Outcome{Changed: true}
}

// enterQuestion shows the question now current (or the results).
func (g *Game) enterQuestion() {
	g.s.Selected, g.s.Overtime, g.s.EndArmed = -1, false, time.Time{}
	switch {
	case g.s.Phase == Done:
		g.s.Screen = ShowResults
	case g.cfg.HotSeat:
		g.s.Screen, g.s.Turn = Handover, 0
	default:
		g.s.Screen = ShowQuestion
	}
}

func (g *Game) back(now time.Time) Outcome {
	switch g.s.Screen {
	case ShowBoard:
		g.s.Screen = ShowReveal
		return Outcome{Changed: true}
	case ShowReveal:
		return g.undoFlow(now)
	}
	return Outcome{}
}

// lockFlow locks and scores, then shows the reveal.
func (g *Game) lockFlow(now time.Time, timedOut bool) Outcome {
	rec, err := g.Lock(now)
	if err != nil {
		return Outcome{}
	}
	g.s.Records[len(g.s.Records)-1].TimedOut = timedOut
	_ = rec
	g.s.Screen, g.s.Selected, g.s.Overtime = ShowReveal, -1, false
	out := Outcome{Changed: true}
	if timedOut {
		out.Notice = "Time's up: answers locked (U reopens them)"
	}
	return out
}

func (g *Game) undoFlow(now time.Time) Outcome {
	if g.Undo() != nil {
		return Outcome{Notice: "Nothing to undo"}
	}
	g.s.Selected, g.s.Blank, g.s.BlankPaused, g.s.EndArmed = -1, false, false, time.Time{}
	switch {
	case g.s.Phase == Done:
		g.s.Screen = ShowResults
	case g.s.Phase == Locked:
		if g.s.Screen != ShowBoard {
			g.s.Screen = ShowReveal
		}
	case g.cfg.HotSeat:
		// An undone lock gives the last team its turn again; an undone
		// skip goes back to the turn it interrupted.
		last := min(max(g.s.Turn, 0), len(g.cfg.Teams)-1)
		if g.s.Screen == ShowQuestion {
			g.ClearAnswer(last)
		}
		g.s.Screen, g.s.Turn = Handover, last
		g.s.TimerOn, g.s.PausedAt, g.s.PausedFor = false, time.Time{}, 0
	default:
		g.s.Screen = ShowQuestion
		// A question that had run out of time stays open for corrections:
		// the clock does not lock it again, Advance does.
		if g.s.TimerOn && g.limit() > 0 && g.TimeUp(now) {
			g.s.Overtime = true
			g.Resume(now)
		}
	}
	return Outcome{Changed: true, Notice: "Undone"}
}
