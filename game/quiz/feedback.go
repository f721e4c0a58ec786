package quiz

import "gutskin/game/pack"

// Rationale picks what the feedback says about an answer: the rationale of
// the picked choice and the misconception it carries; for a multi card the
// first wrong tick's, else the first right choice missed ("Missed: ..."),
// else the first tick's; for a match card the first wrong pair's. A card
// that timed out or was skipped has no answer to comment on: both are "".
func Rationale(rec Record) (why, misconception string) {
	if rec.TimedOut || rec.Skipped || rec.Item == nil {
		return "", ""
	}
	q := rec.Item.Question
	valid := func(i int) bool { return i >= 0 && i < len(q.Choices) }
	switch q.Type {
	case pack.Single, pack.TrueFalse:
		if len(rec.Answer.Choices) == 1 && valid(rec.Answer.Choices[0]) {
			c := q.Choices[rec.Answer.Choices[0]]
			return c.Rationale, c.Misconception
		}
		for _, c := range q.Choices {
			if c.Correct {
				return c.Rationale, ""
			}
		}
	case pack.Multi:
		picked := map[int]bool{}
		for _, i := range rec.Answer.Choices {
			if !valid(i) {
				continue
			}
			picked[i] = true
			if !q.Choices[i].Correct {
				return q.Choices[i].Rationale, q.Choices[i].Misconception
			}
		}
		for i, c := range q.Choices {
			if c.Correct && !picked[i] {
				return "Missed: " + c.Text + ". " + c.Rationale, ""
			}
		}
		for _, i := range rec.Answer.Choices {
			if valid(i) {
				return q.Choices[i].Rationale, ""
			}
		}
	case pack.Match:
		for i, p := range q.Pairs {
			if i < len(rec.Answer.Match) && rec.Answer.Match[i] != i && p.Rationale != "" {
				return p.Left + ": " + p.Rationale, ""
			}
		}
	}
	return "", ""
}
