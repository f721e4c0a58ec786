package ui

import (
	"image"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/layout"
	"gutskin/game/pack"
	"gutskin/game/press"
	"gutskin/game/quiz"
	"gutskin/game/save"
	"gutskin/questions"
)

var (
	embeddedOnce sync.Once
	embeddedSet  *pack.Set
)

// shipped loads the embedded packs once and fails on any problem.
func shipped(t testing.TB) *pack.Set {
	t.Helper()
	embeddedOnce.Do(func() {
		embeddedSet = pack.Load(pack.Location{FS: questions.FS, Root: ".", Display: "questions"})
	})
	if errs, _ := embeddedSet.Count(); errs > 0 || len(embeddedSet.Packs()) == 0 {
		t.Fatalf("embedded packs do not load: %v", embeddedSet.Diagnostics())
	}
	return embeddedSet
}

// clock is a fake clock the tests move by hand.
type clock struct{ t time.Time }

func (c *clock) Now() time.Time          { return c.t }
func (c *clock) Advance(d time.Duration) { c.t = c.t.Add(d) }

// testApp builds the game with scripted input, a fake clock and a profile
// folder of its own.
func testApp(t testing.TB, w, h float64) (*App, *Script, *clock) {
	t.Helper()
	sc := &Script{}
	clk := &clock{t: time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)}
	seed := uint64(100)
	a, err := NewApp(Options{Packs: shipped(t), Store: &save.Store{Dir: t.TempDir()}, Input: sc, Now: clk.Now,
		Seed: func() uint64 { seed++; return seed }})
	if err != nil {
		t.Fatal(err)
	}
	a.profile.Settings.ReducedMotion = true // no fades: frames are final at once
	a.SetSize(w, h)
	return a, sc, clk
}

// itemScene opens a card on one question ("pack/question").
func itemScene(t testing.TB, a *App, key string, mode quiz.Mode) *playScene {
	t.Helper()
	r, err := quiz.New(quiz.Config{Packs: a.Packs(), Only: []string{key}, Seed: 7, Mode: mode})
	if err != nil {
		t.Fatal(err)
	}
	s := newPlay(a, r, a.Packs(), false)
	show(a, s)
	return s
}

// show puts a scene on screen as if it had been there a while: presses act
// at once (no press right after a change of screen does).
func show(a *App, s Scene) {
	a.scene = s
	a.shownScene = s
	a.shownStage = 0
	a.gate = press.Gate{}
	if st, ok := s.(stager); ok {
		a.shownStage = st.stage()
	}
}

// allKeys lists every embedded question.
func allKeys(t testing.TB) []string {
	var out []string
	for _, p := range shipped(t).Packs() {
		for i := range p.Questions {
			out = append(out, p.Questions[i].Key(p))
		}
	}
	return out
}

// rightAnswer is the fully right answer to an item.
func rightAnswer(it *quiz.Item) quiz.Answer { return quiz.RightAnswer(it.Question) }

// wordiestWrong is WordiestWrong, the feedback with the most text.
func wordiestWrong(it *quiz.Item) quiz.Answer { return WordiestWrong(it) }

// checkCard asserts that every text of the card fits its box and every box
// and button stays inside the card.
func checkCard(t *testing.T, s *playScene, where string) {
	t.Helper()
	card := s.lay.Card
	for _, pt := range s.lay.Texts {
		if !pt.Fits {
			t.Errorf("%s: %s does not fit its box even at the smallest size", where, pt.What)
		}
		if !pt.Box.Inside(pt.Used) {
			t.Errorf("%s: %s overflows its box: used %+v, box %+v", where, pt.What, pt.Used, pt.Box)
		}
		if !card.Inside(pt.Box) {
			t.Errorf("%s: %s box %+v leaves the card %+v", where, pt.What, pt.Box, card)
		}
	}
	for _, b := range s.btn.list {
		if !card.Inside(b.r) {
			t.Errorf("%s: button %s %+v leaves the card %+v", where, b.id, b.r, card)
		}
	}
}

// sizes are the supported window sizes the tests check.
var sizes = []image.Point{{960, 540}, {1920, 1080}, {3840, 2160}}

// findButton returns the centre of a button of the current scene.
func findButton(t testing.TB, bs *buttons, id string) (float64, float64) {
	t.Helper()
	b := bs.byID(id)
	if b == nil {
		var ids []string
		for _, x := range bs.list {
			ids = append(ids, x.id)
		}
		t.Fatalf("no button %q among %s", id, strings.Join(ids, ", "))
	}
	return b.r.X + b.r.W/2, b.r.Y + b.r.H/2
}

// frame runs one tick and draws it into screen, as Ebiten would.
func frame(a *App, screen *ebiten.Image) {
	if err := a.Update(); err != nil {
		panic(err)
	}
	a.Draw(screen)
}

// letterOf is the display letter of choice index ci.
func letterOf(it *quiz.Item, ci int) rune {
	for k, c := range it.ChoiceOrder {
		if c == ci {
			return rune('a' + k)
		}
	}
	return '?'
}

func numberText(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// textPixels counts the pixels of r in img that differ from bg.
func textPixels(img *image.RGBA, r layout.Rect, bg [4]uint8) int {
	n := 0
	b := img.Bounds()
	for y := max(int(r.Y), b.Min.Y); y < min(int(r.Y+r.H), b.Max.Y); y++ {
		for x := max(int(r.X), b.Min.X); x < min(int(r.X+r.W), b.Max.X); x++ {
			i := img.PixOffset(x, y)
			if img.Pix[i] != bg[0] || img.Pix[i+1] != bg[1] || img.Pix[i+2] != bg[2] {
				n++
			}
		}
	}
	return n
}

func readBack(img *ebiten.Image) *image.RGBA {
	rgba := image.NewRGBA(img.Bounds())
	img.ReadPixels(rgba.Pix)
	return rgba
}
