package review

import (
	"slices"
	"testing"
	"time"
)

func TestSelect(t *testing.T) {
	now := time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
	dueAt := func(d time.Time) Memory { return Memory{Reps: 1, Stability: 2, Due: d} }
	mem := map[string]Memory{
		"p/overdue5":  dueAt(now.AddDate(0, 0, -5)),
		"p/overdue1":  dueAt(now.AddDate(0, 0, -1)),
		"p/today":     dueAt(time.Date(2026, 3, 10, 20, 0, 0, 0, time.UTC)), // later today: due from midnight
		"q/overdue1":  dueAt(now.AddDate(0, 0, -1)),                         // same time as p/overdue1: by key
		"p/tomorrow":  dueAt(now.AddDate(0, 0, 1)),
		"p/in9":       dueAt(now.AddDate(0, 0, 9)),
		"gone/absent": dueAt(now.AddDate(0, 0, -30)), // not in a loaded pack
		"p/zero":      {},                            // a zero memory is new
	}
	keys := []string{"p/new1", "p/today", "p/tomorrow", "p/overdue1", "p/new2", "q/overdue1", "p/overdue5", "p/in9", "p/zero", "p/new3"}
	tests := []struct {
		name   string
		keys   []string
		length int
		want   []string
	}{
		{"due first, most overdue first, then new in order", keys, 0,
			[]string{"p/overdue5", "p/overdue1", "q/overdue1", "p/today", "p/new1", "p/new2", "p/zero", "p/new3"}},
		{"new ones fill up to the length", keys, 6,
			[]string{"p/overdue5", "p/overdue1", "q/overdue1", "p/today", "p/new1", "p/new2"}},
		{"more due than the length: the most overdue", keys, 2, []string{"p/overdue5", "p/overdue1"}},
		{"nothing due: new only", []string{"p/tomorrow", "p/new1", "p/in9"}, 5, []string{"p/new1"}},
		{"nothing to do", []string{"p/tomorrow", "p/in9"}, 5, nil},
		{"no keys", nil, 5, nil},
		{"a key twice is asked once", []string{"p/new1", "p/new1", "p/today", "p/today"}, 0, []string{"p/today", "p/new1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Select(tt.keys, mem, now, tt.length); !slices.Equal(got, tt.want) {
				t.Errorf("Select = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestUpcomingAndNextText(t *testing.T) {
	now := time.Date(2026, 3, 10, 22, 0, 0, 0, time.UTC)
	mem := map[string]Memory{}
	add := func(prefix string, n int, due time.Time) []string {
		var ks []string
		for i := range n {
			k := prefix + string(rune('a'+i))
			mem[k] = Memory{Reps: 1, Stability: 1, Due: due}
			ks = append(ks, k)
		}
		return ks
	}
	var keys []string
	keys = append(keys, add("t/", 4, time.Date(2026, 3, 11, 8, 0, 0, 0, time.UTC))...) // tomorrow, though under 12 hours away
	keys = append(keys, add("x/", 11, now.AddDate(0, 0, 3))...)
	keys = append(keys, add("y/", 2, now.AddDate(0, 0, 20))...)
	keys = append(keys, "new/one")
	up := Upcoming(keys, mem, now)
	if want := []DayCount{{1, 4}, {3, 11}, {20, 2}}; !slices.Equal(up, want) {
		t.Fatalf("Upcoming = %v, want %v", up, want)
	}
	tests := []struct {
		up   []DayCount
		n    int
		want string
	}{
		{up, 2, "next: 4 tomorrow, 11 in 3 days"},
		{up, 3, "next: 4 tomorrow, 11 in 3 days, 2 in 20 days"},
		{[]DayCount{{0, 5}, {2, 1}}, 3, "next: 5 still due today, 1 in 2 days"},
		{nil, 3, ""},
	}
	for _, tt := range tests {
		if got := NextText(tt.up, tt.n); got != tt.want {
			t.Errorf("NextText(%v, %d) = %q, want %q", tt.up, tt.n, got, tt.want)
		}
	}
}
