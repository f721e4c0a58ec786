package room

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"gutskin/game/classroom"
	"gutskin/game/pack"
	"gutskin/game/quiz"
)

func post(t *testing.T, h http.Handler, path, body string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest("POST", path, strings.NewReader(body))
	req.RemoteAddr = "10.0.0.7:5000"
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

func get(t *testing.T, h http.Handler, path string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	req.RemoteAddr = "10.0.0.7:5000"
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func TestHandlers(t *testing.T) {
	r, _ := newRoom(t, quiz.Accuracy, 0)
	h := r.Handler(Options{Rate: 1000, Burst: 1000})
	code := r.Code()
	join := func(name, token string) (int, joinReply) {
		w := post(t, h, "/api/join", mustJSON(map[string]any{"code": code, "name": name, "token": token}))
		var rep joinReply
		json.Unmarshal(w.Body.Bytes(), &rep)
		return w.Code, rep
	}
	st, ada := join("  Ada\x00 ", "")
	if st != 200 || ada.Name != "Ada" || ada.Token == "" {
		t.Fatalf("join: %d %+v", st, ada)
	}
	if st, again := join("x", ada.Token); st != 200 || again.Name != "Ada" || again.Token != ada.Token {
		t.Errorf("rejoin: %d %+v", st, again)
	}
	r.Start()
	idx := it2index(r)
	answer := func(token string, a AnswerView) *httptest.ResponseRecorder {
		return post(t, h, "/api/answer", mustJSON(answerRequest{Code: code, Token: token, Answer: a}))
	}
	tests := []struct {
		name   string
		do     func() *httptest.ResponseRecorder
		status int
		body   string
	}{
		{"the page", func() *httptest.ResponseRecorder { return get(t, h, "/?code="+code) }, 200, "<!doctype html>"},
		{"the script", func() *httptest.ResponseRecorder { return get(t, h, "/phone.js") }, 200, "use strict"},
		{"no other file", func() *httptest.ResponseRecorder { return get(t, h, "/room.go") }, 404, ""},
		{"no directory walk", func() *httptest.ResponseRecorder { return get(t, h, "/../http.go") }, 307, "/http.go"}, // and that is a 404
		{"not the embedded folder", func() *httptest.ResponseRecorder { return get(t, h, "/web/index.html") }, 404, ""},
		{"state needs the code", func() *httptest.ResponseRecorder { return get(t, h, "/api/state?code=ZZZZ&token="+ada.Token) }, 403, "wrong room code"},
		{"state", func() *httptest.ResponseRecorder {
			return get(t, h, "/api/state?code="+strings.ToLower(code)+"&token="+ada.Token)
		}, 200, `"screen":"question"`},
		{"join needs the code", func() *httptest.ResponseRecorder {
			return post(t, h, "/api/join", `{"code":"NOPE","name":"Eve"}`)
		}, 403, "wrong room code"},
		{"join needs a name", func() *httptest.ResponseRecorder {
			return post(t, h, "/api/join", `{"code":"`+code+`","name":"\u0007"}`)
		}, 400, "type a name"},
		{"not JSON", func() *httptest.ResponseRecorder { return post(t, h, "/api/join", `code=`+code) }, 400, "bad request"},
		{"two JSON values", func() *httptest.ResponseRecorder {
			return post(t, h, "/api/join", `{"code":"`+code+`","name":"A"}{}`)
		}, 400, "bad request"},
		{"body too large", func() *httptest.ResponseRecorder {
			return post(t, h, "/api/join", `{"code":"`+code+`","name":"`+strings.Repeat("x", 5000)+`"}`)
		}, 413, "too large"},
		{"answer", func() *httptest.ResponseRecorder { a := right(r); return answer(ada.Token, a) }, 200, `"ok":true`},
		{"answer that does not fit", func() *httptest.ResponseRecorder {
			return answer(ada.Token, AnswerView{Index: idx, Choices: []int{-4}, Order: []int{9}, Match: []int{7}})
		}, 400, "does not fit"},
		{"answer without joining", func() *httptest.ResponseRecorder { return answer("forged", right(r)) }, 404, "join"},
		{"answer needs the code", func() *httptest.ResponseRecorder {
			return post(t, h, "/api/answer", mustJSON(answerRequest{Code: "QQQQ", Token: ada.Token, Answer: right(r)}))
		}, 403, "wrong room code"},
		{"GET is not an answer", func() *httptest.ResponseRecorder { return get(t, h, "/api/answer") }, 404, ""},
		{"answer after the lock", func() *httptest.ResponseRecorder {
			r.Do(classroom.Intent{Kind: classroom.Lock}, t0)
			return answer(ada.Token, right(r))
		}, 409, "locked"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := tt.do()
			if w.Code != tt.status || !strings.Contains(w.Body.String(), tt.body) {
				t.Errorf("status %d body %q, want %d with %q", w.Code, w.Body.String(), tt.status, tt.body)
			}
			if w.Header().Get("X-Content-Type-Options") != "nosniff" || w.Header().Get("Content-Security-Policy") == "" {
				t.Errorf("headers %v", w.Header())
			}
		})
	}
}

func TestRateLimit(t *testing.T) {
	r, _ := newRoom(t, quiz.Accuracy, 0)
	h := r.Handler(Options{Rate: 1, Burst: 5})
	codes := map[int]int{}
	for range 12 {
		codes[get(t, h, "/api/state?code="+r.Code()).Code]++
	}
	if codes[200] != 5 || codes[429] != 7 {
		t.Errorf("statuses %v: want 5 allowed, then refused", codes)
	}
	// Another phone (another address) is not held back.
	req := httptest.NewRequest("GET", "/api/state?code="+r.Code(), nil)
	req.RemoteAddr = "10.0.0.8:1"
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	if w.Code != 200 {
		t.Errorf("another client: %d", w.Code)
	}
}

// readEvent reads one Server-Sent Event's data as a View.
func readEvent(t *testing.T, br *bufio.Reader) View {
	t.Helper()
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			t.Fatalf("stream: %v", err)
		}
		if data, ok := strings.CutPrefix(line, "data: "); ok {
			var v View
			if err := json.Unmarshal([]byte(data), &v); err != nil {
				t.Fatalf("event %q: %v", data, err)
			}
			return v
		}
	}
}

// TestLiveUpdates: a phone that connects (or reconnects after a reload)
// gets the current state at once, then each change.
func TestLiveUpdates(t *testing.T) {
	r, _ := newRoom(t, quiz.Accuracy, 0)
	srv := httptest.NewServer(r.Handler(Options{}))
	defer srv.Close()
	s, _ := r.Join("Ada", "", -1)
	open := func() (*bufio.Reader, func()) {
		resp, err := http.Get(srv.URL + "/api/events?code=" + r.Code() + "&token=" + s.Token)
		if err != nil {
			t.Fatal(err)
		}
		if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
			t.Fatalf("content type %q", ct)
		}
		return bufio.NewReader(resp.Body), func() { resp.Body.Close() }
	}
	br, closeIt := open()
	if v := readEvent(t, br); v.Screen != "lobby" || v.Name != "Ada" {
		t.Fatalf("first event %+v", v)
	}
	r.Start()
	if v := readEvent(t, br); v.Screen != "question" || v.Question == nil {
		t.Fatalf("after start %+v", v)
	}
	if err := r.Answer(s.Token, it2index(r), right(r).answer()); err != nil {
		t.Fatal(err)
	}
	if v := readEvent(t, br); v.Answered != 1 || v.Yours == nil {
		t.Fatalf("after answering %+v", v)
	}
	closeIt() // the phone reloads
	br, closeIt = open()
	defer closeIt()
	if v := readEvent(t, br); v.Screen != "question" || v.Yours == nil || v.Name != "Ada" {
		t.Fatalf("on reconnecting %+v", v)
	}
	r.Do(classroom.Intent{Kind: classroom.Lock}, t0)
	if v := readEvent(t, br); v.Screen != "reveal" || v.Feedback == nil || !v.Feedback.Correct {
		t.Fatalf("after the lock %+v", v)
	}
}

func TestServerStopsAndPortTaken(t *testing.T) {
	r, _ := newRoom(t, quiz.Accuracy, 0)
	srv, err := r.Listen("127.0.0.1:0", "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(srv.URL, "http://127.0.0.1:") || !strings.HasSuffix(srv.URL, "/?code="+r.Code()) {
		t.Errorf("URL %q", srv.URL)
	}
	if _, err := r.Listen(srv.Addr, "", Options{}); err == nil {
		t.Error("a second server on a taken port started")
	}
	resp, err := http.Get(strings.Replace(srv.URL, "/?", "/api/events?", 1))
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { _, err := io.ReadAll(resp.Body); done <- err }()
	srv.Close()
	select {
	case <-done: // the stream ended with the server
	case <-time.After(10 * time.Second):
		t.Fatal("a phone's stream outlived the server")
	}
	if _, err := http.Get(srv.URL); err == nil {
		t.Error("the server still answers after Close")
	}
}

func TestSaveResume(t *testing.T) {
	r, now := newRoom(t, quiz.Standard, 0, "Red", "Blue")
	ada, _ := r.Join("Ada", "", -1)
	bo, _ := r.Join("Bo", "", -1)
	r.Start()
	r.Answer(ada.Token, it2index(r), right(r).answer())
	r.Do(classroom.Intent{Kind: classroom.Lock}, *now)
	r.Do(classroom.Intent{Kind: classroom.Advance}, *now)
	r.Do(classroom.Intent{Kind: classroom.Advance}, *now)
	r.Answer(bo.Token, it2index(r), right(r).answer())
	r.SetClosed(true)
	data, err := r.Save(*now)
	if err != nil {
		t.Fatal(err)
	}
	if !IsSave(data) {
		t.Fatal("IsSave is false on a room's save")
	}
	back, err := Resume(data, []*pack.Pack{allTypes()})
	if err != nil {
		t.Fatal(err)
	}
	if back.Code() != r.Code() || !back.Closed() || !back.Started() {
		t.Errorf("room settings lost")
	}
	if s, ok := back.Student(bo.Token); !ok || s.Name != "Bo" || s.Team != 1 {
		t.Errorf("Bo after resume: %+v %v", s, ok)
	}
	if a, ok := back.Given(bo.ID, it2index(back)); !ok || a.Choices == nil && a.Order == nil && a.Match == nil && !a.HasValue {
		t.Errorf("Bo's open answer lost")
	}
	if got, want := mustJSON(back.Standings()), mustJSON(r.Standings()); got != want {
		t.Errorf("standings %s, want %s", got, want)
	}
	bad := [][]byte{nil, []byte("{}"), []byte(`{"version":1,"code":"ABCD","game":{}}`), bytes.Replace(data, []byte(`"ID": 1`), []byte(`"ID": 7`), 1)}
	for _, b := range bad {
		if _, err := Resume(b, []*pack.Pack{allTypes()}); err == nil {
			t.Errorf("resumed %q", b)
		}
	}
}

// FuzzJoin: whatever a phone sends to join, the server answers with a
// status and never panics, and a name it keeps is clean.
func FuzzJoin(f *testing.F) {
	f.Add(`{"code":"%s","name":"Ada"}`)
	f.Add(`{"code":"%s","name":"\u202eAda\u0000","token":"x","team":3}`)
	f.Add(`{"code":"%s","name":"` + strings.Repeat("é", 300) + `","team":-5}`)
	f.Add(`[1,2,{"code":null}]`)
	f.Fuzz(func(t *testing.T, body string) {
		g, err := classroom.New(classroom.Config{Teams: []string{"Red", "Blue"}, Packs: []*pack.Pack{allTypes()}, Seed: 1, Phones: true})
		if err != nil {
			t.Fatal(err)
		}
		r := New(g, true)
		h := r.Handler(Options{Rate: 1e6, Burst: 1e6})
		w := post(t, h, "/api/join", strings.ReplaceAll(body, "%s", r.Code()))
		switch w.Code {
		case 200, 400, 403, 410, 413:
		default:
			t.Fatalf("status %d", w.Code)
		}
		for _, s := range r.Students() {
			if s.Name == "" || s.Name != CleanName(s.Name) || len([]rune(s.Name)) > MaxName || s.Team < 0 || s.Team > 1 {
				t.Fatalf("student %+v", s)
			}
		}
	})
}

// FuzzAnswer: whatever a phone sends as an answer, the room keeps only
// answers that fit the question, and locking scores them without panic.
func FuzzAnswer(f *testing.F) {
	f.Add(0, `{"index":0,"choices":[0]}`)
	f.Add(1, `{"index":0,"order":[3,2,1,0],"confidence":2}`)
	f.Add(2, `{"index":0,"match":[2,-1,0]}`)
	f.Add(3, `{"index":0,"value":1e400,"has_value":true}`)
	f.Add(4, `{"index":0,"choices":[1,1,1,1,1,1]}`)
	f.Fuzz(func(t *testing.T, skip int, answer string) {
		g, err := classroom.New(classroom.Config{Teams: []string{Class}, Packs: []*pack.Pack{allTypes()}, Seed: 1, Phones: true, Mode: quiz.Confident})
		if err != nil {
			t.Fatal(err)
		}
		r := New(g, false)
		r.Start()
		for range skip & 7 {
			r.Do(classroom.Intent{Kind: classroom.Skip}, t0)
		}
		s, _ := r.Join("Ada", "", -1)
		h := r.Handler(Options{Rate: 1e6, Burst: 1e6})
		w := post(t, h, "/api/answer", `{"code":"`+r.Code()+`","token":"`+s.Token+`","answer":`+answer+`}`)
		switch w.Code {
		case 200, 400, 409, 413:
		default:
			t.Fatalf("status %d %s", w.Code, w.Body)
		}
		if w.Code == 200 {
			a, ok := r.Given(s.ID, it2index(r))
			if !ok {
				t.Fatal("answer taken but not kept")
			}
			if _, err := check(g.Current(), a, true); err != nil {
				t.Fatalf("kept an answer that does not fit: %+v", a)
			}
		}
		r.Do(classroom.Intent{Kind: classroom.Lock}, t0)
		_ = r.Reveal()
		_ = r.ViewFor(s.Token, t0)
	})
}
