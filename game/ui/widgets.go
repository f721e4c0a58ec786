package ui

import (
	"image/color"
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/card"
	"gutskin/game/layout"
)

// button is a clickable, focusable box. Scenes rebuild their buttons from
// state whenever they lay out; focus is kept by id across rebuilds.
type button struct {
	id       string
	r        layout.Rect
	label    string
	sub      string // smaller second line
	hotkey   string // shown in a tag at the left ("A", "1")
	hot      []rune // typed characters that activate it
	disabled bool
	selected bool        // toggled on
	size     float64     // the label's size before fitting, 0 for the body size
	fill     *color.RGBA // overrides the background
	icon     Icon
	iconClr  color.RGBA
	action   func()
	// fit, when set, is the label's fit from the card's layout (package
	// card); otherwise drawing fits the label the same way.
	fit *card.Fitted
}

// buttons handles focus, hover and activation of a scene's buttons by
// keyboard, mouse and touch alike.
type buttons struct {
	list    []*button
	focus   string // id of the focused button
	hover   string
	pressed string
	// keyNav is set once the keyboard moved the focus: the focus ring shows
	// from then on (a mouse user sees hover instead).
	keyNav bool
}

func (bs *buttons) reset() { bs.list = bs.list[:0] }

func (bs *buttons) add(b *button) *button {
	bs.list = append(bs.list, b)
	return b
}

func (bs *buttons) byID(id string) *button {
	for _, b := range bs.list {
		if b.id == id {
			return b
		}
	}
	return nil
}

func (bs *buttons) at(x, y float64) *button {
	for i := len(bs.list) - 1; i >= 0; i-- {
		if b := bs.list[i]; b.r.Contains(x, y) {
			return b
		}
	}
	return nil
}

// focused returns the focused button, if it still exists and is enabled.
func (bs *buttons) focused() *button {
	if b := bs.byID(bs.focus); b != nil && !b.disabled {
		return b
	}
	return nil
}

// setFocus focuses a button by id (and shows the ring).
func (bs *buttons) setFocus(id string) {
	bs.focus = id
	bs.keyNav = true
}

// handle reacts to one event; it reports whether the event was used.
func (bs *buttons) handle(ev Event) bool {
	switch ev.Kind {
	case EvMove:
		bs.hover = ""
		if b := bs.at(ev.X, ev.Y); b != nil && !b.disabled {
			bs.hover = b.id
		}
	case EvPress:
		if b := bs.at(ev.X, ev.Y); b != nil && !b.disabled {
			bs.pressed = b.id
			bs.focus = b.id
			bs.keyNav = false
			return true
		}
		bs.pressed = ""
	case EvRelease:
		p := bs.pressed
		bs.pressed = ""
		if b := bs.at(ev.X, ev.Y); b != nil && b.id == p && !b.disabled && b.action != nil {
			b.action()
			return true
		}
	case EvRune:
		r := toLowerASCII(ev.Rune)
		for _, b := range bs.list {
			for _, h := range b.hot {
				if h == r && !b.disabled && b.action != nil {
					bs.focus = b.id
					b.action()
					return true
				}
			}
		}
	case EvKey:
		switch ev.Key {
		case KeyEnter, KeySpace:
			if b := bs.focused(); b != nil && b.action != nil && bs.keyNav {
				b.action()
				return true
			}
			if bs.focused() == nil || !bs.keyNav {
				return bs.move(0, 1) // first Enter shows where the focus is
			}
		case KeyUp:
			return bs.move(0, -1)
		case KeyDown:
			return bs.move(0, 1)
		case KeyLeft:
			return bs.move(-1, 0)
		case KeyRight:
			return bs.move(1, 0)
		case KeyTab:
			return bs.cycle(ev.Shift)
		}
	}
	return false
}

func toLowerASCII(r rune) rune {
	if r >= 'A' && r <= 'Z' {
		return r + 'a' - 'A'
	}
	return r
}

// cycle moves the focus to the next (or previous) enabled button.
func (bs *buttons) cycle(back bool) bool {
	n := len(bs.list)
	if n == 0 {
		return false
	}
	start := -1
	for i, b := range bs.list {
		if b.id == bs.focus {
			start = i
		}
	}
	for k := 1; k <= n; k++ {
		i := (start + k) % n
		if back {
			i = ((start-k)%n + n) % n
			if start < 0 {
				i = n - k
			}
		}
		if !bs.list[i].disabled {
			bs.setFocus(bs.list[i].id)
			return true
		}
	}
	return false
}

// move goes to the nearest enabled button in a direction; with no focus
// yet, it focuses the first enabled button.
func (bs *buttons) move(dx, dy float64) bool {
	cur := bs.focused()
	if cur == nil || !bs.keyNav {
		if cur != nil {
			bs.setFocus(cur.id)
			return true
		}
		for _, b := range bs.list {
			if !b.disabled {
				bs.setFocus(b.id)
				return true
			}
		}
		return false
	}
	cx, cy := cur.r.X+cur.r.W/2, cur.r.Y+cur.r.H/2
	var best *button
	bestScore := math.Inf(1)
	for _, b := range bs.list {
		if b == cur || b.disabled {
			continue
		}
		bx, by := b.r.X+b.r.W/2, b.r.Y+b.r.H/2
		along := (bx-cx)*dx + (by-cy)*dy
		if along <= 1 {
			continue
		}
		across := math.Abs((bx-cx)*dy) + math.Abs((by-cy)*dx)
		if s := along + 2*across; s < bestScore {
			best, bestScore = b, s
		}
	}
	if best == nil {
		return false
	}
	bs.setFocus(best.id)
	return true
}

// draw draws every button.
func (bs *buttons) draw(a *App, dst *ebiten.Image) {
	for _, b := range bs.list {
		bs.drawOne(a, dst, b)
	}
}

func (bs *buttons) drawOne(a *App, dst *ebiten.Image, b *button) {
	a.fonts.owner = b.id
	defer func() { a.fonts.owner = "" }()
	t := a.theme
	u := a.unit()
	bg := t.Button
	switch {
	case b.fill != nil:
		bg = *b.fill
	case b.selected:
		bg = t.Selected
	case b.id == bs.hover && !b.disabled:
		bg = t.ButtonHi
	}
	radius := u * 0.6
	fillRound(dst, b.r, radius, bg)
	fg := t.ButtonText
	if b.fill != nil && luminance(*b.fill) > 0.18 { // where black text has more contrast than white
		fg = color.RGBA{0x10, 0x10, 0x10, 0xff} // dark text on a light fill
	}
	if b.disabled {
		fg = t.Disabled
	}
	border := t.CardBorder
	if b.selected {
		border = t.Accent
	}
	strokeRound(dst, b.r, radius, max(1, u*0.12), border)
	if b.id == bs.focus && bs.keyNav && !b.disabled {
		strokeRound(dst, b.r.Inset(-u*0.25), radius+u*0.25, max(2, u*0.3), t.Focus)
	}
	f := b.fit
	if f == nil {
		fb := card.FitButton(b.r, card.Label{Text: b.label, Sub: b.sub, Hotkey: b.hotkey != "", Icon: b.icon != NoIcon, Size: b.size}, a.cardMetrics())
		f = &fb
	}
	if b.hotkey != "" {
		tr := f.Tag
		tag := tr.W
		fillRound(dst, tr, tag*0.25, withAlpha(fg, 0.18))
		a.fonts.drawLine(dst, b.hotkey, tr.X+tr.W/2, tr.Y+(tr.H-tag*0.55*layout.LineHeightFactor)/2, tag*0.55, true, fg, Center)
	}
	if b.icon != NoIcon {
		drawIcon(dst, b.icon, f.Icon.X+f.Icon.W/2, f.Icon.Y+f.Icon.H/2, f.Icon.W, b.iconClr)
	}
	// The label is centred in the button's height; with a second line,
	// the two shrink together, the second smaller, and neither is cut.
	y := b.r.Y + (b.r.H-f.Height)/2
	a.fonts.drawBlock(dst, f.Blocks[0], f.Inner.X, y+f.Tops[0], b.sub != "", fg, Left)
	if len(f.Blocks) > 1 {
		a.fonts.drawBlock(dst, f.Blocks[1], f.Inner.X, y+f.Tops[1], false, withAlpha(fg, 0.8), Left)
	}
}

// scroller is a vertically scrolling region.
type scroller struct {
	offset  float64
	content float64 // height of the content
	view    layout.Rect
}

func (s *scroller) clamp() {
	s.offset = max(0, min(s.offset, s.content-s.view.H))
}

// handle scrolls by wheel, arrows and page keys; it reports use.
func (s *scroller) handle(ev Event, step float64) bool {
	switch ev.Kind {
	case EvWheel:
		if s.view.Contains(ev.X, ev.Y) {
			s.offset -= ev.DY * step
			s.clamp()
			return true
		}
	case EvKey:
		switch ev.Key {
		case KeyPageDown:
			s.offset += s.view.H * 0.9
		case KeyPageUp:
			s.offset -= s.view.H * 0.9
		case KeyHome:
			s.offset = 0
		case KeyEnd:
			s.offset = s.content
		default:
			return false
		}
		s.clamp()
		return true
	}
	return false
}

// scrollbar draws the position of a scroller when its content overflows.
func (s *scroller) draw(a *App, dst *ebiten.Image) {
	if s.content <= s.view.H || s.content <= 0 {
		return
	}
	u := a.unit()
	track := layout.Rect{X: s.view.X + s.view.W - u*0.5, Y: s.view.Y, W: u * 0.4, H: s.view.H}
	fillRound(dst, track, u*0.2, withAlpha(a.theme.Muted, 0.25))
	h := max(u*2, track.H*s.view.H/s.content)
	y := track.Y + (track.H-h)*s.offset/max(1, s.content-s.view.H)
	fillRound(dst, layout.Rect{X: track.X, Y: y, W: track.W, H: h}, u*0.2, a.theme.Muted)
}

// hintBar draws a line of key hints at the bottom of the screen.
func hintBar(a *App, dst *ebiten.Image, hints ...string) {
	u := a.unit()
	// The line shrinks before it loses a hint (Q quit was cut at Extra large).
	s, size := layout.FitLine(strings.Join(hints, "   ·   "), a.textSize(0.75), a.minText()*0.85, a.w-4*u, a.fonts.Measure)
	a.fonts.drawLine(dst, s, a.w/2, a.h-a.textSize(0.75)*layout.LineHeightFactor-u*0.6, size, false, a.theme.Muted, Center)
}

// luminance is a colour's relative luminance, 0 (black) to 1 (white).
func luminance(c color.RGBA) float64 {
	lin := func(v uint8) float64 {
		f := float64(v) / 255
		if f <= 0.04045 {
			return f / 12.92
		}
		return math.Pow((f+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}
