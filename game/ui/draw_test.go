package ui

import (
	"image/color"
	"math"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/layout"
)

// roundDist is the signed distance from (px, py) to the outline of a
// rounded rectangle: negative inside.
func roundDist(r layout.Rect, rad, px, py float64) float64 {
	cx := math.Max(r.X+rad, math.Min(px, r.X+r.W-rad))
	cy := math.Max(r.Y+rad, math.Min(py, r.Y+r.H-rad))
	return math.Hypot(px-cx, py-cy) - rad
}

// TestRoundedShapes checks filled and outlined rounded rectangles pixel by
// pixel against their geometry: inside is the colour, outside untouched,
// the line of an outline covers its edge, and no seam runs between the
// corner pieces and the straight parts.
func TestRoundedShapes(t *testing.T) {
	needGL(t)
	tests := []struct {
		name          string
		r             layout.Rect
		radius, width float64 // width 0: filled
	}{
		{"button", layout.Rect{X: 10, Y: 12, W: 120, H: 50}, 6, 0},
		{"fractional", layout.Rect{X: 10.4, Y: 12.6, W: 80.3, H: 30.2}, 7.5, 0},
		{"pill", layout.Rect{X: 20, Y: 20, W: 60, H: 16}, 30, 0},
		{"no radius", layout.Rect{X: 20, Y: 20, W: 60, H: 16}, 0, 0},
		{"outline 2", layout.Rect{X: 10, Y: 12, W: 120, H: 50}, 6, 2},
		{"outline 1", layout.Rect{X: 10, Y: 12, W: 120, H: 50}, 8, 1},
		{"outline 3 big radius", layout.Rect{X: 15, Y: 15, W: 100, H: 60}, 20, 3},
	}
	bg := color.RGBA{0, 0, 0, 255}
	fg := color.RGBA{200, 100, 50, 255}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := ebiten.NewImage(160, 100)
			img.Fill(bg)
			if tt.width == 0 {
				fillRound(img, tt.r, tt.radius, fg)
			} else {
				strokeRound(img, tt.r, tt.radius, tt.width, fg)
			}
			pix := make([]byte, 4*160*100)
			img.ReadPixels(pix)
			// The shape as drawn: corners on whole pixels.
			x0, y0 := math.Round(tt.r.X), math.Round(tt.r.Y)
			r := layout.Rect{X: x0, Y: y0, W: math.Round(tt.r.X+tt.r.W) - x0, H: math.Round(tt.r.Y+tt.r.H) - y0}
			rad := math.Floor(min(tt.radius, r.W/2, r.H/2))
			bad := 0
			for y := range 100 {
				for x := range 160 {
					d := roundDist(r, rad, float64(x)+0.5, float64(y)+0.5)
					// An outline covers whole pixels: from lo to hi across
					// the outline (half a pixel off centre for an odd width).
					sw := math.Round(tt.width)
					hi := math.Floor(sw / 2)
					lo := hi - sw
					want := -1 // anti-aliased edge: either
					switch {
					case tt.width == 0 && d < -1.2, tt.width > 0 && d > lo+0.8 && d < hi-0.8:
						want = 1
					case tt.width == 0 && d > 1.2, tt.width > 0 && (d < lo-1.2 || d > hi+1.2):
						want = 0
					}
					if want < 0 {
						continue
					}
					got := pix[4*(y*160+x)]
					if want == 1 && got != fg.R || want == 0 && got != bg.R {
						bad++
						if bad <= 5 {
							t.Errorf("pixel %d,%d (distance %.1f from the outline) is %d, want %v", x, y, d, got, map[int]string{0: "background", 1: "the colour"}[want])
						}
					}
				}
			}
		})
	}
}

// BenchmarkSetupFrame draws the set-up screen, a screen of buttons, and
// waits for the pixels (a software renderer does its work there).
func BenchmarkSetupFrame(b *testing.B) {
	if !haveGL {
		b.Skip("no display")
	}
	a, _, _ := testApp(b, 1280, 720)
	a.goTo(newSetup(a, nil))
	dst := ebiten.NewImage(1280, 720)
	pix := make([]byte, 4*1280*720)
	b.ReportAllocs()
	for b.Loop() {
		a.Render(dst)
		dst.ReadPixels(pix)
	}
}
