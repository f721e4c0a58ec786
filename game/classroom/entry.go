package classroom

// How answers come in: the teacher enters a choice per team, a hot-seat
// team submits its card on its own turn, a team's device submits its own.

import (
	"slices"
	"time"

	"gutskin/game/pack"
	"gutskin/game/quiz"
)

// TurnSeed is the seed of the hot-seat card's arrangement for a team on
// the current question: the card and the engine build the same one.
func (g *Game) TurnSeed(team int) uint64 { return uint64(g.s.Index*97 + team + 1) }

// TurnRound builds the round of one question a hot-seat team answers on
// the card: the current question, shuffled for the team. It is untimed:
// the lesson's clock times the turn.
func (g *Game) TurnRound(team int) (*quiz.Round, error) {
	it := g.Current()
	if it == nil {
		return nil, ErrDone
	}
	return quiz.New(quiz.Config{Packs: []*pack.Pack{it.Pack}, Only: []string{it.Key()}, Seed: g.TurnSeed(team), Mode: g.cfg.Mode})
}

// choose enters a choice for a team (teacher entry).
func (g *Game) choose(team, display int, now time.Time) Outcome {
	it := g.Current()
	if g.s.Screen != ShowQuestion || it == nil || team < 0 || team >= len(g.cfg.Teams) || display < 0 || display >= len(it.ChoiceOrder) {
		return Outcome{}
	}
	ci := it.ChoiceOrder[display]
	ans, had := g.Answer(team)
	confident := g.cfg.Mode == quiz.Confident
	multi := it.Question.Type == pack.Multi
	switch {
	case confident && had && !multi && slices.Equal(ans.Choices, []int{ci}):
		// The same choice again: how sure the team is, in turn.
		ans.Confidence = ans.Confidence%quiz.Sure + 1
	case multi:
		if i := slices.Index(ans.Choices, ci); i >= 0 {
			ans.Choices = slices.Delete(slices.Clone(ans.Choices), i, i+1)
		} else {
			ans.Choices = append(slices.Clone(ans.Choices), ci)
		}
	default:
		ans.Choices = []int{ci}
	}
	if confident && ans.Confidence == quiz.NoConfidence {
		ans.Confidence = quiz.FairlySure
	}
	if len(ans.Choices) == 0 {
		g.ClearAnswer(team)
	} else {
		g.SetAnswer(team, ans, now)
	}
	g.s.Selected = team
	if !multi && !confident { // on to the next team without an answer
		g.s.Selected = -1
		for k := 1; k <= len(g.cfg.Teams); k++ {
			if n := (team + k) % len(g.cfg.Teams); g.s.Answers[n] == nil {
				g.s.Selected = n
				break
			}
		}
	}
	return Outcome{Changed: true}
}

// submit takes a whole answer: from the hot-seat team at the controls, or
// from any team while a question is open.
func (g *Game) submit(team int, a quiz.Answer, now time.Time) Outcome {
	if team < 0 || team >= len(g.cfg.Teams) {
		return Outcome{}
	}
	switch g.s.Screen {
	case TeamTurn:
		if team != g.s.Turn {
			return Outcome{}
		}
		g.SetAnswerTook(team, a, g.elapsed(now))
		return g.nextTurn(now, team+1)
	case ShowQuestion:
		if g.SetAnswer(team, a, now) != nil {
			return Outcome{}
		}
		return Outcome{Changed: true}
	}
	return Outcome{}
}

// nextTurn hands over to the next team without an answer from team from
// on, or locks when every team has had its turn.
func (g *Game) nextTurn(now time.Time, from int) Outcome {
	g.s.TimerOn, g.s.PausedAt, g.s.PausedFor = false, time.Time{}, 0
	for t := from; t < len(g.cfg.Teams); t++ {
		if g.s.Answers[t] == nil {
			g.s.Screen, g.s.Turn = Handover, t
			return Outcome{Changed: true}
		}
	}
	g.s.Screen = ShowQuestion // Lock wants the question open
	return g.lockFlow(now, false)
}

// untouched reports whether a hot-seat answer is the card as it was
// handed to the team: an order left in its starting shuffle.
func (g *Game) untouched(team int, q *pack.Question, a quiz.Answer) bool {
	if !g.cfg.HotSeat || q.Type != pack.Order {
		return false
	}
	r, err := g.TurnRound(team)
	if err != nil || r.Len() != 1 {
		return false
	}
	return slices.Equal(r.Items()[0].StepOrder, a.Order)
}
