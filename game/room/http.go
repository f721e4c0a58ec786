package room

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

//go:embed web
var web embed.FS

// MaxBody is the most bytes a phone's request body may hold.
const MaxBody = 4 << 10

// Options tune the handlers.
type Options struct {
	// Rate is how many requests a second one client may make on average,
	// Burst how many at once (0: 10 and 40). A client is its token, or its
	// address before it has one.
	Rate  float64
	Burst int
	// Heartbeat is how often a live-update stream sends a keep-alive
	// comment (0: 15 s), so Wi-Fi access points keep it open.
	Heartbeat time.Duration
	// Gap is the least time between two updates to one phone (0: 200 ms):
	// a burst of changes (30 answers in a second) becomes a few updates,
	// which keeps the room's Wi-Fi and the teacher's computer free.
	Gap time.Duration
}

type handler struct {
	room  *Room
	limit *limiter
	opts  Options
	files map[string]string // served path -> content type
}

// Handler serves the phone page and its API:
//
//	GET  /                  the page (and /phone.css, /phone.js)
//	GET  /api/state         ?code=&token=  the phone's view, as JSON
//	GET  /api/events        ?code=&token=  the view again after each change (Server-Sent Events)
//	POST /api/join          {"code","name","token","team"}
//	POST /api/answer        {"code","token","answer":{...}}
//
// The room code is checked on every request; only the embedded files are
// served.
func (r *Room) Handler(opts Options) http.Handler {
	if opts.Rate <= 0 {
		opts.Rate = 10
	}
	if opts.Burst <= 0 {
		opts.Burst = 40
	}
	if opts.Heartbeat <= 0 {
		opts.Heartbeat = 15 * time.Second
	}
	if opts.Gap <= 0 {
		opts.Gap = 200 * time.Millisecond
	}
	h := &handler{room: r, limit: newLimiter(opts.Rate, opts.Burst), opts: opts, files: map[string]string{
		"/":          "text/html; charset=utf-8",
		"/phone.css": "text/css; charset=utf-8",
		"/phone.js":  "text/javascript; charset=utf-8",
	}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/state", h.state)
	mux.HandleFunc("GET /api/events", h.events)
	mux.HandleFunc("POST /api/join", h.join)
	mux.HandleFunc("POST /api/answer", h.answer)
	mux.HandleFunc("GET /", h.file)
	return h.guard(mux)
}

// guard sets the headers every answer carries and applies the rate limit.
func (h *handler) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		hd := w.Header()
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("Content-Security-Policy", "default-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'")
		hd.Set("Cache-Control", "no-store")
		key := req.URL.Query().Get("token")
		if key == "" {
			key = "addr:" + clientAddr(req)
		}
		if !h.limit.allow(key, time.Now()) {
			writeErr(w, http.StatusTooManyRequests, "too many requests: wait a moment")
			return
		}
		next.ServeHTTP(w, req)
	})
}

func clientAddr(req *http.Request) string {
	host, _, err := net.SplitHostPort(req.RemoteAddr)
	if err != nil {
		return req.RemoteAddr
	}
	return host
}

func (h *handler) file(w http.ResponseWriter, req *http.Request) {
	ct, ok := h.files[req.URL.Path]
	if !ok {
		http.NotFound(w, req)
		return
	}
	name := "web/index.html"
	if req.URL.Path != "/" {
		name = "web" + req.URL.Path
	}
	b, err := web.ReadFile(name)
	if err != nil {
		http.NotFound(w, req)
		return
	}
	w.Header().Set("Content-Type", ct)
	w.Write(b)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func writeErr(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// codeOK compares a room code, ignoring case and spaces around it.
func (h *handler) codeOK(code string) bool {
	return strings.EqualFold(strings.TrimSpace(code), h.room.code)
}

// decode reads a JSON body of at most MaxBody bytes.
func decode(w http.ResponseWriter, req *http.Request, v any) bool {
	req.Body = http.MaxBytesReader(w, req.Body, MaxBody)
	dec := json.NewDecoder(req.Body)
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeErr(w, http.StatusRequestEntityTooLarge, "request too large")
		} else {
			writeErr(w, http.StatusBadRequest, "bad request")
		}
		return false
	}
	if _, err := dec.Token(); err != io.EOF {
		writeErr(w, http.StatusBadRequest, "bad request")
		return false
	}
	return true
}

type joinRequest struct {
	Code  string `json:"code"`
	Name  string `json:"name"`
	Token string `json:"token"`
	Team  *int   `json:"team"`
}

type joinReply struct {
	Token string `json:"token"`
	Name  string `json:"name"`
	Team  string `json:"team,omitempty"`
}

func (h *handler) join(w http.ResponseWriter, req *http.Request) {
	var j joinRequest
	if !decode(w, req, &j) {
		return
	}
	if !h.codeOK(j.Code) {
		writeErr(w, http.StatusForbidden, "wrong room code")
		return
	}
	team := -1
	if j.Team != nil {
		team = *j.Team
	}
	s, err := h.room.Join(j.Name, j.Token, team)
	switch {
	case errors.Is(err, ErrClosed), errors.Is(err, ErrFull):
		writeErr(w, http.StatusForbidden, err.Error())
		return
	case errors.Is(err, ErrNoStudent):
		writeErr(w, http.StatusGone, "you were removed from this room")
		return
	case err != nil:
		writeErr(w, http.StatusBadRequest, err.Error())
		return
	}
	rep := joinReply{Token: s.Token, Name: s.Name}
	if h.room.grouped {
		rep.Team = h.room.game.Teams()[s.Team]
	}
	writeJSON(w, http.StatusOK, rep)
}

type answerRequest struct {
	Code   string     `json:"code"`
	Token  string     `json:"token"`
	Answer AnswerView `json:"answer"`
}

func (h *handler) answer(w http.ResponseWriter, req *http.Request) {
	var a answerRequest
	if !decode(w, req, &a) {
		return
	}
	if !h.codeOK(a.Code) {
		writeErr(w, http.StatusForbidden, "wrong room code")
		return
	}
	err := h.room.Answer(a.Token, a.Answer.Index, a.Answer.answer())
	switch {
	case errors.Is(err, ErrNoStudent):
		writeErr(w, http.StatusNotFound, "join the room first")
	case errors.Is(err, ErrLocked):
		writeErr(w, http.StatusConflict, "Too late: answers are locked")
	case errors.Is(err, ErrNotYet):
		writeErr(w, http.StatusConflict, "The question has not started yet")
	case err != nil:
		writeErr(w, http.StatusBadRequest, err.Error())
	default:
		writeJSON(w, http.StatusOK, map[string]bool{"ok": true})
	}
}

func (h *handler) state(w http.ResponseWriter, req *http.Request) {
	q := req.URL.Query()
	if !h.codeOK(q.Get("code")) {
		writeErr(w, http.StatusForbidden, "wrong room code")
		return
	}
	writeJSON(w, http.StatusOK, h.room.ViewFor(q.Get("token"), h.room.Now()))
}

// events streams the phone's view: once at once, then after each change.
func (h *handler) events(w http.ResponseWriter, req *http.Request) {
	q := req.URL.Query()
	if !h.codeOK(q.Get("code")) {
		writeErr(w, http.StatusForbidden, "wrong room code")
		return
	}
	fl, ok := w.(http.Flusher)
	if !ok {
		writeErr(w, http.StatusInternalServerError, "streaming unsupported")
		return
	}
	token := q.Get("token")
	changes, stop := h.room.Subscribe()
	defer stop()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	beat := time.NewTicker(h.opts.Heartbeat)
	defer beat.Stop()
	send := func() bool {
		b, err := json.Marshal(h.room.ViewFor(token, h.room.Now()))
		if err != nil {
			return false
		}
		if _, err := io.WriteString(w, "data: "+string(b)+"\n\n"); err != nil {
			return false
		}
		fl.Flush()
		return true
	}
	if !send() {
		return
	}
	for {
		select {
		case <-req.Context().Done():
			return
		case <-changes:
			if !send() {
				return
			}
			select { // changes meanwhile wait in the channel, as one
			case <-req.Context().Done():
				return
			case <-time.After(h.opts.Gap):
			}
		case <-beat.C:
			if _, err := io.WriteString(w, ": ping\n\n"); err != nil {
				return
			}
			fl.Flush()
		}
	}
}

// limiter is a token bucket per client.
type limiter struct {
	mu      sync.Mutex
	rate    float64
	burst   float64
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newLimiter(rate float64, burst int) *limiter {
	return &limiter{rate: rate, burst: float64(burst), buckets: map[string]*bucket{}}
}

func (l *limiter) allow(key string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[key]
	if !ok {
		if len(l.buckets) > 4*MaxStudents { // forget clients full again
			for k, o := range l.buckets {
				if o.tokens+now.Sub(o.last).Seconds()*l.rate >= l.burst {
					delete(l.buckets, k)
				}
			}
		}
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[key] = b
	}
	b.tokens = min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.rate)
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// Server is the room's HTTP server on the room's network.
type Server struct {
	URL    string // what phones open, with the room code
	Addr   string // the address it listens on
	srv    *http.Server
	cancel context.CancelFunc
	done   chan struct{}
}

// Listen starts serving the room on addr ("host:port"; port 0 picks a
// free one). The error is immediate when the port is taken. Host is the
// name phones use in the URL when addr's host is empty or unspecified.
func (r *Room) Listen(addr, host string, opts Options) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &Server{Addr: ln.Addr().String(), cancel: cancel, done: make(chan struct{})}
	s.srv = &http.Server{Handler: r.Handler(opts), ReadHeaderTimeout: 10 * time.Second, MaxHeaderBytes: 16 << 10,
		BaseContext: func(net.Listener) context.Context { return ctx }}
	_, port, _ := net.SplitHostPort(s.Addr)
	h, _, _ := net.SplitHostPort(addr)
	if h == "" || h == "0.0.0.0" || h == "::" {
		h = host
	}
	if h == "" {
		h = "localhost"
	}
	s.URL = "http://" + net.JoinHostPort(h, port) + "/?code=" + r.code
	go func() {
		defer close(s.done)
		s.srv.Serve(ln)
	}()
	return s, nil
}

// Close stops the server and ends every phone's stream.
func (s *Server) Close() error {
	s.cancel()
	err := s.srv.Close()
	<-s.done
	return err
}

// LANAddress is this machine's address on the local network (the first
// private IPv4 address of an interface that is up), or "" when it has
// none.
func LANAddress() string {
	ifs, err := net.Interfaces()
	if err != nil {
		return ""
	}
	for _, ifc := range ifs {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, _ := ifc.Addrs()
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil && n.IP.IsPrivate() {
				return n.IP.String()
			}
		}
	}
	return ""
}
