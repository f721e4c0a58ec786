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
	k := faceKey{bold, faceSize(size)}
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

// faceSize is the glyph size drawn for a text size: the largest step of a
// ladder (6 px, then about 9 % larger each step) not above it. Fitting text
// tries many sizes, and every size drawn gets its own glyph cache in
// Ebiten's atlas; the ladder keeps them to a few dozen for the whole game.
// Rounding down keeps fitted text inside the lines the layout measured.
func faceSize(size float64) int {
	if size <= 6 {
		return 6
	}
	step := math.Floor(math.Log(size/6) / math.Log(1.09))
	return max(6, int(math.Floor(6*math.Pow(1.09, step)+1e-9)))
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
}

// drawBlock draws wrapped text.
func (f *Fonts) drawBlock(dst *ebiten.Image, b layout.Block, x, y float64, bold bool, clr color.Color, align Align) {
	for i, l := range b.Lines {
		f.drawLine(dst, l, x, y+float64(i)*b.LineHeight, b.Size, bold, clr, align)
	}
}

// fillRound fills a rectangle with rounded corners.
func fillRound(dst *ebiten.Image, r layout.Rect, radius float64, clr color.Color) {
	if r.W <= 0 || r.H <= 0 {
		return
	}
	var p vector.Path
	roundPath(&p, r, radius)
	op := &vector.DrawPathOptions{AntiAlias: true}
	op.ColorScale.ScaleWithColor(clr)
	vector.FillPath(dst, &p, nil, op)
}

// strokeRound outlines a rectangle with rounded corners.
func strokeRound(dst *ebiten.Image, r layout.Rect, radius, width float64, clr color.Color) {
	if r.W <= 0 || r.H <= 0 {
		return
	}
	// The outline is the ring between two rounded rectangles, filled
	// even-odd: a stroke with round joins flattens every corner into many
	// small joins, and its vertices stay in Ebiten's command buffer (which
	// keeps the largest frame's size) as resident memory.
	var p vector.Path
	roundPath(&p, r.Inset(-width/2), radius+width/2)
	if in := r.Inset(width / 2); in.W > 0 && in.H > 0 {
		roundPath(&p, in, max(0, radius-width/2))
	}
	op := &vector.DrawPathOptions{AntiAlias: true}
	op.ColorScale.ScaleWithColor(clr)
	vector.FillPath(dst, &p, &vector.FillOptions{FillRule: vector.FillRuleEvenOdd}, op)
}

func roundPath(p *vector.Path, r layout.Rect, radius float64) {
	rad := float32(min(radius, r.W/2, r.H/2))
	x, y, w, h := float32(r.X), float32(r.Y), float32(r.W), float32(r.H)
	p.MoveTo(x+rad, y)
	p.LineTo(x+w-rad, y)
	p.ArcTo(x+w, y, x+w, y+rad, rad)
	p.LineTo(x+w, y+h-rad)
	p.ArcTo(x+w, y+h, x+w-rad, y+h, rad)
	p.LineTo(x+rad, y+h)
	p.ArcTo(x, y+h, x, y+h-rad, rad)
	p.LineTo(x, y+rad)
	p.ArcTo(x, y, x+rad, y, rad)
	p.Close()
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
