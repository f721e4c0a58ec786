package quiz

import (
	"math"
	"strings"

	"gutskin/game/pack"
)

// Answer is what a player gave for one question. Only the field of the
// question's type is read. Indexes always refer to the pack's order (choices
// as written, steps in their correct order, pairs as written), never to the
// shuffled order a card shows.
type Answer struct {
	// Choices are the picked choices of a single, multi or truefalse question.
	Choices []int
	// Order is the player's sequence of step indexes, first to last.
	Order []int
	// Match[i] is the pair whose right side the player joined to left side i,
	// or -1 when left side i was left unmatched.
	Match []int
	// Value is an estimate.
	Value float64
	// HasValue is set when an estimate was given.
	HasValue bool
	// Confidence is how sure the player said they were (confidence mode).
	Confidence Confidence
}

// Credit scores an answer from 0 (wrong or missing) to 1 (fully right),
// following the rules of each type (see questions/README.md).
func Credit(q *pack.Question, a Answer) float64 {
	switch q.Type {
	case pack.Single, pack.TrueFalse:
		if len(a.Choices) == 1 && a.Choices[0] >= 0 && a.Choices[0] < len(q.Choices) && q.Choices[a.Choices[0]].Correct {
			return 1
		}
		return 0
	case pack.Multi:
		return multiCredit(q, a.Choices)
	case pack.Order:
		return orderCredit(len(q.Steps), a.Order)
	case pack.Match:
		return matchCredit(len(q.Pairs), a.Match)
	case pack.Estimate:
		if !a.HasValue || q.Estimate == nil {
			return 0
		}
		return EstimateCredit(q.Estimate, a.Value)
	}
	return 0
}

// multiCredit is (right picks - wrong picks) / correct choices, at least 0.
func multiCredit(q *pack.Question, picks []int) float64 {
	correct := len(q.Correct())
	if correct == 0 {
		return 0
	}
	seen := map[int]bool{}
	right, wrong := 0, 0
	for _, i := range picks {
		if i < 0 || i >= len(q.Choices) || seen[i] {
			continue
		}
		seen[i] = true
		if q.Choices[i].Correct {
			right++
		} else {
			wrong++
		}
	}
	return math.Max(0, float64(right-wrong)/float64(correct))
}

// orderCredit is the share of the n-1 correct neighbouring pairs (k, k+1)
// that the answer keeps: step k directly followed by step k+1.
func orderCredit(n int, order []int) float64 {
	if n < 2 || len(order) != n {
		return 0
	}
	kept := 0
	for i := 0; i+1 < len(order); i++ {
		if order[i] >= 0 && order[i]+1 == order[i+1] {
			kept++
		}
	}
	return float64(kept) / float64(n-1)
}

// matchCredit is the share of left sides joined to their own right side.
func matchCredit(n int, match []int) float64 {
	if n == 0 || len(match) != n {
		return 0
	}
	right := 0
	for i, m := range match {
		if m == i {
			right++
		}
	}
	return float64(right) / float64(n)
}

// EstimateCredit scores a guess: full credit inside the tolerance, then
// falling in a straight line to 0 at a quarter of the slider's range past
// the tolerance. On a log scale distances are measured in log10 units and the
// tolerance is a factor.
func EstimateCredit(e *pack.EstimateSpec, guess float64) float64 {
	if math.IsNaN(guess) || math.IsInf(guess, 0) {
		return 0
	}
	f := func(x float64) float64 { return x }
	tol := e.Tolerance
	if e.Scale == pack.Log {
		if guess <= 0 {
			return 0
		}
		f = math.Log10
		tol = math.Log10(math.Max(e.Tolerance, 1))
	}
	d := math.Abs(f(guess) - f(e.Answer))
	// A tiny epsilon keeps guesses exactly at the tolerance's edge inside it
	// despite floating-point rounding.
	if d <= tol*(1+1e-9)+1e-12 {
		return 1
	}
	fall := (f(e.Max) - f(e.Min)) / 4
	if fall <= 0 {
		return 0
	}
	return math.Max(0, 1-(d-tol)/fall)
}

// Mode is how a round turns credit into points.
type Mode string

// The scoring modes (formulas in questions/README.md).
const (
	// Accuracy counts correctness only: 100 points per fully right answer.
	Accuracy Mode = "accuracy"
	// Standard adds difficulty, a capped streak bonus and a speed bonus.
	Standard Mode = "standard"
	// Confident asks how sure the player is and uses certainty-based marking.
	Confident Mode = "confidence"
)

// Modes lists the scoring modes, the default first.
var Modes = []Mode{Accuracy, Standard, Confident}

// Confidence is how sure a player says they are, before the reveal.
type Confidence int

// The confidence levels.
const (
	NoConfidence Confidence = iota
	Unsure
	FairlySure
	Sure
)

// Label is the level as the card shows it.
func (c Confidence) Label() string {
	switch c {
	case Unsure:
		return "Unsure"
	case FairlySure:
		return "Fairly sure"
	case Sure:
		return "Sure"
	}
	return "No confidence given"
}

// confidenceMarks are the certainty-based marks (right, wrong) per level.
var confidenceMarks = map[Confidence][2]float64{
	Unsure:     {100, 0},
	FairlySure: {200, 200},
	Sure:       {300, 600},
}

// ConfidenceMarks returns the points won when right and lost when wrong at a
// confidence level.
func ConfidenceMarks(c Confidence) (right, wrong int) {
	m := confidenceMarks[c]
	return int(m[0]), int(m[1])
}

// Points are the points of one answer and where they came from. Total is
// their sum; Correctness depends only on the answer, never on speed or streak.
type Points struct {
	Base        int // the question's full value before bonuses
	Correctness int // from credit alone (negative in confidence mode when sure and wrong)
	Streak      int
	Speed       int
	Total       int
}

// StreakStep and StreakCap are the standard mode's streak bonus: StreakStep of
// base per fully right answer in a row before this one, at most StreakCap.
const (
	StreakStep = 0.10
	StreakCap  = 0.50
	// SpeedShare is the largest speed bonus, as a share of base.
	SpeedShare = 0.50
)

// Score computes the points of an answer with the given credit.
// streakBefore is the number of fully right answers in a row before this one;
// elapsed and limit give the speed bonus (limit 0: untimed).
func Score(mode Mode, q *pack.Question, credit float64, c Confidence, streakBefore int, elapsed, limit float64) Points {
	var p Points
	switch mode {
	case Standard:
		p.Base = 100 * max(q.Difficulty, 1)
		p.Correctness = round(float64(p.Base) * credit)
		if credit == 1 && streakBefore > 0 {
			p.Streak = round(float64(p.Base) * math.Min(StreakStep*float64(streakBefore), StreakCap))
		}
		if limit > 0 && credit > 0 {
			frac := math.Max(0, math.Min(1, 1-elapsed/limit))
			p.Speed = round(SpeedShare * float64(p.Base) * credit * frac)
		}
	case Confident:
		m, ok := confidenceMarks[c]
		if !ok {
			m = confidenceMarks[Unsure]
		}
		p.Base = int(m[0])
		p.Correctness = round(credit*m[0] - (1-credit)*m[1])
	default:
		p.Base = 100
		p.Correctness = round(100 * credit)
	}
	p.Total = p.Correctness + p.Streak + p.Speed
	return p
}

func round(f float64) int { return int(math.Round(f)) }

// Describe states an answer in words, for reports and exports.
func Describe(q *pack.Question, a Answer) string {
	switch q.Type {
	case pack.Single, pack.TrueFalse, pack.Multi:
		var parts []string
		for _, c := range a.Choices {
			if c >= 0 && c < len(q.Choices) {
				parts = append(parts, q.Choices[c].Text)
			}
		}
		return strings.Join(parts, "; ")
	case pack.Order:
		var parts []string
		for _, s := range a.Order {
			if s >= 0 && s < len(q.Steps) {
				parts = append(parts, q.Steps[s])
			}
		}
		return strings.Join(parts, " → ")
	case pack.Match:
		var parts []string
		rights := q.Rights()
		for i, m := range a.Match {
			if i < len(q.Pairs) && m >= 0 && m < len(rights) {
				parts = append(parts, q.Pairs[i].Left+" → "+rights[m])
			}
		}
		return strings.Join(parts, "; ")
	case pack.Estimate:
		if a.HasValue {
			unit := ""
			if q.Estimate != nil {
				unit = q.Estimate.Unit
			}
			return FormatValue(a.Value, unit)
		}
	}
	return ""
}

// RightAnswer is the fully right answer to a question: for demonstrations,
// previews and tests.
func RightAnswer(q *pack.Question) Answer {
	switch q.Type {
	case pack.Order:
		o := make([]int, len(q.Steps))
		for i := range o {
			o[i] = i
		}
		return Answer{Order: o}
	case pack.Match:
		m := make([]int, len(q.Pairs))
		for i := range m {
			m[i] = i
		}
		return Answer{Match: m}
	case pack.Estimate:
		if q.Estimate != nil {
			return Answer{Value: q.Estimate.Answer, HasValue: true}
		}
	}
	return Answer{Choices: q.Correct()}
}
