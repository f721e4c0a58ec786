package ui

import (
	"fmt"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/layout"
	"gutskin/game/pack"
	"gutskin/game/quiz"
	"gutskin/game/save"
)

// recordAnswers keeps in the profile, and saves, the answers of a solo
// round not kept yet: each answer is saved as it is given, so a crash or a
// closed window mid-round loses none.
func (a *App) recordAnswers(r *quiz.Round) {
	recs := r.Records()
	if a.recorded == nil {
		a.recorded = map[*quiz.Round]int{}
	}
	done := a.recorded[r]
	if done >= len(recs) {
		return
	}
	a.profile.AddAnswers(recs[done:], a.now())
	a.recorded[r] = len(recs)
	a.persist()
}

// finishRound records the round in the profile, saves, and shows results.
func (a *App) finishRound(r *quiz.Round, packs []*pack.Pack, review bool) {
	now := a.now()
	sum := r.Summary(now)
	ids := []string{"review"}
	if !review {
		ids = ids[:0]
		for _, p := range packs {
			ids = append(ids, p.ID)
		}
	}
	a.recordAnswers(r)
	prev, had := a.profile.AddRoundResult(sum, ids, now)
	delete(a.recorded, r)
	a.persist()
	a.goTo(&resultsScene{sum: sum, prev: prev, hadPrev: had, review: review, next: a.nextReviewsText()})
}

// resultsScene shows a finished round.
type resultsScene struct {
	sum     quiz.Summary
	prev    save.Best
	hadPrev bool
	review  bool
	next    string // when the next reviews fall
	btn     buttons
	scroll  scroller
}

// correctAnswerText states a question's right answer in words.
func correctAnswerText(q *pack.Question) string {
	return quiz.Describe(q, quiz.RightAnswer(q))
}

func formatDuration(d time.Duration) string {
	d = d.Round(time.Second)
	if d < time.Minute {
		return fmt.Sprintf("%d s", int(d.Seconds()))
	}
	return fmt.Sprintf("%d min %d s", int(d.Minutes()), int(d.Seconds())%60)
}

func (s *resultsScene) missedKeys() []string {
	var out []string
	for _, r := range s.sum.Missed() {
		out = append(out, r.Item.Key())
	}
	return out
}

func (s *resultsScene) layout(a *App) (bars, missed layout.Rect) {
	u := a.unit()
	s.btn.reset()
	bh := 5.5 * u
	y := a.h - 4*u - bh - 1.5*u
	cells := layout.Grid(layout.Rect{X: 4 * u, Y: y, W: a.w - 8*u, H: bh}, 3, 3, 2*u)
	s.btn.add(&button{id: "again", r: cells[0], label: "Play again", hotkey: "P", hot: []rune{'p'}, selected: true, action: func() {
		if s.review {
			a.startReview()
		} else {
			a.startRound(a.prefs)
		}
	}})
	keys := s.missedKeys()
	// The review of this round's misses: as many questions as the label says.
	s.btn.add(&button{id: "review", r: cells[1], label: missedLabel(keys), hotkey: "R", hot: []rune{'r'},
		disabled: len(keys) == 0, action: func() { a.startReviewOf(keys) }})
	s.btn.add(&button{id: "menu", r: cells[2], label: "Menu", hotkey: "M", hot: []rune{'m'}, action: func() { a.goTo(newTitle(a)) }})
	top := max(15*u, s.headerBottom(a)+1.5*u)
	bars = layout.Rect{X: 4 * u, Y: top, W: (a.w - 8*u) * 0.38, H: y - top - 2*u}
	missed = layout.Rect{X: bars.X + bars.W + 3*u, Y: top, W: a.w - 8*u - bars.W - 3*u, H: y - top - 2*u}
	s.scroll.view = layout.Rect{X: missed.X, Y: missed.Y + a.textSize(1)*1.6, W: missed.W, H: missed.H - a.textSize(1)*1.6}
	return bars, missed
}

// headerBottom is where the score, the summary and the personal-best
// lines end.
func (s *resultsScene) headerBottom(a *App) float64 {
	u := a.unit()
	size := a.textSize(0.9)
	return 2.5*u + a.textSize(1.7)*1.35 + size*1.4 + size*layout.LineHeightFactor
}

func (s *resultsScene) Update(a *App, evs []Event) {
	s.layout(a)
	for _, ev := range evs {
		if ev.Kind == EvKey && ev.Key == KeyEscape {
			a.goTo(newTitle(a))
			return
		}
		if s.scroll.handle(ev, a.unit()*4) {
			continue
		}
		s.btn.handle(ev)
		if a.scene != s {
			return
		}
	}
}

func (s *resultsScene) Animating(a *App) bool { return false }

func (s *resultsScene) Draw(a *App, dst *ebiten.Image) {
	bars, missed := s.layout(a)
	u := a.unit()
	t := a.theme
	sum := s.sum
	a.fonts.drawLine(dst, fmt.Sprintf("Round complete: %d points", sum.Score), 4*u, 2.5*u, a.textSize(1.7), true, t.Text, Left)
	line := fmt.Sprintf("%d of %d fully right · accuracy %d%% · best streak %d · time %s", sum.Correct, sum.Questions,
		int(sum.Accuracy()*100+0.5), sum.BestStreak, formatDuration(sum.Duration))
	if sum.BonusPoints != 0 {
		line += fmt.Sprintf(" · %d from answers, %d bonus", sum.CorrectnessPoints, sum.BonusPoints)
	}
	size := a.textSize(0.9)
	line, lineSize := layout.FitLine(line, size, a.minText(), a.w-8*u, a.fonts.Measure)
	a.fonts.drawLine(dst, line, 4*u, 2.5*u+a.textSize(1.7)*1.35, lineSize, false, t.Text, Left)
	best := "Your first round with these packs in this scoring mode."
	clr := t.Muted
	switch {
	case s.review:
		best = "A review round: it does not count towards personal bests."
	case s.hadPrev && sum.Score > s.prev.Score:
		best = fmt.Sprintf("New personal best! Previous best: %d points.", s.prev.Score)
		clr = t.Right
	case s.hadPrev:
		best = fmt.Sprintf("Personal best: %d points (%s).", s.prev.Score, s.prev.When.Format("2 Jan 2006"))
	}
	by := 2.5*u + a.textSize(1.7)*1.35 + size*1.4
	bestW := a.w - 8*u
	if s.next != "" {
		// When the next reviews fall, on the right of the same line.
		bestW = (a.w - 8*u) * 0.5
		next := "Reviews " + s.next
		a.fonts.drawLine(dst, layout.Truncate(next, size, (a.w-8*u)*0.48, a.fonts.MeasureBold), a.w-4*u, by, size, true, t.Accent, Right)
	}
	best, bs := layout.FitLine(best, size, a.minText(), bestW, a.fonts.MeasureBold)
	a.fonts.drawLine(dst, best, 4*u, by, bs, true, clr, Left)

	// Bars per mechanism.
	a.fonts.drawLine(dst, "By mechanism", bars.X, bars.Y, a.textSize(1), true, t.Text, Left)
	rowH := min(7*u, (bars.H-a.textSize(1)*1.6)/float64(max(1, len(sum.ByPack))))
	y := bars.Y + a.textSize(1)*1.6
	ls := min(a.textSize(0.8), rowH*0.35)
	for _, st := range sum.ByPack {
		title, ts := layout.FitLine(st.Pack.Title, ls, min(ls, a.minText()), bars.W*0.7, a.fonts.Measure)
		a.fonts.drawLine(dst, title, bars.X, y, ts, false, t.Text, Left)
		a.fonts.drawLine(dst, fmt.Sprintf("%d/%d · %d%%", st.Correct, st.Questions, int(st.Accuracy()*100+0.5)), bars.X+bars.W, y, ls, false, t.Muted, Right)
		bar := layout.Rect{X: bars.X, Y: y + ls*1.4, W: bars.W, H: rowH * 0.28}
		fillRound(dst, bar, bar.H/2, withAlpha(t.Muted, 0.25))
		fillRound(dst, layout.Rect{X: bar.X, Y: bar.Y, W: bar.W * st.Accuracy(), H: bar.H}, bar.H/2, mix(t.Mastery0, t.Mastery1, 0.4+0.6*st.Accuracy()))
		y += rowH
	}

	// Missed questions, scrollable.
	a.fonts.drawLine(dst, fmt.Sprintf("Missed questions (%d)", len(sum.Missed())), missed.X, missed.Y, a.textSize(1), true, t.Text, Left)
	view := s.scroll.view
	clip := dst.SubImage(imageRect(view)).(*ebiten.Image)
	y = view.Y - s.scroll.offset
	w := view.W - 1.5*u
	if len(sum.Missed()) == 0 {
		a.fonts.drawLine(dst, "None: every answer was fully right.", view.X, view.Y, a.textSize(0.9), false, t.Muted, Left)
	}
	for _, rec := range sum.Missed() {
		q := rec.Item.Question
		pb := layout.MakeBlock(q.Prompt, a.textSize(0.85), w, a.fonts.MeasureBold)
		ab := layout.MakeBlock("Answer: "+correctAnswerText(q), a.textSize(0.8), w, a.fonts.Measure)
		eb := layout.MakeBlock(q.Explanation, a.textSize(0.75), w, a.fonts.Measure)
		a.fonts.drawBlock(clip, pb, view.X, y, true, t.Text, Left)
		y += pb.Height
		a.fonts.drawBlock(clip, ab, view.X, y, false, t.Right, Left)
		y += ab.Height
		a.fonts.drawBlock(clip, eb, view.X, y, false, t.Muted, Left)
		y += eb.Height + 1.5*u
	}
	s.scroll.content = y + s.scroll.offset - view.Y
	s.scroll.clamp()
	s.scroll.draw(a, dst)
	s.btn.draw(a, dst)
	hintBar(a, dst, "P play again", "R review missed", "M menu", "PageUp/PageDown or wheel scroll")
}
