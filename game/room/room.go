// Package room lets every student answer a classroom game on their own
// phone: it holds the students who joined (names, tokens, teams), one
// answer per student per question, and scores them when the lesson's
// engine (game/classroom) locks. It wraps the engine behind one mutex, so
// the projector's scene and the phones' HTTP handlers (http.go) see the
// same lesson; the engine's clock decides when answers are refused. It is
// pure Go: no window.
package room

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"gutskin/game/classroom"
	"gutskin/game/pack"
	"gutskin/game/quiz"
)

// MaxName is the most characters a student's name keeps.
const MaxName = 24

// MaxStudents is the most students a room takes.
const MaxStudents = 400

// Class is the one group of a game played by individuals.
const Class = "Class"

// Errors of the room.
var (
	ErrClosed    = errors.New("the room is closed to new students")
	ErrFull      = errors.New("the room is full")
	ErrNoName    = errors.New("type a name")
	ErrNoStudent = errors.New("no such student")
	ErrLocked    = errors.New("answers are locked for this question")
	ErrNotYet    = errors.New("the question has not started yet")
	ErrBadAnswer = errors.New("that answer does not fit the question")
	ErrNoTeam    = errors.New("no such team")
)

// Student is one phone in the room.
type Student struct {
	ID      int
	Name    string
	Token   string
	Team    int // index in the game's teams; always 0 for individuals
	Removed bool
}

// Given is a student's answer to one question.
type Given struct {
	Answer  quiz.Answer
	Elapsed time.Duration // from the timer's start; the whole limit before it
}

// Result is a student's outcome on one finished question.
type Result struct {
	Answered bool
	Answer   quiz.Answer
	Credit   float64
	Correct  bool
	Points   quiz.Points
}

// Room is a classroom game played on phones.
type Room struct {
	mu       sync.Mutex
	code     string
	game     *classroom.Game
	grouped  bool // students are put in the game's teams
	started  bool // past the join screen
	closed   bool
	students []*Student
	byToken  map[string]*Student
	answers  map[int]map[int]Given // question index -> student ID -> answer
	results  [][]Result            // per engine record, per student ID
	version  uint64
	subs     map[chan struct{}]struct{}
	now      func() time.Time
}

// New makes a room over a game whose Config has Phones set. Grouped puts
// students in the game's teams; otherwise each plays alone.
func New(g *classroom.Game, grouped bool) *Room {
	return &Room{code: NewCode(), game: g, grouped: grouped, byToken: map[string]*Student{},
		answers: map[int]map[int]Given{}, subs: map[chan struct{}]struct{}{}, now: time.Now}
}

// SetClock replaces the room's clock (tests).
func (r *Room) SetClock(now func() time.Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.now = now
}

// codeLetters has no letters that read as others (I, O, 0, 1, L).
const codeLetters = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

// NewCode is a short random room code.
func NewCode() string {
	b := make([]byte, 4)
	rand.Read(b)
	for i := range b {
		b[i] = codeLetters[int(b[i])%len(codeLetters)]
	}
	return string(b)
}

// newToken is a student's secret, 128 random bits.
func newToken() string {
	b := make([]byte, 16)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// Now is the time on the room's clock.
func (r *Room) Now() time.Time {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.now()
}

// Code is the room code phones must send.
func (r *Room) Code() string { return r.code }

// Grouped reports whether students are put in teams.
func (r *Room) Grouped() bool { return r.grouped }

// CleanName trims a name, removes control and format characters, folds
// runs of spaces and keeps at most MaxName characters.
func CleanName(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	var b strings.Builder
	space := false
	n := 0
	for _, c := range s {
		if unicode.IsSpace(c) {
			space = b.Len() > 0
			continue
		}
		if unicode.IsControl(c) || unicode.Is(unicode.Cf, c) || unicode.Is(unicode.Co, c) || c == utf8.RuneError {
			continue
		}
		if space {
			if n+1 >= MaxName {
				break
			}
			b.WriteByte(' ')
			n++
			space = false
		}
		if n >= MaxName {
			break
		}
		b.WriteRune(c)
		n++
	}
	return b.String()
}

// Join adds a student, or finds the one whose token this is (a phone that
// reloaded or lost the Wi-Fi keeps its identity; a closed room still
// takes it back). Team is the team asked for, -1 for the smallest.
func (r *Room) Join(name, token string, team int) (Student, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if s, ok := r.byToken[token]; ok && token != "" {
		if s.Removed {
			return Student{}, ErrNoStudent
		}
		return *s, nil
	}
	if r.closed {
		return Student{}, ErrClosed
	}
	name = CleanName(name)
	if name == "" {
		return Student{}, ErrNoName
	}
	if len(r.students) >= MaxStudents {
		return Student{}, ErrFull
	}
	teams := r.game.Teams()
	switch {
	case !r.grouped:
		team = 0
	case team >= len(teams):
		return Student{}, ErrNoTeam
	case team < 0:
		team = r.smallestTeam()
	}
	s := &Student{ID: len(r.students), Name: r.uniqueName(name, -1), Token: newToken(), Team: team}
	r.students = append(r.students, s)
	r.byToken[s.Token] = s
	r.changed()
	return *s, nil
}

func (r *Room) smallestTeam() int {
	count := make([]int, len(r.game.Teams()))
	for _, s := range r.students {
		if !s.Removed {
			count[s.Team]++
		}
	}
	best := 0
	for t, c := range count {
		if c < count[best] {
			best = t
		}
	}
	return best
}

// uniqueName adds " 2", " 3"... to a name another student has.
func (r *Room) uniqueName(name string, except int) string {
	taken := func(n string) bool {
		for _, s := range r.students {
			if s.ID != except && !s.Removed && strings.EqualFold(s.Name, n) {
				return true
			}
		}
		return false
	}
	if !taken(name) {
		return name
	}
	for k := 2; ; k++ {
		suffix := " " + strconv.Itoa(k)
		base := []rune(name)
		if len(base)+len(suffix) > MaxName {
			base = base[:MaxName-len(suffix)]
		}
		if n := string(base) + suffix; !taken(n) {
			return n
		}
	}
}

// Student finds a student by token.
func (r *Room) Student(token string) (Student, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s, ok := r.byToken[token]
	if !ok || s.Removed || token == "" {
		return Student{}, false
	}
	return *s, true
}

// Students lists the students in the room, in joining order.
func (r *Room) Students() []Student {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.present()
}

func (r *Room) present() []Student {
	var out []Student
	for _, s := range r.students {
		if !s.Removed {
			out = append(out, *s)
		}
	}
	return out
}

// Remove takes a student out of the room: the phone is told, its token no
// longer works, and the student is left out of counts and scoreboards.
func (r *Room) Remove(id int) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if id < 0 || id >= len(r.students) || r.students[id].Removed {
		return ErrNoStudent
	}
	r.students[id].Removed = true
	r.changed()
	return nil
}

// NeutralName is the name a teacher gives a student whose own name the
// room should not see: "Student 7" for id 6.
func NeutralName(id int) string { return "Student " + strconv.Itoa(id+1) }

// Rename gives a student another name, cleaned as a joining name is.
func (r *Room) Rename(id int, name string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if id < 0 || id >= len(r.students) || r.students[id].Removed {
		return ErrNoStudent
	}
	name = CleanName(name)
	if name == "" {
		return ErrNoName
	}
	r.students[id].Name = r.uniqueName(name, id)
	r.changed()
	return nil
}

// SetClosed closes the room to new students (true) or opens it again.
// Students already in keep playing and can rejoin.
func (r *Room) SetClosed(closed bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed != closed {
		r.closed = closed
		r.changed()
	}
}

// Closed reports whether the room takes no new students.
func (r *Room) Closed() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.closed
}

// Start leaves the join screen for the first question.
func (r *Room) Start() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.started {
		r.started = true
		r.changed()
	}
}

// Started reports whether the game is past the join screen.
func (r *Room) Started() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.started
}

// Do applies a teacher's intent to the lesson (see classroom.Game.Do) and
// scores the students when it locks a question.
func (r *Room) Do(in classroom.Intent, now time.Time) classroom.Outcome {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.game.Do(in, now)
	if out.Changed {
		r.sync()
		r.changed()
	}
	return out
}

// Tick applies the clock (see classroom.Game.Tick). Only Do and Tick
// change the engine, so the goroutine that calls them (the projector's)
// may read the game without the lock; handlers read it under the lock.
func (r *Room) Tick(now time.Time) classroom.Outcome {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.tick(now)
	return out
}

func (r *Room) tick(now time.Time) classroom.Outcome {
	out := r.game.Tick(now)
	if out.Changed {
		r.sync()
		r.changed()
	}
	return out
}

// Game is the room's game. Only the goroutine that calls Do and Tick (the
// projector's) may read it without View.
func (r *Room) Game() *classroom.Game { return r.game }

// View runs f with the game while nothing else can change it: the scene
// reads what it draws inside f.
func (r *Room) View(f func(g *classroom.Game)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	f(r.game)
}

// sync scores the records the engine has locked since the last call, and
// forgets those it undid.
func (r *Room) sync() {
	recs := r.game.Records()
	if len(r.results) > len(recs) {
		r.results = r.results[:len(recs)]
	}
	items := r.game.Items()
	for len(r.results) < len(recs) {
		rec := recs[len(r.results)]
		res := make([]Result, len(r.students))
		if !rec.Skipped {
			it := items[rec.Index]
			limit := it.TimeLimit.Seconds()
			mode := r.game.Config().Mode
			for id := range r.students {
				g, ok := r.answers[rec.Index][id]
				if !ok {
					continue
				}
				x := Result{Answered: true, Answer: g.Answer, Credit: quiz.Credit(it.Question, g.Answer)}
				x.Correct = x.Credit == 1
				conf := g.Answer.Confidence
				if mode == quiz.Confident && conf == quiz.NoConfidence {
					conf = quiz.Unsure
				}
				x.Points = quiz.Score(mode, it.Question, x.Credit, conf, r.streak(id), g.Elapsed.Seconds(), limit)
				res[id] = x
			}
		}
		r.results = append(r.results, res)
	}
}

// streak is how many questions in a row a student has fully right, up to
// the results scored so far.
func (r *Room) streak(id int) int {
	n := 0
	for i := len(r.results) - 1; i >= 0; i-- {
		rec := r.game.Records()[i]
		if rec.Skipped {
			continue
		}
		if id >= len(r.results[i]) || !r.results[i][id].Correct {
			break
		}
		n++
	}
	return n
}

// Open reports whether answers are taken now, after the clock has had its
// say.
func (r *Room) open() error {
	if !r.started {
		return ErrNotYet
	}
	if r.game.Phase() != classroom.Asking || r.game.Screen() != classroom.ShowQuestion || r.game.Current() == nil {
		return ErrLocked
	}
	return nil
}

// Answer takes a student's answer to question index (the phone says which
// question it answers, so a late answer never lands on the next one). It
// replaces the student's earlier answer until the lock.
func (r *Room) Answer(token string, index int, a quiz.Answer) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	s, ok := r.byToken[token]
	if !ok || s.Removed || token == "" {
		return ErrNoStudent
	}
	now := r.now()
	if err := r.open(); err != nil {
		return err
	}
	if r.game.LockDue(now) { // the engine's clock has run out; the projector's next Tick locks
		return ErrLocked
	}
	if index != r.game.Index() {
		return ErrLocked
	}
	it := r.game.Current()
	a, err := check(it, a, r.game.Config().Mode == quiz.Confident)
	if err != nil {
		return err
	}
	took := it.TimeLimit
	if r.game.TimerRunning() && it.TimeLimit > 0 {
		took = it.TimeLimit - r.game.Remaining(now)
	}
	if r.answers[index] == nil {
		r.answers[index] = map[int]Given{}
	}
	r.answers[index][s.ID] = Given{Answer: a, Elapsed: took}
	r.changed()
	return nil
}

// check validates an answer against the question and returns it cleaned.
func check(it *quiz.Item, a quiz.Answer, confident bool) (quiz.Answer, error) {
	q := it.Question
	out := quiz.Answer{}
	distinct := func(xs []int, n int) bool {
		seen := make([]bool, n)
		for _, x := range xs {
			if x < 0 || x >= n || seen[x] {
				return false
			}
			seen[x] = true
		}
		return true
	}
	switch q.Type {
	case pack.Single, pack.TrueFalse:
		if len(a.Choices) != 1 || !distinct(a.Choices, len(q.Choices)) {
			return out, ErrBadAnswer
		}
		out.Choices = slices.Clone(a.Choices)
	case pack.Multi:
		if len(a.Choices) == 0 || !distinct(a.Choices, len(q.Choices)) {
			return out, ErrBadAnswer
		}
		out.Choices = slices.Clone(a.Choices)
		slices.Sort(out.Choices)
	case pack.Order:
		if len(a.Order) != len(q.Steps) || !distinct(a.Order, len(q.Steps)) {
			return out, ErrBadAnswer
		}
		out.Order = slices.Clone(a.Order)
	case pack.Match:
		if len(a.Match) != len(q.Pairs) {
			return out, ErrBadAnswer
		}
		var joined []int
		for _, m := range a.Match {
			if m < -1 || m >= len(q.Rights()) {
				return out, ErrBadAnswer
			}
			if m >= 0 {
				joined = append(joined, m)
			}
		}
		if len(joined) == 0 || !distinct(joined, len(q.Rights())) {
			return out, ErrBadAnswer
		}
		out.Match = slices.Clone(a.Match)
	case pack.Estimate:
		e := q.Estimate
		if !a.HasValue || e == nil || math.IsNaN(a.Value) || math.IsInf(a.Value, 0) || a.Value < e.Min || a.Value > e.Max {
			return out, ErrBadAnswer
		}
		out.Value, out.HasValue = a.Value, true
	default:
		return out, ErrBadAnswer
	}
	if confident {
		if a.Confidence < quiz.Unsure || a.Confidence > quiz.Sure {
			return out, ErrBadAnswer
		}
		out.Confidence = a.Confidence
	}
	return out, nil
}

// Given returns a student's answer to question index, if any.
func (r *Room) Given(id, index int) (quiz.Answer, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	g, ok := r.answers[index][id]
	return g.Answer, ok
}

// Answered counts the students in the room with an answer to the current
// question, and the students in the room.
func (r *Room) Answered() (answered, of int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.answered()
}

func (r *Room) answered() (answered, of int) {
	idx := r.game.Index()
	for _, s := range r.students {
		if s.Removed {
			continue
		}
		of++
		if _, ok := r.answers[idx][s.ID]; ok {
			answered++
		}
	}
	return answered, of
}

// Version counts the changes the phones have been told of.
func (r *Room) Version() uint64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.version
}

// changed tells every listening phone (and the projector) that something
// changed. The caller holds mu.
func (r *Room) changed() {
	r.version++
	for c := range r.subs {
		select {
		case c <- struct{}{}:
		default: // a change is already waiting to be read
		}
	}
}

// Subscribe returns a channel that receives a signal after each change,
// and the function that stops it.
func (r *Room) Subscribe() (<-chan struct{}, func()) {
	c := make(chan struct{}, 1)
	r.mu.Lock()
	r.subs[c] = struct{}{}
	r.mu.Unlock()
	return c, func() {
		r.mu.Lock()
		delete(r.subs, c)
		r.mu.Unlock()
	}
}

// Listeners counts the subscribed channels.
func (r *Room) Listeners() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.subs)
}
