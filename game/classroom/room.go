package classroom

import (
	"slices"
	"sort"

	"gutskin/game/quiz"
)

// Standing is a team's place on the scoreboard.
type Standing struct {
	Team        int
	Name        string
	Total       int
	Correctness int // points from answers alone
	Bonus       int // streak and speed points
	Manual      int // points changed by hand
	Right       int // questions fully right
	Rank        int // 1 is first; tied teams share a rank
	Change      int // places gained since the previous scoreboard (negative: lost)
}

// Scoreboard ranks the teams, best first; tied totals share a rank.
func (g *Game) Scoreboard() []Standing {
	st := make([]Standing, len(g.cfg.Teams))
	for t, name := range g.cfg.Teams {
		st[t] = Standing{Team: t, Name: name}
	}
	for _, r := range g.s.Records {
		for t, res := range r.Teams {
			st[t].Correctness += res.Points.Correctness
			st[t].Bonus += res.Points.Streak + res.Points.Speed
			if res.Correct {
				st[t].Right++
			}
		}
	}
	for _, a := range g.s.Adjustments {
		st[a.Team].Manual += a.Points
	}
	for t := range st {
		st[t].Total = st[t].Correctness + st[t].Bonus + st[t].Manual
	}
	ranks := rankOf(st)
	for t := range st {
		st[t].Rank = ranks[t]
		if len(g.s.LastRanks) == len(st) {
			st[t].Change = g.s.LastRanks[t] - ranks[t]
		}
	}
	sort.SliceStable(st, func(i, j int) bool {
		if st[i].Total != st[j].Total {
			return st[i].Total > st[j].Total
		}
		return st[i].Team < st[j].Team
	})
	return st
}

// rankOf gives each team its rank by total, ties sharing ("1, 1, 3").
func rankOf(st []Standing) []int {
	ranks := make([]int, len(st))
	for i := range st {
		r := 1
		for j := range st {
			if st[j].Total > st[i].Total {
				r++
			}
		}
		ranks[st[i].Team] = r
	}
	return ranks
}

func (g *Game) ranks() []int {
	st := g.Scoreboard()
	out := make([]int, len(st))
	for _, s := range st {
		out[s.Team] = s.Rank
	}
	return out
}

// ScoreboardDue reports whether the scoreboard belongs after the question
// just locked (every question, or every N, and always after the last).
func (g *Game) ScoreboardDue() bool {
	n := g.cfg.ScoreboardEvery
	done := len(g.s.Records)
	return n <= 1 || done%n == 0 || done >= len(g.items)
}

// ChoiceCount is how many teams picked one choice, with its misconception.
type ChoiceCount struct {
	Choice        int // index in the question's choices
	Teams         []int
	Correct       bool
	Misconception string
}

// Room is how the room answered the question last locked.
type Room struct {
	Answered, Right int
	Choices         []ChoiceCount // for single, multi and truefalse
	// Teams is each team's result, in team order: who answered, its
	// credit (partial on order, match, estimate and multi) and its answer
	// in words.
	Teams    []TeamCredit
	TimedOut bool // the clock locked the answers
}

// TeamCredit is one team's part in a reveal.
type TeamCredit struct {
	Team     int
	Answered bool
	Credit   float64
	Correct  bool
	Answer   string // in words ("" without an answer)
	Points   int
}

// Partly counts the teams with some credit but not all of it.
func (r Room) Partly() int {
	n := 0
	for _, t := range r.Teams {
		if t.Answered && t.Credit > 0 && !t.Correct {
			n++
		}
	}
	return n
}

// Silent lists the teams that gave no answer.
func (r Room) Silent() []int {
	var out []int
	for _, t := range r.Teams {
		if !t.Answered {
			out = append(out, t.Team)
		}
	}
	return out
}

// Reveal tells how the room answered the last locked question.
func (g *Game) Reveal() Room {
	if len(g.s.Records) == 0 {
		return Room{}
	}
	rec := g.s.Records[len(g.s.Records)-1]
	it := g.items[rec.Index]
	room := Room{TimedOut: rec.TimedOut}
	q := it.Question
	counts := make([]ChoiceCount, len(q.Choices))
	for i, c := range q.Choices {
		counts[i] = ChoiceCount{Choice: i, Correct: c.Correct, Misconception: c.Misconception}
	}
	for t, res := range rec.Teams {
		tc := TeamCredit{Team: t, Answered: res.Answered, Credit: res.Credit, Correct: res.Correct, Points: res.Points.Total}
		if res.Answered {
			tc.Answer = quiz.Describe(q, res.Answer)
		}
		room.Teams = append(room.Teams, tc)
		if !res.Answered {
			continue
		}
		room.Answered++
		if res.Correct {
			room.Right++
		}
		for _, c := range res.Answer.Choices {
			if c >= 0 && c < len(counts) {
				counts[c].Teams = append(counts[c].Teams, t)
			}
		}
	}
	room.Choices = counts
	return room
}

// Misconception is a misconception label and how often teams fell for it.
type Misconception struct {
	Label     string
	Key       string // the first question it came up in
	Questions []int  // the questions (1 = first) where teams picked it
	Teams     int    // team answers that picked it
}

// Misconceptions lists the labelled wrong choices teams picked, most
// picked first.
func (g *Game) Misconceptions() []Misconception {
	byLabel := map[string]*Misconception{}
	var order []string
	for _, r := range g.s.Records {
		q := g.items[r.Index].Question
		for _, res := range r.Teams {
			for _, c := range res.Answer.Choices {
				if c < 0 || c >= len(q.Choices) || q.Choices[c].Misconception == "" || q.Choices[c].Correct {
					continue
				}
				l := q.Choices[c].Misconception
				if byLabel[l] == nil {
					byLabel[l] = &Misconception{Label: l, Key: r.Key}
					order = append(order, l)
				}
				m := byLabel[l]
				m.Teams++
				if !slices.Contains(m.Questions, r.Index+1) {
					m.Questions = append(m.Questions, r.Index+1)
				}
			}
		}
	}
	out := make([]Misconception, 0, len(order))
	for _, l := range order {
		out = append(out, *byLabel[l])
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Teams > out[j].Teams })
	return out
}
