package review

import (
	"math"
	"testing"
	"time"
)

// The expected figures below were computed apart from this package, by a
// dozen lines of Python written straight from the FSRS-5 formulas of the
// wiki page cited in the package doc (floating point, printed with repr):
//
//	w = DefaultWeights; F = 19/81; DECAY = -0.5
//	R(t,s)     = (1 + F*t/s)**DECAY
//	D0(g)      = clamp(w4 - exp(w5*(g-1)) + 1, 1, 10)
//	Dn(d,g)    = clamp(w7*(w4 - exp(3*w5) + 1) + (1-w7)*(d - w6*(g-3)*(10-d)/9), 1, 10)
//	Sr(d,s,r,g)= s*(exp(w8)*(11-d)*s**-w9*(exp(w10*(1-r))-1)*{2:w15,3:1,4:w16}[g] + 1)
//	Sf(d,s,r)  = min(s, w11*d**-w12*((s+1)**w13 - 1)*exp(w14*(1-r)))
//	Ss(s,g)    = s*exp(w17*(g-3+w18))
//	I(s,r)     = s/F*(r**(1/DECAY) - 1)
//
// The first two steps by hand, as a check on the script:
//
//	D0(Good) = 7.1949 - e^(0.5345·2) + 1 = 7.1949 - 2.9124655776809942 + 1 = 5.282434422319005
//	after 3 days: R = (1 + 19/81·3/3.173)^-0.5 = 1.2217786648924374^-0.5 = 0.9046982108893272
//	S' = 3.173·(e^1.54575·(11-5.282434422319005)·3.173^-0.1192·(e^(1.01925·(1-R))-1) + 1)
//	   = 3.173·(4.691488924563984·5.717565577680995·0.8714144704114333·0.10201062092918534 + 1)
//	   = 10.73892584613159
//	D'' = 0.0046·D0(Easy) + 0.9954·5.282434422319005, D0(Easy) = 3.2245015893713678,
//	    = 5.272967931287446 (a Good answer leaves D' = D before mean reversion)

var day0 = time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)

func at(days float64) time.Time { return day0.Add(time.Duration(days * 24 * float64(time.Hour))) }

func approx(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-12*math.Max(1, math.Abs(want)) {
		t.Errorf("%s = %.17g, want %.17g", what, got, want)
	}
}

type step struct {
	when       time.Time
	g          Rating
	r          float64 // retrievability just before the review (0 for the first)
	s, d       float64 // after the review
	interval90 int
}

func TestSequences(t *testing.T) {
	tests := []struct {
		name  string
		steps []step
	}{
		{"good good again hard easy", []step{
			{at(0), Good, 0, 3.173, 5.282434422319005, 3},
			{at(3), Good, 0.9046982108893272, 10.73892584613159, 5.272967931287446, 11},
			{at(23), Again, 0.834244714590991, 2.5257049317225437, 6.790567694566929, 3},
			{at(24), Hard, 0.9565667935234171, 2.9937146335749008, 7.292552066720332, 3},
			{at(29), Easy, 0.8476502324040806, 25.942089852366596, 6.83653139455369, 26},
		}},
		{"again, good the same day, easy", []step{
			{at(-3.0 / 24), Again, 0, 0.40255, 7.1949, 1},
			{at(-1.0 / 24), Good, 0, 0.5666983024925972, 7.176636167311107, 1}, // same day: Ss, R unused
			{at(2 - 1.0/24), Easy, 0.7396578193927267, 10.449278179951587, 6.702425944389355, 10},
		}},
	}
	p := Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m Memory
			for i, st := range tt.steps {
				if i > 0 && st.r != 0 {
					approx(t, "R before review", Retrievability(m, st.when), st.r)
				}
				m = p.Next(m, st.g, st.when)
				approx(t, "S", m.Stability, st.s)
				approx(t, "D", m.Difficulty, st.d)
				if got := p.Interval(m.Stability); got != st.interval90 {
					t.Errorf("step %d: interval %d, want %d", i, got, st.interval90)
				}
				if !m.Due.Equal(st.when.AddDate(0, 0, st.interval90)) || !m.Last.Equal(st.when) || m.Reps != i+1 {
					t.Errorf("step %d: due %v last %v reps %d", i, m.Due, m.Last, m.Reps)
				}
			}
		})
	}
}

func TestRetrievabilityAndIntervals(t *testing.T) {
	// The memory after the first sequence above (S = 25.942089852366596).
	m := Memory{Stability: 25.942089852366596, Difficulty: 6.83653139455369, Last: at(29), Reps: 5}
	approx(t, "R 10 days on", Retrievability(m, at(39)), 0.9576418836315468)
	approx(t, "R at S days", Retrievability(m, m.Last.Add(time.Duration(m.Stability*24*float64(time.Hour)))), 0.9)
	approx(t, "R at once", Retrievability(m, m.Last), 1)
	if Retrievability(Memory{}, at(0)) != 0 {
		t.Error("a new question should have R 0")
	}
	tests := []struct {
		s, r, days float64
		whole      int
	}{
		{25.942089852366596, 0.80, 62.209814152550145, 62},
		{25.942089852366596, 0.90, 25.942089852366593, 26},
		{25.942089852366596, 0.95, 11.947960612862829, 12},
		{10.449278179951587, 0.80, 25.05764405652863, 25},
		{10.449278179951587, 0.90, 10.449278179951584, 10},
		{10.449278179951587, 0.95, 4.812548442989807, 5},
		{0.40255, 0.90, 0.40255, 1}, // at least one day
		{1e9, 0.90, 1e9, MaxInterval},
	}
	for _, tt := range tests {
		approx(t, "interval days", IntervalDays(tt.s, tt.r), tt.days)
		if got := Default().WithRetention(tt.r).Interval(tt.s); got != tt.whole {
			t.Errorf("Interval(S=%g, r=%g) = %d, want %d", tt.s, tt.r, got, tt.whole)
		}
	}
}

func TestInitialDifficulty(t *testing.T) {
	want := map[Rating]float64{Again: 7.1949, Hard: 6.488305268471453, Good: 5.282434422319005, Easy: 3.2245015893713678}
	for g, d := range want {
		m := Default().Next(Memory{}, g, at(0))
		approx(t, g.String()+" D0", m.Difficulty, d)
		approx(t, g.String()+" S0", m.Stability, DefaultWeights[g-1])
		if m.Lapses != 0 {
			t.Errorf("%v: a first Again is not a lapse", g)
		}
	}
}

func TestWithRetention(t *testing.T) {
	tests := []struct{ in, want float64 }{{0, 0.9}, {math.NaN(), 0.9}, {0.5, 0.8}, {0.85, 0.85}, {0.99, 0.95}}
	for _, tt := range tests {
		if got := Default().WithRetention(tt.in).Retention; got != tt.want {
			t.Errorf("WithRetention(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestLapsesAndBadRatings(t *testing.T) {
	p := Default()
	m := p.Next(Memory{}, Good, at(0))
	m = p.Next(m, Again, at(3))
	if m.Lapses != 1 {
		t.Errorf("lapses %d, want 1", m.Lapses)
	}
	before := m.Stability
	m2 := p.Next(m, Rating(9), at(30))
	m3 := p.Next(m, Again, at(30))
	if m2 != m3 {
		t.Errorf("an invalid rating should count as Again: %+v vs %+v", m2, m3)
	}
	if m3.Stability > before {
		t.Errorf("a lapse raised stability from %v to %v", before, m3.Stability)
	}
	// A review dated before the last one (a clock set back) must not panic
	// or give NaN.
	m4 := p.Next(m, Good, at(-5))
	if math.IsNaN(m4.Stability) || math.IsNaN(m4.Difficulty) || m4.Stability <= 0 {
		t.Errorf("review in the past gave %+v", m4)
	}
}

func TestDue(t *testing.T) {
	loc := time.FixedZone("X", 2*3600)
	m := Memory{Reps: 1, Stability: 3, Due: time.Date(2026, 3, 5, 21, 0, 0, 0, loc)}
	tests := []struct {
		now   time.Time
		due   bool
		until int
	}{
		{time.Date(2026, 3, 4, 23, 59, 0, 0, loc), false, 1},
		{time.Date(2026, 3, 5, 0, 0, 0, 0, loc), true, 0},
		{time.Date(2026, 3, 5, 8, 0, 0, 0, loc), true, 0},
		{time.Date(2026, 3, 9, 8, 0, 0, 0, loc), true, -4},
		{time.Date(2026, 3, 1, 8, 0, 0, 0, loc), false, 4},
	}
	for _, tt := range tests {
		if got := IsDue(m, tt.now); got != tt.due {
			t.Errorf("IsDue at %v = %v", tt.now, got)
		}
		if got := DaysUntil(m.Due, tt.now); got != tt.until {
			t.Errorf("DaysUntil at %v = %d, want %d", tt.now, got, tt.until)
		}
	}
	if IsDue(Memory{}, at(0)) {
		t.Error("a new question is not due")
	}
}
