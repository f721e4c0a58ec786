// Package classroom runs a quiz for teams in a room: a question is shown,
// the teacher starts the timer, each team's answer is entered, answers are
// locked and scored, the reveal shows how the room answered, and a
// scoreboard follows. It keeps every scoring step undoable, takes points
// added or taken by hand, saves its whole state after every question, and
// resumes from a save. It is pure Go: no window, no clock of its own.
package classroom

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"gutskin/game/pack"
	"gutskin/game/quiz"
)

// MaxTeams is the most teams a game can have.
const MaxTeams = 8

// Types are the question types a classroom game asks: a team's answer is a
// choice the teacher enters with one key or click. Order, match and
// estimate questions need each team at the controls and are left out.
var Types = []pack.Type{pack.Single, pack.Multi, pack.TrueFalse}

// Config sets a classroom game up.
type Config struct {
	Teams      []string // 1 to MaxTeams names
	Packs      []*pack.Pack
	Difficulty int
	Length     int
	Seed       uint64
	Mode       quiz.Mode     // "" means accuracy
	TimeLimit  time.Duration // 0: no timer
	// ScoreboardEvery shows the scoreboard after every question when 0 or
	// 1, else only after every N questions (and at the end).
	ScoreboardEvery int
	// HotSeat has each team answer in turn at the controls: every question
	// type can then be asked. Without it the teacher enters each team's
	// choice, and only choice questions (Types) are asked.
	HotSeat bool
	// Questions, when set, are the game's questions ("pack/question"), in
	// the order asked: a prepared lesson. Length and Difficulty are then
	// not used.
	Questions []string
	// Projector is the projector look (high contrast, extra-large text),
	// kept with the game so a resumed game looks as it did.
	Projector bool
}

// Phase is where the current question stands.
type Phase int

// The phases.
const (
	Asking Phase = iota // answers can be entered
	Locked              // answers are locked and scored; reveal and scoreboard
	Done                // every question asked, or ended early
)

// TeamResult is one team's answer to one question and its points.
type TeamResult struct {
	Answered bool
	Answer   quiz.Answer
	Credit   float64
	Correct  bool
	Points   quiz.Points
	Elapsed  time.Duration // from the timer's start (pauses left out)
}

// Record is how one question went, team by team.
type Record struct {
	Key     string // "pack/question"
	Index   int    // position in the game
	Skipped bool
	// TimedOut is set when the clock locked the answers.
	TimedOut bool `json:",omitempty"`
	Teams    []TeamResult
}

// Adjustment is a change of points made by hand.
type Adjustment struct {
	Team   int
	Points int
	Reason string
	After  int // the number of questions finished when it was made
}

// state is everything that changes; undo keeps copies of it.
type state struct {
	Index       int
	Phase       Phase
	Answers     []*TeamResult // current question, per team (nil: none yet)
	Records     []Record
	Adjustments []Adjustment
	Streaks     []int
	TimerOn     bool
	TimerStart  time.Time
	PausedAt    time.Time // zero when not paused
	PausedFor   time.Duration
	LastRanks   []int // ranks at the previous scoreboard, for changes
	EndedEarly  bool

	// The lesson's flow (flow.go).
	Screen      Screen
	Selected    int       // team whose answer the next choice sets, -1
	Turn        int       // hot-seat team at the controls or next
	Blank       bool      // the screen is blank
	BlankPaused bool      // blanking paused the clock
	Overtime    bool      // time ran out, the question was reopened by undo
	EndArmed    time.Time // the first EndEarly, waiting for the second
	LateTurn    int       // hot-seat: the team whose time just ran out, or -1
}

func (s *state) clone() state {
	c := *s
	c.Answers = make([]*TeamResult, len(s.Answers))
	for i, a := range s.Answers {
		if a != nil {
			cp := *a
			c.Answers[i] = &cp
		}
	}
	c.Records = append([]Record(nil), s.Records...)
	c.Adjustments = append([]Adjustment(nil), s.Adjustments...)
	c.Streaks = append([]int(nil), s.Streaks...)
	c.LastRanks = append([]int(nil), s.LastRanks...)
	return c
}

// Game is a classroom game in progress.
type Game struct {
	cfg   Config
	items []*quiz.Item
	s     state
	undo  []state
}

// Errors of the engine.
var (
	ErrNotAsking = errors.New("answers are locked for this question")
	ErrNoTeam    = errors.New("no such team")
	ErrNothing   = errors.New("nothing to undo")
	ErrDone      = errors.New("the game is over")
)

// New starts a game. The questions are chosen as a solo round's are, so
// the same seed and packs always give the same game.
func New(cfg Config) (*Game, error) {
	if len(cfg.Teams) < 1 || len(cfg.Teams) > MaxTeams {
		return nil, fmt.Errorf("a classroom game needs 1 to %d teams, not %d", MaxTeams, len(cfg.Teams))
	}
	seen := map[string]bool{}
	cfg.Teams = slices.Clone(cfg.Teams)
	for i, t := range cfg.Teams {
		t = strings.TrimSpace(t)
		cfg.Teams[i] = t
		if t == "" || seen[t] {
			return nil, fmt.Errorf("team names must be given and differ: %q", t)
		}
		seen[t] = true
	}
	if cfg.Mode == "" {
		cfg.Mode = quiz.Accuracy
	}
	types := Types
	if cfg.HotSeat {
		types = nil
	}
	qc := quiz.Config{Packs: cfg.Packs, Difficulty: cfg.Difficulty, Length: cfg.Length, Seed: cfg.Seed, Mode: cfg.Mode,
		TimeLimit: cfg.TimeLimit, Types: types}
	if len(cfg.Questions) > 0 {
		qc.Only, qc.Length, qc.Difficulty = cfg.Questions, 0, 0
	}
	r, err := quiz.New(qc)
	lesson := len(cfg.Questions) > 0
	if err != nil && !(lesson && errors.Is(err, quiz.ErrNoQuestions)) {
		return nil, err
	}
	var items []*quiz.Item
	if r != nil {
		items = r.Items()
	}
	if lesson {
		if items, err = inOrder(items, cfg.Questions, cfg.HotSeat); err != nil {
			return nil, err
		}
	}
	g := &Game{cfg: cfg, items: items}
	g.s.Streaks = make([]int, len(cfg.Teams))
	g.s.Answers = make([]*TeamResult, len(cfg.Teams))
	g.s.Selected, g.s.LateTurn = -1, -1
	g.enterQuestion()
	return g, nil
}

// Config returns the game's set-up.
func (g *Game) Config() Config { return g.cfg }

// Teams returns the team names.
func (g *Game) Teams() []string { return g.cfg.Teams }

// Len is the number of questions.
func (g *Game) Len() int { return len(g.items) }

// Index is the current question's position.
func (g *Game) Index() int { return g.s.Index }

// Phase is the current question's phase.
func (g *Game) Phase() Phase { return g.s.Phase }

// Items returns the game's questions in order.
func (g *Game) Items() []*quiz.Item { return g.items }

// Current is the question being asked or revealed; nil when done.
func (g *Game) Current() *quiz.Item {
	if g.s.Phase == Done || g.s.Index >= len(g.items) {
		return nil
	}
	return g.items[g.s.Index]
}

// Records returns the finished questions.
func (g *Game) Records() []Record { return g.s.Records }

// Adjustments returns the points changed by hand.
func (g *Game) Adjustments() []Adjustment { return g.s.Adjustments }

// EndedEarly reports whether the teacher ended the game before its end.
func (g *Game) EndedEarly() bool { return g.s.EndedEarly }

func (g *Game) push() { g.undo = append(g.undo, g.s.clone()) }

// SetAnswer enters (or replaces) a team's answer while answers are open.
// On a timed question an answer entered before the timer starts earns no
// speed bonus: it counts as given at the last moment.
func (g *Game) SetAnswer(team int, a quiz.Answer, now time.Time) error {
	if g.s.Phase != Asking {
		return ErrNotAsking
	}
	if team < 0 || team >= len(g.cfg.Teams) {
		return ErrNoTeam
	}
	took := g.elapsed(now)
	if !g.s.TimerOn {
		took = g.limit()
	}
	g.s.Answers[team] = &TeamResult{Answered: true, Answer: a, Elapsed: took}
	return nil
}

// SetAnswerTook enters a team's answer with the time it took on its own
// turn (hot-seat), for the speed bonus.
func (g *Game) SetAnswerTook(team int, a quiz.Answer, took time.Duration) error {
	if g.s.Phase != Asking {
		return ErrNotAsking
	}
	if team < 0 || team >= len(g.cfg.Teams) {
		return ErrNoTeam
	}
	g.s.Answers[team] = &TeamResult{Answered: true, Answer: a, Elapsed: max(0, took)}
	return nil
}

// ClearAnswer removes a team's answer while answers are open.
func (g *Game) ClearAnswer(team int) {
	if g.s.Phase == Asking && team >= 0 && team < len(g.s.Answers) {
		g.s.Answers[team] = nil
	}
}

// Answer returns a team's entered answer for the current question.
func (g *Game) Answer(team int) (quiz.Answer, bool) {
	if team < 0 || team >= len(g.s.Answers) || g.s.Answers[team] == nil {
		return quiz.Answer{}, false
	}
	return g.s.Answers[team].Answer, true
}

// Answered counts the teams with an answer in.
func (g *Game) Answered() int {
	n := 0
	for _, a := range g.s.Answers {
		if a != nil {
			n++
		}
	}
	return n
}

// Lock closes the answers and scores them. A team without an answer gets
// nothing (never a loss). Undo reopens the answers.
func (g *Game) Lock(now time.Time) (Record, error) {
	it := g.Current()
	if it == nil {
		return Record{}, ErrDone
	}
	if g.s.Phase != Asking {
		return Record{}, ErrNotAsking
	}
	g.push()
	g.Resume(now)
	rec := Record{Key: it.Key(), Index: g.s.Index, Teams: make([]TeamResult, len(g.cfg.Teams))}
	limit := it.TimeLimit.Seconds()
	for t := range g.cfg.Teams {
		res := TeamResult{}
		if a := g.s.Answers[t]; a != nil {
			res = *a
			res.Credit = quiz.Credit(it.Question, a.Answer)
			if g.untouched(t, it.Question, a.Answer) {
				res.Credit = 0 // a card handed in as it came earns nothing
			}
			res.Correct = res.Credit == 1
			conf := a.Answer.Confidence
			if g.cfg.Mode == quiz.Confident && conf == quiz.NoConfidence {
				conf = quiz.Unsure
			}
			res.Points = quiz.Score(g.cfg.Mode, it.Question, res.Credit, conf, g.s.Streaks[t], res.Elapsed.Seconds(), limit)
		}
		if res.Correct {
			g.s.Streaks[t]++
		} else {
			g.s.Streaks[t] = 0
		}
		rec.Teams[t] = res
	}
	g.s.Records = append(g.s.Records, rec)
	g.s.Phase = Locked
	return rec, nil
}

// Skip passes over the current question: no one scores, streaks are kept.
func (g *Game) Skip(now time.Time) error {
	it := g.Current()
	if it == nil {
		return ErrDone
	}
	if g.s.Phase != Asking {
		return ErrNotAsking
	}
	g.push()
	g.s.Records = append(g.s.Records, Record{Key: it.Key(), Index: g.s.Index, Skipped: true, Teams: make([]TeamResult, len(g.cfg.Teams))})
	g.advance()
	return nil
}

// Next moves on after a locked question.
func (g *Game) Next() error {
	if g.s.Phase != Locked {
		return ErrNotAsking
	}
	g.s.LastRanks = g.ranks()
	g.advance()
	return nil
}

func (g *Game) advance() {
	g.s.Index++
	g.s.Answers = make([]*TeamResult, len(g.cfg.Teams))
	g.s.TimerOn, g.s.PausedAt, g.s.PausedFor = false, time.Time{}, 0
	g.s.Phase = Asking
	g.s.Overtime = false
	if g.s.Index >= len(g.items) {
		g.s.Phase = Done
	}
}

// Adjust adds points to a team by hand (negative takes them); the results
// show it as such.
func (g *Game) Adjust(team, points int, reason string) error {
	if team < 0 || team >= len(g.cfg.Teams) {
		return ErrNoTeam
	}
	g.push()
	g.s.Adjustments = append(g.s.Adjustments, Adjustment{Team: team, Points: points, Reason: reason, After: len(g.s.Records)})
	return nil
}

// EndEarly ends the game now; the current question, if not locked, is not
// counted.
func (g *Game) EndEarly() {
	g.push()
	g.s.EndedEarly = true
	g.s.Phase = Done
}

// Undo reverts the last lock, skip, hand adjustment or early end.
func (g *Game) Undo() error {
	if len(g.undo) == 0 {
		return ErrNothing
	}
	g.s = g.undo[len(g.undo)-1]
	g.undo = g.undo[:len(g.undo)-1]
	return nil
}

// CanUndo reports whether there is something to undo.
func (g *Game) CanUndo() bool { return len(g.undo) > 0 }

// inOrder puts a lesson's questions in its order; a question missing from
// the packs, or one teacher entry cannot ask, is an error.
func inOrder(items []*quiz.Item, keys []string, hotSeat bool) ([]*quiz.Item, error) {
	byKey := map[string]*quiz.Item{}
	for _, it := range items {
		byKey[it.Key()] = it
	}
	out := make([]*quiz.Item, 0, len(keys))
	for _, k := range keys {
		it, ok := byKey[k]
		if !ok {
			if hotSeat {
				return nil, fmt.Errorf("the lesson's question %q is not in the chosen packs", k)
			}
			return nil, fmt.Errorf("the lesson's question %q is not in the chosen packs, or is not a choice question (play the lesson in hot-seat to ask every type)", k)
		}
		out = append(out, it)
	}
	return out, nil
}
