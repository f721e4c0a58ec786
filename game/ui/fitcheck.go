package ui

import (
	"fmt"
	"strconv"
	"strings"

	"gutskin/game/pack"
	"gutskin/game/quiz"
)

// FitWidth and FitHeight are the smallest supported window: where
// `gutskin validate` checks that every text fits its card.
const (
	FitWidth  = 960
	FitHeight = 540
)

// CheckFit lays out every question of the packs on the game's own cards
// (the same code that draws them) at the smallest supported window, as a
// question and as the feedback after the wordiest wrong answer, and reports
// every text that would not fit even at the smallest text size, at the line
// of its key. It needs fonts but no window.
func CheckFit(packs []*pack.Pack) ([]pack.Diagnostic, error) {
	a, err := NewApp(Options{Packs: &pack.Set{}})
	if err != nil {
		return nil, err
	}
	a.profile.Settings.ReducedMotion = true
	a.SetSize(FitWidth, FitHeight)
	var out []pack.Diagnostic
	for _, p := range packs {
		for i := range p.Questions {
			q := &p.Questions[i]
			r, err := quiz.New(quiz.Config{Packs: []*pack.Pack{p}, Only: []string{q.Key(p)}, Seed: 1})
			if err != nil {
				continue
			}
			s := newPlay(a, r, []*pack.Pack{p}, false)
			seen := map[string]bool{}
			report := func() {
				for _, pt := range s.lay.Texts {
					if pt.Fits && pt.Box.Inside(pt.Used) {
						continue
					}
					key, what := s.fitKey(pt.What)
					if key == "" || seen[what] {
						continue
					}
					seen[what] = true
					at := q.At(key)
					out = append(out, pack.Diagnostic{File: p.File, Line: at.Line, Col: at.Col, Severity: pack.Warning,
						Message: fmt.Sprintf("question %q: %s does not fit its card at %dx%d even at the smallest text size: shorten it", q.ID, what, FitWidth, FitHeight)})
				}
			}
			s.layout(a)
			report()
			s.submit(a, WordiestWrong(s.item()))
			s.layout(a)
			report()
		}
	}
	return out, nil
}

// fitKey maps a placed text to the pack key it comes from and a name for
// messages; texts of the game's own ("multi note") give "".
func (s *playScene) fitKey(what string) (key, name string) {
	it := s.shown()
	q := it.Question
	num := func(prefix string) int {
		n, err := strconv.Atoi(strings.TrimPrefix(what, prefix))
		if err != nil {
			return -1
		}
		return n - 1
	}
	letter := func(prefix string) int {
		l := strings.TrimPrefix(what, prefix)
		if len(l) != 1 {
			return -1
		}
		return int(l[0] - 'A')
	}
	switch {
	case what == "prompt":
		return "prompt", "the prompt"
	case strings.HasPrefix(what, "choice "), strings.HasPrefix(what, "answer ") && q.Type != pack.Order && q.Type != pack.Match:
		k := letter(what[:strings.Index(what, " ")+1])
		if k < 0 || k >= len(it.ChoiceOrder) {
			return "explanation", "the feedback"
		}
		ci := it.ChoiceOrder[k]
		return "choices." + strconv.Itoa(ci), fmt.Sprintf("choice %q", short(q.Choices[ci].Text, 40))
	case strings.HasPrefix(what, "step "):
		k := num("step ")
		if k < 0 || k >= len(s.d.Order) {
			return "", ""
		}
		return "steps." + strconv.Itoa(s.d.Order[k]), fmt.Sprintf("step %d", s.d.Order[k]+1)
	case strings.HasPrefix(what, "left "):
		k := num("left ")
		return "pairs." + strconv.Itoa(k) + ".left", fmt.Sprintf("the left side of pair %d", k+1)
	case strings.HasPrefix(what, "right "):
		k := letter("right ")
		if k < 0 || k >= len(it.RightOrder) {
			return "", ""
		}
		j := it.RightOrder[k]
		if n := len(it.Question.Pairs); j >= n {
			return "distractors." + strconv.Itoa(j-n), fmt.Sprintf("distractor %d", j-n+1)
		}
		return "pairs." + strconv.Itoa(j) + ".right", fmt.Sprintf("the right side of pair %d", j+1)
	case what == "multi note", what == "slider", what == "value", what == "image":
		return "", ""
	}
	// Everything else belongs to the feedback: verdict, points, rationale,
	// explanation, source, and the marked answers of order and match.
	return "explanation", "the feedback (explanation, rationale and sources together)"
}

// WordiestWrong is a wrong answer that fills the feedback with the most
// text: the wrong choice with the longest rationale and misconception, all
// choices ticked, a reversed order, nothing matched, the far end of a slider.
func WordiestWrong(it *quiz.Item) quiz.Answer {
	q := it.Question
	switch q.Type {
	case pack.Single, pack.TrueFalse:
		best, n := -1, -1
		for i, c := range q.Choices {
			if !c.Correct && len(c.Rationale)+len(c.Misconception) > n {
				best, n = i, len(c.Rationale)+len(c.Misconception)
			}
		}
		return quiz.Answer{Choices: []int{best}}
	case pack.Multi:
		all := make([]int, len(q.Choices))
		for i := range all {
			all[i] = i
		}
		return quiz.Answer{Choices: all}
	case pack.Order:
		o := make([]int, len(q.Steps))
		for i := range o {
			o[i] = len(o) - 1 - i
		}
		return quiz.Answer{Order: o}
	case pack.Match:
		m := make([]int, len(q.Pairs))
		for i := range m {
			m[i] = -1
		}
		return quiz.Answer{Match: m}
	}
	e := q.Estimate
	v := e.Min
	if e.Answer-e.Min < e.Max-e.Answer {
		v = e.Max
	}
	return quiz.Answer{Value: v, HasValue: true}
}

// short cuts a text to n characters for a message.
func short(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
