package assets

import (
	"image"
	"image/color"
	"math"
)

// IconSizes are the sizes the window icon is drawn at (the window system
// picks the nearest).
var IconSizes = []int{16, 32, 48, 64, 128}

// Icon draws the game's icon at size x size pixels: a rounded square of the
// game's blue holding a loop (the gut) joined to an arc (the skin), the
// axis the game is about. It is drawn, not stored, so every size is sharp.
func Icon(size int) image.Image {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	bg := color.NRGBA{0x2a, 0x5d, 0x8f, 0xff}
	fg := color.NRGBA{0xf4, 0xf1, 0xea, 0xff}
	accent := color.NRGBA{0xe8, 0x9a, 0x3c, 0xff}
	s := float64(size)
	rad := s * 0.22
	// Coverage of a pixel by a shape, from a signed distance (negative
	// inside): one pixel of anti-aliasing.
	cover := func(d float64) float64 { return math.Max(0, math.Min(1, 0.5-d)) }
	for y := range size {
		for x := range size {
			px, py := float64(x)+0.5, float64(y)+0.5
			// The rounded square.
			cx := math.Max(rad, math.Min(px, s-rad))
			cy := math.Max(rad, math.Min(py, s-rad))
			a := cover(math.Hypot(px-cx, py-cy) - rad)
			if a == 0 {
				continue
			}
			c := bg
			// The gut: a ring in the lower left.
			ring := math.Abs(math.Hypot(px-s*0.38, py-s*0.6)-s*0.2) - s*0.07
			// The skin: an arc across the top right.
			arc := math.Abs(math.Hypot(px-s*0.38, py-s*0.6)-s*0.45) - s*0.05
			if py > s*0.5 && px < s*0.38 {
				arc = 1e9 // the arc spans the upper right quarter only
			}
			c = blend(c, accent, cover(arc))
			c = blend(c, fg, cover(ring))
			c.A = uint8(math.Round(a * 255))
			img.SetNRGBA(x, y, c)
		}
	}
	return img
}

func blend(a, b color.NRGBA, t float64) color.NRGBA {
	m := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*(1-t) + float64(y)*t)) }
	return color.NRGBA{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B), 0xff}
}
