// Package review schedules spaced review of the questions a player has met,
// with the FSRS-5 memory model (Free Spaced Repetition Scheduler, version 5,
// the model Anki ships as its scheduler), and turns what the game knows about
// an answer into an FSRS rating. It never reads the clock: every call takes
// the time.
//
// The model keeps three numbers per question: stability S (days until the
// probability of recall falls to 90%), difficulty D (1 to 10) and, derived
// from S and the time since the last review, retrievability R (the
// probability of recall now). The formulas implemented here, each named where
// it is used, and the 19 default weights w0..w18 of FSRS-5 are those
// published by the open-spaced-repetition project on the "The Algorithm" page
// of the fsrs4anki wiki (section FSRS-5;
// https://github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm),
// which are the defaults of its reference implementations for that version.
// The model descends from the DHP model of J. Ye, J. Su and Y. Cao, "A
// Stochastic Shortest Path Algorithm for Optimizing Spaced Repetition
// Scheduling", KDD 2022 (doi:10.1145/3534678.3539081), and J. Su, J. Ye,
// L. Nie, Y. Cao and Y. Chen, "Optimizing Spaced Repetition Schedule by
// Capturing the Dynamics of Memory", IEEE TKDE 35(10), 2023
// (doi:10.1109/TKDE.2023.3251721).
//
// Choices of this game, not of the model: elapsed time is measured in
// fractional days (so the map's recall fades smoothly through a day); a
// review on the same calendar day as the last one uses FSRS-5's same-day
// formula; intervals are whole days, at least one; a question is due from
// the start of its due day; after a lapse stability never grows (the clamp
// S'f <= S of the reference implementations when same-day steps are off).
package review

import (
	"fmt"
	"math"
	"time"
)

// Rating is an FSRS grade: how well a question was recalled.
type Rating int

// The four FSRS ratings.
const (
	Again Rating = 1 // forgotten: wrong, or not answered
	Hard  Rating = 2 // recalled with difficulty
	Good  Rating = 3 // recalled
	Easy  Rating = 4 // recalled at once
)

// String names the rating as Anki's buttons do.
func (r Rating) String() string {
	switch r {
	case Again:
		return "Again"
	case Hard:
		return "Hard"
	case Good:
		return "Good"
	case Easy:
		return "Easy"
	}
	return fmt.Sprintf("Rating(%d)", int(r))
}

// Valid reports whether r is one of the four ratings.
func (r Rating) Valid() bool { return r >= Again && r <= Easy }

// DefaultWeights are FSRS-5's published default weights w0..w18 (see the
// package doc): w0-w3 the first stability per rating, w4-w5 the first
// difficulty, w6-w7 the difficulty update and its mean reversion, w8-w10
// stability after recall, w11-w14 stability after a lapse, w15 the Hard
// penalty, w16 the Easy bonus, w17-w18 the same-day review.
var DefaultWeights = [19]float64{
	0.40255, 1.18385, 3.173, 15.69105,
	7.1949, 0.5345,
	1.4604, 0.0046,
	1.54575, 0.1192, 1.01925,
	1.9395, 0.11, 0.29605, 2.2698,
	0.2315, 2.9898,
	0.51655, 0.6621,
}

// Decay and Factor shape FSRS-5's forgetting curve
// R(t, S) = (1 + Factor·t/S)^Decay; Factor = 0.9^(1/Decay) - 1 = 19/81, so
// that R(S, S) = 0.9.
const (
	Decay  = -0.5
	Factor = 19.0 / 81.0
)

// Retention bounds and default: the probability of recall at which a
// question falls due.
const (
	DefaultRetention = 0.90
	MinRetention     = 0.80
	MaxRetention     = 0.95
)

// MaxInterval is the longest interval, in days (a hundred years, as in the
// reference implementations).
const MaxInterval = 36500

// Params are the scheduler's settings.
type Params struct {
	W [19]float64
	// Retention is the target probability of recall when a question falls
	// due, MinRetention to MaxRetention.
	Retention float64
}

// Default returns FSRS-5's default weights with a 90% target retention.
func Default() Params { return Params{W: DefaultWeights, Retention: DefaultRetention} }

// WithRetention returns p with the target retention r, clamped to
// MinRetention..MaxRetention (0 or NaN gives the default).
func (p Params) WithRetention(r float64) Params {
	switch {
	case r == 0 || math.IsNaN(r):
		r = DefaultRetention
	case r < MinRetention:
		r = MinRetention
	case r > MaxRetention:
		r = MaxRetention
	}
	p.Retention = r
	return p
}

// Memory is what the scheduler knows about one question.
type Memory struct {
	Stability  float64   `json:"stability"`  // days until recall falls to 90%
	Difficulty float64   `json:"difficulty"` // 1 (easy) to 10 (hard)
	Last       time.Time `json:"last"`       // the last review
	Due        time.Time `json:"due"`        // the next review
	Reps       int       `json:"reps"`       // reviews so far
	Lapses     int       `json:"lapses"`     // reviews rated Again after the first
}

// New reports whether the question was never reviewed.
func (m Memory) New() bool { return m.Reps == 0 }

// Forgetting curve: R(t, S) = (1 + Factor·t/S)^Decay, t in days.
func retrievability(t, s float64) float64 {
	if s <= 0 {
		return 0
	}
	return math.Pow(1+Factor*math.Max(t, 0)/s, Decay)
}

// Retrievability is the probability of recalling the question at now: 0
// for a question never reviewed.
func Retrievability(m Memory, now time.Time) float64 {
	if m.New() {
		return 0
	}
	return retrievability(days(now.Sub(m.Last)), m.Stability)
}

func days(d time.Duration) float64 { return d.Hours() / 24 }

// IntervalDays is the time, in days, for recall to fall from 100% to the
// target r at stability s: I(r, S) = S/Factor·(r^(1/Decay) - 1), which is S
// itself at r = 0.9. It is not rounded.
func IntervalDays(s, r float64) float64 {
	return s / Factor * (math.Pow(r, 1/Decay) - 1)
}

// Interval is the whole number of days until the next review: IntervalDays
// rounded, at least 1, at most MaxInterval.
func (p Params) Interval(s float64) int {
	i := math.Round(IntervalDays(s, p.WithRetention(p.Retention).Retention))
	if math.IsNaN(i) || i < 1 {
		return 1
	}
	return int(math.Min(i, MaxInterval))
}

// Initial stability: S0(G) = w[G-1].
func (p Params) initStability(g Rating) float64 { return math.Max(p.W[g-1], 0.01) }

// Initial difficulty: D0(G) = w4 - e^(w5·(G-1)) + 1 (clamped to 1..10 where
// it is used as a state).
func (p Params) initDifficulty(g Rating) float64 {
	return p.W[4] - math.Exp(p.W[5]*float64(g-1)) + 1
}

func clampD(d float64) float64 { return math.Max(1, math.Min(10, d)) }

// Difficulty after a review (FSRS-5): ΔD = -w6·(G-3); the step is damped
// linearly near the top, D1 = D + ΔD·(10-D)/9; then D2 reverts towards the
// first difficulty of an Easy answer, D2 = w7·D0(4) + (1-w7)·D1.
func (p Params) nextDifficulty(d float64, g Rating) float64 {
	delta := -p.W[6] * float64(g-3)
	d1 := d + delta*(10-d)/9
	return clampD(p.W[7]*p.initDifficulty(Easy) + (1-p.W[7])*d1)
}

// Stability after a recall (G = 2, 3, 4):
// S'r = S·(e^w8·(11-D)·S^-w9·(e^(w10·(1-R)) - 1)·[w15 if Hard]·[w16 if Easy] + 1).
func (p Params) recallStability(d, s, r float64, g Rating) float64 {
	k := 1.0
	switch g {
	case Hard:
		k = p.W[15]
	case Easy:
		k = p.W[16]
	}
	return s * (math.Exp(p.W[8])*(11-d)*math.Pow(s, -p.W[9])*(math.Exp(p.W[10]*(1-r))-1)*k + 1)
}

// Stability after a lapse (G = 1):
// S'f = w11·D^-w12·((S+1)^w13 - 1)·e^(w14·(1-R)), never above S.
func (p Params) forgetStability(d, s, r float64) float64 {
	f := p.W[11] * math.Pow(d, -p.W[12]) * (math.Pow(s+1, p.W[13]) - 1) * math.Exp(p.W[14]*(1-r))
	return math.Min(f, s)
}

// Stability after a second review on the same day (FSRS-5):
// S' = S·e^(w17·(G-3+w18)).
func (p Params) sameDayStability(s float64, g Rating) float64 {
	return s * math.Exp(p.W[17]*(float64(g)-3+p.W[18]))
}

// SameDay reports whether a and b fall on the same calendar day in b's
// time zone.
func SameDay(a, b time.Time) bool {
	a = a.In(b.Location())
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// dayStart is midnight at the start of t's day, in t's time zone.
func dayStart(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// Next is the memory after a review rated g at now. A question never
// reviewed starts from the first stability and difficulty of g. An invalid
// rating counts as Again.
func (p Params) Next(m Memory, g Rating, now time.Time) Memory {
	if !g.Valid() {
		g = Again
	}
	var out Memory
	switch {
	case m.New() || m.Stability <= 0:
		out.Stability = p.initStability(g)
		out.Difficulty = clampD(p.initDifficulty(g))
	case SameDay(m.Last, now) && !now.Before(m.Last):
		out.Stability = p.sameDayStability(m.Stability, g)
		out.Difficulty = p.nextDifficulty(m.Difficulty, g)
	default:
		r := Retrievability(m, now)
		if g == Again {
			out.Stability = p.forgetStability(m.Difficulty, m.Stability, r)
		} else {
			out.Stability = p.recallStability(m.Difficulty, m.Stability, r, g)
		}
		out.Difficulty = p.nextDifficulty(m.Difficulty, g)
	}
	out.Stability = math.Max(0.01, math.Min(out.Stability, MaxInterval))
	out.Reps = m.Reps + 1
	out.Lapses = m.Lapses
	if g == Again && !m.New() {
		out.Lapses++
	}
	out.Last = now
	out.Due = now.AddDate(0, 0, p.Interval(out.Stability))
	return out
}

// IsDue reports whether a reviewed question is due at now: from the start
// of its due day on. A question never reviewed is not due (it is new).
func IsDue(m Memory, now time.Time) bool {
	return !m.New() && !dayStart(m.Due.In(now.Location())).After(now)
}

// DaysUntil is the number of calendar days from now's day to the day of t
// (0 today, 1 tomorrow, negative in the past), in now's time zone.
func DaysUntil(t, now time.Time) int {
	a, b := dayStart(now), dayStart(t.In(now.Location()))
	// Round: a day is 23 or 25 hours long where clocks change.
	return int(math.Round(b.Sub(a).Hours() / 24))
}
