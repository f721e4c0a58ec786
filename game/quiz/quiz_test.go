package quiz

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"gutskin/game/pack"
)

func choices(correct ...bool) []pack.Choice {
	out := make([]pack.Choice, len(correct))
	for i, c := range correct {
		out[i] = pack.Choice{Text: fmt.Sprint("choice ", i), Correct: c}
	}
	return out
}

func TestCreditSingleAndTrueFalse(t *testing.T) {
	q := &pack.Question{Type: pack.Single, Choices: choices(false, true, false)}
	tf := &pack.Question{Type: pack.TrueFalse, Choices: choices(false, true)}
	tests := []struct {
		q    *pack.Question
		a    Answer
		want float64
	}{
		{q, Answer{Choices: []int{1}}, 1},
		{q, Answer{Choices: []int{0}}, 0},
		{q, Answer{}, 0},
		{q, Answer{Choices: []int{1, 0}}, 0},
		{q, Answer{Choices: []int{7}}, 0},
		{tf, Answer{Choices: []int{1}}, 1},
		{tf, Answer{Choices: []int{0}}, 0},
	}
	for _, tt := range tests {
		if got := Credit(tt.q, tt.a); got != tt.want {
			t.Errorf("%s %v: credit %v, want %v", tt.q.Type, tt.a.Choices, got, tt.want)
		}
	}
}

func TestCreditMulti(t *testing.T) {
	// Three correct (0, 1, 2), two wrong (3, 4).
	q := &pack.Question{Type: pack.Multi, Choices: choices(true, true, true, false, false)}
	tests := []struct {
		picks []int
		want  float64
	}{
		{[]int{0, 1, 2}, 1},
		{[]int{0, 1}, 2.0 / 3},
		{[]int{0}, 1.0 / 3},
		{[]int{0, 1, 2, 3}, 2.0 / 3}, // a wrong pick costs one right pick
		{[]int{0, 1, 2, 3, 4}, 1.0 / 3},
		{[]int{0, 3, 4}, 0}, // never below zero
		{[]int{3}, 0},
		{nil, 0},
		{[]int{0, 0, 0}, 1.0 / 3}, // repeats count once
	}
	for _, tt := range tests {
		if got := Credit(q, Answer{Choices: tt.picks}); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("picks %v: credit %v, want %v", tt.picks, got, tt.want)
		}
	}
}

func TestCreditOrder(t *testing.T) {
	q := &pack.Question{Type: pack.Order, Steps: []string{"a", "b", "c", "d", "e"}}
	tests := []struct {
		order []int
		want  float64
	}{
		{[]int{0, 1, 2, 3, 4}, 1},
		{[]int{4, 3, 2, 1, 0}, 0},
		{[]int{1, 2, 3, 4, 0}, 0.75}, // shifted: 3 of 4 neighbour pairs kept
		{[]int{0, 1, 3, 2, 4}, 0.25}, // one swap in the middle breaks three pairs
		{[]int{2, 3, 4, 0, 1}, 0.75},
		{[]int{0, 1, 2}, 0}, // wrong length
	}
	for _, tt := range tests {
		if got := Credit(q, Answer{Order: tt.order}); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("order %v: credit %v, want %v", tt.order, got, tt.want)
		}
	}
}

func TestCreditMatch(t *testing.T) {
	q := &pack.Question{Type: pack.Match, Pairs: make([]pack.Pair, 4)}
	tests := []struct {
		match []int
		want  float64
	}{
		{[]int{0, 1, 2, 3}, 1},
		{[]int{1, 0, 2, 3}, 0.5},
		{[]int{-1, 1, -1, 3}, 0.5},
		{[]int{3, 2, 1, 0}, 0},
		{[]int{0, 1}, 0},
	}
	for _, tt := range tests {
		if got := Credit(q, Answer{Match: tt.match}); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("match %v: credit %v, want %v", tt.match, got, tt.want)
		}
	}
}

func TestEstimateCreditLinear(t *testing.T) {
	e := &pack.EstimateSpec{Answer: 90, Min: 0, Max: 100, Tolerance: 5, Scale: pack.Linear}
	// Beyond the tolerance, credit falls to 0 over a quarter of the range (25).
	tests := []struct{ guess, want float64 }{
		{90, 1}, {95, 1}, {85, 1}, {100, 1 - 5.0/25}, {80, 1 - 5.0/25},
		{72.5, 1 - 12.5/25}, {60, 0}, {0, 0}, {math.NaN(), 0},
	}
	for _, tt := range tests {
		if got := EstimateCredit(e, tt.guess); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("guess %v: credit %v, want %v", tt.guess, got, tt.want)
		}
	}
}

func TestEstimateCreditLog(t *testing.T) {
	// Range 1e9..1e17 is 8 decades: credit falls to 0 over 2 decades past a
	// tolerance factor of 10 (one decade).
	e := &pack.EstimateSpec{Answer: 3.8e13, Min: 1e9, Max: 1e17, Tolerance: 10, Scale: pack.Log}
	tests := []struct{ guess, want float64 }{
		{3.8e13, 1}, {3.8e14, 1}, {3.8e12, 1}, // exactly one factor of ten away
		{3.8e15, 0.5}, {3.8e11, 0.5}, // two decades: one past the tolerance
		{3.8e16, 0}, {1e9, 0}, {0, 0}, {-5, 0},
	}
	for _, tt := range tests {
		if got := EstimateCredit(e, tt.guess); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("guess %g: credit %v, want %v", tt.guess, got, tt.want)
		}
	}
	// On a log scale, being 10x too high and 10x too low are equally close;
	// on a linear scale they are not.
	lin := *e
	lin.Scale, lin.Tolerance = pack.Linear, 0
	if a, b := EstimateCredit(&lin, 3.8e14), EstimateCredit(&lin, 3.8e12); a == b {
		t.Errorf("linear scale treats x10 and /10 alike: %v", a)
	}
}

func TestScoreModes(t *testing.T) {
	q := &pack.Question{Difficulty: 2}
	tests := []struct {
		name         string
		mode         Mode
		credit       float64
		conf         Confidence
		streak       int
		elapsed, lim float64
		want         Points
	}{
		{"accuracy right", Accuracy, 1, 0, 9, 1, 10, Points{Base: 100, Correctness: 100, Total: 100}},
		{"accuracy partial ignores streak and speed", Accuracy, 0.5, 0, 3, 0, 10, Points{Base: 100, Correctness: 50, Total: 50}},
		{"standard untimed no streak", Standard, 1, 0, 0, 3, 0, Points{Base: 200, Correctness: 200, Total: 200}},
		{"standard streak 2", Standard, 1, 0, 2, 3, 0, Points{Base: 200, Correctness: 200, Streak: 40, Total: 240}},
		{"standard streak capped", Standard, 1, 0, 12, 3, 0, Points{Base: 200, Correctness: 200, Streak: 100, Total: 300}},
		{"standard partial has no streak", Standard, 0.5, 0, 4, 3, 0, Points{Base: 200, Correctness: 100, Total: 100}},
		{"standard instant answer", Standard, 1, 0, 0, 0, 20, Points{Base: 200, Correctness: 200, Speed: 100, Total: 300}},
		{"standard half time", Standard, 1, 0, 0, 10, 20, Points{Base: 200, Correctness: 200, Speed: 50, Total: 250}},
		{"standard late", Standard, 1, 0, 0, 25, 20, Points{Base: 200, Correctness: 200, Total: 200}},
		{"standard wrong fast", Standard, 0, 0, 0, 0, 20, Points{Base: 200}},
		{"confidence unsure right", Confident, 1, Unsure, 0, 0, 0, Points{Base: 100, Correctness: 100, Total: 100}},
		{"confidence unsure wrong", Confident, 0, Unsure, 0, 0, 0, Points{Base: 100}},
		{"confidence fairly sure wrong", Confident, 0, FairlySure, 0, 0, 0, Points{Base: 200, Correctness: -200, Total: -200}},
		{"confidence sure right", Confident, 1, Sure, 5, 0, 10, Points{Base: 300, Correctness: 300, Total: 300}},
		{"confidence sure wrong", Confident, 0, Sure, 0, 0, 0, Points{Base: 300, Correctness: -600, Total: -600}},
		{"confidence sure half", Confident, 0.5, Sure, 0, 0, 0, Points{Base: 300, Correctness: -150, Total: -150}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Score(tt.mode, q, tt.credit, tt.conf, tt.streak, tt.elapsed, tt.lim); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestConfidenceRewardsCalibration checks the point of confidence mode: the
// level with the best expected score depends on how likely one is to be right.
func TestConfidenceRewardsCalibration(t *testing.T) {
	best := func(p float64) Confidence {
		var bestC Confidence
		bestV := math.Inf(-1)
		for _, c := range []Confidence{Unsure, FairlySure, Sure} {
			r, w := ConfidenceMarks(c)
			if v := p*float64(r) - (1-p)*float64(w); v > bestV {
				bestC, bestV = c, v
			}
		}
		return bestC
	}
	for p, want := range map[float64]Confidence{0.3: Unsure, 0.6: Unsure, 0.75: FairlySure, 0.9: Sure, 1: Sure} {
		if got := best(p); got != want {
			t.Errorf("at p=%v best level %v, want %v", p, got.Label(), want.Label())
		}
	}
}

func testPacks() []*pack.Pack {
	var packs []*pack.Pack
	for pi, id := range []string{"alpha", "beta"} {
		p := &pack.Pack{ID: id, Title: id}
		for i := range 6 {
			p.Questions = append(p.Questions, pack.Question{
				ID: fmt.Sprintf("q%d", i), Type: pack.Single, Difficulty: i%3 + 1,
				Choices: choices(true, false, false, false),
			})
		}
		p.Questions = append(p.Questions,
			pack.Question{ID: "order", Type: pack.Order, Difficulty: 2, Steps: []string{"a", "b", "c", "d"}},
			pack.Question{ID: "match", Type: pack.Match, Difficulty: 2, Pairs: make([]pack.Pair, 3)},
			pack.Question{ID: "tf", Type: pack.TrueFalse, Difficulty: 1, Choices: choices(pi == 0, pi != 0)},
		)
		packs = append(packs, p)
	}
	return packs
}

func keys(r *Round) []string {
	var out []string
	for _, it := range r.Items() {
		out = append(out, fmt.Sprint(it.Key(), it.ChoiceOrder, it.StepOrder, it.RightOrder))
	}
	return out
}

func TestRoundDeterministicBySeed(t *testing.T) {
	cfg := Config{Packs: testPacks(), Length: 10, Seed: 42}
	a, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := New(cfg)
	if !slices.Equal(keys(a), keys(b)) {
		t.Errorf("same seed, different rounds:\n%v\n%v", keys(a), keys(b))
	}
	cfg.Seed = 43
	c, _ := New(cfg)
	if slices.Equal(keys(a), keys(c)) {
		t.Errorf("different seeds gave the same round")
	}
	if a.Len() != 10 {
		t.Errorf("length %d, want 10", a.Len())
	}
}

func TestRoundFilters(t *testing.T) {
	packs := testPacks()
	r, err := New(Config{Packs: packs, Difficulty: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range r.Items() {
		if it.Question.Difficulty != 3 {
			t.Errorf("difficulty filter let %s through", it.Key())
		}
	}
	if r.Len() != 4 { // q2 and q5 of each pack
		t.Errorf("%d questions of difficulty 3, want 4", r.Len())
	}
	r, _ = New(Config{Packs: packs, Only: []string{"beta/tf", "alpha/q0"}})
	got := []string{}
	for _, it := range r.Items() {
		got = append(got, it.Key())
	}
	slices.Sort(got)
	if !slices.Equal(got, []string{"alpha/q0", "beta/tf"}) {
		t.Errorf("Only kept %v", got)
	}
	if _, err := New(Config{Packs: packs, Only: []string{"gone/q"}}); err != ErrNoQuestions {
		t.Errorf("empty selection: err %v", err)
	}
	if _, err := New(Config{Packs: packs, Mode: "fastest"}); err == nil {
		t.Errorf("unknown mode accepted")
	}
	all, _ := New(Config{Packs: packs, Length: 500})
	if all.Len() != 18 {
		t.Errorf("length beyond the pool took %d, want all 18", all.Len())
	}
}

func TestOrderAndMatchNeverStartSolved(t *testing.T) {
	for seed := range uint64(200) {
		r, _ := New(Config{Packs: testPacks(), Seed: seed})
		for _, it := range r.Items() {
			if it.StepOrder != nil && identity(it.StepOrder) || it.RightOrder != nil && identity(it.RightOrder) {
				t.Fatalf("seed %d: %s starts solved", seed, it.Key())
			}
		}
	}
}

// answerRight is the fully right answer to an item.
func answerRight(it *Item) Answer { return RightAnswer(it.Question) }

func TestRoundPlayStreaksAndSummary(t *testing.T) {
	t0 := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	r, err := New(Config{Packs: testPacks(), Seed: 7, Mode: Standard, TimeLimit: 20 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	now := t0
	// Right, right, right, wrong, right... with 5 s per question.
	pattern := []bool{true, true, true, false, true}
	wantBest, streak, wantCorrect := 0, 0, 0
	for i := 0; !r.Done(); i++ {
		r.Show(now)
		if rem := r.Remaining(now.Add(5 * time.Second)); rem != 15*time.Second {
			t.Fatalf("remaining %v, want 15s", rem)
		}
		now = now.Add(5 * time.Second)
		it := r.Current()
		right := pattern[i%len(pattern)]
		a := answerRight(it)
		if !right {
			a = Answer{Choices: []int{}}
			switch it.Question.Type {
			case pack.Single, pack.TrueFalse:
				for k, c := range it.Question.Choices {
					if !c.Correct {
						a.Choices = []int{k}
						break
					}
				}
			case pack.Order:
				a = Answer{Order: []int{3, 2, 1, 0}}
			case pack.Match:
				a = Answer{Match: []int{-1, -1, -1}}
			}
		}
		rec, err := r.Answer(a, now)
		if err != nil {
			t.Fatalf("question %d (%s): %v", i, it.Key(), err)
		}
		if rec.Correct != right {
			t.Fatalf("question %d: correct=%v, want %v", i, rec.Correct, right)
		}
		if right {
			streak++
			wantCorrect++
			wantBest = max(wantBest, streak)
			base := 100 * it.Question.Difficulty
			wantStreak := int(math.Round(float64(base) * math.Min(0.1*float64(streak-1), 0.5)))
			if rec.Points.Streak != wantStreak || rec.Points.Speed != int(math.Round(0.5*float64(base)*0.75)) {
				t.Errorf("question %d: points %+v, want streak %d", i, rec.Points, wantStreak)
			}
		} else {
			streak = 0
			if rec.Points.Total != 0 {
				t.Errorf("wrong answer scored %+v", rec.Points)
			}
		}
		if r.Streak() != streak {
			t.Errorf("streak %d, want %d", r.Streak(), streak)
		}
	}
	if _, err := r.Answer(Answer{}, now); err != ErrDone {
		t.Errorf("answer after the end: %v", err)
	}
	s := r.Summary(now.Add(time.Hour))
	if s.Questions != 18 || s.Correct != wantCorrect || s.BestStreak != wantBest || s.Duration != 18*5*time.Second {
		t.Errorf("summary %d questions, %d correct, best streak %d, %v", s.Questions, s.Correct, s.BestStreak, s.Duration)
	}
	if s.Score != s.CorrectnessPoints+s.BonusPoints || s.BonusPoints == 0 {
		t.Errorf("score %d != %d + %d", s.Score, s.CorrectnessPoints, s.BonusPoints)
	}
	sum := 0
	for _, rec := range s.Records {
		sum += rec.Points.Total
	}
	if sum != s.Score || s.Score != r.Score() {
		t.Errorf("score %d, records add up to %d", s.Score, sum)
	}
	if len(s.ByPack) != 2 || s.ByPack[0].Questions+s.ByPack[1].Questions != 18 {
		t.Errorf("by pack: %+v", s.ByPack)
	}
	if got := len(s.Missed()); got != 18-wantCorrect {
		t.Errorf("%d missed, want %d", got, 18-wantCorrect)
	}
	if math.Abs(s.Accuracy()-s.Credit/18) > 1e-9 {
		t.Errorf("accuracy %v", s.Accuracy())
	}
}

func TestAnswerChecks(t *testing.T) {
	r, _ := New(Config{Packs: testPacks(), Seed: 1, Mode: Confident})
	it := r.Current()
	bad := Answer{Choices: []int{0}, Order: []int{0}, Match: []int{0}, Confidence: Sure}
	if _, err := r.Answer(bad, time.Now()); err == nil && it.Question.Type != pack.Single && it.Question.Type != pack.TrueFalse {
		t.Errorf("malformed answer accepted for %s", it.Question.Type)
	}
	r, _ = New(Config{Packs: testPacks(), Seed: 1, Mode: Confident})
	if _, err := r.Answer(answerRight(r.Current()), time.Now()); err == nil {
		t.Errorf("confidence mode accepted an answer without confidence")
	}
	single := &pack.Question{Type: pack.Single, Choices: choices(true, false)}
	for _, a := range []Answer{{}, {Choices: []int{0, 1}}, {Choices: []int{5}}} {
		if check(single, a) == nil {
			t.Errorf("single accepted %v", a.Choices)
		}
	}
	order := &pack.Question{Type: pack.Order, Steps: []string{"a", "b", "c"}}
	for _, o := range [][]int{{0, 1}, {0, 0, 1}, {0, 1, 3}} {
		if check(order, Answer{Order: o}) == nil {
			t.Errorf("order accepted %v", o)
		}
	}
	if check(&pack.Question{Type: pack.Estimate}, Answer{}) == nil {
		t.Errorf("estimate accepted no value")
	}
}

func TestTimeOutAndSkip(t *testing.T) {
	now := time.Now()
	r, _ := New(Config{Packs: testPacks(), Seed: 3, Mode: Confident, Length: 2})
	r.Show(now)
	rec, err := r.TimeOut(now.Add(time.Minute))
	if err != nil || !rec.TimedOut || rec.Credit != 0 || rec.Points.Total != 0 {
		t.Errorf("timeout: %+v %v", rec, err)
	}
	rec, _ = r.Skip(now)
	if !rec.Skipped || rec.Points.Total != 0 || !r.Done() {
		t.Errorf("skip: %+v", rec)
	}
}

// TestMatchDistractors: a distractor is offered in the right column, can be
// picked, and counts as a wrong pair.
func TestMatchDistractors(t *testing.T) {
	q := &pack.Question{Type: pack.Match, Pairs: []pack.Pair{{Left: "a", Right: "1"}, {Left: "b", Right: "2"}, {Left: "c", Right: "3"}},
		Distractors: []string{"4"}}
	if err := check(q, Answer{Match: []int{3, 1, 2}}); err != nil {
		t.Errorf("picking the distractor is refused: %v", err)
	}
	if err := check(q, Answer{Match: []int{4, 1, 2}}); err == nil {
		t.Error("an index past the distractors is accepted")
	}
	if got := Credit(q, Answer{Match: []int{3, 1, 2}}); math.Abs(got-2.0/3) > 1e-9 {
		t.Errorf("credit %v, want 2/3", got)
	}
	if got := Describe(q, Answer{Match: []int{3, 1, 2}}); got != "a → 4; b → 2; c → 3" {
		t.Errorf("described as %q", got)
	}
	it := &Item{Question: q}
	arrange(it, rand.New(rand.NewPCG(1, 2)), 0)
	seen := map[int]bool{}
	for _, j := range it.RightOrder {
		seen[j] = true
	}
	if len(it.RightOrder) != 4 || !seen[3] {
		t.Errorf("right column %v does not offer the distractor", it.RightOrder)
	}
}

// TestHoldStopsTheClock: in a timed confidence round the answer is in when
// the confidence step starts; that step neither runs the time out nor
// counts against speed, and going back to change the answer gives the
// question its time back where it stopped.
func TestHoldStopsTheClock(t *testing.T) {
	t0 := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	s := func(n int) time.Time { return t0.Add(time.Duration(n) * time.Second) }
	tests := []struct {
		name        string
		hold        int // seconds after the show; -1 for none
		unhold      int // -1 for none
		at          int // when the remaining time is read and the answer given
		remaining   int
		wantElapsed int
	}{
		{"untouched clock", -1, -1, 20, 10, 20},
		{"held at 25 s, answered at 40 s", 25, -1, 40, 5, 25},
		{"held at 10 s, back at 50 s, answered at 55 s", 10, 50, 55, 15, 15},
		{"held, long after the limit", 29, -1, 300, 1, 29},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := New(Config{Packs: testPacks(), Seed: 3, Mode: Confident, Length: 2, TimeLimit: 30 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			r.Show(s(0))
			if tt.hold >= 0 {
				r.Hold(s(tt.hold))
			}
			if tt.unhold >= 0 {
				r.Unhold(s(tt.unhold))
			}
			if got := r.Remaining(s(tt.at)); got != time.Duration(tt.remaining)*time.Second {
				t.Errorf("remaining %v, want %d s", got, tt.remaining)
			}
			ans := RightAnswer(r.Current().Question)
			ans.Confidence = Sure
			rec, err := r.Answer(ans, s(tt.at))
			if err != nil {
				t.Fatal(err)
			}
			if rec.TimedOut || !rec.Correct || rec.Elapsed != time.Duration(tt.wantElapsed)*time.Second {
				t.Errorf("record: timed out %v, correct %v, elapsed %v; want a right answer after %d s", rec.TimedOut, rec.Correct, rec.Elapsed, tt.wantElapsed)
			}
			// The next question's clock runs again.
			r.Show(s(tt.at))
			if got := r.Remaining(s(tt.at + 10)); got != 20*time.Second {
				t.Errorf("next question: remaining %v, want 20 s", got)
			}
		})
	}
}
