package ui

import (
	"bytes"
	"image"
	"image/color"
	"math"
	"sync"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
	"gutskin/assets"
	"gutskin/game/layout"
)

// Fonts holds the two Go font faces in every size asked for. Sizes are
// rounded to whole pixels so the number of glyph caches stays small.
type Fonts struct {
	regular, bold *text.GoTextFaceSource
	mu            sync.Mutex
	faces         map[faceKey]*text.GoTextFace
	// rec, when set, records every line drawn (the layout tests); owner is
	// the id of the button being drawn, "" for free text.
	rec   *[]drawnText
	owner string
}

// drawnText is a line of text as drawn: where it landed, clipped to the
// image it was drawn on, and which button drew it.
type drawnText struct {
	s     string
	r     layout.Rect
	owner string
}

type faceKey struct {
	bold bool
	size int
}

var (
	fontsOnce sync.Once
	fontsVal  *Fonts
	fontsErr  error
)

// LoadFonts returns the game's fonts, loaded once. Measuring text needs no
// window, so `gutskin validate` uses the same fonts and the same layout code.
func LoadFonts() (*Fonts, error) {
	fontsOnce.Do(func() {
		r, err := text.NewGoTextFaceSource(bytes.NewReader(assets.FontRegular))
		if err != nil {
			fontsErr = err
			return
		}
		b, err := text.NewGoTextFaceSource(bytes.NewReader(assets.FontBold))
		if err != nil {
			fontsErr = err
			return
		}
		fontsVal = &Fonts{regular: r, bold: b, faces: map[faceKey]*text.GoTextFace{}}
	})
	return fontsVal, fontsErr
}

// Face returns the face of a size.
func (f *Fonts) Face(size float64, bold bool) *text.GoTextFace {
	k := faceKey{bold, max(6, int(math.Round(size)))}
	f.mu.Lock()
	defer f.mu.Unlock()
	if face, ok := f.faces[k]; ok {
		return face
	}
	src := f.regular
	if bold {
		src = f.bold
	}
	face := &text.GoTextFace{Source: src, Size: float64(k.size)}
	f.faces[k] = face
	return face
}

// Measure is the regular face's measure for the layout package.
func (f *Fonts) Measure(s string, size float64) float64 {
	return text.AdvanceAt(s, len(s), f.Face(size, false))
}

// MeasureBold is the bold face's measure.
func (f *Fonts) MeasureBold(s string, size float64) float64 {
	return text.AdvanceAt(s, len(s), f.Face(size, true))
}

// Align is the horizontal alignment of a line.
type Align int

// The alignments.
const (
	Left Align = iota
	Center
	Right
)

// drawLine draws one line of text with its top-left (or top-centre,
// top-right) at x, y.
func (f *Fonts) drawLine(dst *ebiten.Image, s string, x, y, size float64, bold bool, clr color.Color, align Align) {
	face := f.Face(size, bold)
	op := &text.DrawOptions{}
	switch align {
	case Center:
		op.PrimaryAlign = text.AlignCenter
	case Right:
		op.PrimaryAlign = text.AlignEnd
	}
	// Centre the glyphs vertically in the layout's line height.
	m := face.Metrics()
	lh := size * layout.LineHeightFactor
	op.GeoM.Translate(x, y+(lh-(m.HAscent+m.HDescent))/2)
	op.ColorScale.ScaleWithColor(clr)
	text.Draw(dst, s, face, op)
	if f.rec != nil && s != "" {
		w := text.Advance(s, face)
		x0 := x
		switch align {
		case Center:
			x0 -= w / 2
		case Right:
			x0 -= w
		}
		b := dst.Bounds()
		r := layout.Rect{X: x0, Y: y, W: w, H: lh}
		c := layout.Rect{X: max(r.X, float64(b.Min.X)), Y: max(r.Y, float64(b.Min.Y))}
		c.W = min(r.X+r.W, float64(b.Max.X)) - c.X
		c.H = min(r.Y+r.H, float64(b.Max.Y)) - c.Y
		if c.W > 0 && c.H > 0 {
			*f.rec = append(*f.rec, drawnText{s: s, r: c, owner: f.owner})
		}
	}
}

// drawBlock draws wrapped text.
func (f *Fonts) drawBlock(dst *ebiten.Image, b layout.Block, x, y float64, bold bool, clr color.Color, align Align) {
	for i, l := range b.Lines {
		f.drawLine(dst, l, x, y+float64(i)*b.LineHeight, b.Size, bold, clr, align)
	}
}

// fillRound fills a rectangle with rounded corners. The corners are
// quarters of a disc drawn once per radius and the rest is plain
// rectangles, so a screen of buttons is a few batched draws: an
// anti-aliased vector path per button cost a software renderer 100 ms and
// more per frame, which a player saw as a click shown late.
func fillRound(dst *ebiten.Image, r layout.Rect, radius float64, clr color.Color) {
	x0, y0, x1, y1 := math.Round(r.X), math.Round(r.Y), math.Round(r.X+r.W), math.Round(r.Y+r.H)
	w, h := x1-x0, y1-y0
	if w <= 0 || h <= 0 {
		return
	}
	rad := math.Floor(min(radius, w/2, h/2))
	if rad < 1 {
		fillRect(dst, layout.Rect{X: x0, Y: y0, W: w, H: h}, clr)
		return
	}
	disc := corners.get(int(rad), 0)
	drawCorners(dst, disc, int(rad), x0+rad, y0+rad, x1-rad, y1-rad, clr)
	fillRect(dst, layout.Rect{X: x0 + rad, Y: y0, W: w - 2*rad, H: h}, clr)
	fillRect(dst, layout.Rect{X: x0, Y: y0 + rad, W: rad, H: h - 2*rad}, clr)
	fillRect(dst, layout.Rect{X: x1 - rad, Y: y0 + rad, W: rad, H: h - 2*rad}, clr)
}

// strokeRound outlines a rectangle with rounded corners, the line centred
// on its edge, drawn as fillRound is.
func strokeRound(dst *ebiten.Image, r layout.Rect, radius, width float64, clr color.Color) {
	x0, y0, x1, y1 := math.Round(r.X), math.Round(r.Y), math.Round(r.X+r.W), math.Round(r.Y+r.H)
	w, h := x1-x0, y1-y0
	if w <= 0 || h <= 0 {
		return
	}
	sw := max(1, math.Round(width))
	rad := math.Floor(min(radius, w/2, h/2))
	// The line covers whole pixels: from half its width outside the edge.
	in := math.Floor(sw / 2)
	if rad < 1 {
		fillRect(dst, layout.Rect{X: x0 - in, Y: y0 - in, W: w + 2*in, H: sw}, clr)
		fillRect(dst, layout.Rect{X: x0 - in, Y: y1 - in, W: w + 2*in, H: sw}, clr)
		fillRect(dst, layout.Rect{X: x0 - in, Y: y0 - in + sw, W: sw, H: h - sw}, clr)
		fillRect(dst, layout.Rect{X: x1 - in, Y: y0 - in + sw, W: sw, H: h - sw}, clr)
		return
	}
	ringImg := corners.get(int(rad), int(sw))
	drawCorners(dst, ringImg, int(rad)+int(sw), x0+rad, y0+rad, x1-rad, y1-rad, clr)
	fillRect(dst, layout.Rect{X: x0 + rad, Y: y0 - in, W: w - 2*rad, H: sw}, clr)
	fillRect(dst, layout.Rect{X: x0 + rad, Y: y1 - in, W: w - 2*rad, H: sw}, clr)
	fillRect(dst, layout.Rect{X: x0 - in, Y: y0 + rad, W: sw, H: h - 2*rad}, clr)
	fillRect(dst, layout.Rect{X: x1 - in, Y: y0 + rad, W: sw, H: h - 2*rad}, clr)
}

// drawCorners draws the four quarters of img (a square of side 2*half whose
// centre is the corner's centre) around the four corner centres.
func drawCorners(dst, img *ebiten.Image, half int, left, top, right, bottom float64, clr color.Color) {
	hf := float64(half)
	quarters := []struct {
		src  image.Rectangle
		x, y float64
	}{
		{image.Rect(0, 0, half, half), left - hf, top - hf},
		{image.Rect(half, 0, 2*half, half), right, top - hf},
		{image.Rect(0, half, half, 2*half), left - hf, bottom},
		{image.Rect(half, half, 2*half, 2*half), right, bottom},
	}
	for _, q := range quarters {
		op := &ebiten.DrawImageOptions{}
		op.GeoM.Translate(q.x, q.y)
		op.ColorScale.ScaleWithColor(clr)
		dst.DrawImage(img.SubImage(q.src).(*ebiten.Image), op)
	}
}

// cornerImages caches white discs (width 0) and rings, by radius and line
// width, from which rounded corners are cut.
type cornerImages struct {
	mu   sync.Mutex
	imgs map[[2]int]*ebiten.Image
}

var corners = &cornerImages{imgs: map[[2]int]*ebiten.Image{}}

// get returns the disc of radius rad (width 0), or the ring of radius rad
// and line width w, in a square of side 2*(rad+w) centred on it.
func (c *cornerImages) get(rad, w int) *ebiten.Image {
	c.mu.Lock()
	defer c.mu.Unlock()
	k := [2]int{rad, w}
	if img, ok := c.imgs[k]; ok {
		return img
	}
	half := rad + w
	img := ebiten.NewImage(2*half, 2*half)
	white := color.White
	if w == 0 {
		vector.FillCircle(img, float32(half), float32(half), float32(rad), white, true)
	} else {
		// The same pixels as the edges: from w/2 (rounded down) outside
		// the radius.
		in := float32(w / 2)
		vector.StrokeCircle(img, float32(half), float32(half), float32(rad)+in-float32(w)/2, float32(w), white, true)
	}
	c.imgs[k] = img
	return img
}

func fillRect(dst *ebiten.Image, r layout.Rect, clr color.Color) {
	vector.FillRect(dst, float32(r.X), float32(r.Y), float32(r.W), float32(r.H), clr, false)
}

func line(dst *ebiten.Image, x0, y0, x1, y1, width float64, clr color.Color) {
	vector.StrokeLine(dst, float32(x0), float32(y0), float32(x1), float32(y1), float32(width), clr, true)
}

func circle(dst *ebiten.Image, cx, cy, r float64, clr color.Color) {
	vector.FillCircle(dst, float32(cx), float32(cy), float32(r), clr, true)
}

func ring(dst *ebiten.Image, cx, cy, r, width float64, clr color.Color) {
	vector.StrokeCircle(dst, float32(cx), float32(cy), float32(r), float32(width), clr, true)
}

// Icon is a drawn symbol: icons do not depend on the font's glyphs.
type Icon int

// The icons.
const (
	NoIcon Icon = iota
	IconRight
	IconWrong
	IconPartial
)

// drawIcon draws an icon centred at cx, cy in a box of size s.
func drawIcon(dst *ebiten.Image, ic Icon, cx, cy, s float64, clr color.Color) {
	w := max(2, s/7)
	switch ic {
	case IconRight:
		line(dst, cx-s*0.38, cy, cx-s*0.1, cy+s*0.3, w, clr)
		line(dst, cx-s*0.1, cy+s*0.3, cx+s*0.4, cy-s*0.32, w, clr)
	case IconWrong:
		line(dst, cx-s*0.32, cy-s*0.32, cx+s*0.32, cy+s*0.32, w, clr)
		line(dst, cx-s*0.32, cy+s*0.32, cx+s*0.32, cy-s*0.32, w, clr)
	case IconPartial:
		ring(dst, cx, cy, s*0.36, w*0.8, clr)
		var p vector.Path
		p.MoveTo(float32(cx), float32(cy-s*0.36))
		p.Arc(float32(cx), float32(cy), float32(s*0.36), -math.Pi/2, math.Pi/2, vector.Clockwise)
		p.Close()
		op := &vector.DrawPathOptions{AntiAlias: true}
		op.ColorScale.ScaleWithColor(clr)
		vector.FillPath(dst, &p, nil, op)
	}
}

// arrow draws a line with an arrowhead at its end.
func arrow(dst *ebiten.Image, x0, y0, x1, y1, width, head float64, clr color.Color) {
	line(dst, x0, y0, x1, y1, width, clr)
	a := math.Atan2(y1-y0, x1-x0)
	for _, d := range []float64{0.5, -0.5} {
		line(dst, x1, y1, x1-head*math.Cos(a+d), y1-head*math.Sin(a+d), width, clr)
	}
}

// withAlpha returns the colour with its alpha scaled.
func withAlpha(c color.RGBA, a float64) color.RGBA {
	f := max(0, min(1, a))
	return color.RGBA{uint8(float64(c.R) * f), uint8(float64(c.G) * f), uint8(float64(c.B) * f), uint8(255 * f)}
}

// imageRect converts a layout rectangle to image coordinates.
func imageRect(r layout.Rect) image.Rectangle {
	return image.Rect(int(math.Floor(r.X)), int(math.Floor(r.Y)), int(math.Ceil(r.X+r.W)), int(math.Ceil(r.Y+r.H)))
}
