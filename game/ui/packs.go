package ui

import (
	"fmt"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/layout"
	"gutskin/game/pack"
)

// packsScene lists every pack file with its problems, so an author sees
// them inside the game and not only on a terminal.
type packsScene struct {
	btn    buttons
	scroll scroller
}

func newPacksScene(a *App) *packsScene { return &packsScene{} }

func (s *packsScene) layout(a *App) {
	u := a.unit()
	s.btn.reset()
	s.btn.add(&button{id: "back", r: layout.Rect{X: 4 * u, Y: a.h - 4*u - 7*u, W: 18 * u, H: 5.5 * u}, label: "Back", action: func() { a.goTo(newTitle(a)) }})
	s.scroll.view = layout.Rect{X: 4 * u, Y: 9 * u, W: a.w - 8*u, H: a.h - 9*u - 12.5*u}
}

func (s *packsScene) Update(a *App, evs []Event) {
	s.layout(a)
	for _, ev := range evs {
		if ev.Kind == EvKey && ev.Key == KeyEscape {
			a.goTo(newTitle(a))
			return
		}
		if ev.Kind == EvKey && (ev.Key == KeyDown || ev.Key == KeyUp) {
			d := 4 * a.unit()
			if ev.Key == KeyUp {
				d = -d
			}
			s.scroll.offset += d
			s.scroll.clamp()
			continue
		}
		if s.scroll.handle(ev, a.unit()*4) {
			continue
		}
		s.btn.handle(ev)
	}
}

func (s *packsScene) Animating(a *App) bool { return false }

func (s *packsScene) Draw(a *App, dst *ebiten.Image) {
	s.layout(a)
	u := a.unit()
	t := a.theme
	set := a.opts.Packs
	errs, warns := set.Count()
	a.fonts.drawLine(dst, "Packs", 4*u, 2.5*u, a.textSize(1.6), true, t.Text, Left)
	sum := fmt.Sprintf("%d files · %d playable · %d errors · %d warnings", len(set.Files), len(set.Packs()), errs, warns)
	a.fonts.drawLine(dst, sum, 4*u, 2.5*u+a.textSize(1.6)*1.3, a.textSize(0.85), false, t.Muted, Left)
	view := s.scroll.view
	clip := dst.SubImage(imageRect(view)).(*ebiten.Image)
	y := view.Y - s.scroll.offset
	w := view.W - 2*u
	for _, f := range set.Files {
		title, status, clr := f.Name, "", t.Right
		e, wn := f.Count()
		switch {
		case !f.OK():
			status, clr = fmt.Sprintf("cannot be played: %d errors", e), t.Wrong
		case wn > 0:
			status, clr = fmt.Sprintf("playable, %d warnings", wn), t.Partial
		default:
			status = "playable"
		}
		if f.Pack != nil && f.Pack.Title != "" {
			title = f.Pack.Title
		}
		size := a.textSize(0.95)
		a.fonts.drawLine(clip, layout.Truncate(title, size, w*0.6, a.fonts.MeasureBold), view.X, y, size, true, t.Text, Left)
		a.fonts.drawLine(clip, status, view.X+w, y, size*0.9, true, clr, Right)
		y += size * layout.LineHeightFactor
		info := f.Name
		if p := f.Pack; p != nil {
			info = fmt.Sprintf("%s · %s · version %s · %d questions · by %s · %s · reviewed %s · from %s",
				f.Name, p.ID, p.Version, len(p.Questions), strings.Join(p.Authors, ", "), p.Licence, p.LastReviewed, originName(f))
		}
		ib := layout.MakeBlock(info, a.textSize(0.75), w, a.fonts.Measure)
		a.fonts.drawBlock(clip, ib, view.X, y, false, t.Muted, Left)
		y += ib.Height
		shown := f.Diagnostics
		if len(shown) > 12 {
			shown = shown[:12]
		}
		for _, d := range shown {
			c := t.Wrong
			if d.Severity == pack.Warning {
				c = t.Partial
			}
			db := layout.MakeBlock(d.String(), a.textSize(0.75), w-2*u, a.fonts.Measure)
			a.fonts.drawBlock(clip, db, view.X+2*u, y, false, c, Left)
			y += db.Height
		}
		if n := len(f.Diagnostics) - len(shown); n > 0 {
			a.fonts.drawLine(clip, fmt.Sprintf("… and %d more (run gutskin validate to see all)", n), view.X+2*u, y, a.textSize(0.75), false, t.Muted, Left)
			y += a.textSize(0.75) * layout.LineHeightFactor
		}
		y += 1.5 * u
	}
	s.scroll.content = y + s.scroll.offset - view.Y
	s.scroll.clamp()
	s.scroll.draw(a, dst)
	s.btn.draw(a, dst)
	hintBar(a, dst, "Arrows, PageUp/PageDown or wheel scroll", "Esc back")
}

func originName(f *pack.File) string {
	if f.Origin == "" {
		return "command line"
	}
	return f.Origin
}
