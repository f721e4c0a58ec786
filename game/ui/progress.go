package ui

import (
	"fmt"
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/layout"
	"gutskin/game/save"
)

// progressRanges are the spans the progress screen offers, in weeks.
var progressRanges = []int{4, 12}

// progressScene shows how the player's knowledge grows: answers per day,
// accuracy per mechanism per week, where each pack's questions stand, and
// the days in a row. It reads the profile; it changes nothing.
type progressScene struct {
	btn   buttons
	weeks int
	// pr is the figures last computed, for cacheKey (a full review log
	// takes milliseconds to go through).
	pr       save.Progress
	cacheKey [3]int
}

// progress returns the figures for the chosen span, today.
func (s *progressScene) progress(a *App) save.Progress {
	now := a.now()
	key := [3]int{s.weeks, len(a.profile.Log), now.YearDay() + 400*now.Year()}
	if key != s.cacheKey || s.pr.Days == nil {
		s.pr, s.cacheKey = a.profile.Progress(a.Packs(), now, s.weeks*7, s.weeks), key
	}
	return s.pr
}

func newProgress(a *App) *progressScene { return &progressScene{weeks: progressRanges[0]} }

// progressPanels are the three plots' boxes.
type progressPanels struct{ days, packs, accuracy layout.Rect }

func (s *progressScene) layout(a *App) progressPanels {
	u := a.unit()
	s.btn.reset()
	bh := 5 * u
	for i, w := range progressRanges {
		wk := w
		r := layout.Rect{X: a.w - 4*u - float64(len(progressRanges)-i)*15*u, Y: 2.5 * u, W: 14 * u, H: bh}
		s.btn.add(&button{id: fmt.Sprint("weeks:", w), r: r, label: fmt.Sprintf("%d weeks", w), hotkey: fmt.Sprint(i + 1),
			hot: []rune{rune('1' + i)}, selected: s.weeks == w, action: func() { s.weeks = wk }})
	}
	s.btn.add(&button{id: "back", r: layout.Rect{X: 4 * u, Y: a.h - 4*u - bh - 1.5*u, W: 18 * u, H: bh}, label: "Back",
		action: func() { a.goTo(newTitle(a)) }})
	top, bottom := 2.5*u+a.textSize(1.6)*1.3+a.textSize(0.85)*layout.LineHeightFactor+2.5*u, a.h-4*u-bh-3*u
	// Answers per day across the top; below, the packs on the left and the
	// accuracy lines on the right, a row per mechanism in both.
	body := layout.Rect{X: 4 * u, Y: top, W: a.w - 8*u, H: bottom - top}
	var p progressPanels
	p.days = layout.Rect{X: body.X, Y: body.Y, W: body.W, H: body.H*0.32 - u}
	low := body.Y + body.H*0.32 + u
	p.packs = layout.Rect{X: body.X, Y: low, W: body.W*0.46 - 2*u, H: body.Y + body.H - low}
	p.accuracy = layout.Rect{X: body.X + body.W*0.46 + 2*u, Y: low, W: body.W*0.54 - 2*u, H: body.Y + body.H - low}
	return p
}

func (s *progressScene) Update(a *App, evs []Event) {
	s.layout(a)
	for _, ev := range evs {
		if ev.Kind == EvKey && ev.Key == KeyEscape {
			a.goTo(newTitle(a))
			return
		}
		s.btn.handle(ev)
		if a.scene != s {
			return
		}
	}
}

func (s *progressScene) Animating(a *App) bool { return false }

func (s *progressScene) Draw(a *App, dst *ebiten.Image) {
	p := s.layout(a)
	u, t := a.unit(), a.theme
	pr := s.progress(a)
	a.fonts.drawLine(dst, "Progress", 4*u, 2.5*u, a.textSize(1.6), true, t.Text, Left)
	total := 0
	for _, d := range pr.Days {
		total += d.Answers
	}
	sum := fmt.Sprintf("%s in a row · %s in the last %d weeks", countNoun(pr.Streak, "day"), countNoun(total, "answer"), s.weeks)
	size := a.textSize(0.85)
	a.fonts.drawLine(dst, layout.Truncate(sum, size, a.w-8*u-float64(len(progressRanges))*15*u-2*u, a.fonts.Measure), 4*u, 2.5*u+a.textSize(1.6)*1.3, size, false, t.Muted, Left)
	s.drawDays(a, dst, p.days, pr)
	s.drawPacks(a, dst, p.packs, pr)
	s.drawAccuracy(a, dst, p.accuracy, pr)
	s.btn.draw(a, dst)
	hintBar(a, dst, "1, 2: 4 or 12 weeks", "Esc back")
}

// panelTitle draws a plot's title and returns the box left under it.
func panelTitle(a *App, dst *ebiten.Image, r layout.Rect, title string) layout.Rect {
	size := a.textSize(0.85)
	a.fonts.drawLine(dst, layout.Truncate(title, size, r.W, a.fonts.MeasureBold), r.X, r.Y, size, true, a.theme.Text, Left)
	h := size*layout.LineHeightFactor + a.unit()*0.6
	return layout.Rect{X: r.X, Y: r.Y + h, W: r.W, H: r.H - h}
}

// drawDays is a bar chart of the answers of each day, right and wrong
// stacked, with the count axis on the left and dates below.
func (s *progressScene) drawDays(a *App, dst *ebiten.Image, r layout.Rect, pr save.Progress) {
	u, t := a.unit(), a.theme
	r = panelTitle(a, dst, r, "Answers per day")
	small := max(a.minText(), min(a.textSize(0.65), r.H/6))
	// The legend, on the title's line at the right.
	lx := r.X + r.W
	for _, l := range []struct {
		label string
		clr   color.RGBA
	}{{"not right", withAlpha(t.Muted, 0.6)}, {"right", t.Right}} {
		lx -= a.fonts.Measure(l.label, small)
		a.fonts.drawLine(dst, l.label, lx, r.Y-a.textSize(0.85)*layout.LineHeightFactor, small, false, t.Muted, Left)
		lx -= small * 1.4
		fillRect(dst, layout.Rect{X: lx, Y: r.Y - a.textSize(0.85)*layout.LineHeightFactor + small*0.3, W: small, H: small}, l.clr)
		lx -= 1.5 * u
	}
	peak := 1
	for _, d := range pr.Days {
		peak = max(peak, d.Answers)
	}
	axisW := a.fonts.Measure(fmt.Sprint(peak), small) + u
	plot := layout.Rect{X: r.X + axisW, Y: r.Y + small*0.6, W: r.W - axisW, H: r.H - small*layout.LineHeightFactor - u - small*0.6}
	line(dst, plot.X, plot.Y+plot.H, plot.X+plot.W, plot.Y+plot.H, max(1, u*0.15), t.Muted)
	line(dst, plot.X, plot.Y, plot.X+plot.W, plot.Y, max(1, u*0.1), withAlpha(t.Muted, 0.35))
	a.fonts.drawLine(dst, fmt.Sprint(peak), plot.X-u*0.5, plot.Y-small*0.6, small, false, t.Muted, Right)
	a.fonts.drawLine(dst, "0", plot.X-u*0.5, plot.Y+plot.H-small*0.6, small, false, t.Muted, Right)
	n := len(pr.Days)
	slot := plot.W / float64(n)
	for i, d := range pr.Days {
		x := plot.X + float64(i)*slot + slot*0.15
		w := slot * 0.7
		hAll := plot.H * float64(d.Answers) / float64(peak)
		hRight := plot.H * float64(d.Right) / float64(peak)
		fillRect(dst, layout.Rect{X: x, Y: plot.Y + plot.H - hAll, W: w, H: hAll - hRight}, withAlpha(t.Muted, 0.6))
		fillRect(dst, layout.Rect{X: x, Y: plot.Y + plot.H - hRight, W: w, H: hRight}, t.Right)
	}
	// Dates under the first bar, the middle and today.
	ly := plot.Y + plot.H + u*0.5
	for _, i := range []int{0, n / 2} {
		a.fonts.drawLine(dst, pr.Days[i].Day.Format("2 Jan"), plot.X+float64(i)*slot, ly, small, false, t.Muted, Left)
	}
	a.fonts.drawLine(dst, "today", plot.X+plot.W, ly, small, false, t.Muted, Right)
}

// drawPacks is a stacked bar per pack: known, learning, new.
func (s *progressScene) drawPacks(a *App, dst *ebiten.Image, r layout.Rect, pr save.Progress) {
	u, t := a.unit(), a.theme
	r = panelTitle(a, dst, r, "Questions per mechanism")
	small := max(a.minText(), a.textSize(0.65))
	// The legend.
	x := r.X
	legend := []struct {
		label string
		fill  float64 // 1 known, 0.5 learning, 0 new
	}{{fmt.Sprintf("known (stable %d+ days)", save.KnownStability), 1}, {"learning", 0.5}, {"new", 0}}
	for _, l := range legend {
		sw := layout.Rect{X: x, Y: r.Y + small*0.2, W: small, H: small}
		fillRect(dst, sw, packColour(a, l.fill))
		a.fonts.drawLine(dst, l.label, x+small*1.4, r.Y-small*0.15, small, false, t.Muted, Left)
		x += small*1.4 + a.fonts.Measure(l.label, small) + 2*u
	}
	rows := layout.Rect{X: r.X, Y: r.Y + small*layout.LineHeightFactor + u*0.5, W: r.W, H: r.H - small*layout.LineHeightFactor - u*0.5}
	if len(pr.Packs) == 0 {
		return
	}
	rowH := rows.H / float64(len(pr.Packs))
	ls := max(a.minText(), min(small, rowH*0.6))
	labelW := r.W * 0.42
	for i, pp := range pr.Packs {
		y := rows.Y + float64(i)*rowH
		a.fonts.drawLine(dst, layout.Truncate(pp.Pack.Title, ls, labelW-u, a.fonts.Measure), r.X, y+(rowH*0.8-ls*layout.LineHeightFactor)/2, ls, false, t.Text, Left)
		bar := layout.Rect{X: r.X + labelW, Y: y + rowH*0.1, W: r.W - labelW, H: rowH * 0.6}
		all := pp.Known + pp.Learning + pp.New
		if all == 0 {
			continue
		}
		bx := bar.X
		for _, part := range []struct {
			n    int
			fill float64
		}{{pp.Known, 1}, {pp.Learning, 0.5}, {pp.New, 0}} {
			w := bar.W * float64(part.n) / float64(all)
			fillRect(dst, layout.Rect{X: bx, Y: bar.Y, W: w, H: bar.H}, packColour(a, part.fill))
			if part.n > 0 && a.fonts.Measure(fmt.Sprint(part.n), ls*0.9)+u*0.6 < w {
				clr := t.Text
				if part.fill == 1 {
					clr = t.Background
				}
				a.fonts.drawLine(dst, fmt.Sprint(part.n), bx+u*0.3, bar.Y+(bar.H-ls*0.9*layout.LineHeightFactor)/2, ls*0.9, false, clr, Left)
			}
			bx += w
		}
	}
}

// packColour is the fill of known (1), learning (0.5) and new (0).
func packColour(a *App, f float64) color.RGBA {
	switch f {
	case 0:
		return withAlpha(a.theme.Muted, 0.3)
	case 1:
		return a.theme.Mastery1
	}
	return a.theme.Partial
}

// drawAccuracy draws, per mechanism, a line of its weekly accuracy (the
// share of answers right) on a 0-100% scale; weeks without answers leave
// a gap.
func (s *progressScene) drawAccuracy(a *App, dst *ebiten.Image, r layout.Rect, pr save.Progress) {
	u, t := a.unit(), a.theme
	r = panelTitle(a, dst, r, "Accuracy by mechanism per week")
	small := max(a.minText(), a.textSize(0.65))
	axisH := small*layout.LineHeightFactor + u*0.5
	rows := layout.Rect{X: r.X, Y: r.Y, W: r.W, H: r.H - axisH}
	if len(pr.Packs) == 0 || pr.Weeks == 0 {
		return
	}
	rowH := rows.H / float64(len(pr.Packs))
	ls := max(a.minText(), min(small, rowH*0.62))
	labelW := r.W * 0.34
	valueW := a.fonts.Measure("100%", ls) + u
	plotX, plotW := r.X+labelW, r.W-labelW-valueW
	slot := plotW / float64(pr.Weeks)
	xOf := func(w int) float64 { return plotX + slot*(float64(w)+0.5) }
	for i, pp := range pr.Packs {
		y := rows.Y + float64(i)*rowH
		plot := layout.Rect{X: plotX, Y: y + rowH*0.12, W: plotW, H: rowH * 0.7}
		a.fonts.drawLine(dst, layout.Truncate(pp.Pack.Title, ls, labelW-u, a.fonts.Measure), r.X, plot.Y+(plot.H-ls*layout.LineHeightFactor)/2, ls, false, t.Text, Left)
		fillRect(dst, plot, withAlpha(t.Muted, 0.08))
		line(dst, plot.X, plot.Y+plot.H, plot.X+plot.W, plot.Y+plot.H, max(1, u*0.1), withAlpha(t.Muted, 0.6))
		line(dst, plot.X, plot.Y, plot.X+plot.W, plot.Y, max(1, u*0.08), withAlpha(t.Muted, 0.25))
		last := -1.0
		px, py := 0.0, 0.0
		prev := false
		for w := range pr.Weeks {
			n := pp.WeekAnswers[w]
			if n == 0 {
				prev = false
				continue
			}
			acc := float64(pp.WeekRight[w]) / float64(n)
			x, yy := xOf(w), plot.Y+plot.H*(1-acc)
			if prev {
				line(dst, px, py, x, yy, max(1.5, u*0.25), t.Accent)
			}
			circle(dst, x, yy, max(2, u*0.35), t.Accent)
			px, py, prev, last = x, yy, true, acc
		}
		if last >= 0 {
			a.fonts.drawLine(dst, fmt.Sprintf("%d%%", int(last*100+0.5)), r.X+r.W, plot.Y+(plot.H-ls*layout.LineHeightFactor)/2, ls, false, t.Muted, Right)
		}
	}
	// The time axis below the last row.
	ay := rows.Y + rows.H + u*0.3
	a.fonts.drawLine(dst, fmt.Sprintf("%d weeks ago", pr.Weeks-1), xOf(0)-slot*0.5, ay, small, false, t.Muted, Left)
	a.fonts.drawLine(dst, "this week", xOf(pr.Weeks-1)+slot*0.5, ay, small, false, t.Muted, Right)
	if note := "row: 0% to 100%"; a.fonts.Measure(note, small)+a.fonts.Measure("this week 12 weeks ago", small)+4*u < plotW {
		a.fonts.drawLine(dst, note, plotX+plotW/2, ay, small, false, t.Muted, Center)
	}
}
