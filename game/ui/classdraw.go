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
	case classroom.Handover, classroom.TeamTurn:
		s.drawHandover(a, dst, inner)
	case classroom.ShowReveal:
		s.drawReveal(a, dst, inner)
	case classroom.ShowBoard:
		s.drawBoard(a, dst, inner)
	case classroom.ShowResults:
		s.drawResults(a, dst)
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
	t := a.theme
	recs := s.g.Records()
	if len(recs) == 0 {
		return
	}
	it := s.g.Items()[recs[len(recs)-1].Index]
	q := it.Question
	room := s.g.Reveal()
	n := len(s.g.Teams())
	var items []revealLine
	add := func(text string, f float64, bold bool, clr color.RGBA) {
		m := a.fonts.Measure
		if bold {
			m = a.fonts.MeasureBold
		}
		items = append(items, revealLine{item: layout.StackItem{Text: text, Factor: f, Measure: m, Gap: 0.4}, bold: bold, clr: clr})
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
	switch q.Type {
	case pack.Single, pack.Multi, pack.TrueFalse:
		for _, c := range room.Choices {
			ch := q.Choices[c.Choice]
			if len(c.Teams) == 0 {
				continue
			}
			who := fmt.Sprintf("%s (%s)", teamsWord(len(c.Teams)), s.names(c.Teams))
			if c.Correct {
				add(fmt.Sprintf("Right: %s, picked by %s", ch.Text, who), 0.9, false, t.Right)
				continue
			}
			line := fmt.Sprintf("Wrong: %s, picked by %s.", ch.Text, who)
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
	blocks, tops, _, _ := layout.FitStack(stack, a.textSize(1.3), a.minText(), box.W, box.H)
	for i := range items {
		a.fonts.drawBlock(dst, blocks[i], box.X, box.Y+tops[i], items[i].bold, items[i].clr, Left)
	}
}
