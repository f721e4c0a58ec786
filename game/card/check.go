package card

import (
	"fmt"

	"gutskin/game/pack"
	"gutskin/game/quiz"
)

// Views are the states of a question card a check lays out: as first
// shown, with every pair of a match card made (each button then carries a
// second line, "→ B"), and in the confidence step.
func Views(it *quiz.Item) []struct {
	View  View
	Draft *quiz.Draft
} {
	type vd = struct {
		View  View
		Draft *quiz.Draft
	}
	out := []vd{{Answering, quiz.NewDraft(it)}}
	if n := len(it.Question.Pairs); n > 0 {
		d := quiz.NewDraft(it)
		for i := range n {
			d.Pairs.TapLeft(i)
			d.Pairs.TapRight((i + 1) % n)
		}
		out = append(out, vd{Answering, d})
	}
	return append(out, vd{Confiding, quiz.NewDraft(it)})
}

// Check lays out every question of the packs in every view at the given
// metrics and reports, at the line of its key, every pack text that does
// not fit its room even at the smallest text size. where names the window
// size in the messages ("960x540").
func Check(packs []*pack.Pack, m Metrics, where string) []pack.Diagnostic {
	var out []pack.Diagnostic
	for _, p := range packs {
		for i := range p.Questions {
			q := &p.Questions[i]
			r, err := quiz.New(quiz.Config{Packs: []*pack.Pack{p}, Only: []string{q.Key(p)}, Seed: 1})
			if err != nil || r.Current() == nil {
				continue
			}
			it := r.Current()
			seen := map[string]bool{}
			for _, v := range Views(it) {
				plan := Layout(it, v.Draft, v.View, m, 0, quiz.Describe(q, quiz.RightAnswer(q)))
				for _, s := range plan.Misfits() {
					if s.Key == "" || seen[s.Key] {
						continue
					}
					seen[s.Key] = true
					at := q.At(s.Key)
					out = append(out, pack.Diagnostic{File: p.File, Line: at.Line, Col: at.Col, Severity: pack.Warning,
						Message: fmt.Sprintf("question %q: %s does not fit its card at %s even at the smallest text size: shorten it", q.ID, Describe(q, s), where)})
				}
			}
		}
	}
	return out
}
