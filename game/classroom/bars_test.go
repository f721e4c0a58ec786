package classroom

import (
	"slices"
	"testing"
)

func TestRevealBars(t *testing.T) {
	room := Room{
		Teams: make([]TeamCredit, 4),
		Choices: []ChoiceCount{
			{Choice: 0, Teams: []int{0, 2}, Correct: true},
			{Choice: 1, Teams: []int{1}},
			{Choice: 2},
		},
	}
	tests := []struct {
		name   string
		room   Room
		order  []int
		counts []int
		fracs  []float64
		right  []bool
	}{
		{"display order, not question order", room, []int{2, 0, 1}, []int{0, 2, 1}, []float64{0, 0.5, 0.25}, []bool{false, true, false}},
		{"a choice out of range is left out", room, []int{1, 7, 0}, []int{1, 2}, []float64{0.25, 0.5}, []bool{false, true}},
		{"no teams: empty tracks", Room{Choices: room.Choices}, []int{0, 1}, []int{2, 1}, []float64{0, 0}, []bool{true, false}},
		{"multi: every team on one choice fills it", Room{Teams: make([]TeamCredit, 2), Choices: []ChoiceCount{{Choice: 0, Teams: []int{0, 1}, Correct: true}, {Choice: 1, Teams: []int{1}, Correct: true}}},
			[]int{0, 1}, []int{2, 1}, []float64{1, 0.5}, []bool{true, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bars := tt.room.Bars(tt.order)
			var counts []int
			var fracs []float64
			var right []bool
			for _, b := range bars {
				counts, fracs, right = append(counts, b.Count), append(fracs, b.Fraction()), append(right, b.Correct)
			}
			if !slices.Equal(counts, tt.counts) || !slices.Equal(fracs, tt.fracs) || !slices.Equal(right, tt.right) {
				t.Errorf("counts %v fractions %v right %v, want %v %v %v", counts, fracs, right, tt.counts, tt.fracs, tt.right)
			}
		})
	}
}

// TestRevealBarsFromTheGame counts a locked question through the engine.
func TestRevealBarsFromTheGame(t *testing.T) {
	g := newGame(t, "Red", "Blue", "Green")
	now := t0
	g.StartTimer(now)
	g.SetAnswer(0, right(g), now)
	g.SetAnswer(1, wrong(g), now)
	g.SetAnswer(2, right(g), now)
	order := g.Current().ChoiceOrder
	g.Lock(now)
	bars := g.Reveal().Bars(order)
	if len(bars) != 2 {
		t.Fatalf("bars %+v", bars)
	}
	for k, b := range bars {
		want := 1
		if b.Correct {
			want = 2
		}
		if b.Choice != order[k] || b.Count != want || b.Of != 3 {
			t.Errorf("bar %d: %+v, want choice %d count %d of 3", k, b, order[k], want)
		}
	}
}
