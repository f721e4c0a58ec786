package ui

import (
	"os"
	"time"

	"gutskin/game/classroom"
	"gutskin/game/layout"
	"gutskin/game/pack"
	"gutskin/game/quiz"
	"gutskin/game/save"
)

// classPlayScene shows a classroom game on the projector. The lesson's
// flow is the engine's (classroom.Game.Do and Tick): the scene maps keys,
// clicks and clicker buttons to intents and draws the screen the engine
// is on.
type classPlayScene struct {
	g        *classroom.Game
	hideKeys bool
	btn      buttons
	card     layout.Rect
	saveErr  string
	csvPath  string
	htmlPath string
	finished bool // the results are written
	adjustBy int
	escAt    time.Time // first Esc: a second within 3 s leaves
	// back, when set, is a preview's way home (the lesson chooser): Esc
	// goes back to it, and nothing is saved or written.
	back Scene

	// Hot-seat: the card of the team at the controls, built for one
	// question and team.
	seat      *playScene
	seatIndex int
	seatTeam  int
}

func newClassPlay(a *App, g *classroom.Game) *classPlayScene {
	s := &classPlayScene{g: g, adjustBy: 100, seatTeam: -1}
	a.setProjector(g.Config().Projector)
	s.settle(a)
	return s
}

// persist saves the game, atomically: after every change, so a crash
// loses nothing typed.
func (s *classPlayScene) persist(a *App) {
	path := a.classSavePath()
	if path == "" || s.finished || s.back != nil {
		return
	}
	data, err := s.g.Save(a.now())
	if err == nil {
		err = save.WriteAtomic(path, data)
	}
	s.saveErr = ""
	if err != nil {
		s.saveErr = "The game cannot be saved: " + err.Error()
	}
}

// do applies an intent and its outcome.
func (s *classPlayScene) do(a *App, in classroom.Intent) {
	s.apply(a, s.g.Do(in, a.now()))
}

func (s *classPlayScene) apply(a *App, out classroom.Outcome) {
	if out.Notice != "" {
		a.showToast(out.Notice)
	}
	if out.Changed {
		a.dirty = true
		s.settle(a)
		s.persist(a)
	}
}

// settle follows the engine to its screen: the results written once the
// game is over, the hot-seat card built for the team at the controls.
func (s *classPlayScene) settle(a *App) {
	switch s.g.Screen() {
	case classroom.ShowResults:
		s.seat = nil
		if !s.finished {
			s.finish(a)
		}
		return
	case classroom.TeamTurn:
		if s.seat == nil || s.seatIndex != s.g.Index() || s.seatTeam != s.g.Turn() {
			s.buildSeat(a)
		}
		return
	}
	s.seat = nil
}

func (s *classPlayScene) buildSeat(a *App) {
	team := s.g.Turn()
	r, err := s.g.TurnRound(team)
	if err != nil {
		s.seat = nil
		return
	}
	it := s.g.Current()
	s.seat = newPlay(a, r, []*pack.Pack{it.Pack}, false)
	s.seat.offset = 4.5 * a.unit()
	s.seat.bare = true
	s.seatIndex, s.seatTeam = s.g.Index(), team
	s.seat.onAnswer = func(ans quiz.Answer) {
		s.do(a, classroom.Intent{Kind: classroom.Submit, Team: team, Answer: ans})
	}
}

func (s *classPlayScene) finish(a *App) {
	s.finished = true
	a.toast = "" // a notice of the game (such as "press E again") ends with it
	if s.back != nil {
		return // a preview
	}
	c, h, err := s.g.WriteResults(a.resultsDir(), a.now())
	if err != nil {
		s.saveErr = "Results not written: " + err.Error()
		return
	}
	s.csvPath, s.htmlPath = c, h
	if path := a.classSavePath(); path != "" {
		os.Remove(path) // the results are kept; the game is over
	}
}

// leave goes back to the set-up on a second Esc within three seconds; the
// game stays saved and can be resumed from there.
func (s *classPlayScene) leave(a *App) {
	if s.back != nil {
		a.setProjector(false)
		a.goTo(s.back)
		return
	}
	now := a.now()
	if !s.escAt.IsZero() && now.Sub(s.escAt) < 3*time.Second {
		s.persist(a)
		a.goTo(newClassSetup(a))
		return
	}
	s.escAt = now
	a.showToast("Press Esc again to leave the game: it is saved, and the set-up can resume it")
}

func (s *classPlayScene) Update(a *App, evs []Event) {
	s.apply(a, s.g.Tick(a.now())) // time-outs come without input
	s.layout(a)
	for _, ev := range evs {
		if s.seat != nil && s.g.Screen() == classroom.TeamTurn && !s.g.Blanked() && !s.seatKey(ev) {
			s.seat.Update(a, []Event{ev})
			a.scene = s // the card never leaves the classroom
			s.layout(a)
			continue
		}
		s.handle(a, ev)
		if a.scene != s {
			return
		}
		s.layout(a)
	}
}

// seatKey reports whether a key is the teacher's during a hot-seat turn:
// Page Down passes the team, Esc leaves. Every other key is the team's
// (letters, digits and the decimal point answer on the card).
func (s *classPlayScene) seatKey(ev Event) bool {
	return ev.Kind == EvKey && (ev.Key == KeyPageDown || ev.Key == KeyEscape)
}

// handle maps one event to an intent.
func (s *classPlayScene) handle(a *App, ev Event) {
	in := func(k classroom.IntentKind) { s.do(a, classroom.Intent{Kind: k}) }
	screen := s.g.Screen()
	if ev.Kind == EvKey {
		switch ev.Key {
		case KeyPageDown, KeyRight, KeySpace, KeyEnter:
			if ev.Key == KeyEnter && s.btn.keyNav && s.btn.focused() != nil && !s.g.Blanked() {
				s.btn.handle(ev) // Enter on a focused button
				return
			}
			if screen == classroom.TeamTurn && ev.Key == KeyPageDown {
				in(classroom.Pass)
				return
			}
			in(classroom.Advance)
		case KeyPageUp, KeyLeft:
			in(classroom.Back)
		case KeyEscape:
			switch {
			case screen == classroom.ShowResults && s.back == nil:
				a.goTo(newTitle(a))
			case s.g.Selected() >= 0:
				s.do(a, classroom.Intent{Kind: classroom.SelectTeam, Team: -1})
			default:
				s.leave(a)
			}
		default:
			if !s.g.Blanked() {
				s.btn.handle(ev)
			}
		}
		return
	}
	if ev.Kind != EvRune {
		if !s.g.Blanked() {
			s.btn.handle(ev)
		}
		return
	}
	r := toLowerASCII(ev.Rune)
	// While a team is chosen on an open question, A-F are its answer;
	// otherwise the letters are the teacher's keys (B and . blank, as
	// presenter clickers send them).
	choosing := screen == classroom.ShowQuestion && s.g.Selected() >= 0 && !s.g.Blanked()
	switch {
	case screen == classroom.ShowResults:
		return
	case choosing && r >= 'a' && r <= 'f':
		s.do(a, classroom.Intent{Kind: classroom.Choose, Team: s.g.Selected(), Choice: int(r - 'a')})
	case r == 'b' || r == '.':
		in(classroom.Blank)
	case r >= '1' && r <= '8':
		s.do(a, classroom.Intent{Kind: classroom.SelectTeam, Team: int(r - '1')})
	case r == 'p':
		in(classroom.Pause)
	case r == 's':
		in(classroom.Skip)
	case r == 'u':
		in(classroom.Undo)
	case (r == '+' || r == '=' || r == '-') && s.g.Selected() >= 0:
		pts := s.adjustBy
		if r == '-' {
			pts = -pts
		}
		s.do(a, classroom.Intent{Kind: classroom.AdjustPoints, Team: s.g.Selected(), Points: pts})
	case r == 'h':
		s.hideKeys = !s.hideKeys
		a.dirty = true
	case r == 'e':
		in(classroom.EndEarly)
	}
}

// Animating: the countdown moves, and a time-out changes the screen, with
// no input; frames must come while the lesson's clock runs.
func (s *classPlayScene) Animating(a *App) bool { return s.g.Animating() }
