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
	size := a.textSize(1.4)
	a.fonts.drawLine(dst, "Scoreboard", box.X, box.Y, size*1.1, true, t.Text, Left)
	for _, r := range s.boardRows(a, box) {
		fillRound(dst, r.badge, u*0.5, teamColors[r.team])
		a.fonts.drawLine(dst, teamNumber(r.team), r.badge.X+r.badge.W/2, r.badge.Y+(r.badge.H-size*0.8*layout.LineHeightFactor)/2, size*0.8, true, color.Black, Center)
		a.fonts.drawBlock(dst, r.name.block, r.name.x, r.name.y, true, t.Text, Left)
		a.fonts.drawBlock(dst, r.detail.block, r.detail.x, r.detail.y, false, t.Text, Left)
	}
}

// boardRow is one team's row on the scoreboard: its badge, its name (with
// its rank and change) and its points.
type boardRow struct {
	team         int
	badge        layout.Rect
	name, detail placedLine
}

// boardRows places the scoreboard: the name gets what the points leave,
// never the points' room.
func (s *classPlayScene) boardRows(a *App, box layout.Rect) []boardRow {
	u := a.unit()
	board := s.g.Scoreboard()
	size := a.textSize(1.4)
	rowH := min((box.H-size*1.8)/float64(len(board)), size*2)
	y := box.Y + size*1.8
	var rows []boardRow
	for _, st := range board {
		badge := layout.Rect{X: box.X, Y: y, W: rowH * 0.8, H: rowH * 0.8}
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
		nameX := badge.X + badge.W + u
		avail := box.X + box.W - nameX - 2*u
		name := fmt.Sprintf("%d. %s%s", st.Rank, st.Name, change)
		detailW := a.fonts.Measure(detail, size*0.8)
		if nameW := a.fonts.MeasureBold(name, size); nameW+detailW > avail {
			detailW = min(detailW, max(avail-nameW, avail*0.45))
		}
		detail = layout.Truncate(detail, size*0.8, detailW, a.fonts.Measure)
		name = layout.Truncate(name, size, avail-detailW, a.fonts.MeasureBold)
		nb := layout.MakeBlock(name, size, a.w, a.fonts.MeasureBold)
		db := layout.MakeBlock(detail, size*0.8, a.w, a.fonts.Measure)
		ny := y + (rowH*0.8-size*layout.LineHeightFactor)/2
		dy := y + (rowH*0.8-size*0.8*layout.LineHeightFactor)/2
		rows = append(rows, boardRow{team: st.Team, badge: badge,
			name:   placedLine{block: nb, x: nameX, y: ny, bottom: ny + nb.Height},
			detail: placedLine{block: db, x: box.X + box.W - db.Width, y: dy, bottom: dy + db.Height}})
		y += rowH
	}
	return rows
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
	for _, l := range s.resultsText(a) {
		a.fonts.drawBlock(dst, l.block, l.x, l.y, l.bold, l.clr, Left)
	}
}

// placedLine is a line of text at its place, for drawing and for the
// tests that check nothing is drawn over anything else.
type placedLine struct {
	block  layout.Block
	x, y   float64
	bold   bool
	clr    color.RGBA
	maxW   float64
	bottom float64 // y + height
}

// resultsText places the results' text: the standings and misconceptions
// in the right column, the saved files' line at the bottom left. The
// column shrinks its type to end above that line and the Menu button.
func (s *classPlayScene) resultsText(a *App) []placedLine {
	t := a.theme
	u := a.unit()
	board := s.g.Scoreboard()
	w := (a.w - 8*u) / 6
	x := 4*u + 3*(w+u) + 2*u
	colW := a.w - x - 4*u
	var out []placedLine
	add := func(text string, px, py, size, maxW float64, bold bool, clr color.RGBA) placedLine {
		m := a.fonts.Measure
		if bold {
			m = a.fonts.MeasureBold
		}
		blk := layout.MakeBlock(layout.Truncate(text, size, maxW, m), size, maxW+1, m)
		l := placedLine{block: blk, x: px, y: py, bold: bold, clr: clr, maxW: maxW, bottom: py + blk.Height}
		out = append(out, l)
		return l
	}
	// The files' line sits at the bottom left, clear of the Menu button.
	bottom := a.h - 4*u - 7.5*u // the Menu button's top
	if s.csvPath != "" {
		msg := "Saved: " + s.csvPath + " and " + s.htmlPath
		blk, _ := layout.Fit(msg, a.textSize(0.7), a.minText(), a.w-8*u-26*u, 6*u, a.fonts.Measure)
		top := a.h - 4*u - blk.Height - u
		out = append(out, placedLine{block: blk, x: 4 * u, y: top, clr: t.Muted, maxW: a.w - 8*u - 26*u, bottom: top + blk.Height})
		bottom = min(bottom, top-u)
	}
	ms := s.g.Misconceptions()
	lines := 2.6*float64(len(board)) + 2.5 + 1.5*float64(max(1, min(len(ms), 5)))
	size := min(a.textSize(0.85), (bottom-12*u)/lines)
	y := 12 * u
	for _, st := range board {
		add(fmt.Sprintf("%d. %s: %d points, %d right", st.Rank, st.Name, st.Total, st.Right), x, y, size, colW, true, t.Text)
		add(fmt.Sprintf("answers %d · speed and streak %d · by hand %+d", st.Correctness, st.Bonus, st.Manual), x, y+size*1.3, size*0.85, colW, false, t.Muted)
		y += size * 2.6
	}
	y += size
	add("Misconceptions the class fell for", x, y, size, colW, true, t.Text)
	y += size * 1.5
	if len(ms) == 0 {
		add("None of the labelled misconceptions was picked.", x, y, size, colW, false, t.Muted)
	}
	for _, m := range ms {
		if y+size*layout.LineHeightFactor > bottom {
			break
		}
		add(fmt.Sprintf("%d× %s", m.Teams, m.Label), x, y, size, colW, false, t.Wrong)
		y += size * 1.5
	}
	return out
}
