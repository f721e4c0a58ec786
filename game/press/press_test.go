package press

import (
	"testing"
	"time"
)

func TestGate(t *testing.T) {
	t0 := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	type step struct {
		kind string // "change", "press", "release"
		ms   int
		acts bool // for press and release
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{"no change yet: every press acts", []step{{"press", 0, true}, {"release", 70, true}}},
		{"second click of a double-click is held back", []step{
			{"press", 0, true}, {"release", 70, true}, {"change", 71, false},
			{"press", 190, false}, {"release", 260, false}}},
		{"a click after the settle time acts", []step{
			{"change", 0, false}, {"press", 300, true}, {"release", 380, true}}},
		{"just before the settle time is held", []step{
			{"change", 0, false}, {"press", 299, false}, {"release", 900, false}}},
		{"a held press does not hold the next one", []step{
			{"change", 0, false}, {"press", 100, false}, {"release", 150, false},
			{"press", 400, true}, {"release", 450, true}}},
		{"a press made before the change keeps its release", []step{
			{"press", 0, true}, {"change", 50, false}, {"release", 80, true}}},
		{"a change during a held press restarts the time", []step{
			{"change", 0, false}, {"press", 100, false}, {"release", 150, false},
			{"change", 500, false}, {"press", 700, false}, {"press", 800, true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var g Gate
			for i, s := range tt.steps {
				switch s.kind {
				case "change":
					g.Changed(at(s.ms))
				case "press":
					if got := g.Press(at(s.ms)); got != s.acts {
						t.Errorf("step %d: press at %d ms acts = %v, want %v", i, s.ms, got, s.acts)
					}
				case "release":
					if got := g.Release(); got != s.acts {
						t.Errorf("step %d: release at %d ms acts = %v, want %v", i, s.ms, got, s.acts)
					}
				}
			}
		})
	}
}
