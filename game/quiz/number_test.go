package quiz

import (
	"math"
	"testing"

	"gutskin/game/pack"
)

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{3.8e13, "38 trillion"},
		{1e14, "100 trillion"},
		{2.5e9, "2.5 billion"},
		{1234567, "1.23 million"},
		{-4e6, "-4 million"},
		{12500, "12,500"},
		{1930, "1,930"},
		{999.6, "1,000"},
		{-12345, "-12,345"},
		{0.25, "0.25"},
		{0.123456, "0.123"},
		{42, "42"},
		{0, "0"},
		{-0.0001, "-0.0001"},
		{2e18, "2,000 quadrillion"},
	}
	for _, tt := range tests {
		if got := FormatNumber(tt.v); got != tt.want {
			t.Errorf("FormatNumber(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestFormatValue(t *testing.T) {
	tests := []struct {
		v    float64
		unit string
		want string
	}{
		{3.8e13, "bacteria", "38 trillion bacteria"},
		{12, "%", "12%"},
		{1930, "year", "1930"},
		{1930.4, "Year", "1930"},
		{6, "months", "6 months"},
		{2500, "kcal/day", "2,500 kcal/day"},
		{1.5, "", "1.5"},
	}
	for _, tt := range tests {
		if got := FormatValue(tt.v, tt.unit); got != tt.want {
			t.Errorf("FormatValue(%v, %q) = %q, want %q", tt.v, tt.unit, got, tt.want)
		}
	}
}

func TestFormatTolerance(t *testing.T) {
	tests := []struct {
		e    pack.EstimateSpec
		want string
	}{
		{pack.EstimateSpec{Unit: "year", Tolerance: 5}, "within ±5 years"},
		{pack.EstimateSpec{Unit: "year", Tolerance: 1}, "within ±1 year"},
		{pack.EstimateSpec{Unit: "%", Tolerance: 2}, "within ±2%"},
		{pack.EstimateSpec{Unit: "bacteria", Scale: pack.Log, Tolerance: 3}, "within a factor of 3 either way"},
		{pack.EstimateSpec{Unit: "kcal/day", Tolerance: 1500}, "within ±1,500 kcal/day"},
	}
	for _, tt := range tests {
		if got := FormatTolerance(&tt.e); got != tt.want {
			t.Errorf("FormatTolerance(%+v) = %q, want %q", tt.e, got, tt.want)
		}
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"12", 12, true},
		{" 12,500 ", 12500, true},
		{"3.8e13", 3.8e13, true},
		{"-4", -4, true},
		{"+0.5", 0.5, true},
		{"1.2.3", 0, false},
		{"", 0, false},
		{"e", 0, false},
		{"1e999", 0, false}, // infinity is not a number a player means
		{"NaN", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseNumber(tt.in)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDescribeEstimateUsesTheScreenFormat(t *testing.T) {
	q := &pack.Question{Type: pack.Estimate, Estimate: &pack.EstimateSpec{Unit: "bacteria", Min: 1e10, Max: 1e16, Scale: pack.Log}}
	if got := Describe(q, Answer{Value: 3.8e13, HasValue: true}); got != "38 trillion bacteria" {
		t.Errorf("Describe = %q, want 38 trillion bacteria", got)
	}
	y := &pack.Question{Type: pack.Estimate, Estimate: &pack.EstimateSpec{Unit: "year", Min: 1900, Max: 2025}}
	if got := Describe(y, Answer{Value: 1930, HasValue: true}); got != "1930" {
		t.Errorf("Describe = %q, want 1930", got)
	}
}

func TestEstimateScale(t *testing.T) {
	lin := &pack.EstimateSpec{Min: 0, Max: 100}
	step := &pack.EstimateSpec{Min: 1900, Max: 2025, Step: 5}
	lg := &pack.EstimateSpec{Min: 1e10, Max: 1e16, Scale: pack.Log}
	frac := []struct {
		e    *pack.EstimateSpec
		v, f float64
	}{
		{lin, 0, 0}, {lin, 25, 0.25}, {lin, 100, 1},
		{lg, 1e10, 0}, {lg, 1e13, 0.5}, {lg, 1e16, 1},
		{lg, 1, 0}, // below the minimum: the left end, not NaN
	}
	for _, tt := range frac {
		if got := EstimateFrac(tt.e, tt.v); math.Abs(got-tt.f) > 1e-12 {
			t.Errorf("EstimateFrac(%v) = %v, want %v", tt.v, got, tt.f)
		}
		if tt.v >= tt.e.Min {
			if back := EstimateAt(tt.e, tt.f); math.Abs(back-tt.v) > 1e-6*math.Max(1, tt.v) {
				t.Errorf("EstimateAt(%v) = %v, want %v", tt.f, back, tt.v)
			}
		}
	}
	snaps := []struct {
		e       *pack.EstimateSpec
		v, want float64
	}{
		{step, 1932, 1930}, {step, 1933, 1935}, {step, 1850, 1900}, {step, 2100, 2025},
		{lin, 33.333, 33}, {lin, -5, 0},
		{lg, 3.87e13, 3.9e13}, {lg, 1.04e10, 1e10},
	}
	for _, tt := range snaps {
		if got := Snap(tt.e, tt.v); math.Abs(got-tt.want) > 1e-9*math.Abs(tt.want) {
			t.Errorf("Snap(%+v, %v) = %v, want %v", *tt.e, tt.v, got, tt.want)
		}
	}
	nudges := []struct {
		e              *pack.EstimateSpec
		v, share, want float64
	}{
		{step, 1900, 0.01, 1905}, // 1% of the range is 1.25: at least one step
		{step, 1900, -0.01, 1900},
		{step, 2025, 0.1, 2025},
		{lin, 50, 0.1, 60},
		{lin, 50, -0.01, 49},
		{lg, 1e13, 0.5, 1e16},
	}
	for _, tt := range nudges {
		if got := Nudge(tt.e, tt.v, tt.share); math.Abs(got-tt.want) > 1e-9*math.Abs(tt.want) {
			t.Errorf("Nudge(%+v, %v, %v) = %v, want %v", *tt.e, tt.v, tt.share, got, tt.want)
		}
	}
	// Every small nudge on every scale moves the value (no lost key press).
	for _, e := range []*pack.EstimateSpec{lin, step, lg} {
		v := Snap(e, e.Min)
		for range 20 {
			nv := Nudge(e, v, 0.001)
			if nv <= v {
				t.Fatalf("%+v: a nudge up from %v gave %v", *e, v, nv)
			}
			v = nv
		}
	}
}
