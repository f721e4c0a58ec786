package ui

import (
	"fmt"
	"image/color"
	"net"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	qrcode "github.com/skip2/go-qrcode"

	"gutskin/game/classroom"
	"gutskin/game/layout"
	"gutskin/game/pack"
	"gutskin/game/room"
)

// A classroom game with "Answers: phones": every student answers on their
// own phone (game/room holds the room and serves the phones); the
// projector shows the join screen, the count of answers, the room's
// reveal and the students' scoreboard.

// listenPhones starts the room's server: on --lan HOST:PORT, else on
// port 8080 or a free one, with the machine's LAN address in the URL.
func listenPhones(a *App, r *room.Room) (*room.Server, error) {
	host := room.LANAddress()
	if a.opts.LAN != "" {
		srv, err := r.Listen(a.opts.LAN, host, room.Options{})
		if err != nil {
			return nil, portMessage(a.opts.LAN, err)
		}
		return srv, nil
	}
	srv, err := r.Listen(":8080", host, room.Options{})
	if err != nil {
		srv, err = r.Listen(":0", host, room.Options{})
	}
	if err != nil {
		return nil, portMessage(":0", err)
	}
	return srv, nil
}

// portMessage says plainly that the address is taken.
func portMessage(addr string, err error) error {
	if strings.Contains(err.Error(), "address already in use") || strings.Contains(err.Error(), "Only one usage") {
		_, port, _ := net.SplitHostPort(addr)
		return fmt.Errorf("the port %s is taken by another program: close it, or start with --lan HOST:PORT on another port", port)
	}
	return fmt.Errorf("the phones' server cannot start on %s: %v", addr, err)
}

// startPhones opens a phones game on the projector, or says why not.
func startPhones(a *App, r *room.Room) (*classPlayScene, error) {
	srv, err := listenPhones(a, r)
	if err != nil {
		return nil, err
	}
	if a.opts.Joined != nil {
		a.opts.Joined(srv.URL, r.Code())
	}
	s := newClassPlay(a, r.Game())
	s.room, s.srv = r, srv
	s.qr = nil
	if q, err := qrcode.New(srv.URL, qrcode.Medium); err == nil {
		s.qr = q.Bitmap()
	}
	return s, nil
}

// stopPhones stops the room's server as the game's scene is left.
func (s *classPlayScene) stopPhones() {
	if s.srv != nil {
		s.srv.Close()
		s.srv = nil
	}
}

// phonesKey handles the teacher's keys of a phones game that the other
// modes do not have; it reports whether it took the event.
func (s *classPlayScene) phonesKey(a *App, ev Event) bool {
	if s.room == nil {
		return false
	}
	if ev.Kind == EvRune && (ev.Rune >= '1' && ev.Rune <= '8' || ev.Rune == '+' || ev.Rune == '=' || ev.Rune == '-') {
		return true // teams are not chosen by hand: the phones answer, and points come from them
	}
	if ev.Kind == EvRune && toLowerASCII(ev.Rune) == 'c' {
		closed := !s.room.Closed()
		s.room.SetClosed(closed)
		if closed {
			a.showToast("The room is closed to new students (C opens it)")
		} else {
			a.showToast("The room is open to new students")
		}
		s.persist(a)
		a.dirty = true
		return true
	}
	if s.room.Started() {
		return false
	}
	// The join screen: a chosen name is renamed (N) or removed (X, Delete).
	if s.pick >= 0 && s.joinPickKey(a, ev) {
		return true
	}
	// Space (the clicker's next) starts the first question.
	if ev.Kind == EvKey {
		switch ev.Key {
		case KeyPageDown, KeyRight, KeySpace, KeyEnter:
			if ev.Key == KeyEnter && s.btn.keyNav && s.btn.focused() != nil {
				s.btn.handle(ev)
				return true
			}
			s.room.Start()
			s.persist(a)
			a.dirty = true
			return true
		case KeyEscape:
			s.leave(a)
			return true
		}
	}
	s.btn.handle(ev)
	return true
}

// joinPickKey handles a key while a name is chosen on the join screen: N
// gives the student a neutral name (for a name the room should not see),
// X or Delete removes the student, Esc unchooses. It reports whether the
// key was taken.
func (s *classPlayScene) joinPickKey(a *App, ev Event) bool {
	id := s.pick
	switch {
	case ev.Kind == EvRune && toLowerASCII(ev.Rune) == 'n':
		old := s.studentName(id)
		if err := s.room.Rename(id, room.NeutralName(id)); err != nil {
			a.showToast("Cannot rename: " + err.Error())
		} else {
			a.showToast("Renamed " + old + " to " + s.studentName(id))
		}
	case ev.Kind == EvRune && toLowerASCII(ev.Rune) == 'x', ev.Kind == EvKey && ev.Key == KeyBackspace:
		name := s.studentName(id)
		s.room.Remove(id)
		a.showToast("Removed " + name + " from the room (they can join again)")
	case ev.Kind == EvKey && ev.Key == KeyEscape:
	default:
		return false
	}
	s.pick = -1
	s.persist(a)
	a.dirty = true
	return true
}

// studentName is a student's name as the room has it now.
func (s *classPlayScene) studentName(id int) string {
	for _, st := range s.room.Students() {
		if st.ID == id {
			return st.Name
		}
	}
	return ""
}

// layoutJoin places a button per student who joined: a click chooses that
// student, to rename (N) or remove (X); a second click unchooses.
func (s *classPlayScene) layoutJoin(a *App) {
	u := a.unit()
	list := s.room.Students()
	box := s.joinNames(a)
	if len(list) == 0 {
		return
	}
	cols := 3
	rows := max(1, int(box.H/(4*u)))
	shown := min(len(list), cols*rows)
	cells := layout.Grid(layout.Rect{X: box.X, Y: box.Y, W: box.W, H: float64((shown+cols-1)/cols) * 4 * u}, shown, cols, 0.5*u)
	for i := range shown {
		st := list[len(list)-shown+i] // the latest names when they overflow
		s.btn.add(&button{id: fmt.Sprint("student:", st.ID), r: cells[i], label: st.Name, selected: s.pick == st.ID, action: func() {
			if s.pick == st.ID {
				s.pick = -1
			} else {
				s.pick = st.ID
			}
			a.dirty = true
		}})
	}
}

// joinNames is where the names of the join screen go.
func (s *classPlayScene) joinNames(a *App) layout.Rect {
	u := a.unit()
	left := a.w * 0.42
	return layout.Rect{X: left + 2*u, Y: 24 * u, W: a.w - left - 5*u, H: a.h - 24*u - 9*u}
}

// drawJoin is the join screen: the QR code, the URL in large text, the
// room code, and the names joining, with a count.
func (s *classPlayScene) drawJoin(a *App, dst *ebiten.Image) {
	u := a.unit()
	t := a.theme
	dst.Fill(t.Background)
	left := a.w * 0.42
	side := min(left-6*u, a.h-14*u)
	if s.qr != nil {
		n := float64(len(s.qr))
		cell := float64(int(side / n))
		x0, y0 := 3*u+(left-6*u-cell*n)/2, 4*u
		fillRect(dst, layout.Rect{X: x0 - 2*cell, Y: y0 - 2*cell, W: cell * (n + 4), H: cell * (n + 4)}, color.White)
		for y, row := range s.qr {
			for x, on := range row {
				if on {
					fillRect(dst, layout.Rect{X: x0 + float64(x)*cell, Y: y0 + float64(y)*cell, W: cell, H: cell}, color.Black)
				}
			}
		}
	}
	x := left + 2*u
	a.fonts.drawLine(dst, "Join on your phone", x, 4*u, a.textSize(1.6), true, t.Text, Left)
	url := ""
	if s.srv != nil {
		url = strings.TrimPrefix(s.srv.URL, "http://")
	}
	size := a.textSize(1.5)
	for size > a.minText() && a.fonts.MeasureBold(url, size) > a.w-x-3*u {
		size *= 0.92
	}
	a.fonts.drawLine(dst, url, x, 8.5*u, size, true, t.Accent, Left)
	a.fonts.drawLine(dst, "Room code: "+s.room.Code(), x, 13*u, a.textSize(2.2), true, t.Text, Left)
	list := s.room.Students()
	status := fmt.Sprintf("%d joined", len(list))
	if s.room.Closed() {
		status += " · the room is closed (C opens it)"
	}
	a.fonts.drawLine(dst, status, x, 19.5*u, a.textSize(1.2), true, t.Text, Left)
	if len(list) == 0 {
		a.fonts.drawLine(dst, "Names appear here as students join.", x, 24*u, a.textSize(1), false, t.Muted, Left)
	}
	s.btn.draw(a, dst)
	a.fonts.drawLine(dst, "Same Wi-Fi as this computer: scan the code or type the address.", 3*u, a.h-7*u, a.textSize(0.8), false, t.Muted, Left)
	if s.pick >= 0 {
		hintBar(a, dst, "N: give "+s.studentName(s.pick)+" a neutral name", "X: remove", "Esc: unchoose")
		return
	}
	hintBar(a, dst, "Space: start", "Click a name: rename or remove", "C: close the room", "Esc Esc: leave")
}

// phonesQuestion draws what the projector shows of an open question in
// a phones game: the choices, steps, pairs or range with the letters the
// phones show, and how many have answered (never who).
func (s *classPlayScene) phonesQuestion(a *App, dst *ebiten.Image, inner layout.Rect) {
	u := a.unit()
	t := a.theme
	it := s.g.Current()
	q := it.Question
	body := layout.Rect{X: inner.X, Y: inner.Y + inner.H*0.34, W: inner.W, H: inner.H * 0.66}
	var lines []string
	switch q.Type {
	case pack.Order:
		lines = append(lines, "Put in order on your phone:")
		for _, si := range it.StepOrder {
			lines = append(lines, "• "+q.Steps[si])
		}
	case pack.Match:
		rights := q.Rights()
		lines = append(lines, "Match on your phone, each of:")
		var lefts []string
		for _, p := range q.Pairs {
			lefts = append(lefts, p.Left)
		}
		lines = append(lines, "    "+strings.Join(lefts, " · "), "with one of:")
		for k, ri := range it.RightOrder {
			lines = append(lines, "    "+room.Letter(k)+". "+rights[ri])
		}
	case pack.Estimate:
		if e := q.Estimate; e != nil {
			scale := ""
			if e.Scale == pack.Log {
				scale = " (a log scale)"
			}
			lines = append(lines, fmt.Sprintf("Estimate on your phone: from %g to %g %s%s", e.Min, e.Max, e.Unit, scale))
		}
	}
	if len(lines) > 0 {
		blk, _ := layout.Fit(strings.Join(lines, "\n"), a.textSize(1.2), a.minText(), body.W, body.H, a.fonts.Measure)
		a.fonts.drawBlock(dst, blk, body.X, body.Y, false, t.Text, Left)
	}
	n, of := s.room.Answered()
	strip := layout.Rect{X: 3 * u, Y: s.card.Y + s.card.H + u, W: a.w - 6*u}
	a.fonts.drawLine(dst, fmt.Sprintf("%d of %d answered", n, of), strip.X, strip.Y, a.textSize(1.6), true, t.Text, Left)
}

// layoutPhonesChoices shows a choice question's choices as the phones
// show them, lettered, with nothing lit before the lock.
func (s *classPlayScene) layoutPhonesChoices(a *App) {
	it := s.g.Current()
	if it == nil || s.g.Screen() != classroom.ShowQuestion {
		return
	}
	q := it.Question
	if q.Type != pack.Single && q.Type != pack.Multi && q.Type != pack.TrueFalse {
		return
	}
	u := a.unit()
	inner := s.card.Inset(2 * u)
	body := layout.Rect{X: inner.X, Y: inner.Y + inner.H*0.34, W: inner.W, H: inner.H * 0.66}
	cells := layout.Grid(body, len(it.ChoiceOrder), 2, u)
	for k, ci := range it.ChoiceOrder {
		s.btn.add(&button{id: fmt.Sprint("choice:", k), r: cells[k], label: q.Choices[ci].Text, hotkey: room.Letter(k), disabled: false, action: func() {}})
	}
}

// phonesReveal is how the students answered: every choice's count with
// the misconception behind it, the explanation and its source.
func (s *classPlayScene) phonesReveal(a *App, dst *ebiten.Image, box layout.Rect) {
	t := a.theme
	recs := s.g.Records()
	if len(recs) == 0 {
		return
	}
	q := s.g.Items()[recs[len(recs)-1].Index].Question
	rv := s.room.Reveal()
	var items []revealLine
	add := func(text string, f float64, bold bool, clr color.RGBA) {
		items = append(items, a.textLine(text, f, bold, clr))
	}
	add(q.Prompt, 1.1, true, t.Text)
	score := fmt.Sprintf("%d of %d students right", rv.Right, rv.Of)
	if rv.Partly > 0 {
		score += fmt.Sprintf(", %d partly right", rv.Partly)
	}
	if silent := rv.Of - rv.Answered; silent > 0 {
		score += fmt.Sprintf(", %d gave no answer", silent)
	}
	add(score+". Right answer: "+correctAnswerText(q), 1.1, true, t.Right)
	for _, c := range rv.Choices {
		if c.Correct {
			add(fmt.Sprintf("Right: %s: %s", c.Text, studentsWord(c.Students)), 0.9, false, t.Right)
			continue
		}
		line := fmt.Sprintf("Wrong: %s: %s.", c.Text, studentsWord(c.Students))
		if c.Misconception != "" && c.Students > 0 {
			line += " The misconception behind it: " + c.Misconception + "."
		}
		add(line, 0.9, false, t.Wrong)
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

func studentsWord(n int) string {
	if n == 1 {
		return "1 student"
	}
	return fmt.Sprintf("%d students", n)
}

// phonesBoard is the top ten students and, in teams, the teams' means.
func (s *classPlayScene) phonesBoard(a *App, dst *ebiten.Image, box layout.Rect, title string) {
	t := a.theme
	size := a.textSize(1.2)
	a.fonts.drawLine(dst, title, box.X, box.Y, size*1.2, true, t.Text, Left)
	st := s.room.Standings()
	teams := s.room.TeamStandings()
	colW := box.W
	if len(teams) > 0 {
		colW = box.W * 0.6
	}
	rowH := min((box.H-size*2)/10, size*1.8)
	y := box.Y + size*2
	for i, x := range st {
		if i == 10 {
			break
		}
		name := layout.Truncate(fmt.Sprintf("%d. %s", x.Rank, x.Name), size, colW*0.7, a.fonts.MeasureBold)
		a.fonts.drawLine(dst, name, box.X, y, size, true, t.Text, Left)
		a.fonts.drawLine(dst, fmt.Sprintf("%d points", x.Points), box.X+colW-2*a.unit(), y, size*0.9, false, t.Text, Right)
		y += rowH
	}
	if len(st) > 10 {
		a.fonts.drawLine(dst, fmt.Sprintf("and %d more", len(st)-10), box.X, y, size*0.8, false, t.Muted, Left)
	}
	if len(teams) > 0 {
		x0 := box.X + colW + 2*a.unit()
		a.fonts.drawLine(dst, "Teams (mean per student)", x0, box.Y+size*0.2, size, true, t.Text, Left)
		y := box.Y + size*2
		for _, ts := range teams {
			fill := teamColors[ts.Team%len(teamColors)]
			fillRound(dst, layout.Rect{X: x0, Y: y, W: size, H: size}, size*0.2, fill)
			line := layout.Truncate(fmt.Sprintf("%d. %s: %d (%d)", ts.Rank, ts.Name, ts.Points, ts.Members), size, box.X+box.W-x0-size*1.5, a.fonts.Measure)
			a.fonts.drawLine(dst, line, x0+size*1.5, y, size, false, t.Text, Left)
			y += rowH
		}
	}
}

// phonesResults is the end of a phones game: the top ten students (and
// teams), and where the results were written.
func (s *classPlayScene) phonesResults(a *App, dst *ebiten.Image) {
	u := a.unit()
	t := a.theme
	box := layout.Rect{X: 4 * u, Y: 6 * u, W: a.w - 8*u, H: a.h - 20*u}
	s.phonesBoard(a, dst, box, "Results")
	if s.csvPath != "" {
		msg := "Saved: " + s.csvPath + " and " + s.htmlPath
		blk, _ := layout.Fit(msg, a.textSize(0.7), a.minText(), a.w-8*u-26*u, 6*u, a.fonts.Measure)
		a.fonts.drawBlock(dst, blk, 4*u, a.h-4*u-blk.Height-u, false, t.Muted, Left)
	}
}
