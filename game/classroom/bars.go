package classroom

// Bar is one choice's bar on the reveal, in the order the room saw the
// choices: how many teams picked it, out of how many teams.
type Bar struct {
	Choice  int // index in the question's choices
	Count   int // teams that picked it
	Of      int // teams in the game
	Correct bool
}

// Fraction is the bar's length, 0 to 1 of the full track: the share of
// all teams (not of those that answered) that picked the choice.
func (b Bar) Fraction() float64 {
	if b.Of <= 0 || b.Count <= 0 {
		return 0
	}
	return min(1, float64(b.Count)/float64(b.Of))
}

// Bars lists the room's choice counts in display order (order[k] is the
// choice shown under letter k). A choice index out of range is left out.
func (r Room) Bars(order []int) []Bar {
	byChoice := map[int]ChoiceCount{}
	for _, c := range r.Choices {
		byChoice[c.Choice] = c
	}
	var out []Bar
	for _, ci := range order {
		c, ok := byChoice[ci]
		if !ok {
			continue
		}
		out = append(out, Bar{Choice: ci, Count: len(c.Teams), Of: len(r.Teams), Correct: c.Correct})
	}
	return out
}
