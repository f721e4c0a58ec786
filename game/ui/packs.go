package ui

import (
	"fmt"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/layout"
	"gutskin/game/pack"
)

// packsScene lists every pack file with its problems, so an author sees
// them inside the game and not only on a terminal; a playable pack can be
// played from here.
type packsScene struct {
	btn     buttons
	scroll  scroller
	entries []packEntry
}

// packEntry is one file's place in the scrolling list.
type packEntry struct {
	file  *pack.File
	y     float64 // top, in content coordinates
	title string
	info  layout.Block
	diags []layout.Block
	more  int // diagnostics not shown
}

func newPacksScene(a *App) *packsScene { return &packsScene{} }

const maxListedProblems = 12

// layout measures every entry and places the buttons: Back, and a Play
// button beside each playable pack that is in view.
func (s *packsScene) layout(a *App) {
	u := a.unit()
	s.btn.reset()
	s.btn.add(&button{id: "back", r: layout.Rect{X: 4 * u, Y: a.h - 4*u - 7*u, W: 18 * u, H: 5.5 * u}, label: "Back",
		action: func() { a.goTo(newTitle(a)) }})
	// The list starts below the heading and its summary line, so a row
	// scrolled up disappears under nothing.
	top := 2.5*u + a.textSize(1.6)*1.3 + a.textSize(0.85)*layout.LineHeightFactor + 1.5*u
	s.scroll.view = layout.Rect{X: 4 * u, Y: top, W: a.w - 8*u, H: a.h - top - 12.5*u}
	w := s.scroll.view.W - 2*u
	s.entries = s.entries[:0]
	y := 0.0
	size := a.textSize(0.95)
	small := a.textSize(0.75)
	for _, f := range a.opts.Packs.Files {
		e := packEntry{file: f, y: y, title: f.Name}
		if f.Pack != nil && f.Pack.Title != "" {
			e.title = f.Pack.Title
		}
		info := f.Name
		if p := f.Pack; p != nil {
			info = fmt.Sprintf("%s · %s · version %s · %d questions · by %s · %s · reviewed %s · from %s",
				f.Name, p.ID, p.Version, len(p.Questions), strings.Join(p.Authors, ", "), p.Licence, p.LastReviewed, originName(f))
		}
		e.info = layout.MakeBlock(info, small, w, a.fonts.Measure)
		shown := f.Diagnostics
		if len(shown) > maxListedProblems {
			shown, e.more = shown[:maxListedProblems], len(shown)-maxListedProblems
		}
		e.more += f.Omitted.Total()
		for _, d := range shown {
			e.diags = append(e.diags, layout.MakeBlock(d.String(), small, w-2*u, a.fonts.Measure))
		}
		y += size*layout.LineHeightFactor + e.info.Height
		for _, b := range e.diags {
			y += b.Height
		}
		if e.more > 0 {
			y += small * layout.LineHeightFactor
		}
		y += 1.5 * u
		s.entries = append(s.entries, e)
		// A Play button on the title row, when that row is in view.
		if f.OK() {
			top := s.scroll.view.Y + e.y - s.scroll.offset
			r := layout.Rect{X: s.scroll.view.X + w*0.57, Y: top, W: 12 * u, H: size * layout.LineHeightFactor}
			if s.scroll.view.Inside(r) {
				pk := f.Pack
				s.btn.add(&button{id: "play:" + f.Name, r: r, label: "Play", selected: true,
					action: func() { a.startRound(a.prefs.withPacks([]*pack.Pack{pk})) }})
			}
		}
	}
	s.scroll.content = y
	s.scroll.clamp()
}

func (s *packsScene) Update(a *App, evs []Event) {
	s.layout(a)
	for _, ev := range evs {
		if ev.Kind == EvKey && ev.Key == KeyEscape {
			a.goTo(newTitle(a))
			return
		}
		if ev.Kind == EvKey && (ev.Key == KeyDown || ev.Key == KeyUp) && !s.btn.keyNav {
			d := 4 * a.unit()
			if ev.Key == KeyUp {
				d = -d
			}
			s.scroll.offset += d
			s.scroll.clamp()
			s.layout(a)
			continue
		}
		if s.scroll.handle(ev, a.unit()*4) {
			s.layout(a)
			continue
		}
		s.btn.handle(ev)
		if a.scene != s {
			return
		}
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
	sum := fmt.Sprintf("%d files · %d playable · %s · %s", len(set.Files), len(set.Packs()), countNoun(errs, "error"), countNoun(warns, "warning"))
	a.fonts.drawLine(dst, sum, 4*u, 2.5*u+a.textSize(1.6)*1.3, a.textSize(0.85), false, t.Muted, Left)
	view := s.scroll.view
	clip := dst.SubImage(imageRect(view)).(*ebiten.Image)
	w := view.W - 2*u
	size := a.textSize(0.95)
	small := a.textSize(0.75)
	for _, e := range s.entries {
		y := view.Y + e.y - s.scroll.offset
		if y > view.Y+view.H || y+size*3 < view.Y-a.h {
			continue
		}
		f := e.file
		status, clr := "playable", t.Right
		ne, nw := f.Count()
		switch {
		case !f.OK():
			status, clr = "cannot be played: "+countNoun(ne, "error"), t.Wrong
		case nw > 0:
			status, clr = "playable, "+countNoun(nw, "warning"), t.Partial
		}
		title, ts := layout.FitLine(e.title, size, a.minText(), w*0.55, a.fonts.MeasureBold)
		a.fonts.drawLine(clip, title, view.X, y, ts, true, t.Text, Left)
		a.fonts.drawLine(clip, status, view.X+w, y, size*0.9, true, clr, Right)
		y += size * layout.LineHeightFactor
		a.fonts.drawBlock(clip, e.info, view.X, y, false, t.Muted, Left)
		y += e.info.Height
		for i, b := range e.diags {
			c := t.Wrong
			if f.Diagnostics[i].Severity == pack.Warning {
				c = t.Partial
			}
			a.fonts.drawBlock(clip, b, view.X+2*u, y, false, c, Left)
			y += b.Height
		}
		if e.more > 0 {
			a.fonts.drawLine(clip, fmt.Sprintf("… and %d more (run gutskin validate to see all)", e.more), view.X+2*u, y, small, false, t.Muted, Left)
		}
	}
	s.scroll.draw(a, dst)
	s.btn.draw(a, dst)
	hintBar(a, dst, "PageUp/PageDown, arrows or wheel scroll", "Tab then Enter: Play", "Esc back")
}

func originName(f *pack.File) string {
	if f.Origin == "" {
		return "command line"
	}
	return f.Origin
}
