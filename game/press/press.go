// Package press decides which pointer presses act. A press that lands just
// after the screen changed was meant for the screen before: the second
// click of a double-click, or a click made again because the first seemed
// lost. Acting on it would answer a question unseen or skip the feedback.
package press

import "time"

// Settle is how long after a change of screen (or of a card's phase)
// presses do not act: longer than the gap between the two clicks of a
// double-click, shorter than a reader's reaction to a new screen.
const Settle = 300 * time.Millisecond

// Gate remembers when the screen last changed and whether the press in
// progress was held back. The zero Gate lets every press act.
type Gate struct {
	changed time.Time
	held    bool
}

// Changed records that what the screen shows changed at t.
func (g *Gate) Changed(t time.Time) { g.changed = t }

// Press reports whether a press at t acts. A press that does not act holds
// back its release too (Release), so nothing fires when the button is let
// go.
func (g *Gate) Press(t time.Time) bool {
	g.held = !g.changed.IsZero() && t.Sub(g.changed) < Settle
	return !g.held
}

// Release reports whether a release acts: not when its press was held back.
func (g *Gate) Release() bool {
	held := g.held
	g.held = false
	return !held
}
