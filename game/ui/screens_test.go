package ui

import (
	"fmt"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/layout"
)

// screenScenes builds each screen outside a round, with its buttons laid out.
func screenScenes(t *testing.T, a *App) map[string]func() (Scene, *buttons) {
	return map[string]func() (Scene, *buttons){
		"title": func() (Scene, *buttons) {
			s := newTitle(a)
			s.layout(a)
			return s, &s.btn
		},
		"setup": func() (Scene, *buttons) {
			s := newSetup(a, nil)
			s.layout(a)
			return s, &s.btn
		},
		"results": func() (Scene, *buttons) {
			s := finishedResults(t, a)
			s.layout(a)
			return s, &s.btn
		},
		"settings": func() (Scene, *buttons) {
			s := newSettings(a)
			s.layout(a)
			return s, &s.btn
		},
		"packs": func() (Scene, *buttons) {
			s := newPacksScene(a)
			s.layout(a)
			return s, &s.btn
		},
		"packs scrolled": func() (Scene, *buttons) {
			s := newPacksScene(a)
			s.layout(a)
			s.scroll.offset = 7 * a.unit() // part way into a row
			s.layout(a)
			return s, &s.btn
		},
	}
}

// TestScreensTextFits (M4-M7) draws every screen outside a round at the
// smallest, the default and the projector window and at every text size,
// and checks every line of text drawn: on screen, not cut short with "…",
// a button's text inside its button, and other text clear of every button
// and of other text. With GUTSKIN_SHOTS set to a folder, the screens are
// written there as PNGs.
func TestScreensTextFits(t *testing.T) {
	needGL(t)
	shots := os.Getenv("GUTSKIN_SHOTS")
	for _, sz := range []image.Point{{960, 540}, {1280, 720}, {1920, 1080}} {
		for ts := range TextSizeNames {
			a, _, _ := testApp(t, float64(sz.X), float64(sz.Y))
			a.profile.Settings.TextSize = ts
			for name, build := range screenScenes(t, a) {
				where := fmt.Sprintf("%s at %dx%d, %s text", name, sz.X, sz.Y, TextSizeNames[ts])
				scene, bs := build()
				a.scene = scene
				img := ebiten.NewImage(sz.X, sz.Y)
				var drawn []drawnText
				a.fonts.rec = &drawn
				a.Render(img)
				a.fonts.rec = nil
				if shots != "" {
					if err := writePNG(img, filepath.Join(shots, fmt.Sprintf("%s-%dx%d-%s.png", strings.ReplaceAll(name, " ", "-"), sz.X, sz.Y, strings.ReplaceAll(strings.ToLower(TextSizeNames[ts]), " ", "")))); err != nil {
						t.Fatal(err)
					}
				}
				img.Deallocate()
				checkDrawn(t, where, drawn, bs, layout.Rect{W: float64(sz.X), H: float64(sz.Y)})
			}
		}
	}
}

// checkDrawn checks the lines of text drawn on a screen against its
// buttons.
func checkDrawn(t *testing.T, where string, drawn []drawnText, bs *buttons, screen layout.Rect) {
	t.Helper()
	const slack = 1.0
	grow := func(r layout.Rect) layout.Rect { return r.Inset(-slack) }
	for i, d := range drawn {
		if !grow(screen).Inside(d.r) {
			t.Errorf("%s: %q is off screen at %+v", where, d.s, d.r)
		}
		if strings.HasSuffix(d.s, "…") {
			t.Errorf("%s: %q is cut short", where, d.s)
		}
		if d.owner != "" {
			if b := bs.byID(d.owner); b != nil && !grow(b.r).Inside(d.r) {
				t.Errorf("%s: %q leaves its button %s", where, d.s, d.owner)
			}
			continue
		}
		for _, b := range bs.list {
			if overlap(d.r.Inset(slack), b.r) {
				t.Errorf("%s: %q runs under the button %s", where, d.s, b.id)
			}
		}
		for _, o := range drawn[i+1:] {
			if o.owner == "" && overlap(d.r.Inset(slack), o.r.Inset(slack)) {
				t.Errorf("%s: %q runs into %q", where, d.s, o.s)
			}
		}
	}
}
