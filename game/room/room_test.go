package room

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"gutskin/game/classroom"
	"gutskin/game/pack"
	"gutskin/game/quiz"
)

var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// allTypes is a pack with one question of every type.
func allTypes() *pack.Pack {
	src := []pack.Source{{Citation: "Doe J. A trial. J Skin. 2020", DOI: "10.1/x", Design: pack.RandomisedTrial, Finding: "120 adults; fewer flares (RR 0.7)"}}
	return &pack.Pack{ID: "all", Title: "Every type", Questions: []pack.Question{
		{ID: "one", Type: pack.Single, Difficulty: 1, Prompt: "Which organ is largest?", Explanation: "The skin is the largest organ.",
			Evidence: pack.Established, Sources: src, Choices: []pack.Choice{
				{Text: "Skin", Correct: true}, {Text: "Liver", Misconception: "inside-is-bigger"}, {Text: "Gut"}, {Text: "Brain", Misconception: "brain-biggest"}}},
		{ID: "many", Type: pack.Multi, Difficulty: 1, Prompt: "Which are skin conditions?", Explanation: "Both are.", Evidence: pack.HumanStudies,
			Sources: src, Choices: []pack.Choice{{Text: "Acne", Correct: true}, {Text: "Eczema", Correct: true}, {Text: "Asthma", Misconception: "all-allergy"}}},
		{ID: "tf", Type: pack.TrueFalse, Difficulty: 1, Prompt: "The gut holds microbes.", Explanation: "It does.", Evidence: pack.Established,
			Sources: src, Choices: []pack.Choice{{Text: "True", Correct: true}, {Text: "False", Misconception: "sterile-gut"}}},
		{ID: "ord", Type: pack.Order, Difficulty: 1, Prompt: "Order these", Explanation: "First to last.", Evidence: pack.Early, Sources: src,
			Steps: []string{"eat", "digest", "absorb", "excrete"}},
		{ID: "pairs", Type: pack.Match, Difficulty: 1, Prompt: "Match them", Explanation: "Each has one.", Evidence: pack.Contested, Sources: src,
			Pairs: []pack.Pair{{Left: "Acne", Right: "Sebum"}, {Left: "Eczema", Right: "Barrier"}, {Left: "Psoriasis", Right: "IL-17"}}},
		{ID: "guess", Type: pack.Estimate, Difficulty: 1, Prompt: "How many microbes?", Explanation: "About 4e13.", Evidence: pack.HumanStudies,
			Sources: src, Estimate: &pack.EstimateSpec{Answer: 4e13, Min: 1e9, Max: 1e16, Scale: pack.Log, Tolerance: 3}},
	}}
}

// newRoom is a started room over a game of every type, on a clock the
// test moves.
func newRoom(t *testing.T, mode quiz.Mode, limit time.Duration, teams ...string) (*Room, *time.Time) {
	t.Helper()
	grouped := len(teams) > 0
	if !grouped {
		teams = []string{Class}
	}
	g, err := classroom.New(classroom.Config{Teams: teams, Packs: []*pack.Pack{allTypes()}, Seed: 3, Mode: mode, TimeLimit: limit, Phones: true})
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != 6 {
		t.Fatalf("%d questions, want every type", g.Len())
	}
	r := New(g, grouped)
	now := t0
	r.SetClock(func() time.Time { return now })
	return r, &now
}

// right is the fully right answer to the current question.
func right(r *Room) AnswerView {
	var it *quiz.Item
	r.View(func(g *classroom.Game) { it = g.Current() })
	a := answerView(0, quiz.RightAnswer(it.Question))
	a.Index = it2index(r)
	return *a
}

func it2index(r *Room) int {
	i := 0
	r.View(func(g *classroom.Game) { i = g.Index() })
	return i
}

func current(r *Room) *pack.Question {
	var q *pack.Question
	r.View(func(g *classroom.Game) { q = g.Current().Question })
	return q
}

func TestCleanName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Ada  ", "Ada"},
		{"Ada\x00\x07Love\nlace", "AdaLove lace"},
		{"a   b\t\tc", "a b c"},
		{"\u202eevil\u200b", "evil"},
		{strings.Repeat("x", 100), strings.Repeat("x", MaxName)},
		{"Zoë 李", "Zoë 李"},
		{"\xff\xfeok", "ok"},
		{"   ", ""},
		{"<script>", "<script>"}, // escaped where shown, kept as typed
	}
	for _, tt := range tests {
		if got := CleanName(tt.in); got != tt.want {
			t.Errorf("CleanName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestJoin(t *testing.T) {
	r, _ := newRoom(t, quiz.Accuracy, 0, "Red", "Blue")
	a, err := r.Join("Ada", "", -1)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := r.Join("ada", "", -1)
	c, _ := r.Join("Cy", "", 0)
	if len(a.Token) < 20 || a.Token == b.Token {
		t.Errorf("tokens %q %q", a.Token, b.Token)
	}
	if b.Name != "ada 2" {
		t.Errorf("second Ada is %q", b.Name)
	}
	if a.Team != 0 || b.Team != 1 || c.Team != 0 {
		t.Errorf("teams %d %d %d: want the smallest, then the one asked for", a.Team, b.Team, c.Team)
	}
	if _, err := r.Join("Dee", "", 2); !errors.Is(err, ErrNoTeam) {
		t.Errorf("team 2 of 2: %v", err)
	}
	if _, err := r.Join(" \x00 ", "", -1); !errors.Is(err, ErrNoName) {
		t.Errorf("empty name: %v", err)
	}
	again, err := r.Join("Someone else", a.Token, -1)
	if err != nil || again.ID != a.ID || again.Name != "Ada" {
		t.Errorf("rejoin: %+v %v", again, err)
	}
	r.SetClosed(true)
	if _, err := r.Join("Late", "", -1); !errors.Is(err, ErrClosed) {
		t.Errorf("closed room took a new student: %v", err)
	}
	if _, err := r.Join("", b.Token, -1); err != nil {
		t.Errorf("closed room refused a student back: %v", err)
	}
	if err := r.Remove(b.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Join("", b.Token, -1); !errors.Is(err, ErrNoStudent) {
		t.Errorf("removed student rejoined: %v", err)
	}
	if err := r.Rename(c.ID, "  Nice\x01 name "); err != nil || r.Students()[1].Name != "Nice name" {
		t.Errorf("rename: %v %+v", err, r.Students())
	}
	if n := len(r.Students()); n != 2 {
		t.Errorf("%d students after a removal, want 2", n)
	}
}

func TestAnswersUntilTheLock(t *testing.T) {
	r, now := newRoom(t, quiz.Accuracy, 0)
	ada, _ := r.Join("Ada", "", -1)
	bo, _ := r.Join("Bo", "", -1)
	if err := r.Answer(ada.Token, 0, right(r).answer()); !errors.Is(err, ErrNotYet) {
		t.Errorf("answer on the join screen: %v", err)
	}
	r.Start()
	for current(r).Type != pack.Single { // the shuffle decides the first question
		r.Do(classroom.Intent{Kind: classroom.Skip}, *now)
	}
	q := current(r)
	wrong := slices.IndexFunc(q.Choices, func(c pack.Choice) bool { return c.Misconception == "brain-biggest" })
	idx := it2index(r)
	if err := r.Answer(ada.Token, idx, quiz.Answer{Choices: []int{wrong}}); err != nil {
		t.Fatal(err)
	}
	if err := r.Answer(ada.Token, idx, right(r).answer()); err != nil { // changed before the lock
		t.Fatal(err)
	}
	if err := r.Answer(bo.Token, idx, quiz.Answer{Choices: []int{wrong}}); err != nil {
		t.Fatal(err)
	}
	if err := r.Answer("nobody", idx, right(r).answer()); !errors.Is(err, ErrNoStudent) {
		t.Errorf("unknown token: %v", err)
	}
	if n, of := r.Answered(); n != 2 || of != 2 {
		t.Errorf("%d of %d answered", n, of)
	}
	r.Do(classroom.Intent{Kind: classroom.Lock}, *now)
	if err := r.Answer(bo.Token, idx, right(r).answer()); !errors.Is(err, ErrLocked) {
		t.Errorf("answer after the lock: %v", err)
	}
	rv := r.Reveal()
	if rv.Answered != 2 || rv.Right != 1 || rv.Choices[wrong].Students != 1 || len(rv.Misconceptions) != 1 || rv.Misconceptions[0].Misconception != "brain-biggest" {
		t.Errorf("reveal %+v", rv)
	}
	st := r.Standings()
	if st[0].Name != "Ada" || st[0].Points <= 0 || st[1].Points != 0 || st[0].Rank != 1 || st[1].Rank != 2 {
		t.Errorf("standings %+v", st)
	}
	// Undo reopens the answers with them kept; the lock scores them anew.
	r.Do(classroom.Intent{Kind: classroom.Undo}, *now)
	if err := r.Answer(bo.Token, idx, right(r).answer()); err != nil {
		t.Fatalf("answer after undo: %v", err)
	}
	r.Do(classroom.Intent{Kind: classroom.Lock}, *now)
	if rv := r.Reveal(); rv.Right != 2 {
		t.Errorf("after undo and lock again %d right, want 2", rv.Right)
	}
	// An answer for a question that is no longer current is refused.
	r.Do(classroom.Intent{Kind: classroom.Advance}, *now)
	r.Do(classroom.Intent{Kind: classroom.Advance}, *now)
	if err := r.Answer(bo.Token, idx, quiz.Answer{Choices: []int{0}}); !errors.Is(err, ErrLocked) {
		t.Errorf("answer to the previous question: %v", err)
	}
}

// TestTheClockRefuses: the engine's clock, not the projector's frame,
// decides that an answer is too late.
func TestTheClockRefuses(t *testing.T) {
	r, now := newRoom(t, quiz.Standard, 20*time.Second)
	ada, _ := r.Join("Ada", "", -1)
	bo, _ := r.Join("Bo", "", -1)
	r.Start()
	r.Do(classroom.Intent{Kind: classroom.Advance}, *now) // starts the timer
	*now = now.Add(5 * time.Second)
	if err := r.Answer(ada.Token, 0, right(r).answer()); err != nil {
		t.Fatal(err)
	}
	*now = now.Add(16 * time.Second) // no Tick from the projector meanwhile
	if err := r.Answer(bo.Token, 0, right(r).answer()); !errors.Is(err, ErrLocked) {
		t.Fatalf("answer after time ran out: %v", err)
	}
	r.Tick(*now)
	st := r.Standings()
	// 100 for the answer, and the speed bonus for 15 of 20 s left.
	if st[0].Name != "Ada" || st[0].Points != 100+38 || st[1].Points != 0 {
		t.Errorf("standings %+v: Ada answered right with 15 of 20 s left", st)
	}
}

func TestEveryTypeChecked(t *testing.T) {
	r, now := newRoom(t, quiz.Confident, 0)
	ada, _ := r.Join("Ada", "", -1)
	r.Start()
	seen := map[pack.Type]bool{}
	for range 6 {
		q := current(r)
		seen[q.Type] = true
		idx := it2index(r)
		good := right(r).answer()
		bad := []quiz.Answer{{}, {Choices: []int{99}}, {Order: []int{0, 0, 1, 2}}, {Match: []int{0, 0, 1}}, {Value: 1e30, HasValue: true}}
		for _, b := range bad {
			b.Confidence = quiz.Sure
			if err := r.Answer(ada.Token, idx, b); !errors.Is(err, ErrBadAnswer) {
				t.Errorf("%s: %+v taken: %v", q.Type, b, err)
			}
		}
		if err := r.Answer(ada.Token, idx, good); !errors.Is(err, ErrBadAnswer) {
			t.Errorf("%s: no confidence under confidence scoring: %v", q.Type, err)
		}
		good.Confidence = quiz.Sure
		if err := r.Answer(ada.Token, idx, good); err != nil {
			t.Errorf("%s: right answer refused: %v", q.Type, err)
		}
		r.Do(classroom.Intent{Kind: classroom.Lock}, *now)
		v := r.ViewFor(ada.Token, *now)
		if v.Screen != "reveal" && v.Screen != "board" || v.Feedback == nil || !v.Feedback.Correct || v.Feedback.Explanation == "" ||
			len(v.Feedback.Sources) != 1 || !strings.Contains(v.Feedback.Sources[0].Summary, "Randomised trial") || v.Feedback.Evidence == "" {
			t.Errorf("%s: feedback %+v", q.Type, v.Feedback)
		}
		r.Do(classroom.Intent{Kind: classroom.Advance}, *now)
		if r.ViewFor(ada.Token, *now).Screen == "board" {
			r.Do(classroom.Intent{Kind: classroom.Advance}, *now)
		}
	}
	if len(seen) != 6 {
		t.Errorf("types asked: %v", seen)
	}
	v := r.ViewFor(ada.Token, *now)
	if v.Screen != "results" || v.Rank != 1 || len(v.Missed) != 0 {
		t.Errorf("end: %+v", v)
	}
}

func TestTeamsAndViews(t *testing.T) {
	r, now := newRoom(t, quiz.Accuracy, 0, "Red", "Blue")
	var toks []string
	for _, n := range []string{"a", "b", "c"} {
		s, _ := r.Join(n, "", -1) // Red, Blue, Red
		toks = append(toks, s.Token)
	}
	if v := r.ViewFor(toks[0], *now); v.Screen != "lobby" || v.Team != "Red" || len(v.Teams) != 2 || v.Of != 3 {
		t.Errorf("lobby view %+v", v)
	}
	if v := r.ViewFor("", *now); v.Screen != "lobby" || v.Name != "" {
		t.Errorf("a phone not joined: %+v", v)
	}
	r.Start()
	idx := it2index(r)
	r.Answer(toks[0], idx, right(r).answer())
	r.Answer(toks[1], idx, right(r).answer())
	v := r.ViewFor(toks[0], *now)
	if v.Screen != "question" || v.Question == nil || v.Yours == nil || v.Answered != 2 || v.Of != 3 {
		t.Errorf("question view %+v", v)
	}
	if v := r.ViewFor(toks[2], *now); v.Yours != nil {
		t.Errorf("c sees an answer: %+v", v.Yours)
	}
	r.Do(classroom.Intent{Kind: classroom.Lock}, *now)
	ts := r.TeamStandings()
	// Blue's one student is right; Red has one right and one silent: Blue
	// leads on the mean.
	if ts[0].Name != "Blue" || ts[0].Members != 1 || ts[1].Members != 2 || ts[0].Points != 2*ts[1].Points {
		t.Errorf("team standings %+v", ts)
	}
	r.Remove(1)
	if v := r.ViewFor(toks[1], *now); v.Screen != "removed" {
		t.Errorf("removed student's phone shows %q", v.Screen)
	}
}

func TestResults(t *testing.T) {
	r, now := newRoom(t, quiz.Confident, 0, "Red", "Blue")
	ada, _ := r.Join("Ada", "", 0)
	bo, _ := r.Join("<b>Bo</b>", "", 1)
	r.Start()
	for current(r).Type != pack.Single {
		r.Do(classroom.Intent{Kind: classroom.Skip}, *now)
	}
	q := current(r)
	wrong := slices.IndexFunc(q.Choices, func(c pack.Choice) bool { return c.Misconception == "brain-biggest" })
	a := right(r).answer()
	a.Confidence = quiz.Sure
	r.Answer(ada.Token, it2index(r), a)
	r.Answer(bo.Token, it2index(r), quiz.Answer{Choices: []int{wrong}, Confidence: quiz.FairlySure})
	r.Do(classroom.Intent{Kind: classroom.Lock}, *now)
	csv := string(r.CSV())
	for _, want := range []string{"Ada,Red,", ",yes,1.00,300,Sure,", "<b>Bo</b>,Blue,", "Brain,no,0.00,-200,Fairly sure,brain-biggest"} {
		if !strings.Contains(csv, want) {
			t.Errorf("CSV lacks %q:\n%s", want, csv)
		}
	}
	html := string(r.HTML(*now))
	if strings.Contains(html, "<b>Bo</b>") || !strings.Contains(html, "&lt;b&gt;Bo&lt;/b&gt;") || !strings.Contains(html, "brain-biggest") {
		t.Errorf("HTML:\n%s", html)
	}
	c, h, err := r.WriteResults(t.TempDir(), *now)
	if err != nil || !strings.HasSuffix(c, ".csv") || !strings.HasSuffix(h, ".html") {
		t.Errorf("WriteResults: %q %q %v", c, h, err)
	}
}
