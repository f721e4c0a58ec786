// Package quiz holds rounds and scoring: building a round from packs with a
// seed, scoring each answer by its type's rules and the round's mode, and
// summarising a round. It has no global state and never reads the clock:
// every call that needs the time takes it as an argument.
package quiz

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"gutskin/game/pack"
)

// Config chooses the questions of a round and how they are scored.
type Config struct {
	// Packs to draw questions from.
	Packs []*pack.Pack
	// Only, when not empty, restricts the round to these "pack/question"
	// keys (a review of missed questions, say).
	Only []string
	// Difficulty keeps only questions of that level (1-3); 0 keeps all.
	Difficulty int
	// Types, when not empty, keeps only questions of these types.
	Types []pack.Type
	// Length is the number of questions; 0 or more than available takes all.
	Length int
	// Seed fixes the questions, their order and the order of their choices.
	Seed uint64
	// Mode is the scoring mode; "" means Accuracy.
	Mode Mode
	// TimeLimit is the time per question, 0 for untimed rounds. A question's
	// own time_limit replaces it in timed rounds.
	TimeLimit time.Duration
}

// Item is one question of a round with the order its card shows things in.
type Item struct {
	Pack     *pack.Pack
	Question *pack.Question
	// ChoiceOrder[k] is the choice shown at position k.
	ChoiceOrder []int
	// StepOrder[k] is the step shown at position k before the player moves
	// any (never the correct order).
	StepOrder []int
	// RightOrder[k] is the pair whose right side is shown at position k.
	RightOrder []int
	// TimeLimit is this question's time, 0 when untimed.
	TimeLimit time.Duration
}

// Key is the question's global id, "pack/question".
func (it *Item) Key() string { return it.Pack.ID + "/" + it.Question.ID }

// Record is the outcome of one answered question.
type Record struct {
	Item    *Item
	Answer  Answer
	Credit  float64 // 0-1
	Correct bool    // full credit
	Points  Points
	Elapsed time.Duration
	// TimedOut is set when the time ran out before an answer.
	TimedOut bool
	// Skipped is set when the question was passed over without an answer.
	Skipped bool
}

// Round is a round in play. It is not safe for concurrent use.
type Round struct {
	cfg        Config
	items      []*Item
	records    []Record
	shownAt    time.Time
	heldAt     time.Time // the answer is in, waiting for its confidence
	started    time.Time
	ended      time.Time
	score      int
	streak     int
	bestStreak int
}

// ErrNoQuestions is returned when the packs and filters leave no question.
var ErrNoQuestions = errors.New("no questions match the chosen packs and difficulty")

// New builds a round. The same Config (seed included) always gives the same
// questions in the same order with the same choice order.
func New(cfg Config) (*Round, error) {
	if cfg.Mode == "" {
		cfg.Mode = Accuracy
	}
	valid := false
	for _, m := range Modes {
		valid = valid || cfg.Mode == m
	}
	if !valid {
		return nil, fmt.Errorf("unknown scoring mode %q", cfg.Mode)
	}
	only := map[string]bool{}
	for _, k := range cfg.Only {
		only[k] = true
	}
	var pool []*Item
	for _, p := range cfg.Packs {
		for i := range p.Questions {
			q := &p.Questions[i]
			if cfg.Difficulty != 0 && q.Difficulty != cfg.Difficulty {
				continue
			}
			if len(cfg.Types) > 0 && !slices.Contains(cfg.Types, q.Type) {
				continue
			}
			if len(only) > 0 && !only[q.Key(p)] {
				continue
			}
			pool = append(pool, &Item{Pack: p, Question: q})
		}
	}
	if len(pool) == 0 {
		return nil, ErrNoQuestions
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x9e3779b97f4a7c15))
	rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	if cfg.Length > 0 && cfg.Length < len(pool) {
		pool = pool[:cfg.Length]
	}
	for _, it := range pool {
		arrange(it, rng, cfg.TimeLimit)
	}
	return &Round{cfg: cfg, items: pool}, nil
}

// arrange shuffles what a card shows. True/false keeps True before False.
func arrange(it *Item, rng *rand.Rand, limit time.Duration) {
	q := it.Question
	switch q.Type {
	case pack.Single, pack.Multi:
		it.ChoiceOrder = rng.Perm(len(q.Choices))
	case pack.TrueFalse:
		it.ChoiceOrder = []int{0, 1}
	case pack.Order:
		it.StepOrder = derange(rng, len(q.Steps))
	case pack.Match:
		it.RightOrder = derange(rng, len(q.Pairs)+len(q.Distractors))
	}
	if limit > 0 {
		it.TimeLimit = limit
		if q.TimeLimit > 0 {
			it.TimeLimit = time.Duration(q.TimeLimit) * time.Second
		}
	}
}

// derange returns a permutation of n that is not the identity (for n > 1),
// so an order or match card never starts already solved.
func derange(rng *rand.Rand, n int) []int {
	p := rng.Perm(n)
	if n < 2 {
		return p
	}
	for identity(p) {
		p = rng.Perm(n)
	}
	return p
}

func identity(p []int) bool {
	for i, v := range p {
		if i != v {
			return false
		}
	}
	return true
}

// Config returns the configuration the round was built with.
func (r *Round) Config() Config { return r.cfg }

// Len is the number of questions in the round.
func (r *Round) Len() int { return len(r.items) }

// Index is the position of the current question (Len when done).
func (r *Round) Index() int { return len(r.records) }

// Items returns the round's questions in order.
func (r *Round) Items() []*Item { return r.items }

// Done reports whether every question has been answered.
func (r *Round) Done() bool { return len(r.records) >= len(r.items) }

// Current returns the question to answer, or nil when the round is done.
func (r *Round) Current() *Item {
	if r.Done() {
		return nil
	}
	return r.items[len(r.records)]
}

// Show marks the moment the current question was shown; the speed bonus and
// the timer count from it. The first Show also starts the round's clock.
func (r *Round) Show(now time.Time) {
	if r.started.IsZero() {
		r.started = now
	}
	r.shownAt = now
	r.heldAt = time.Time{}
}

// Hold stops the current question's clock at now: the answer is in and
// only its confidence is still to come, so the time it takes to say how
// sure one is neither runs the timer out nor counts against speed.
func (r *Round) Hold(now time.Time) {
	if r.heldAt.IsZero() {
		r.heldAt = now
	}
}

// Unhold starts the clock again where Hold stopped it (the player went back
// to change the answer).
func (r *Round) Unhold(now time.Time) {
	if !r.heldAt.IsZero() {
		r.shownAt = r.shownAt.Add(now.Sub(r.heldAt))
		r.heldAt = time.Time{}
	}
}

// clock is the time the current question's clock shows at now.
func (r *Round) clock(now time.Time) time.Time {
	if !r.heldAt.IsZero() {
		return r.heldAt
	}
	return now
}

// Remaining is the time left on the current question (0 when untimed).
func (r *Round) Remaining(now time.Time) time.Duration {
	it := r.Current()
	if it == nil || it.TimeLimit == 0 {
		return 0
	}
	return max(0, it.TimeLimit-r.clock(now).Sub(r.shownAt))
}

// Score is the round's total so far.
func (r *Round) Score() int { return r.score }

// Streak is the number of fully right answers in a row so far.
func (r *Round) Streak() int { return r.streak }

// BestStreak is the longest streak of the round so far.
func (r *Round) BestStreak() int { return r.bestStreak }

// Records returns the answers given so far.
func (r *Round) Records() []Record { return r.records }

// ErrDone is returned when answering a round that has ended.
var ErrDone = errors.New("the round is over")

// Answer scores an answer to the current question and moves on.
func (r *Round) Answer(a Answer, now time.Time) (Record, error) {
	it := r.Current()
	if it == nil {
		return Record{}, ErrDone
	}
	if err := check(it.Question, a); err != nil {
		return Record{}, err
	}
	if r.cfg.Mode == Confident && a.Confidence == NoConfidence {
		return Record{}, errors.New("confidence mode needs a confidence level")
	}
	return r.record(it, a, now, false, false), nil
}

// TimeOut records that the time ran out on the current question: no credit,
// and no loss in confidence mode (nothing was claimed).
func (r *Round) TimeOut(now time.Time) (Record, error) {
	it := r.Current()
	if it == nil {
		return Record{}, ErrDone
	}
	return r.record(it, Answer{}, now, true, false), nil
}

// Skip passes over the current question without an answer: no credit.
func (r *Round) Skip(now time.Time) (Record, error) {
	it := r.Current()
	if it == nil {
		return Record{}, ErrDone
	}
	return r.record(it, Answer{}, now, false, true), nil
}

func (r *Round) record(it *Item, a Answer, now time.Time, timedOut, skipped bool) Record {
	elapsed := r.clock(now).Sub(r.shownAt)
	r.heldAt = time.Time{}
	if r.shownAt.IsZero() || elapsed < 0 {
		elapsed = 0
	}
	credit := 0.0
	if !timedOut && !skipped {
		credit = Credit(it.Question, a)
	}
	conf := a.Confidence
	if timedOut || skipped {
		conf = NoConfidence
	}
	pts := Score(r.cfg.Mode, it.Question, credit, conf, r.streak, elapsed.Seconds(), it.TimeLimit.Seconds())
	rec := Record{Item: it, Answer: a, Credit: credit, Correct: credit == 1, Points: pts, Elapsed: elapsed, TimedOut: timedOut, Skipped: skipped}
	r.records = append(r.records, rec)
	r.score += pts.Total
	if rec.Correct {
		r.streak++
		r.bestStreak = max(r.bestStreak, r.streak)
	} else {
		r.streak = 0
	}
	if r.Done() {
		r.ended = now
	}
	return rec
}

// check refuses answers that do not fit the question's shape.
func check(q *pack.Question, a Answer) error {
	switch q.Type {
	case pack.Single, pack.TrueFalse:
		if len(a.Choices) != 1 {
			return fmt.Errorf("pick exactly one choice, not %d", len(a.Choices))
		}
		fallthrough
	case pack.Multi:
		seen := map[int]bool{}
		for _, c := range a.Choices {
			if c < 0 || c >= len(q.Choices) {
				return fmt.Errorf("choice %d out of range", c)
			}
			if seen[c] {
				return fmt.Errorf("choice %d picked twice", c)
			}
			seen[c] = true
		}
	case pack.Order:
		if len(a.Order) != len(q.Steps) {
			return fmt.Errorf("order has %d steps, want %d", len(a.Order), len(q.Steps))
		}
		seen := make([]bool, len(q.Steps))
		for _, s := range a.Order {
			if s < 0 || s >= len(q.Steps) || seen[s] {
				return fmt.Errorf("order is not a sequence of the %d steps", len(q.Steps))
			}
			seen[s] = true
		}
	case pack.Match:
		if len(a.Match) != len(q.Pairs) {
			return fmt.Errorf("match has %d entries, want %d", len(a.Match), len(q.Pairs))
		}
		for _, m := range a.Match {
			if m < -1 || m >= len(q.Pairs)+len(q.Distractors) {
				return fmt.Errorf("match entry %d out of range", m)
			}
		}
	case pack.Estimate:
		if !a.HasValue {
			return errors.New("no estimate given")
		}
	}
	return nil
}

// PackStat is how a round went on one pack (one mechanism).
type PackStat struct {
	Pack      *pack.Pack
	Questions int
	Correct   int     // fully right answers
	Credit    float64 // sum of credit
}

// Accuracy is the mean credit, 0-1.
func (s PackStat) Accuracy() float64 {
	if s.Questions == 0 {
		return 0
	}
	return s.Credit / float64(s.Questions)
}

// Summary describes a finished (or abandoned) round.
type Summary struct {
	Mode      Mode
	Questions int // answered
	Correct   int // fully right
	Credit    float64
	Score     int
	// CorrectnessPoints are the points from answers alone; BonusPoints those
	// from streaks and speed. Score is their sum.
	CorrectnessPoints int
	BonusPoints       int
	BestStreak        int
	Duration          time.Duration
	ByPack            []PackStat // in order of first appearance
	Records           []Record
}

// Accuracy is the mean credit over the answered questions, 0-1.
func (s Summary) Accuracy() float64 {
	if s.Questions == 0 {
		return 0
	}
	return s.Credit / float64(s.Questions)
}

// Missed returns the records without full credit.
func (s Summary) Missed() []Record {
	var out []Record
	for _, r := range s.Records {
		if !r.Correct {
			out = append(out, r)
		}
	}
	return out
}

// Summary summarises the answers given so far.
func (r *Round) Summary(now time.Time) Summary {
	s := Summary{Mode: r.cfg.Mode, Score: r.score, BestStreak: r.bestStreak, Records: r.records}
	end := r.ended
	if end.IsZero() {
		end = now
	}
	if !r.started.IsZero() {
		s.Duration = end.Sub(r.started)
	}
	idx := map[*pack.Pack]int{}
	for _, rec := range r.records {
		s.Questions++
		s.Credit += rec.Credit
		if rec.Correct {
			s.Correct++
		}
		s.CorrectnessPoints += rec.Points.Correctness
		s.BonusPoints += rec.Points.Streak + rec.Points.Speed
		i, ok := idx[rec.Item.Pack]
		if !ok {
			i = len(s.ByPack)
			idx[rec.Item.Pack] = i
			s.ByPack = append(s.ByPack, PackStat{Pack: rec.Item.Pack})
		}
		st := &s.ByPack[i]
		st.Questions++
		st.Credit += rec.Credit
		if rec.Correct {
			st.Correct++
		}
	}
	return s
}
