package ui

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/classroom"
	"gutskin/game/layout"
	"gutskin/game/pack"
	"gutskin/game/quiz"
)

// layout places the card, the choices and the team strip.
func (s *classPlayScene) layout(a *App) {
	u := a.unit()
	s.btn.reset()
	strip := layout.Rect{X: 3 * u, Y: a.h - 4*u - 7*u, W: a.w - 6*u, H: 6 * u}
	if _, two := s.keyLines(a); two {
		strip.Y -= a.textSize(0.7) * layout.LineHeightFactor // room for the second line of keys
	}
	s.card = layout.Rect{X: 3 * u, Y: 7.5 * u, W: a.w - 6*u, H: strip.Y - 8.5*u}
	screen := s.g.Screen()
	if screen == classroom.ShowResults {
		bh := 5.5 * u
		s.btn.add(&button{id: "menu", r: layout.Rect{X: a.w - 4*u - 20*u, Y: a.h - 4*u - bh - 1.5*u, W: 20 * u, H: bh}, label: "Menu", selected: true,
			action: func() { a.goTo(newTitle(a)) }})
		return
	}
	if screen == classroom.TeamTurn {
		return // the card is the team's
	}
	if s.room != nil { // phones: no team strip, no entry
		if !s.room.Started() {
			s.btn.reset()
			s.layoutJoin(a)
			return
		}
		s.layoutPhonesChoices(a)
		return
	}
	teams := layout.Grid(strip, len(s.g.Teams()), len(s.g.Teams()), u)
	for i, name := range s.g.Teams() {
		k := i
		fill := teamColors[i]
		b := s.btn.add(&button{id: fmt.Sprint("team:", i), r: teams[i], label: name, hotkey: teamNumber(i), fill: &fill,
			selected: s.g.Selected() == i, action: func() { s.do(a, classroom.Intent{Kind: classroom.SelectTeam, Team: k}) }})
		if ans, ok := s.g.Answer(i); ok && (screen == classroom.ShowQuestion || screen == classroom.Handover) {
			b.sub = "answered"
			if s.g.Config().Mode == quiz.Confident {
				b.sub = strings.ToLower(ans.Confidence.Label()) // how sure: answered
			}
		}
		// Whose answer the next letter sets, in words: a border alone is
		// hard to see from the back of the room.
		if s.g.Selected() == i {
			switch {
			case screen != classroom.ShowQuestion:
				b.sub = "chosen: +/- points"
			case b.sub == "":
				b.sub = "now: A-F"
			default:
				b.sub = "now: " + b.sub
			}
		}
	}
	it := s.g.Current()
	if it == nil || screen != classroom.ShowQuestion {
		return
	}
	inner := s.card.Inset(2 * u)
	body := layout.Rect{X: inner.X, Y: inner.Y + inner.H*0.34, W: inner.W, H: inner.H * 0.66}
	cells := layout.Grid(body, len(it.ChoiceOrder), 2, u)
	for k := range it.ChoiceOrder {
		kk := k
		ci := it.ChoiceOrder[k]
		// A choice is never lit up for a team before the lock: the room
		// must not see which team picked what.
		s.btn.add(&button{id: fmt.Sprint("choice:", k), r: cells[k], label: it.Question.Choices[ci].Text, hotkey: string(letters[k]),
			action: func() {
				s.do(a, classroom.Intent{Kind: classroom.Choose, Team: s.g.Selected(), Choice: kk})
			}})
	}
}

func (s *classPlayScene) Draw(a *App, dst *ebiten.Image) {
	s.layout(a)
	u := a.unit()
	t := a.theme
	if s.g.Blanked() {
		dst.Fill(color.Black)
		return
	}
	if s.room != nil && !s.room.Started() {
		s.drawJoin(a, dst)
		return
	}
	screen := s.g.Screen()
	if screen == classroom.TeamTurn && s.seat != nil {
		s.seat.Draw(a, dst)
		s.drawTurnBar(a, dst)
		return
	}
	if screen != classroom.ShowResults {
		head := fmt.Sprintf("Question %d of %d", min(s.g.Index()+1, s.g.Len()), s.g.Len())
		if it := s.g.Current(); screen == classroom.ShowQuestion && it != nil && it.Question.Type == pack.Multi {
			head += " · tick all that apply"
		}
		if s.g.Paused() {
			head += " · paused (P resumes)"
		}
		a.fonts.drawLine(dst, head, 3*u, 1.6*u, a.textSize(1.1), true, t.Text, Left)
		fillRound(dst, s.card, u, t.Card)
		strokeRound(dst, s.card, u, max(1, u*0.15), t.CardBorder)
	}
	inner := s.card.Inset(2 * u)
	switch screen {
	case classroom.ShowQuestion:
		s.drawClock(a, dst)
		it := s.g.Current()
		blk, _ := layout.Fit(it.Question.Prompt, a.textSize(1.8), a.minText(), inner.W, inner.H*0.32, a.fonts.MeasureBold)
		a.fonts.drawBlock(dst, blk, inner.X, inner.Y, true, t.Text, Left)
		if s.room != nil {
			s.phonesQuestion(a, dst, inner)
		}
	case classroom.Handover, classroom.TeamTurn:
		s.drawHandover(a, dst, inner)
	case classroom.ShowReveal:
		if s.room != nil {
			s.phonesReveal(a, dst, inner)
		} else {
			s.drawReveal(a, dst, inner)
		}
	case classroom.ShowBoard:
		if s.room != nil {
			s.phonesBoard(a, dst, inner, "Scoreboard")
		} else {
			s.drawBoard(a, dst, inner)
		}
	case classroom.ShowResults:
		if s.room != nil {
			s.phonesResults(a, dst)
		} else {
			s.drawResults(a, dst)
		}
	}
	s.btn.draw(a, dst)
	if s.saveErr != "" {
		a.fonts.drawLine(dst, s.saveErr, 3*u, a.h-3.2*u, a.textSize(0.7), false, t.Wrong, Left)
	}
	switch {
	case screen == classroom.ShowResults:
		hintBar(a, dst, "Esc or Menu: back to the title")
	case !s.hideKeys:
		s.drawKeys(a, dst)
	}
}

// keyLines are the teacher's keys, and whether they need two lines (the
// projector look, small screens).
func (s *classPlayScene) keyLines(a *App) ([]string, bool) {
	if s.hideKeys || s.g.Screen() == classroom.ShowResults || s.g.Screen() == classroom.TeamTurn {
		return nil, false
	}
	keys := []string{"Space next", "PgUp back", "1-8 team", "A-F answer", "P pause", "S skip", "U undo", "+/- points", "B or . blank", "E end", "H hide"}
	if s.g.Config().HotSeat {
		keys = []string{"Space: team ready / next", "PgDn pass", "PgUp back", "S skip", "U undo", "1-8 team, +/- points", "B blank", "E end", "H hide"}
	}
	if s.room != nil {
		keys = []string{"Space next", "PgUp back", "P pause", "S skip", "U undo", "C close the room", "B or . blank", "E end", "H hide"}
	}
	return keys, a.fonts.Measure(strings.Join(keys, "   ·   "), a.textSize(0.75)) > a.w-4*a.unit() // as hintBar draws
}

// drawKeys lists the teacher's keys, on two lines when one cannot hold
// them.
func (s *classPlayScene) drawKeys(a *App, dst *ebiten.Image) {
	keys, two := s.keyLines(a)
	if !two {
		hintBar(a, dst, keys...)
		return
	}
	u := a.unit()
	sep := "   ·   "
	size := a.textSize(0.7)
	half := (len(keys) + 1) / 2
	lh := size * layout.LineHeightFactor
	for i, part := range [][]string{keys[:half], keys[half:]} {
		line := layout.Truncate(strings.Join(part, sep), size, a.w-4*u, a.fonts.Measure)
		a.fonts.drawLine(dst, line, a.w/2, a.h-2*lh-u*0.4+float64(i)*lh, size, false, a.theme.Muted, Center)
	}
}

// drawClock draws the countdown: seconds and a bar over the card's top,
// red in the last five seconds.
func (s *classPlayScene) drawClock(a *App, dst *ebiten.Image) {
	it := s.g.Current()
	if it == nil || it.TimeLimit <= 0 {
		return
	}
	u := a.unit()
	t := a.theme
	size := a.textSize(1.1)
	text := "timer not started (Space)"
	clr := t.Accent
	rem := s.g.Remaining(a.now())
	switch {
	case s.g.Overtime():
		text, clr = "time's up: correct answers, Space locks", t.Wrong
		rem = 0
	case s.g.TimerRunning():
		text = fmt.Sprintf("%d s left", int(math.Ceil(rem.Seconds())))
		if rem <= 5e9 {
			clr = t.Wrong
		}
	}
	a.fonts.drawLine(dst, text, a.w-3*u, 1.6*u, size, true, clr, Right)
	bar := layout.Rect{X: 3 * u, Y: 5.6 * u, W: a.w - 6*u, H: 1 * u}
	fillRound(dst, bar, bar.H/2, withAlpha(t.Muted, 0.3))
	if frac := float64(rem) / float64(it.TimeLimit); frac > 0 {
		fillRound(dst, layout.Rect{X: bar.X, Y: bar.Y, W: bar.W * frac, H: bar.H}, bar.H/2, clr)
	}
}

// drawTurnBar is the top of a hot-seat turn: whose turn, in the team's
// colour, and its countdown.
func (s *classPlayScene) drawTurnBar(a *App, dst *ebiten.Image) {
	u := a.unit()
	turn := s.g.Turn()
	bar := layout.Rect{W: a.w, H: 4.5 * u}
	fillRect(dst, bar, teamColors[turn])
	size := a.textSize(1)
	left := ""
	if it := s.g.Current(); it != nil && it.TimeLimit > 0 {
		left = fmt.Sprintf(" · %d s left", int(math.Ceil(s.g.Remaining(a.now()).Seconds())))
		if s.g.Paused() {
			left = " · paused"
		}
		frac := float64(s.g.Remaining(a.now())) / float64(it.TimeLimit)
		fillRect(dst, layout.Rect{Y: bar.H - 0.6*u, W: a.w * frac, H: 0.6 * u}, color.Black)
	}
	msg := fmt.Sprintf("%s's turn%s (question %d of %d)", s.g.Teams()[turn], left, s.g.Index()+1, s.g.Len())
	msg = layout.Truncate(msg, size, a.w-4*u, a.fonts.MeasureBold)
	a.fonts.drawLine(dst, msg, a.w/2, (bar.H-0.6*u-size*layout.LineHeightFactor)/2, size, true, color.Black, Center)
}

// drawHandover asks the next team to the controls: its clock starts on
// Space, not before.
func (s *classPlayScene) drawHandover(a *App, dst *ebiten.Image, box layout.Rect) {
	t := a.theme
	u := a.unit()
	turn := s.g.Turn()
	if turn < 0 {
		return
	}
	badge := layout.Rect{X: box.X, Y: box.Y, W: 8 * u, H: 8 * u}
	fillRound(dst, badge, u, teamColors[turn])
	a.fonts.drawLine(dst, teamNumber(turn), badge.X+badge.W/2, badge.Y+(badge.H-a.textSize(2)*layout.LineHeightFactor)/2, a.textSize(2), true, color.Black, Center)
	x := badge.X + badge.W + 2*u
	blk, _ := layout.Fit(s.g.Teams()[turn]+", ready?", a.textSize(2), a.minText(), box.X+box.W-x, 8*u, a.fonts.MeasureBold)
	a.fonts.drawBlock(dst, blk, x, box.Y, true, t.Text, Left)
	lines := ""
	if late := s.g.LateTurn(); late >= 0 {
		lines = "Time's up for " + s.g.Teams()[late] + ": no answer. "
	}
	lines += "Come to the controls. Your time starts when you press Space."
	if it := s.g.Current(); it != nil && it.TimeLimit > 0 {
		lines = strings.TrimSuffix(lines, "Come to the controls. Your time starts when you press Space.") +
			fmt.Sprintf("Come to the controls: you have %d s, from when you press Space.", int(it.TimeLimit.Seconds()))
	}
	lines += " The other teams look away. (Page Down passes this team.)"
	nb, _ := layout.Fit(lines, a.textSize(1.2), a.minText(), box.W, box.H-10*u, a.fonts.Measure)
	a.fonts.drawBlock(dst, nb, box.X, box.Y+10*u, false, t.Text, Left)
}

// names lists teams by name.
func (s *classPlayScene) names(teams []int) string {
	var out []string
	for _, tm := range teams {
		out = append(out, s.g.Teams()[tm])
	}
	return strings.Join(out, ", ")
}

func teamsWord(n int) string {
	if n == 1 {
		return "1 team"
	}
	return fmt.Sprintf("%d teams", n)
}

// drawReveal shows how the room answered: right, partly right, each
// choice with the teams that picked it (wrong ones in the wrong colour,
// with the misconception behind them named as such and the rationale),
// or each team's answer and credit on order, match and estimate; the teams
// that gave no answer; and the explanation.
func (s *classPlayScene) drawReveal(a *App, dst *ebiten.Image, box layout.Rect) {
	plan := s.revealPlan(a, box)
	for _, l := range plan.text {
		a.fonts.drawBlock(dst, l.block, l.x, l.y, l.bold, l.clr, Left)
	}
	for _, r := range plan.bars {
		s.drawBar(a, dst, r)
	}
}

// revealText is one placed block of the reveal's text.
type revealText struct {
	block layout.Block
	x, y  float64
	bold  bool
	clr   color.RGBA
}

// barRow is one placed bar of the reveal: the letter, the choice's text
// (cut to its column), the empty track and its filled part, the count at
// the fill's end and, on a right choice, a tick and the word.
type barRow struct {
	bar           classroom.Bar
	size          float64 // type size
	textY         float64 // top of the row's text
	letter, label barText
	track, fill   layout.Rect
	count         barText
	tick          layout.Rect // zero on a wrong choice
	word          barText     // "" on a wrong choice
	clr           color.RGBA
}

// barText is one line of text at x with its width.
type barText struct {
	text string
	x, w float64
}

// revealPlan is the reveal placed: its text stack, and the bars between
// the score line and the per-choice lines.
type revealPlan struct {
	text    []revealText
	bars    []barRow
	barsBox layout.Rect
}

func (s *classPlayScene) revealPlan(a *App, box layout.Rect) revealPlan {
	t := a.theme
	recs := s.g.Records()
	if len(recs) == 0 {
		return revealPlan{}
	}
	it := s.g.Items()[recs[len(recs)-1].Index]
	q := it.Question
	room := s.g.Reveal()
	n := len(s.g.Teams())
	var items []revealLine
	add := func(text string, f float64, bold bool, clr color.RGBA) {
		items = append(items, a.textLine(text, f, bold, clr))
	}
	add(q.Prompt, 1.1, true, t.Text)
	if room.TimedOut {
		add("Time's up: the answers were locked by the clock.", 0.9, true, t.Wrong)
	}
	score := fmt.Sprintf("%d of %d teams right", room.Right, n)
	if p := room.Partly(); p > 0 {
		score += fmt.Sprintf(", %d partly right", p)
	}
	add(score+". Right answer: "+correctAnswerText(q), 1.1, true, t.Right)
	var bars []classroom.Bar
	barsAt, barsH, rowH := len(items), 0.0, 0.0 // the bars sit under the score line
	switch q.Type {
	case pack.Single, pack.Multi, pack.TrueFalse:
		bars = room.Bars(it.ChoiceOrder)
		if len(bars) > 0 {
			// The bars' rows are taken out of the box before the text is
			// fitted, so the text stack never runs under them.
			rowH = min(a.textSize(0.9)*layout.LineHeightFactor*1.15, box.H*0.4/float64(len(bars)))
			barsH = rowH*float64(len(bars)) + 0.6*a.unit()
		}
		for k, ci := range it.ChoiceOrder { // in the bars' order, with their letters
			if ci < 0 || ci >= len(room.Choices) {
				continue
			}
			c := room.Choices[ci]
			ch := q.Choices[c.Choice]
			if len(c.Teams) == 0 {
				continue
			}
			who := fmt.Sprintf("%s (%s)", teamsWord(len(c.Teams)), s.names(c.Teams))
			if c.Correct {
				add(fmt.Sprintf("%c, right: %s, picked by %s", letters[k], ch.Text, who), 0.9, false, t.Right)
				continue
			}
			line := fmt.Sprintf("%c, wrong: %s, picked by %s.", letters[k], ch.Text, who)
			if c.Misconception != "" {
				line += " The misconception behind it: " + c.Misconception + "."
			}
			if ch.Rationale != "" {
				line += " " + ch.Rationale
			}
			add(line, 0.9, false, t.Wrong)
		}
	default:
		for _, tc := range room.Teams {
			if !tc.Answered {
				continue
			}
			clr, verdict := t.Wrong, "wrong"
			switch {
			case tc.Correct:
				clr, verdict = t.Right, "right"
			case tc.Credit > 0:
				verdict = fmt.Sprintf("%d%% right", int(math.Round(tc.Credit*100)))
			}
			add(fmt.Sprintf("%s: %s (%s, %d points)", s.g.Teams()[tc.Team], tc.Answer, verdict, tc.Points), 0.9, false, clr)
		}
	}
	if silent := room.Silent(); len(silent) > 0 {
		add("No answer: "+s.names(silent), 0.9, false, t.Muted)
	}
	add(q.Explanation, 1.0, false, t.Text)
	add(sourceText(q)+" · Evidence: "+q.Evidence.Label(), 0.7, false, t.Muted)
	stack := make([]layout.StackItem, len(items))
	for i := range items {
		stack[i] = items[i].item
	}
	blocks, tops, _, ok := layout.FitStack(stack, a.textSize(1.3), a.minText(), box.W, box.H-barsH)
	// When the text cannot fit beside full-size bars (long sources on a
	// small screen), the bars give up height, down to the smallest type.
	for small := a.minText() * layout.LineHeightFactor * 1.15; !ok && len(bars) > 0 && rowH > small; {
		rowH = max(small, rowH-2)
		barsH = rowH*float64(len(bars)) + 0.6*a.unit()
		blocks, tops, _, ok = layout.FitStack(stack, a.textSize(1.3), a.minText(), box.W, box.H-barsH)
	}
	var plan revealPlan
	for i := range items {
		y := box.Y + tops[i]
		if i >= barsAt {
			y += barsH
		}
		plan.text = append(plan.text, revealText{block: blocks[i], x: box.X, y: y, bold: items[i].bold, clr: items[i].clr})
	}
	if len(bars) > 0 {
		top := box.Y + tops[barsAt] + 0.2*a.unit() // explanation and source always follow the score
		plan.barsBox = layout.Rect{X: box.X, Y: top, W: box.W, H: rowH * float64(len(bars))}
		plan.bars = s.barRows(a, plan.barsBox, q, bars)
	}
	return plan
}

// barRows places one bar per choice, in the order and with the letters
// the room saw: its length is the share of the teams that picked it, the
// count stands at its end, and the right choice says so in a word and a
// tick as well as in colour.
func (s *classPlayScene) barRows(a *App, box layout.Rect, q *pack.Question, bars []classroom.Bar) []barRow {
	t := a.theme
	u := a.unit()
	rowH := box.H / float64(len(bars))
	size := min(a.textSize(0.9), rowH/(layout.LineHeightFactor*1.15))
	lh := size * layout.LineHeightFactor
	labelW := box.W * 0.3
	digitW := a.fonts.MeasureBold("8", size)
	endW := digitW + 1.2*u + size + 0.3*u + a.fonts.MeasureBold("right", size)
	trackX := box.X + labelW + u
	var out []barRow
	for k, b := range bars {
		y := box.Y + float64(k)*rowH
		r := barRow{bar: b, size: size, textY: y + (rowH-lh)/2, clr: t.Wrong}
		letter := string(letters[k])
		r.letter = barText{letter, box.X, a.fonts.MeasureBold(letter, size)}
		lx := box.X + a.fonts.MeasureBold("M", size) + 0.8*u
		label := layout.Truncate(q.Choices[b.Choice].Text, size, box.X+labelW-lx, a.fonts.Measure)
		r.label = barText{label, lx, a.fonts.Measure(label, size)}
		r.track = layout.Rect{X: trackX, Y: y + rowH*0.18, W: box.X + box.W - endW - trackX, H: rowH * 0.64}
		r.fill = layout.Rect{X: r.track.X, Y: r.track.Y, H: r.track.H}
		if f := b.Fraction(); f > 0 {
			r.fill.W = max(r.track.H, r.track.W*f)
		}
		n := fmt.Sprint(b.Count)
		r.count = barText{n, r.fill.X + r.fill.W + 0.6*u, a.fonts.MeasureBold(n, size)}
		if b.Correct {
			r.clr = t.Right
			ix := r.track.X + r.track.W + digitW + 1.2*u
			r.tick = layout.Rect{X: ix, Y: y + (rowH-size)/2, W: size, H: size}
			r.word = barText{"right", ix + size + 0.3*u, a.fonts.MeasureBold("right", size)}
		}
		out = append(out, r)
	}
	return out
}

// drawBar draws one placed bar.
func (s *classPlayScene) drawBar(a *App, dst *ebiten.Image, r barRow) {
	t := a.theme
	a.fonts.drawLine(dst, r.letter.text, r.letter.x, r.textY, r.size, true, r.clr, Left)
	a.fonts.drawLine(dst, r.label.text, r.label.x, r.textY, r.size, false, t.Text, Left)
	fillRound(dst, r.track, r.track.H/3, withAlpha(t.Muted, 0.25)) // the empty track
	if r.fill.W > 0 {
		fillRound(dst, r.fill, r.track.H/3, r.clr)
	}
	a.fonts.drawLine(dst, r.count.text, r.count.x, r.textY, r.size, true, t.Text, Left)
	if r.word.text != "" {
		drawIcon(dst, IconRight, r.tick.X+r.tick.W/2, r.tick.Y+r.tick.H/2, r.tick.W, r.clr)
		a.fonts.drawLine(dst, r.word.text, r.word.x, r.textY, r.size, true, r.clr, Left)
	}
}
