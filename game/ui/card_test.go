package ui

import (
	"fmt"
	"gutskin/game/card"
	"image"
	"os"
	"path/filepath"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/layout"
	"gutskin/game/pack"
	"gutskin/game/quiz"
)

// TestEveryCardFits lays out every shipped question at the smallest, the
// default, the projector and the 4K window size, at every text size, as a question, in the confidence step
// and in the feedback after a right and after the wordiest wrong answer.
// Every text must fit its box at a readable size and stay in the card.
// Only fonts are needed, no window.
func TestEveryCardFits(t *testing.T) {
	for _, sz := range append([]image.Point{{1280, 720}}, sizes...) {
		for _, key := range allKeys(t) {
			for textSize := range TextSizeNames {
				a, _, _ := testApp(t, float64(sz.X), float64(sz.Y))
				a.profile.Settings.TextSize = textSize
				where := fmt.Sprintf("%s at %dx%d text %d", key, sz.X, sz.Y, textSize)
				s := itemScene(t, a, key, quiz.Accuracy)
				s.layout(a)
				checkCard(t, s, where+" (question)")
				it := s.item()
				// Every view of the card's own layout: as shown, with every
				// pair of a match card made, and the confidence step.
				for _, v := range card.Views(it) {
					plan := card.Layout(it, v.Draft, v.View, a.cardMetrics(), 0, quiz.Describe(it.Question, wordiestWrong(it)))
					for _, sl := range plan.Misfits() {
						t.Errorf("%s (view %d): %s does not fit: text %.0fx%.0f in %.0fx%.0f", where, v.View, sl.Name, sl.Fit.Used().W, sl.Fit.Used().H, sl.Fit.Inner.W, sl.Fit.Inner.H)
					}
					for _, sl := range plan.Slots {
						if !plan.Card.Inside(sl.Box) {
							t.Errorf("%s (view %d): %s %+v leaves the card %+v", where, v.View, sl.Name, sl.Box, plan.Card)
						}
					}
				}
				s.submit(a, wordiestWrong(it))
				s.layout(a)
				checkCard(t, s, where+" (feedback, wrong)")
				for _, l := range s.rev.lines {
					if l.what == "explanation" && textSize == 0 && l.block.Size < 0.7*a.textSize(1) {
						t.Errorf("%s: the explanation shrinks to %.0f%% of the body text", where, 100*l.block.Size/a.textSize(1))
					}
				}
				s = itemScene(t, a, key, quiz.Confident)
				s.submit(a, rightAnswer(s.item()))
				s.layout(a)
				checkCard(t, s, where+" (confidence step)")
				s.submit(a, quiz.Answer{})
				s.pending.Confidence = quiz.Sure
				s.submit(a, s.pending)
				s.layout(a)
				checkCard(t, s, where+" (feedback, right)")
			}
		}
	}
}

// TestCardsDrawInsideCard draws cards and reads the frames back: no pixel
// beside the card may differ from the background, so nothing spills out.
// Every question is drawn at 960x540; one of each type at the larger sizes.
func TestCardsDrawInsideCard(t *testing.T) {
	needGL(t)
	shots := os.Getenv("GUTSKIN_SHOTS") // a folder: keep the frames as PNGs
	for _, sz := range sizes {
		seen := map[string]bool{}
		screen := ebiten.NewImage(sz.X, sz.Y)
		for _, key := range allKeys(t) {
			a, _, _ := testApp(t, float64(sz.X), float64(sz.Y))
			s := itemScene(t, a, key, quiz.Accuracy)
			typ := string(s.item().Question.Type)
			if sz.X != 960 && seen[typ] {
				continue
			}
			seen[typ] = true
			// The question card of every type, and the feedback of every
			// question (the longest texts), are drawn and read back.
			phases := []string{"feedback"}
			if !seen["q:"+typ] {
				phases = []string{"question", "feedback"}
				seen["q:"+typ] = true
			}
			for _, phase := range phases {
				if phase == "feedback" {
					s.submit(a, wordiestWrong(s.item()))
				}
				a.Render(screen)
				img := readBack(screen)
				card := s.lay.Card
				bg := a.theme.Background
				want := [4]uint8{bg.R, bg.G, bg.B, 255}
				m := max(2, a.unit()*0.3) // the card's border and its anti-aliasing
				for _, side := range []layout.Rect{
					{X: 0, Y: card.Y, W: card.X - m, H: card.H},
					{X: card.X + card.W + m, Y: card.Y, W: float64(sz.X) - card.X - card.W - m, H: card.H},
				} {
					if n := textPixels(img, side, want); n > 0 {
						t.Errorf("%s at %v (%s): %d pixels drawn beside the card", key, sz, phase, n)
					}
				}
				if shots != "" && (sz.X != 960 || !seenShot(typ+phase)) {
					name := filepath.Join(shots, fmt.Sprintf("%dx%d-%s-%s-%s.png", sz.X, sz.Y, typ, phase, filepath.Base(key)))
					if err := writePNG(screen, name); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
}

var shotSeen = map[string]bool{}

func seenShot(k string) bool {
	s := shotSeen[k]
	shotSeen[k] = true
	return s
}

// TestFeedbackShowsExplanation reads a feedback frame back and finds the
// explanation's text drawn where the layout put it.
func TestFeedbackShowsExplanation(t *testing.T) {
	needGL(t)
	a, _, _ := testApp(t, 1280, 720)
	key := allKeys(t)[0]
	s := itemScene(t, a, key, quiz.Accuracy)
	s.submit(a, rightAnswer(s.item()))
	screen := ebiten.NewImage(1280, 720)
	a.Render(screen)
	img := readBack(screen)
	var found bool
	for _, pt := range s.lay.Texts {
		if pt.What != "explanation" {
			continue
		}
		found = true
		c := a.theme.Card
		n := textPixels(img, pt.Used, [4]uint8{c.R, c.G, c.B, 255})
		area := pt.Used.W * pt.Used.H
		if area == 0 || float64(n) < area*0.03 {
			t.Errorf("explanation area %+v holds %d text pixels: not drawn", pt.Used, n)
		}
	}
	if !found {
		t.Fatal("the feedback has no explanation")
	}
	_ = image.Point{}
}

// TestCardImage shows a question's picture beside its choices.
func TestCardImage(t *testing.T) {
	set := pack.Load(pack.Location{FS: os.DirFS("../pack/testdata/good"), Root: "."})
	if len(set.Packs()) != 1 {
		t.Fatalf("test pack does not load: %v", set.Diagnostics())
	}
	a, err := NewApp(Options{Packs: set})
	if err != nil {
		t.Fatal(err)
	}
	a.profile.Settings.ReducedMotion = true
	for _, sz := range sizes {
		a.SetSize(float64(sz.X), float64(sz.Y))
		s := itemScene(t, a, "test-pack/single-one", quiz.Accuracy)
		s.layout(a)
		checkCard(t, s, fmt.Sprint("image card at ", sz))
		var pic layout.Rect
		for _, pt := range s.lay.Texts {
			if pt.What == "image" {
				pic = pt.Box
			}
		}
		if pic.W == 0 {
			t.Fatal("no room for the image")
		}
		for _, b := range s.btn.list {
			if b.r.X+b.r.W > pic.X {
				t.Errorf("button %s runs under the image", b.id)
			}
		}
		if !haveGL || sz.X != 960 {
			continue
		}
		screen := ebiten.NewImage(sz.X, sz.Y)
		a.Render(screen)
		img := readBack(screen)
		c := a.theme.Card
		if n := textPixels(img, pic, [4]uint8{c.R, c.G, c.B, 255}); n < int(pic.W*pic.H/4) {
			t.Errorf("the image is not drawn: %d pixels in its box", n)
		}
	}
}
