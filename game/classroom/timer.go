package classroom

import "time"

// StartTimer starts the current question's timer (no effect untimed or
// when already running).
func (g *Game) StartTimer(now time.Time) {
	if g.s.Phase != Asking || g.s.TimerOn {
		return
	}
	g.s.TimerOn, g.s.TimerStart, g.s.PausedFor, g.s.PausedAt = true, now, 0, time.Time{}
}

// TimerRunning reports whether the timer has been started.
func (g *Game) TimerRunning() bool { return g.s.TimerOn }

// Paused reports whether the game is paused.
func (g *Game) Paused() bool { return !g.s.PausedAt.IsZero() }

// Pause stops the clock; Resume starts it again.
func (g *Game) Pause(now time.Time) {
	if g.s.PausedAt.IsZero() {
		g.s.PausedAt = now
	}
}

// Resume restarts the clock after Pause.
func (g *Game) Resume(now time.Time) {
	if !g.s.PausedAt.IsZero() {
		g.s.PausedFor += now.Sub(g.s.PausedAt)
		g.s.PausedAt = time.Time{}
	}
}

// elapsed is the time since the timer started, pauses left out.
func (g *Game) elapsed(now time.Time) time.Duration {
	if !g.s.TimerOn {
		return 0
	}
	if !g.s.PausedAt.IsZero() {
		now = g.s.PausedAt
	}
	return max(0, now.Sub(g.s.TimerStart)-g.s.PausedFor)
}

// limit is the current question's time limit (0: untimed).
func (g *Game) limit() time.Duration {
	if it := g.Current(); it != nil {
		return it.TimeLimit
	}
	return 0
}

// Remaining is the time left on a timed question (the whole limit before
// the timer starts; 0 when untimed).
func (g *Game) Remaining(now time.Time) time.Duration {
	l := g.limit()
	if l == 0 {
		return 0
	}
	return max(0, l-g.elapsed(now))
}

// TimeUp reports whether a running timer has run out.
func (g *Game) TimeUp(now time.Time) bool {
	return g.limit() > 0 && g.s.TimerOn && g.Remaining(now) == 0
}
