package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/classroom"
	"gutskin/game/convert"
	"gutskin/game/layout"
	"gutskin/game/pack"
	"gutskin/game/save"
)

// lessonsDir holds the lessons a teacher prepared, beside the packs.
func (a *App) lessonsDir() string {
	dir, ok := a.saveDir()
	if !ok {
		return ""
	}
	return filepath.Join(dir, "lessons")
}

// savedLesson is a lesson file found in the lessons folder.
type savedLesson struct {
	path    string
	lesson  *classroom.Lesson // nil when it cannot be played
	problem string            // why not
}

// readLessons reads and checks every lesson file, as packs are checked.
func readLessons(a *App) []savedLesson {
	dir := a.lessonsDir()
	if dir == "" {
		return nil
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*.toml"))
	slices.Sort(names)
	var out []savedLesson
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			out = append(out, savedLesson{path: n, problem: err.Error()})
			continue
		}
		l, diags := classroom.ParseLesson(filepath.Base(n), data, a.Packs())
		sl := savedLesson{path: n, lesson: l}
		if len(diags) > 0 {
			sl.problem = diags[0].String()
		}
		out = append(out, sl)
	}
	return out
}

// lessonEntry is one question the chooser lists.
type lessonEntry struct {
	p   *pack.Pack
	q   *pack.Question
	key string
}

// lessonTypes are the chooser's type filters.
var lessonTypes = []struct {
	label string
	types []pack.Type
}{{"All types", nil}, {"Choice (teacher entry)", classroom.Types}, {"Order", []pack.Type{pack.Order}}, {"Match", []pack.Type{pack.Match}},
	{"Estimate", []pack.Type{pack.Estimate}}}

// lessonScene prepares a lesson: browse the questions of the chosen packs
// with filters (pack, type, level, words typed), preview one as the class
// will see it, pick and order them, and save them as a lesson file.
type lessonScene struct {
	setup   *classSetupScene // where the lesson goes back to
	entries []lessonEntry
	picked  []string
	title   string
	editing bool // the title is being typed
	search  string
	pack    int // 0: every pack, else packs[pack-1]
	kind    int
	level   int
	first   int // first row shown
	rows    int // rows that fit
	btn     buttons
	saved   []savedLesson
	message string
}

func newLesson(a *App, setup *classSetupScene) *lessonScene {
	s := &lessonScene{setup: setup, title: "Lesson of " + a.now().Format("2 January 2006"), saved: readLessons(a)}
	for _, p := range setup.packsChosen(a) {
		for i := range p.Questions {
			q := &p.Questions[i]
			s.entries = append(s.entries, lessonEntry{p: p, q: q, key: q.Key(p)})
		}
	}
	if setup.lesson != nil {
		s.title, s.picked = setup.lesson.Title, slices.Clone(setup.lesson.Questions)
	}
	for _, sl := range s.saved {
		if sl.lesson == nil {
			s.message = sl.problem + " (this lesson cannot be played until it is fixed)"
			break
		}
	}
	return s
}

// shown lists the entries the filters keep.
func (s *lessonScene) shown(a *App) []lessonEntry {
	packs := s.setup.packsChosen(a)
	var out []lessonEntry
	words := strings.ToLower(strings.TrimSpace(s.search))
	for _, e := range s.entries {
		if s.pack > 0 && (s.pack > len(packs) || e.p != packs[s.pack-1]) {
			continue
		}
		if t := lessonTypes[s.kind].types; t != nil && !slices.Contains(t, e.q.Type) {
			continue
		}
		if s.level > 0 && e.q.Difficulty != s.level {
			continue
		}
		if words != "" && !strings.Contains(strings.ToLower(e.q.Prompt), words) {
			continue
		}
		out = append(out, e)
	}
	return out
}

func (s *lessonScene) layout(a *App) {
	u := a.unit()
	s.btn.reset()
	x, w := 3*u, a.w-6*u
	y := 6.5 * u
	bh := 3.6 * u
	packs := s.setup.packsChosen(a)
	packLabel := "Every pack"
	if s.pack > 0 && s.pack <= len(packs) {
		packLabel = packs[s.pack-1].Title
	}
	level := []string{"Any level", "Level 1", "Level 2", "Level 3"}[s.level]
	filters := layout.Grid(layout.Rect{X: x, Y: y, W: w, H: bh}, 4, 4, 0.6*u)
	s.btn.add(&button{id: "filter:pack", r: filters[0], label: packLabel, action: func() { s.pack = (s.pack + 1) % (len(packs) + 1); s.first = 0 }})
	s.btn.add(&button{id: "filter:type", r: filters[1], label: lessonTypes[s.kind].label, action: func() { s.kind = (s.kind + 1) % len(lessonTypes); s.first = 0 }})
	s.btn.add(&button{id: "filter:level", r: filters[2], label: level, action: func() { s.level = (s.level + 1) % 4; s.first = 0 }})
	find := "Words: type to filter"
	if s.search != "" {
		find = "Words: " + s.search + "_"
	}
	s.btn.add(&button{id: "filter:words", r: filters[3], label: find, action: func() { s.search = ""; s.first = 0 }})
	y += bh + u
	// The list on the left, the lesson on the right.
	listW := w*0.6 - u
	by := a.h - 4*u - 5.5*u             // the buttons
	openY := by - 0.8*u - 2.6*u         // the saved lessons
	bottom := openY - s.messageH(a) - u // the lists end above the message
	rowH := 3.2 * u
	s.rows = max(1, int((bottom-y)/(rowH+0.4*u)))
	list := s.shown(a)
	s.first = max(0, min(s.first, len(list)-s.rows))
	for i := s.first; i < len(list) && i < s.first+s.rows; i++ {
		e := list[i]
		r := layout.Rect{X: x, Y: y + float64(i-s.first)*(rowH+0.4*u), W: listW - 9*u, H: rowH}
		n := slices.Index(s.picked, e.key)
		tag := ""
		if n >= 0 {
			tag = fmt.Sprint(n + 1)
		}
		s.btn.add(&button{id: "q:" + e.key, r: r, label: fmt.Sprintf("%s · %s, level %d", e.q.Prompt, e.q.Type, e.q.Difficulty), hotkey: tag, selected: n >= 0,
			action: func() { s.toggle(e.key) }})
		s.btn.add(&button{id: "preview:" + e.key, r: layout.Rect{X: r.X + r.W + 0.6*u, Y: r.Y, W: 8.4 * u, H: rowH}, label: "Preview",
			action: func() { s.preview(a, e.key) }})
	}
	// The lesson: its title, then its questions in order with moves.
	lx := x + listW + u
	lw := w - listW - u
	title := s.title
	if s.editing {
		title += "_"
	}
	s.btn.add(&button{id: "title", r: layout.Rect{X: lx, Y: y, W: lw, H: rowH}, label: "Title: " + title, selected: s.editing, action: func() { s.editing = !s.editing }})
	py := y + rowH + 0.6*u
	for i, k := range s.picked {
		if py+rowH > bottom {
			break
		}
		k, i := k, i
		prompt := k
		if e := s.entry(k); e != nil {
			prompt = e.q.Prompt
		}
		r := layout.Rect{X: lx, Y: py, W: lw - 3*(3.4*u+0.4*u), H: rowH}
		s.btn.add(&button{id: fmt.Sprint("pick:", i), r: r, label: prompt, hotkey: fmt.Sprint(i + 1)})
		for j, m := range []struct {
			label string
			by    int
		}{{"Up", -1}, {"Down", 1}, {"Drop", 0}} {
			m := m
			s.btn.add(&button{id: fmt.Sprint("move:", i, ":", m.label), r: layout.Rect{X: r.X + r.W + 0.4*u + float64(j)*(3.4*u+0.4*u), Y: py, W: 3.4 * u, H: rowH},
				label: map[string]string{"Up": "↑", "Down": "↓", "Drop": "×"}[m.label], action: func() { s.move(i, m.by) }})
		}
		py += rowH + 0.4*u
	}
	// Saved lessons, to open one.
	sy := openY
	for i, sl := range s.saved {
		if i == 4 {
			break
		}
		sl := sl
		label := filepath.Base(sl.path)
		if sl.lesson != nil {
			label = sl.lesson.Title
		}
		r := layout.Rect{X: x + float64(i)*(w/4), Y: sy, W: w/4 - 0.6*u, H: 2.6 * u}
		s.btn.add(&button{id: fmt.Sprint("open:", i), r: r, label: "Open: " + label, disabled: sl.lesson == nil, action: func() { s.open(sl) }})
	}
	s.btn.add(&button{id: "back", r: layout.Rect{X: x, Y: by, W: 16 * u, H: 5.5 * u}, label: "Back", action: func() { a.goTo(s.setup) }})
	s.btn.add(&button{id: "save", r: layout.Rect{X: a.w/2 - 13*u, Y: by, W: 26 * u, H: 5.5 * u}, label: "Save the lesson", disabled: len(s.picked) == 0,
		action: func() { s.save(a) }})
	s.btn.add(&button{id: "use", r: layout.Rect{X: a.w - 3*u - 28*u, Y: by, W: 28 * u, H: 5.5 * u}, label: "Play this lesson", selected: true,
		disabled: len(s.picked) == 0, action: func() { s.use(a) }})
}

// messageH is the height of the message line above the saved lessons.
func (s *lessonScene) messageH(a *App) float64 {
	return a.textSize(0.75)*layout.LineHeightFactor + 0.4*a.unit()
}

func (s *lessonScene) entry(key string) *lessonEntry {
	for i := range s.entries {
		if s.entries[i].key == key {
			return &s.entries[i]
		}
	}
	return nil
}

func (s *lessonScene) toggle(key string) {
	if i := slices.Index(s.picked, key); i >= 0 {
		s.picked = slices.Delete(s.picked, i, i+1)
		return
	}
	if len(s.picked) < classroom.MaxLessonQuestions {
		s.picked = append(s.picked, key)
	}
}

// move moves pick i by one place (by 0 drops it).
func (s *lessonScene) move(i, by int) {
	switch j := i + by; {
	case by == 0:
		s.picked = slices.Delete(s.picked, i, i+1)
	case j >= 0 && j < len(s.picked):
		s.picked[i], s.picked[j] = s.picked[j], s.picked[i]
	}
}

func (s *lessonScene) open(sl savedLesson) {
	s.title, s.picked = sl.lesson.Title, slices.Clone(sl.lesson.Questions)
	s.message = "Opened " + filepath.Base(sl.path)
}

// lessonOf is the lesson as it stands.
func (s *lessonScene) lessonOf() *classroom.Lesson {
	title := strings.TrimSpace(s.title)
	if title == "" {
		title = "Lesson"
	}
	return &classroom.Lesson{Title: title, Questions: slices.Clone(s.picked)}
}

// save writes the lesson to the lessons folder, named after its title,
// and checks it as it will be read back.
func (s *lessonScene) save(a *App) bool {
	dir := a.lessonsDir()
	if dir == "" {
		s.message = "No save folder: the lesson cannot be kept"
		return false
	}
	l := s.lessonOf()
	data := l.Encode()
	if _, diags := classroom.ParseLesson("lesson", data, a.Packs()); len(diags) > 0 {
		s.message = diags[0].Message
		return false
	}
	name := convert.Slug(l.Title, 60)
	if name == "" {
		name = "lesson"
	}
	path := filepath.Join(dir, name+".toml")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		s.message = "The lesson cannot be saved: " + err.Error()
		return false
	}
	if err := save.WriteAtomic(path, data); err != nil {
		s.message = "The lesson cannot be saved: " + err.Error()
		return false
	}
	s.message = "Saved " + path
	s.saved = readLessons(a)
	return true
}

// use saves the lesson and takes it to the set-up, to be played.
func (s *lessonScene) use(a *App) {
	if len(s.picked) == 0 || !s.save(a) {
		return
	}
	s.setup.lesson = s.lessonOf()
	a.goTo(s.setup)
}

// preview shows the question exactly as the class will see it, on the
// projector's screen; Esc comes back.
func (s *lessonScene) preview(a *App, key string) {
	g, err := classroom.New(classroom.Config{Teams: s.setup.teams, Packs: s.setup.packsChosen(a), Questions: []string{key},
		TimeLimit: classTimers[s.setup.timer].d, HotSeat: s.setup.hotSeat, Projector: s.setup.projector})
	if err != nil {
		s.message = err.Error()
		return
	}
	p := newClassPlay(a, g)
	p.back = s
	a.goTo(p)
}

func (s *lessonScene) Update(a *App, evs []Event) {
	s.layout(a)
	for _, ev := range evs {
		switch {
		case s.editing && ev.Kind == EvKey && (ev.Key == KeyEnter || ev.Key == KeyEscape):
			s.editing = false
		case s.editing && ev.Kind == EvKey && ev.Key == KeyBackspace:
			if r := []rune(s.title); len(r) > 0 {
				s.title = string(r[:len(r)-1])
			}
		case s.editing && ev.Kind == EvRune:
			if len([]rune(s.title)) < 60 && unicode.IsPrint(ev.Rune) {
				s.title += string(ev.Rune)
			}
		case ev.Kind == EvKey && ev.Key == KeyEscape:
			a.setProjector(false)
			a.goTo(s.setup)
			return
		case ev.Kind == EvKey && ev.Key == KeyBackspace:
			if r := []rune(s.search); len(r) > 0 {
				s.search, s.first = string(r[:len(r)-1]), 0
			}
		case ev.Kind == EvKey && ev.Key == KeyPageDown:
			s.first += s.rows
		case ev.Kind == EvKey && ev.Key == KeyPageUp:
			s.first = max(0, s.first-s.rows)
		case ev.Kind == EvWheel:
			s.first = max(0, s.first-int(ev.DY*3))
		case ev.Kind == EvRune && (unicode.IsLetter(ev.Rune) || ev.Rune == ' ' || unicode.IsDigit(ev.Rune)):
			if len(s.search) < 30 {
				s.search, s.first = s.search+string(ev.Rune), 0
			}
		default:
			s.btn.handle(ev)
		}
		if a.scene != s {
			return
		}
		s.layout(a)
	}
}

func (s *lessonScene) Animating(a *App) bool { return false }

func (s *lessonScene) Draw(a *App, dst *ebiten.Image) {
	s.layout(a)
	u := a.unit()
	t := a.theme
	a.fonts.drawLine(dst, "Prepare a lesson", 3*u, 1.8*u, a.textSize(1.4), true, t.Text, Left)
	count := fmt.Sprintf("%d questions shown · %d in the lesson", len(s.shown(a)), len(s.picked))
	a.fonts.drawLine(dst, count, a.w-3*u, 2.4*u, a.textSize(0.8), false, t.Muted, Right)
	s.btn.draw(a, dst)
	if s.message != "" {
		y := a.h - 4*u - 5.5*u - 0.8*u - 2.6*u - s.messageH(a)
		a.fonts.drawLine(dst, layout.Truncate(s.message, a.textSize(0.75), a.w-6*u, a.fonts.Measure), 3*u, y, a.textSize(0.75), false, t.Accent, Left)
	}
	hintBar(a, dst, "Click a question to add or drop it", "Preview: as the class sees it", "type words to filter", "PgUp/PgDn page", "Esc back")
}

// The set-up's side of lessons.

// packsChosen are the packs ticked on the set-up.
func (s *classSetupScene) packsChosen(a *App) []*pack.Pack {
	var packs []*pack.Pack
	for _, p := range a.Packs() {
		if s.selected[p.ID] {
			packs = append(packs, p)
		}
	}
	return packs
}
