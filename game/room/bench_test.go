package room

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"gutskin/game/classroom"
	"gutskin/game/pack"
	"gutskin/game/quiz"
)

// BenchmarkRoom: 200 phones join over loopback, each keeps its live
// stream open, and all answer one question at once. It reports the 99th
// percentile from an answer's POST to the projector seeing it counted
// (p99-ms), the heap the 200 students with their streams add (heap-MB),
// and fails if goroutines are left once every phone has gone.
func BenchmarkRoom(b *testing.B) {
	const phones = 200
	var p99s, heaps []float64
	for b.Loop() {
		before := runtime.NumGoroutine()
		p99, heap := roomRun(b, phones)
		p99s, heaps = append(p99s, p99), append(heaps, heap)
		deadline := time.Now().Add(10 * time.Second)
		for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		if n := runtime.NumGoroutine(); n > before {
			b.Fatalf("%d goroutines after every phone left, %d before", n, before)
		}
	}
	slices.Sort(p99s)
	slices.Sort(heaps)
	b.ReportMetric(p99s[len(p99s)/2], "p99-ms")
	b.ReportMetric(heaps[len(heaps)/2], "heap-MB")
}

func roomRun(b *testing.B, phones int) (p99ms, heapMB float64) {
	g, err := classroom.New(classroom.Config{Teams: []string{Class}, Packs: []*pack.Pack{allTypes()}, Seed: 3, Phones: true})
	if err != nil {
		b.Fatal(err)
	}
	r := New(g, false)
	// Every phone comes from 127.0.0.1 here: the per-client limit is lifted.
	srv := httptest.NewServer(r.Handler(Options{Rate: 1e6, Burst: 1e6}))
	tr := &http.Transport{MaxIdleConnsPerHost: 2 * phones, MaxConnsPerHost: 0}
	client := &http.Client{Transport: tr}
	defer func() {
		srv.CloseClientConnections()
		srv.Close()
		tr.CloseIdleConnections()
	}()
	postJSON := func(path string, v any) (*http.Response, error) {
		body, _ := json.Marshal(v)
		return client.Post(srv.URL+path, "application/json", bytes.NewReader(body))
	}

	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	heap0 := ms.HeapAlloc

	tokens := make([]string, phones)
	for i := range tokens {
		resp, err := postJSON("/api/join", map[string]any{"code": r.Code(), "name": "Student " + strconv.Itoa(i)})
		if err != nil {
			b.Fatal(err)
		}
		var rep joinReply
		json.NewDecoder(resp.Body).Decode(&rep)
		resp.Body.Close()
		tokens[i] = rep.Token
	}
	// Each phone listens, reading every event as a browser would.
	var streams sync.WaitGroup
	var events atomic.Int64
	bodies := make(chan func(), phones)
	for _, tok := range tokens {
		resp, err := client.Get(srv.URL + "/api/events?code=" + r.Code() + "&token=" + tok)
		if err != nil {
			b.Fatal(err)
		}
		bodies <- func() { resp.Body.Close() }
		br := bufio.NewReader(resp.Body)
		br.ReadString('\n') // the first event is there at once
		streams.Add(1)
		go func() {
			defer streams.Done()
			for {
				line, err := br.ReadString('\n')
				if err != nil {
					return
				}
				if strings.HasPrefix(line, "data: ") {
					events.Add(1)
				}
			}
		}()
	}
	// A phone has a connection open from loading its page: warm one each.
	var warm sync.WaitGroup
	for _, tok := range tokens {
		warm.Add(1)
		go func() {
			defer warm.Done()
			if resp, err := client.Get(srv.URL + "/api/state?code=" + r.Code() + "&token=" + tok); err == nil {
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}()
	}
	warm.Wait()
	r.Start()
	for events.Load() < int64(phones) { // every phone shows the question before it answers
		time.Sleep(time.Millisecond)
	}
	idx := r.game.Index()
	ans := quiz.RightAnswer(r.game.Current().Question)

	// The projector: on each change, when does it first count each student?
	seen := make([]time.Time, phones)
	changes, stop := r.Subscribe()
	projDone := make(chan struct{})
	go func() {
		defer close(projDone)
		left := phones
		for left > 0 {
			<-changes
			now := time.Now()
			r.mu.Lock()
			for id := range r.answers[idx] {
				if seen[id].IsZero() {
					seen[id] = now
					left--
				}
			}
			r.mu.Unlock()
		}
	}()
	sent := make([]time.Time, phones)
	var wg sync.WaitGroup
	for i, tok := range tokens {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sent[i] = time.Now()
			resp, err := postJSON("/api/answer", answerRequest{Code: r.Code(), Token: tok, Answer: *answerView(idx, ans)})
			if err != nil {
				b.Error(err)
				return
			}
			if resp.StatusCode != 200 {
				b.Errorf("answer: %d", resp.StatusCode)
			}
			resp.Body.Close()
		}()
	}
	wg.Wait()
	select {
	case <-projDone:
	case <-time.After(30 * time.Second):
		b.Fatal("the projector never counted every answer")
	}
	stop()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	heapMB = float64(int64(ms.HeapAlloc)-int64(heap0)) / (1 << 20)

	lat := make([]float64, phones)
	for i := range lat {
		lat[i] = float64(seen[i].Sub(sent[i]).Microseconds()) / 1000
	}
	slices.Sort(lat)
	p99ms = lat[len(lat)*99/100-1]

	close(bodies)
	for c := range bodies {
		c()
	}
	streams.Wait()
	return p99ms, heapMB
}
