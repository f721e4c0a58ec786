package ui

import (
	"image"
	_ "image/jpeg" // the formats a pack's images may use
	_ "image/png"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/layout"
	"gutskin/game/pack"
)

// images holds the decoded image of the question on screen; a failed
// decode is remembered as nil so it is tried once per card.
type images map[string]*ebiten.Image

// get returns a question's image, decoding it on first use. A card shows
// one image, so the images of earlier cards are released (their pixels sit
// in the GPU atlas, which under software GL is resident memory).
func (c images) get(p *pack.Pack, q *pack.Question) *ebiten.Image {
	key := p.File + "\x00" + q.ID
	if img, ok := c[key]; ok {
		return img
	}
	for k, img := range c {
		if img != nil {
			img.Deallocate()
		}
		delete(c, k)
	}
	c[key] = nil
	f, err := p.OpenImage(q)
	if err != nil {
		return nil
	}
	defer f.Close()
	cfg, _, err := image.DecodeConfig(f)
	if err != nil || cfg.Width > pack.MaxImageSide || cfg.Height > pack.MaxImageSide {
		return nil
	}
	f.Close()
	if f, err = p.OpenImage(q); err != nil {
		return nil
	}
	defer f.Close()
	src, _, err := image.Decode(f)
	if err != nil {
		return nil
	}
	c[key] = ebiten.NewImageFromImage(src)
	return c[key]
}

// drawImageIn draws img scaled to fit box, centred, keeping its shape.
func drawImageIn(dst, img *ebiten.Image, box layout.Rect) layout.Rect {
	w, h := float64(img.Bounds().Dx()), float64(img.Bounds().Dy())
	s := min(box.W/w, box.H/h)
	r := layout.Rect{X: box.X + (box.W-w*s)/2, Y: box.Y + (box.H-h*s)/2, W: w * s, H: h * s}
	op := &ebiten.DrawImageOptions{Filter: ebiten.FilterLinear}
	op.GeoM.Scale(s, s)
	op.GeoM.Translate(r.X, r.Y)
	dst.DrawImage(img, op)
	return r
}
