package room

import (
	"math"
	"sort"
	"time"

	"gutskin/game/classroom"
	"gutskin/game/pack"
	"gutskin/game/quiz"
)

// Standing is a student's place on the scoreboard.
type Standing struct {
	ID     int
	Name   string
	Team   int
	Points int
	Right  int
	Rank   int // tied students share a rank
}

// TeamStanding is a team's place: the mean of its students' points, so a
// bigger team has no head start.
type TeamStanding struct {
	Team    int
	Name    string
	Members int
	Points  int // mean points per member, rounded
	Rank    int
}

// Standings ranks the students in the room, best first.
func (r *Room) Standings() []Standing {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.standings()
}

func (r *Room) standings() []Standing {
	var out []Standing
	for _, s := range r.students {
		if s.Removed {
			continue
		}
		st := Standing{ID: s.ID, Name: s.Name, Team: s.Team}
		for _, res := range r.results {
			if s.ID < len(res) {
				st.Points += res[s.ID].Points.Total
				if res[s.ID].Correct {
					st.Right++
				}
			}
		}
		out = append(out, st)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Points > out[j].Points })
	for i := range out {
		out[i].Rank = i + 1
		if i > 0 && out[i].Points == out[i-1].Points {
			out[i].Rank = out[i-1].Rank
		}
	}
	return out
}

// TeamStandings ranks the teams of a grouped room (nil for individuals).
func (r *Room) TeamStandings() []TeamStanding {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.grouped {
		return nil
	}
	teams := r.game.Teams()
	sum := make([]int, len(teams))
	out := make([]TeamStanding, len(teams))
	for t, n := range teams {
		out[t] = TeamStanding{Team: t, Name: n}
	}
	for _, st := range r.standings() {
		out[st.Team].Members++
		sum[st.Team] += st.Points
	}
	for t := range out {
		if out[t].Members > 0 {
			out[t].Points = int(math.Round(float64(sum[t]) / float64(out[t].Members)))
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Points > out[j].Points })
	for i := range out {
		out[i].Rank = i + 1
		if i > 0 && out[i].Points == out[i-1].Points {
			out[i].Rank = out[i-1].Rank
		}
	}
	return out
}

// Tally is how many students picked one choice of the last locked
// question, with the misconception the choice stands for.
type Tally struct {
	Choice        int // index in the question's choices
	Text          string
	Students      int
	Correct       bool
	Misconception string
}

// Reveal is how the room answered the last locked question: counts only,
// never names.
type Reveal struct {
	Index          int
	Answered, Of   int
	Right, Partly  int
	Choices        []Tally // single, multi and truefalse
	Misconceptions []Tally // the wrong choices picked that carry a label
}

// Reveal counts every student's answer to the last locked question.
func (r *Room) Reveal() Reveal {
	r.mu.Lock()
	defer r.mu.Unlock()
	recs := r.game.Records()
	if len(recs) == 0 || len(r.results) != len(recs) {
		return Reveal{}
	}
	rec := recs[len(recs)-1]
	q := r.game.Items()[rec.Index].Question
	out := Reveal{Index: rec.Index}
	for i, c := range q.Choices {
		out.Choices = append(out.Choices, Tally{Choice: i, Text: c.Text, Correct: c.Correct, Misconception: c.Misconception})
	}
	res := r.results[len(r.results)-1]
	for _, s := range r.students {
		if s.Removed {
			continue
		}
		out.Of++
		if s.ID >= len(res) || !res[s.ID].Answered {
			continue
		}
		x := res[s.ID]
		out.Answered++
		switch {
		case x.Correct:
			out.Right++
		case x.Credit > 0:
			out.Partly++
		}
		for _, c := range x.Answer.Choices {
			if c >= 0 && c < len(out.Choices) {
				out.Choices[c].Students++
			}
		}
	}
	for _, t := range out.Choices {
		if !t.Correct && t.Misconception != "" && t.Students > 0 {
			out.Misconceptions = append(out.Misconceptions, t)
		}
	}
	sort.SliceStable(out.Misconceptions, func(i, j int) bool { return out.Misconceptions[i].Students > out.Misconceptions[j].Students })
	return out
}

// Results returns every student's result per finished question (engine
// record order), for exports.
func (r *Room) Results() [][]Result {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([][]Result, len(r.results))
	for i, res := range r.results {
		out[i] = append([]Result(nil), res...)
	}
	return out
}

// The phone's view of the lesson, sent as JSON by the handlers.

// ChoiceView is one choice, step or right-hand side as the phone shows it.
type ChoiceView struct {
	Index  int    `json:"index"` // in the pack's order: what the phone sends back
	Letter string `json:"letter,omitempty"`
	Text   string `json:"text"`
}

// EstimateView is an estimate question's slider.
type EstimateView struct {
	Min  float64 `json:"min"`
	Max  float64 `json:"max"`
	Step float64 `json:"step,omitempty"`
	Unit string  `json:"unit,omitempty"`
	Log  bool    `json:"log,omitempty"`
}

// QuestionView is the open question.
type QuestionView struct {
	Index      int           `json:"index"`
	Type       string        `json:"type"`
	Prompt     string        `json:"prompt"`
	Choices    []ChoiceView  `json:"choices,omitempty"`
	Steps      []ChoiceView  `json:"steps,omitempty"`  // order: in their starting shuffle
	Lefts      []string      `json:"lefts,omitempty"`  // match: in the pack's order
	Rights     []ChoiceView  `json:"rights,omitempty"` // match: as the projector shows them
	Estimate   *EstimateView `json:"estimate,omitempty"`
	Confidence bool          `json:"confidence,omitempty"`
	LimitMS    int64         `json:"limit_ms,omitempty"`
	LeftMS     int64         `json:"left_ms,omitempty"`
	Running    bool          `json:"running,omitempty"` // the countdown runs
}

// AnswerView is an answer in the pack's indexes, as the phone sends it.
type AnswerView struct {
	Index      int     `json:"index"`
	Choices    []int   `json:"choices,omitempty"`
	Order      []int   `json:"order,omitempty"`
	Match      []int   `json:"match,omitempty"`
	Value      float64 `json:"value,omitempty"`
	HasValue   bool    `json:"has_value,omitempty"`
	Confidence int     `json:"confidence,omitempty"`
}

func (a AnswerView) answer() quiz.Answer {
	return quiz.Answer{Choices: a.Choices, Order: a.Order, Match: a.Match, Value: a.Value, HasValue: a.HasValue, Confidence: quiz.Confidence(a.Confidence)}
}

func answerView(index int, a quiz.Answer) *AnswerView {
	return &AnswerView{Index: index, Choices: a.Choices, Order: a.Order, Match: a.Match, Value: a.Value, HasValue: a.HasValue, Confidence: int(a.Confidence)}
}

// SourceView is one source of a question.
type SourceView struct {
	Citation string `json:"citation"`
	Summary  string `json:"summary,omitempty"`
	Link     string `json:"link,omitempty"`
}

// FeedbackView is what a phone shows after the reveal.
type FeedbackView struct {
	Index       int          `json:"index"`
	Prompt      string       `json:"prompt"`
	Answered    bool         `json:"answered"`
	Correct     bool         `json:"correct"`
	Partly      bool         `json:"partly,omitempty"`
	Points      int          `json:"points"`
	Yours       string       `json:"yours,omitempty"`
	Right       string       `json:"right"`
	Explanation string       `json:"explanation"`
	Evidence    string       `json:"evidence,omitempty"`
	Sources     []SourceView `json:"sources,omitempty"`
}

// View is the whole of what one phone shows.
type View struct {
	Screen   string          `json:"screen"` // lobby, question, locked, reveal, board, results, removed
	Code     string          `json:"code"`
	Name     string          `json:"name,omitempty"`
	Team     string          `json:"team,omitempty"`
	Teams    []string        `json:"teams,omitempty"` // a grouped room's teams, to pick at join
	Closed   bool            `json:"closed,omitempty"`
	Number   int             `json:"number,omitempty"` // the question's number, 1 = first
	Total    int             `json:"total"`
	Question *QuestionView   `json:"question,omitempty"`
	Yours    *AnswerView     `json:"yours,omitempty"`
	Answered int             `json:"answered"`
	Of       int             `json:"of"`
	Feedback *FeedbackView   `json:"feedback,omitempty"`
	Rank     int             `json:"rank,omitempty"`
	Points   int             `json:"points"`
	Missed   []*FeedbackView `json:"missed,omitempty"`
	Paused   bool            `json:"paused,omitempty"`
	Blank    bool            `json:"blank,omitempty"`
}

// Letter is the letter of a choice shown at position k, as the projector
// labels it.
func Letter(k int) string { return string(rune('A' + k)) }

// ViewFor is what the phone of the student with this token shows now
// (an empty token: a phone that has not joined yet).
func (r *Room) ViewFor(token string, now time.Time) View {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.viewFor(token, now)
}

func (r *Room) viewFor(token string, now time.Time) View {
	g := r.game
	v := View{Code: r.code, Total: g.Len(), Closed: r.closed}
	v.Answered, v.Of = r.answered()
	if r.grouped {
		v.Teams = g.Teams()
	}
	s, ok := r.byToken[token]
	if token == "" || !ok {
		v.Screen = "lobby"
		return v
	}
	if s.Removed {
		v.Screen = "removed"
		return v
	}
	v.Name = s.Name
	if r.grouped {
		v.Team = g.Teams()[s.Team]
	}
	if g.Phase() != classroom.Asking || !r.started { // no ranks while answering: 200 phones ask after every answer
		for _, st := range r.standings() {
			if st.ID == s.ID {
				v.Rank, v.Points = st.Rank, st.Points
			}
		}
	}
	v.Blank, v.Paused = g.Blanked(), g.Paused()
	switch {
	case !r.started:
		v.Screen = "lobby"
	case g.Phase() == classroom.Done:
		v.Screen = "results"
		for i, rec := range g.Records() {
			if rec.Skipped {
				continue
			}
			if f := r.feedback(i, s.ID); !f.Correct {
				v.Missed = append(v.Missed, f)
			}
		}
	case g.Phase() == classroom.Locked:
		v.Screen = "reveal"
		if g.Screen() == classroom.ShowBoard {
			v.Screen = "board"
		}
		v.Number = g.Index() + 1
		if n := len(r.results); n > 0 {
			v.Feedback = r.feedback(n-1, s.ID)
		}
	default:
		v.Number = g.Index() + 1
		it := g.Current()
		if g.Screen() != classroom.ShowQuestion || it == nil {
			v.Screen = "locked" // hot-seat screens never come with phones
			break
		}
		v.Screen = "question"
		v.Question = r.questionView(it, now)
		if a, ok := r.answers[g.Index()][s.ID]; ok {
			v.Yours = answerView(g.Index(), a.Answer)
		}
	}
	return v
}

func (r *Room) questionView(it *quiz.Item, now time.Time) *QuestionView {
	g := r.game
	q := it.Question
	qv := &QuestionView{Index: g.Index(), Type: string(q.Type), Prompt: q.Prompt, Confidence: g.Config().Mode == quiz.Confident}
	switch q.Type {
	case pack.Single, pack.Multi, pack.TrueFalse:
		for k, ci := range it.ChoiceOrder {
			qv.Choices = append(qv.Choices, ChoiceView{Index: ci, Letter: Letter(k), Text: q.Choices[ci].Text})
		}
	case pack.Order:
		for _, si := range it.StepOrder {
			qv.Steps = append(qv.Steps, ChoiceView{Index: si, Text: q.Steps[si]})
		}
	case pack.Match:
		rights := q.Rights()
		for _, p := range q.Pairs {
			qv.Lefts = append(qv.Lefts, p.Left)
		}
		for k, ri := range it.RightOrder {
			qv.Rights = append(qv.Rights, ChoiceView{Index: ri, Letter: Letter(k), Text: rights[ri]})
		}
	case pack.Estimate:
		if e := q.Estimate; e != nil {
			qv.Estimate = &EstimateView{Min: e.Min, Max: e.Max, Step: e.Step, Unit: e.Unit, Log: e.Scale == pack.Log}
		}
	}
	if it.TimeLimit > 0 {
		qv.LimitMS = it.TimeLimit.Milliseconds()
		qv.LeftMS = g.Remaining(now).Milliseconds()
		qv.Running = g.TimerRunning() && !g.Paused() && !g.Overtime()
	}
	return qv
}

// feedback is a student's outcome on the finished question of record i.
func (r *Room) feedback(i, id int) *FeedbackView {
	rec := r.game.Records()[i]
	q := r.game.Items()[rec.Index].Question
	f := &FeedbackView{Index: rec.Index, Prompt: q.Prompt, Explanation: q.Explanation, Evidence: q.Evidence.Label(),
		Right: quiz.Describe(q, quiz.RightAnswer(q))}
	for _, src := range q.Sources {
		f.Sources = append(f.Sources, SourceView{Citation: src.Citation, Summary: src.Summary(), Link: src.Link()})
	}
	if i < len(r.results) && id < len(r.results[i]) {
		x := r.results[i][id]
		f.Answered, f.Correct, f.Points = x.Answered, x.Correct, x.Points.Total
		f.Partly = !x.Correct && x.Credit > 0
		if x.Answered {
			f.Yours = quiz.Describe(q, x.Answer)
		}
	}
	return f
}
