package ui

import (
	"fmt"
	"strconv"
	"strings"

	"gutskin/game/card"
	"gutskin/game/pack"
	"gutskin/game/quiz"
)

// FitWidth and FitHeight are the smallest supported window: where
// `gutskin validate` checks that every text fits its card.
const (
	FitWidth  = 960
	FitHeight = 540
)

// CheckFit checks, at the smallest supported window, every question of
// the packs: its card in every view through the card's own layout
// (package card, the plan the play scene draws), and the feedback after
// the wordiest wrong answer through the play scene's feedback layout. It
// reports every text that would not fit even at the smallest text size, at
// the line of its key. It needs fonts but no window.
func CheckFit(packs []*pack.Pack) ([]pack.Diagnostic, error) {
	a, err := NewApp(Options{Packs: &pack.Set{}})
	if err != nil {
		return nil, err
	}
	a.profile.Settings.ReducedMotion = true
	a.SetSize(FitWidth, FitHeight)
	out := card.Check(packs, a.cardMetrics(), fmt.Sprintf("%dx%d", FitWidth, FitHeight))
	said := map[string]bool{} // a choice too long on the card and in the feedback is said once
	for _, d := range out {
		said[d.String()] = true
	}
	for _, p := range packs {
		for i := range p.Questions {
			q := &p.Questions[i]
			r, err := quiz.New(quiz.Config{Packs: []*pack.Pack{p}, Only: []string{q.Key(p)}, Seed: 1})
			if err != nil {
				continue
			}
			s := newPlay(a, r, []*pack.Pack{p}, false)
			s.submit(a, WordiestWrong(s.item()))
			s.layout(a)
			seen := map[string]bool{}
			for _, pt := range s.lay.Texts {
				if pt.Fits && pt.Box.Inside(pt.Used) {
					continue
				}
				key, what := s.feedbackKey(pt.What)
				if seen[what] {
					continue
				}
				seen[what] = true
				at := q.At(key)
				d := pack.Diagnostic{File: p.File, Line: at.Line, Col: at.Col, Severity: pack.Warning,
					Message: fmt.Sprintf("question %q: %s does not fit its card at %dx%d even at the smallest text size: shorten it", q.ID, what, FitWidth, FitHeight)}
				if !said[d.String()] {
					said[d.String()] = true
					out = append(out, d)
				}
			}
		}
	}
	return out, nil
}

// feedbackKey maps a text of the feedback to the pack key it comes from and
// a name for messages: a marked choice ("answer B") to its choice, the rest
// (verdict, points, rationale, explanation, source, the marked steps and
// pairs) to the explanation.
func (s *playScene) feedbackKey(what string) (key, name string) {
	it := s.shown()
	q := it.Question
	if l, ok := strings.CutPrefix(what, "answer "); ok && len(l) == 1 && q.Type != pack.Order && q.Type != pack.Match {
		if k := int(l[0] - 'A'); k >= 0 && k < len(it.ChoiceOrder) {
			ci := it.ChoiceOrder[k]
			return "choices." + strconv.Itoa(ci), fmt.Sprintf("choice %q", card.Short(q.Choices[ci].Text, 40))
		}
	}
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
