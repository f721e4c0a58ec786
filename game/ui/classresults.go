package ui

import (
	"fmt"
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/layout"
)

func (s *classPlayScene) drawBoard(a *App, dst *ebiten.Image, box layout.Rect) {
	t := a.theme
	u := a.unit()
	board := s.g.Scoreboard()
	size := a.textSize(1.4)
	a.fonts.drawLine(dst, "Scoreboard", box.X, box.Y, size*1.1, true, t.Text, Left)
	rowH := min((box.H-size*1.8)/float64(len(board)), size*2)
	y := box.Y + size*1.8
	for _, st := range board {
		fill := teamColors[st.Team]
		badge := layout.Rect{X: box.X, Y: y, W: rowH * 0.8, H: rowH * 0.8}
		fillRound(dst, badge, u*0.5, fill)
		a.fonts.drawLine(dst, teamNumber(st.Team), badge.X+badge.W/2, badge.Y+(badge.H-size*0.8*layout.LineHeightFactor)/2, size*0.8, true, color.Black, Center)
		change := ""
		switch {
		case st.Change > 0:
			change = fmt.Sprintf("  up %d", st.Change)
		case st.Change < 0:
			change = fmt.Sprintf("  down %d", -st.Change)
		}
		detail := fmt.Sprintf("%d points (%d right", st.Total, st.Right)
		if st.Bonus != 0 {
			detail += fmt.Sprintf(", %d speed and streak", st.Bonus)
		}
		if st.Manual != 0 {
			detail += fmt.Sprintf(", %+d by hand", st.Manual)
		}
		detail += ")"
		// The name gets what the points leave, never the points' room.
		nameX := badge.X + badge.W + u
		avail := box.X + box.W - nameX - 2*u
		name := fmt.Sprintf("%d. %s%s", st.Rank, st.Name, change)
		detailW := a.fonts.Measure(detail, size*0.8)
		if nameW := a.fonts.MeasureBold(name, size); nameW+detailW > avail {
			detailW = min(detailW, max(avail-nameW, avail*0.45))
		}
		detail = layout.Truncate(detail, size*0.8, detailW, a.fonts.Measure)
		name = layout.Truncate(name, size, avail-detailW, a.fonts.MeasureBold)
		a.fonts.drawLine(dst, name, nameX, y+(rowH*0.8-size*layout.LineHeightFactor)/2, size, true, t.Text, Left)
		a.fonts.drawLine(dst, detail, box.X+box.W, y+(rowH*0.8-size*0.8*layout.LineHeightFactor)/2, size*0.8, false, t.Text, Right)
		y += rowH
	}
}

func (s *classPlayScene) drawResults(a *App, dst *ebiten.Image) {
	t := a.theme
	u := a.unit()
	board := s.g.Scoreboard()
	a.fonts.drawLine(dst, "Results", 4*u, 7*u, a.textSize(1.8), true, t.Text, Left)
	// The podium: first three places, tallest in the middle.
	heights := []float64{1, 0.75, 0.55}
	order := []int{1, 0, 2}
	base := a.h * 0.55
	w := (a.w - 8*u) / 6
	for slot, i := range order {
		if i >= len(board) {
			continue
		}
		st := board[i]
		h := a.h * 0.25 * heights[min(st.Rank-1, 2)]
		r := layout.Rect{X: 4*u + float64(slot)*(w+u), Y: base - h, W: w, H: h}
		fillRound(dst, r, u*0.5, teamColors[st.Team])
		a.fonts.drawLine(dst, fmt.Sprintf("%d", st.Rank), r.X+r.W/2, r.Y+u, a.textSize(1.6), true, color.Black, Center)
		a.fonts.drawLine(dst, layout.Truncate(st.Name, a.textSize(0.9), w, a.fonts.MeasureBold), r.X+r.W/2, r.Y-a.textSize(0.9)*2.7, a.textSize(0.9), true, t.Text, Center)
		a.fonts.drawLine(dst, fmt.Sprintf("%d points", st.Total), r.X+r.W/2, r.Y-a.textSize(0.9)*1.4, a.textSize(0.8), false, t.Text, Center)
	}
	x := 4*u + 3*(w+u) + 2*u
	y := 12 * u
	size := a.textSize(0.85)
	for _, st := range board {
		line := fmt.Sprintf("%d. %s: %d points, %d right", st.Rank, st.Name, st.Total, st.Right)
		a.fonts.drawLine(dst, layout.Truncate(line, size, a.w-x-4*u, a.fonts.MeasureBold), x, y, size, true, t.Text, Left)
		detail := fmt.Sprintf("answers %d · speed and streak %d · by hand %+d", st.Correctness, st.Bonus, st.Manual)
		a.fonts.drawLine(dst, layout.Truncate(detail, size*0.85, a.w-x-4*u, a.fonts.Measure), x, y+size*1.3, size*0.85, false, t.Muted, Left)
		y += size * 2.6
	}
	// The files' line sits at the bottom left, clear of the Menu button;
	// the misconceptions stop above it.
	bottom := a.h - 4*u
	if s.csvPath != "" {
		msg := "Saved: " + s.csvPath + " and " + s.htmlPath
		blk, _ := layout.Fit(msg, a.textSize(0.7), a.minText(), a.w-8*u-26*u, 6*u, a.fonts.Measure)
		bottom -= blk.Height + u
		a.fonts.drawBlock(dst, blk, 4*u, bottom, false, t.Muted, Left)
	}
	y += size
	a.fonts.drawLine(dst, "Misconceptions the class fell for", x, y, size, true, t.Text, Left)
	y += size * 1.5
	ms := s.g.Misconceptions()
	if len(ms) == 0 {
		a.fonts.drawLine(dst, "None of the labelled misconceptions was picked.", x, y, size, false, t.Muted, Left)
	}
	limit := min(bottom, a.h-4*u-7.5*u) - size*1.5
	for _, m := range ms {
		if y > limit {
			break
		}
		a.fonts.drawLine(dst, layout.Truncate(fmt.Sprintf("%d× %s", m.Teams, m.Label), size, a.w-x-4*u, a.fonts.Measure), x, y, size, false, t.Wrong, Left)
		y += size * 1.5
	}
}
