package quiz

import (
	"fmt"
	"strings"
	"testing"
)

func TestPairing(t *testing.T) {
	tests := []struct {
		name  string
		taps  string // "L0" taps left item 0, "R2" right item of pair 2
		match []int
		left  int
		right int
	}{
		{"left then right pairs", "L0 R3", []int{3, -1, -1, -1}, -1, -1},
		{"right then left pairs", "R3 L0", []int{3, -1, -1, -1}, -1, -1},
		{"a left chosen waits", "L1", []int{-1, -1, -1, -1}, 1, -1},
		{"a right chosen waits", "R2", []int{-1, -1, -1, -1}, -1, 2},
		{"a right tapped twice is unchosen", "R2 R2", []int{-1, -1, -1, -1}, -1, -1},
		{"a paired right tapped undoes its pair (the trial's 1 then D, D again)", "L0 R3 R3", []int{-1, -1, -1, -1}, -1, -1},
		{"and the taps after it do not shift", "L0 R3 R3 L0 R3 L1 R2", []int{3, 2, -1, -1}, -1, -1},
		{"a paired left tapped twice undoes its pair", "L0 R3 L0 L0", []int{-1, -1, -1, -1}, -1, -1},
		{"a paired left chosen again takes a new right", "L0 R3 L0 R1", []int{1, -1, -1, -1}, -1, -1},
		{"pairing a taken right frees its old left", "L0 R3 L1 R3", []int{-1, 3, -1, -1}, -1, -1},
		{"with a left chosen, a paired right moves to it", "L0 R3 L2 R3", []int{-1, -1, 3, -1}, -1, -1},
		{"everything paired in order", "L0 R0 L1 R1 L2 R2 L3 R3", []int{0, 1, 2, 3}, -1, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := NewPairing(4)
			var side byte
			var n int
			for _, tap := range strings.Fields(tt.taps) {
				fmt.Sscanf(tap, "%c%d", &side, &n)
				if side == 'L' {
					p.TapLeft(n)
				} else {
					p.TapRight(n)
				}
			}
			if fmt.Sprint(p.Match) != fmt.Sprint(tt.match) || p.Left != tt.left || p.Right != tt.right {
				t.Errorf("after %s: match %v, left %d, right %d; want %v, %d, %d", tt.taps, p.Match, p.Left, p.Right, tt.match, tt.left, tt.right)
			}
		})
	}
}
