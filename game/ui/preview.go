package ui

import (
	"fmt"
	"reflect"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/layout"
	"gutskin/game/pack"
	"gutskin/game/quiz"
)

// previewScene shows a pack file just saved by its author (--watch): its
// problems inline, and the question that changed on a real card, ready to
// answer. It updates each time the file is saved again.
type previewScene struct {
	file *pack.File
	q    *pack.Question // the question shown; nil when the pack cannot be played
	play *playScene
}

// changedQuestion finds the first question of f that is new or differs
// from the same question in the previous load; else the first question.
func changedQuestion(f *pack.File, before *pack.Set) *pack.Question {
	if f == nil || f.Pack == nil || len(f.Pack.Questions) == 0 {
		return nil
	}
	var old *pack.Pack
	if before != nil {
		for _, bf := range before.Files {
			if bf.Name == f.Name && bf.Pack != nil {
				old = bf.Pack
			}
		}
	}
	if old != nil {
		prev := map[string]*pack.Question{}
		for i := range old.Questions {
			prev[old.Questions[i].ID] = &old.Questions[i]
		}
		for i := range f.Pack.Questions {
			q := &f.Pack.Questions[i]
			o, ok := prev[q.ID]
			if !ok || !sameQuestion(o, q) {
				return q
			}
		}
	}
	return &f.Pack.Questions[0]
}

// sameQuestion compares what a player sees of two versions of a question.
func sameQuestion(a, b *pack.Question) bool {
	x, y := *a, *b
	x.Line, y.Line, x.Pos, y.Pos = 0, 0, nil, nil
	return reflect.DeepEqual(x, y)
}

func newPreview(a *App, f *pack.File, before *pack.Set) *previewScene {
	s := &previewScene{file: f, q: changedQuestion(f, before)}
	if f.OK() && s.q != nil {
		r, err := quiz.New(quiz.Config{Packs: []*pack.Pack{f.Pack}, Only: []string{s.q.Key(f.Pack)}, Seed: 1})
		if err == nil {
			s.play = newPlay(a, r, []*pack.Pack{f.Pack}, false)
			s.play.onDone = func() { *s = *newPreview(a, f, nil) } // again, from the start
		}
	}
	return s
}

// banner lays out the problems strip at the top.
func (s *previewScene) bannerLines(a *App) []string {
	var lines []string
	e, w := s.file.Count()
	head := fmt.Sprintf("Preview of %s: no problems", s.file.Name)
	if e+w > 0 {
		head = fmt.Sprintf("Preview of %s: %s, %s", s.file.Name, countNoun(e, "error"), countNoun(w, "warning"))
	}
	if s.play != nil {
		head += fmt.Sprintf(" · showing question %q (line %d)", s.q.ID, s.q.Line)
	}
	lines = append(lines, head)
	room := 12 // a pack that cannot be played has the whole screen
	if s.play != nil {
		room = 2 // warnings only: keep the card visible
	}
	for i, d := range s.file.Diagnostics {
		if i == room {
			lines = append(lines, fmt.Sprintf("… and %d more (Packs screen or gutskin validate)", len(s.file.Diagnostics)-room))
			break
		}
		lines = append(lines, d.String())
	}
	return lines
}

// bannerHeight is the height of the problems strip.
func (s *previewScene) bannerHeight(a *App) float64 {
	return float64(len(s.bannerLines(a)))*a.textSize(0.75)*layout.LineHeightFactor + a.unit()
}

func (s *previewScene) Update(a *App, evs []Event) {
	for _, ev := range evs {
		if ev.Kind == EvKey && ev.Key == KeyEscape && (s.play == nil || s.play.phase != confiding) {
			a.goTo(newPacksScene(a))
			return
		}
	}
	if s.play != nil {
		s.play.offset = s.bannerHeight(a)
		s.play.Update(a, evs)
	}
}

func (s *previewScene) Animating(a *App) bool { return s.play != nil && s.play.Animating(a) }

func (s *previewScene) Draw(a *App, dst *ebiten.Image) {
	t := a.theme
	u := a.unit()
	// The problems, on a strip at the top; the card below it.
	size := a.textSize(0.75)
	lines := s.bannerLines(a)
	h := s.bannerHeight(a)
	if s.play != nil {
		s.play.offset = h
		s.play.Draw(a, dst)
	}
	if s.play == nil {
		h = a.h
	}
	clr := t.Right
	if !s.file.OK() {
		clr = t.Wrong
	} else if _, w := s.file.Count(); w > 0 {
		clr = t.Partial
	}
	fillRect(dst, layout.Rect{W: a.w, H: h}, t.Background)
	fillRect(dst, layout.Rect{Y: h - max(2, u*0.3), W: a.w, H: max(2, u*0.3)}, clr)
	y := u * 0.5
	for i, l := range lines {
		c := t.Text
		if i > 0 {
			c = clr
		}
		a.fonts.drawLine(dst, layout.Truncate(l, size, a.w-2*u, a.fonts.Measure), u, y, size, i == 0, c, Left)
		y += size * layout.LineHeightFactor
	}
	if s.play == nil {
		a.fonts.drawLine(dst, "This pack cannot be played until its errors are fixed. The preview updates when you save the file.",
			u, y+u, a.textSize(0.9), false, t.Text, Left)
		hintBar(a, dst, "Esc: Packs screen")
	}
}
