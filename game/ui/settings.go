package ui

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/layout"
)

// settingsScene changes text size, theme, motion, fullscreen and player.
type settingsScene struct {
	btn     buttons
	editing bool
	name    string
}

func newSettings(a *App) *settingsScene { return &settingsScene{} }

// settingsRowH is the height of a settings row, in units.
const settingsRowH = 7.2

// retentionChoices are the target retentions of spaced review offered.
var retentionChoices = []float64{0.80, 0.85, 0.90, 0.95}

func onOff(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (s *settingsScene) layout(a *App) []string {
	u := a.unit()
	s.btn.reset()
	st := &a.profile.Settings
	labels := []string{"Text size", "Theme", "Reduced motion", "Fullscreen (F11)", "Review target", "Player"}
	x := 4*u + 28*u
	w := a.w - x - 4*u
	rowH := settingsRowH * u
	y := 10 * u
	row := func(name string, opts []string, sel int, set func(int)) {
		cells := layout.Grid(layout.Rect{X: x, Y: y, W: w, H: 5.5 * u}, len(opts), len(opts), u)
		for i, o := range opts {
			k := i
			s.btn.add(&button{id: fmt.Sprint(name, ":", i), r: cells[i], label: o, selected: i == sel, action: func() {
				set(k)
				a.persist()
			}})
		}
		y += rowH
	}
	row("text", TextSizeNames, st.TextSize, func(i int) { st.TextSize = i })
	var themeNames []string
	sel := 0
	for i, k := range ThemeOrder {
		themeNames = append(themeNames, Themes[k].Name)
		if k == st.Theme {
			sel = i
		}
	}
	row("theme", themeNames, sel, func(i int) {
		st.Theme = ThemeOrder[i]
		a.theme = themeFor(st.Theme)
	})
	row("motion", []string{"Off", "On"}, onOff(st.ReducedMotion), func(i int) { st.ReducedMotion = i == 1 })
	row("fullscreen", []string{"Off", "On"}, onOff(st.Fullscreen), func(i int) { a.setFullscreen(i == 1) })
	// The target retention of spaced review: the chance of recall at which a
	// question falls due again (higher: more frequent reviews).
	ri := slices.Index(retentionChoices, a.profile.Params().Retention)
	var retNames []string
	for _, r := range retentionChoices {
		retNames = append(retNames, fmt.Sprintf("%d%% recall", int(r*100+0.5)))
	}
	row("retention", retNames, ri, func(i int) { st.Retention = retentionChoices[i] })
	name := a.profileName() + "  (change)"
	if s.editing {
		name = s.name + "_"
	}
	s.btn.add(&button{id: "player", r: layout.Rect{X: x, Y: y, W: w * 0.6, H: 5.5 * u}, label: name, selected: s.editing,
		action: func() {
			s.editing = true
			s.name = ""
		}})
	s.btn.add(&button{id: "switch", r: layout.Rect{X: x + w*0.6 + u, Y: y, W: w*0.4 - u, H: 5.5 * u}, label: "Switch player",
		disabled: !s.editing, action: func() { s.switchPlayer(a) }})
	s.btn.add(&button{id: "back", r: layout.Rect{X: 4 * u, Y: a.h - 4*u - 7.5*u, W: 18 * u, H: 5.5 * u}, label: "Back", action: func() { a.goTo(newTitle(a)) }})
	return labels
}

func (s *settingsScene) switchPlayer(a *App) {
	name := strings.TrimSpace(s.name)
	s.editing = false
	if name == "" {
		return
	}
	a.persist()
	a.loadProfile(name)
	a.showToast("Playing as " + a.profileName())
}

func (s *settingsScene) Update(a *App, evs []Event) {
	s.layout(a)
	for _, ev := range evs {
		if s.editing {
			switch {
			case ev.Kind == EvKey && ev.Key == KeyEscape:
				s.editing = false
				continue
			case ev.Kind == EvKey && ev.Key == KeyEnter:
				s.switchPlayer(a)
				continue
			case ev.Kind == EvKey && ev.Key == KeyBackspace:
				if r := []rune(s.name); len(r) > 0 {
					s.name = string(r[:len(r)-1])
				}
				continue
			case ev.Kind == EvKey && ev.Key == KeySpace:
				s.name += " "
				continue
			case ev.Kind == EvRune:
				if (unicode.IsLetter(ev.Rune) || unicode.IsDigit(ev.Rune) || ev.Rune == '-' || ev.Rune == '_') && len([]rune(s.name)) < 30 {
					s.name += string(ev.Rune)
				}
				continue
			}
		} else if ev.Kind == EvKey && ev.Key == KeyEscape {
			a.goTo(newTitle(a))
			return
		}
		s.btn.handle(ev)
		s.layout(a)
	}
}

func (s *settingsScene) Animating(a *App) bool { return false }

func (s *settingsScene) Draw(a *App, dst *ebiten.Image) {
	labels := s.layout(a)
	u := a.unit()
	t := a.theme
	a.fonts.drawLine(dst, "Settings", 4*u, 3*u, a.textSize(1.6), true, t.Text, Left)
	for i, l := range labels {
		a.fonts.drawLine(dst, l, 4*u, 10*u+float64(i)*settingsRowH*u+(5.5*u-a.textSize(1)*1.3)/2, a.textSize(1), true, t.Text, Left)
	}
	note := "Settings and scores are kept per player in " + a.saveWhere() + "."
	if s.editing {
		note = "Type a player name, then Enter (Esc cancels). A new name starts a new profile."
	}
	blk := layout.MakeBlock(note, a.textSize(0.8), a.w-8*u, a.fonts.Measure)
	a.fonts.drawBlock(dst, blk, 4*u, 10*u+float64(len(labels))*settingsRowH*u, false, t.Muted, Left)
	s.btn.draw(a, dst)
	hintBar(a, dst, "Arrows + Enter choose", "Esc back")
}

// saveWhere says where profiles are kept, for the settings screen.
func (a *App) saveWhere() string {
	if a.opts.Store == nil {
		return "(no save folder)"
	}
	return a.opts.Store.Where()
}
