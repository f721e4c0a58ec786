package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/classroom"
	"gutskin/game/layout"
	"gutskin/game/quiz"
)

// finishedResults plays a short round with some misses and returns its
// results scene.
func finishedResults(t *testing.T, a *App) *resultsScene {
	t.Helper()
	r, err := quiz.New(quiz.Config{Packs: a.Packs(), Length: 8, Seed: 9, Mode: quiz.Standard, TimeLimit: 30 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; !r.Done(); i++ {
		r.Show(a.now())
		ans := rightAnswer(r.Current())
		if i%3 == 0 {
			ans = wordiestWrong(r.Current())
		}
		if _, err := r.Answer(ans, a.now().Add(5*time.Second)); err != nil {
			t.Fatal(err)
		}
	}
	a.finishRound(r, a.Packs(), false)
	res, ok := a.scene.(*resultsScene)
	if !ok {
		t.Fatalf("no results scene: %T", a.scene)
	}
	return res
}

// TestScenesAtEverySize lays out every screen at the smallest, the
// projector and the 4K size, with the largest text: every button must be on
// screen and no two may overlap. With GUTSKIN_SHOTS set to a folder, the
// screens are also drawn there as PNGs.
func TestScenesAtEverySize(t *testing.T) {
	shots := os.Getenv("GUTSKIN_SHOTS")
	for _, sz := range sizes {
		for _, textSize := range []int{0, 2} {
			a, _, _ := testApp(t, float64(sz.X), float64(sz.Y))
			a.profile.Settings.TextSize = textSize
			scenes := screenScenes(t, a)
			scenes["progress"] = func() (Scene, *buttons) {
				s := newProgress(a)
				s.layout(a)
				return s, &s.btn
			}
			for name, make := range scenes {
				where := fmt.Sprintf("%s at %dx%d text %d", name, sz.X, sz.Y, textSize)
				scene, bs := make()
				screen := layout.Rect{W: float64(sz.X), H: float64(sz.Y)}
				for i, b := range bs.list {
					if !screen.Inside(b.r) {
						t.Errorf("%s: button %s %+v is off screen", where, b.id, b.r)
					}
					for _, o := range bs.list[i+1:] {
						if overlap(b.r, o.r) {
							t.Errorf("%s: buttons %s and %s overlap", where, b.id, o.id)
						}
					}
				}
				if shots != "" && haveGL && textSize == 0 {
					a.scene = scene
					img := ebiten.NewImage(sz.X, sz.Y)
					a.Render(img)
					if err := writePNG(img, filepath.Join(shots, fmt.Sprintf("scene-%s-%dx%d.png", name, sz.X, sz.Y))); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
}

func overlap(a, b layout.Rect) bool {
	return a.X < b.X+b.W-0.5 && b.X < a.X+a.W-0.5 && a.Y < b.Y+b.H-0.5 && b.Y < a.Y+a.H-0.5
}

// TestPacksScreenPlay plays one pack from the Packs screen.
func TestPacksScreenPlay(t *testing.T) {
	a, _, _ := testApp(t, 1280, 720)
	s := newPacksScene(a)
	show(a, s)
	s.layout(a)
	x, y := findButton(t, &s.btn, "play:questions/antibiotics-probiotics.toml")
	a.Step(Click(x, y))
	p, ok := a.scene.(*playScene)
	if !ok {
		t.Fatalf("Play opened %T", a.scene)
	}
	for _, it := range p.round.Items() {
		if it.Pack.ID != "antibiotics-probiotics" {
			t.Errorf("a question of %s in a round of one pack", it.Pack.ID)
		}
	}
	// Scrolling to the end brings the last pack's Play button into view.
	a.scene = s
	a.Step([]Event{KeyEvent(KeyEnd)})
	s.layout(a)
	findButton(t, &s.btn, "play:questions/stress-gut-brain-skin.toml")
}

// TestClassroomScreensFit lays out the classroom set-up (with eight teams)
// and the question screen at every size: buttons on screen, none
// overlapping.
func TestClassroomScreensFit(t *testing.T) {
	for _, sz := range sizes {
		a, _, _ := testApp(t, float64(sz.X), float64(sz.Y))
		s := newClassSetup(a)
		s.setCount(8)
		s.resumeable = true
		s.layout(a)
		g, err := classroom.New(classroom.Config{Teams: s.teams, Packs: a.Packs(), Length: 5, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		p := newClassPlay(a, g)
		p.layout(a)
		screen := layout.Rect{W: float64(sz.X), H: float64(sz.Y)}
		for name, bs := range map[string]*buttons{"set-up": &s.btn, "question": &p.btn} {
			for i, b := range bs.list {
				if !screen.Inside(b.r) {
					t.Errorf("%s at %v: %s off screen", name, sz, b.id)
				}
				for _, o := range bs.list[i+1:] {
					if overlap(b.r, o.r) {
						t.Errorf("%s at %v: %s and %s overlap", name, sz, b.id, o.id)
					}
				}
			}
		}
		if s.msgY > float64(sz.Y)-4*a.unit()-6.5*a.unit() {
			t.Errorf("set-up at %v: the note has no room", sz)
		}
	}
}
