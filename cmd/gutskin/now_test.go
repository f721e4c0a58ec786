package main

import (
	"testing"
	"time"
)

func TestParseNow(t *testing.T) {
	loc := time.FixedZone("X", 3600)
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"2026-12-24", time.Date(2026, 12, 24, 0, 0, 0, 0, loc), true},
		{"2026-12-24T18:30", time.Date(2026, 12, 24, 18, 30, 0, 0, loc), true},
		{"2026-12-24 18:30", time.Date(2026, 12, 24, 18, 30, 0, 0, loc), true},
		{"2026-12-24T18:30:05", time.Date(2026, 12, 24, 18, 30, 5, 0, loc), true},
		{"2026-12-24T18:30:00Z", time.Date(2026, 12, 24, 18, 30, 0, 0, time.UTC), true},
		{"tomorrow", time.Time{}, false},
		{"2026-13-01", time.Time{}, false},
		{"", time.Time{}, false},
	}
	for _, tt := range tests {
		got, err := parseNow(tt.in, loc)
		if (err == nil) != tt.ok || (tt.ok && !got.Equal(tt.want)) {
			t.Errorf("parseNow(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	if code := run([]string{"--now", "someday"}, &discard{}, &discard{}); code != exitUsage {
		t.Errorf("a bad --now gave exit %d, want %d", code, exitUsage)
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
