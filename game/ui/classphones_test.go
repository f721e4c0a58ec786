package ui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/classroom"
	"gutskin/game/layout"
	"gutskin/game/press"
	"gutskin/game/quiz"
	"gutskin/game/room"
	"gutskin/game/save"
)

// TestClassroomPhones plays a phones game from the command line's
// --lan: the game listens at once and says where, two phones join and
// answer over HTTP, the projector counts them and reveals, the game is
// closed and resumed with the phones still known, and leaving stops the
// server.
func TestClassroomPhones(t *testing.T) {
	dir := t.TempDir()
	clk := &clock{t: time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)}
	var url, code string
	open := func(lan string) (*App, *Script) {
		sc := &Script{}
		seed := uint64(40)
		a, err := NewApp(Options{Packs: shipped(t), Store: &save.Store{Dir: dir}, Input: sc, Now: clk.Now, ResultsDir: t.TempDir(),
			Seed: func() uint64 { seed++; return seed }, Classroom: true, LAN: lan, Joined: func(u, c string) { url, code = u, c }})
		if err != nil {
			t.Fatal(err)
		}
		a.profile.Settings.ReducedMotion = true
		a.SetSize(1280, 720)
		return a, sc
	}
	a, sc := open("127.0.0.1:0")
	var screen *ebiten.Image
	if haveGL {
		screen = ebiten.NewImage(1280, 720)
	}
	run := func(evs ...Event) {
		sc.Push(evs...)
		if err := a.Update(); err != nil {
			t.Fatal(err)
		}
		if screen != nil {
			a.Draw(screen)
			if c := a.theme.Background; textPixels(readBack(screen), layout.Rect{W: 1280, H: 720}, [4]uint8{c.R, c.G, c.B, 255}) == 0 {
				t.Errorf("a blank frame (scene %T)", a.scene)
			}
		}
		clk.Advance(time.Second)
	}
	run()
	run()
	play, ok := a.scene.(*classPlayScene)
	if !ok || play.room == nil || url == "" || !strings.HasSuffix(url, "/?code="+code) {
		t.Fatalf("--lan opened %T, url %q code %q", a.scene, url, code)
	}
	api := strings.TrimSuffix(url, "/?code="+code)
	post := func(path string, body any) map[string]any {
		t.Helper()
		b, _ := json.Marshal(body)
		resp, err := http.Post(api+path, "application/json", bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out map[string]any
		json.NewDecoder(resp.Body).Decode(&out)
		out["status"] = float64(resp.StatusCode)
		return out
	}
	var tokens []string
	for _, n := range []string{"Ada", "Bo"} {
		rep := post("/api/join", map[string]any{"code": code, "name": n})
		tokens = append(tokens, rep["token"].(string))
	}
	run()
	if n := len(play.room.Students()); n != 2 || play.room.Started() {
		t.Fatalf("%d students, started %v: the join screen shows", n, play.room.Started())
	}
	run(KeyEvent(KeySpace)) // the first question
	if !play.room.Started() || play.g.Screen() != classroom.ShowQuestion {
		t.Fatalf("Space left the join screen for %d", play.g.Screen())
	}
	it := play.g.Current()
	for _, tok := range tokens {
		a := quiz.RightAnswer(it.Question)
		rep := post("/api/answer", map[string]any{"code": code, "token": tok, "answer": map[string]any{"index": play.g.Index(),
			"choices": a.Choices, "order": a.Order, "match": a.Match, "value": a.Value, "has_value": a.HasValue, "confidence": 2}})
		if rep["status"] != 200.0 {
			t.Fatalf("answer: %v", rep)
		}
	}
	run(RuneEvent('1'), RuneEvent('a')) // teacher entry's keys enter nothing in a phones game
	if _, ok := play.g.Answer(0); ok || play.g.Selected() >= 0 {
		t.Error("1 then A entered a team's answer in a phones game")
	}
	if n, of := play.room.Answered(); n != 2 || of != 2 {
		t.Errorf("%d of %d answered", n, of)
	}
	for range 3 {
		if play.g.Screen() == classroom.ShowReveal {
			break
		}
		run(KeyEvent(KeySpace)) // starts the timer, then locks
	}
	if rv := play.room.Reveal(); play.g.Screen() != classroom.ShowReveal || rv.Right != 2 {
		t.Fatalf("screen %d, reveal %+v", play.g.Screen(), rv)
	}
	// The game closes (a crash: nothing more is done) and opens again.
	play.stopPhones()
	oldCode := code
	a, sc = open("127.0.0.1:0")
	run()
	run()
	play, ok = a.scene.(*classPlayScene)
	if !ok || play.room == nil || code != oldCode {
		t.Fatalf("not resumed: %T, code %q (was %q)", a.scene, code, oldCode)
	}
	api = strings.TrimSuffix(url, "/?code="+code)
	resp, err := http.Get(api + "/api/state?code=" + code + "&token=" + tokens[1])
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	json.NewDecoder(resp.Body).Decode(&v)
	resp.Body.Close()
	if v["name"] != "Bo" || v["screen"] != "reveal" {
		t.Errorf("Bo's phone after the resume: %v", v)
	}
	// Esc twice leaves for the set-up, and the server stops.
	run(KeyEvent(KeyEscape))
	run(KeyEvent(KeyEscape))
	if _, ok := a.scene.(*classSetupScene); !ok {
		t.Fatalf("Esc Esc left for %T", a.scene)
	}
	if _, err := http.Get(api + "/api/state?code=" + code); err == nil {
		t.Error("the server still answers after the game was left")
	}
}

// TestClassroomPhonesPortTaken: a taken port is said on the set-up, not
// a crash.
func TestClassroomPhonesPortTaken(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	sc := &Script{}
	a, err := NewApp(Options{Packs: shipped(t), Store: &save.Store{Dir: t.TempDir()}, Input: sc, Classroom: true, LAN: ln.Addr().String()})
	if err != nil {
		t.Fatal(err)
	}
	a.SetSize(1280, 720)
	for range 2 {
		a.Update()
	}
	s, ok := a.scene.(*classSetupScene)
	if !ok || !strings.Contains(s.message, "is taken by another program") {
		t.Fatalf("scene %T, message %q", a.scene, s.message)
	}
}

// TestJoinScreenRenameAndRemove: on the join screen a click chooses a name
// (it does not remove it at once); N gives that student a neutral name, X
// removes a student, and both reach the room.
func TestJoinScreenRenameAndRemove(t *testing.T) {
	a, _, clk := testApp(t, 1280, 720)
	g, err := classroom.New(classroom.Config{Teams: []string{"Class"}, Packs: a.Packs(), Length: 5, Seed: 4, Phones: true})
	if err != nil {
		t.Fatal(err)
	}
	r := room.New(g, false)
	rude, _ := r.Join("A rude name", "token-one-0123456789", -1)
	keep, _ := r.Join("Bo", "token-two-0123456789", -1)
	s := newClassPlay(a, g)
	s.room = r
	a.scene = s
	settle := func() { a.Step(nil); clk.Advance(press.Settle) }
	settle()
	s.layout(a)
	x, y := findButton(t, &s.btn, fmt.Sprint("student:", rude.ID))
	a.Step(Click(x, y))
	if s.pick != rude.ID || len(r.Students()) != 2 {
		t.Fatalf("a click chose %d and left %d students, want the student chosen and both kept", s.pick, len(r.Students()))
	}
	settle()
	a.Step([]Event{RuneEvent('n')})
	if got := s.studentName(rude.ID); got != room.NeutralName(rude.ID) || s.pick != -1 {
		t.Errorf("after N the name is %q (pick %d), want %q", got, s.pick, room.NeutralName(rude.ID))
	}
	settle()
	s.layout(a)
	x, y = findButton(t, &s.btn, fmt.Sprint("student:", keep.ID))
	a.Step(Click(x, y))
	settle()
	a.Step([]Event{RuneEvent('x')})
	if n := len(r.Students()); n != 1 || s.studentName(keep.ID) != "" {
		t.Errorf("after X %d students remain, Bo is %q", n, s.studentName(keep.ID))
	}
}
