package review

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

// The simulated learner. Its memory is not FSRS's: each question has a
// true time constant tau (days) and recall follows exponential forgetting,
// p = exp(-t/tau), so the scheduler is tested against a memory it does not
// model exactly. The first time a question is met it is answered right with
// probability simGuess (prior knowledge), and the explanation then teaches
// it: tau becomes the question's own tau0 (log-normal, median 6 days, so
// some questions are much harder than others). A recall multiplies tau by
// 1.8 + 4(1 - p) (a hard-won recall strengthens more), a lapse halves it
// (to no less than a day).
// The learner answers one round of simRound questions a day for simDays
// days, and knows of no confidence step (right = Good, wrong = Again).
const (
	simQuestions = 150
	simRound     = 10
	simDays      = 60
	simGuess     = 0.3
)

type simQuestion struct {
	tau0, tau float64
	last      time.Time
	met       bool
}

type simResult struct {
	reviews, recalled int     // answers to questions met before, and how many were right
	met               int     // questions met by the end
	endRecall         float64 // mean true recall over all questions at the end (0 for unmet)
}

// simulate plays simDays days. choose returns the keys of the day's round.
func simulate(seed uint64, choose func(keys []string, now time.Time, right map[string]bool, mem map[string]Memory) []string) simResult {
	rng := rand.New(rand.NewPCG(seed, 1))
	qs := make([]simQuestion, simQuestions)
	keys := make([]string, simQuestions)
	for i := range qs {
		qs[i].tau0 = 6 * math.Exp(rng.NormFloat64()*0.8)
		keys[i] = fmt.Sprintf("sim/q%03d", i)
	}
	index := map[string]int{}
	for i, k := range keys {
		index[k] = i
	}
	p := Default()
	mem := map[string]Memory{}
	lastRight := map[string]bool{}
	var res simResult
	start := time.Date(2026, 1, 5, 19, 0, 0, 0, time.UTC)
	for day := range simDays {
		// Play at a slightly different hour each evening.
		now := start.AddDate(0, 0, day).Add(time.Duration(rng.IntN(120)) * time.Minute)
		// New questions come in a fixed shuffled order, the same for both
		// strategies of one seed.
		order := append([]string(nil), keys...)
		rand.New(rand.NewPCG(seed, 2)).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range choose(order, now, lastRight, mem) {
			q := &qs[index[k]]
			var right bool
			if !q.met {
				right = rng.Float64() < simGuess
				q.met, q.tau = true, q.tau0
				res.met++
			} else {
				pr := math.Exp(-now.Sub(q.last).Hours() / 24 / q.tau)
				right = rng.Float64() < pr
				res.reviews++
				if right {
					res.recalled++
					q.tau *= 1.8 + 4*(1-pr)
				} else {
					q.tau = math.Max(1, q.tau/2)
				}
			}
			q.last = now
			lastRight[k] = right
			g := Again
			if right {
				g = Good
			}
			mem[k] = p.Next(mem[k], g, now)
		}
	}
	end := start.AddDate(0, 0, simDays)
	for _, q := range qs {
		if q.met {
			res.endRecall += math.Exp(-end.Sub(q.last).Hours() / 24 / q.tau)
		}
	}
	res.endRecall /= simQuestions
	return res
}

// scheduled is the game's review round: due first, then new.
func scheduled(keys []string, now time.Time, _ map[string]bool, mem map[string]Memory) []string {
	return Select(keys, mem, now, simRound)
}

// missedOnly is the old "Review missed": the questions whose last answer
// was wrong, then new ones, up to the same round length.
func missedOnly(keys []string, now time.Time, right map[string]bool, mem map[string]Memory) []string {
	var out []string
	for _, k := range keys {
		if r, seen := right[k]; seen && !r {
			out = append(out, k)
		}
	}
	for _, k := range keys {
		if _, seen := right[k]; !seen && len(out) < simRound {
			out = append(out, k)
		}
	}
	return out[:min(len(out), simRound)]
}

// TestSimulatedLearner compares FSRS scheduling with reviewing missed
// questions only, for 30 seeded learners, each strategy with the same
// learners. Recall per review is the share of answers to questions met
// before that were right.
func TestSimulatedLearner(t *testing.T) {
	var fs, mo simResult
	for seed := range uint64(30) {
		a, b := simulate(seed, scheduled), simulate(seed, missedOnly)
		fs.reviews, fs.recalled, fs.met, fs.endRecall = fs.reviews+a.reviews, fs.recalled+a.recalled, fs.met+a.met, fs.endRecall+a.endRecall/30
		mo.reviews, mo.recalled, mo.met, mo.endRecall = mo.reviews+b.reviews, mo.recalled+b.recalled, mo.met+b.met, mo.endRecall+b.endRecall/30
	}
	per := func(r simResult) float64 { return float64(r.recalled) / float64(r.reviews) }
	t.Logf("FSRS-5 review rounds:  recall per review %.3f (%d reviews), questions met %.1f of %d, mean recall of all questions after day %d %.3f",
		per(fs), fs.reviews, float64(fs.met)/30, simQuestions, simDays, fs.endRecall)
	t.Logf("review missed only:    recall per review %.3f (%d reviews), questions met %.1f of %d, mean recall of all questions after day %d %.3f",
		per(mo), mo.reviews, float64(mo.met)/30, simQuestions, simDays, mo.endRecall)
	if per(fs) <= per(mo) {
		t.Errorf("FSRS recall per review %.3f is not above review-missed-only %.3f", per(fs), per(mo))
	}
	if fs.endRecall <= mo.endRecall {
		t.Errorf("FSRS ends with mean recall %.3f, not above review-missed-only %.3f", fs.endRecall, mo.endRecall)
	}
}
