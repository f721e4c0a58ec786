package room

import (
	"context"
	"fmt"
	"gutskin/game/chromium"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"gutskin/game/classroom"
	"gutskin/game/pack"
	"gutskin/game/quiz"
)

// phone is one phone-sized page in its own browser context.
type phone struct {
	name string
	ctx  context.Context
	t    *testing.T
}

func (p *phone) run(what string, actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		html, _ := chromedp.Run(p.ctx, chromedp.Evaluate[string](`document.body.innerText`))
		p.t.Fatalf("%s: %s: %v; the page shows:\n%s", p.name, what, err, html)
	}
}

// void drops an action's value.
func void[T any](a chromedp.Action[T]) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error { _, err := a(ctx, t); return err })
}

func click(sel string) chromedp.Action[chromedp.Void] { return chromedp.Click(chromedp.CSS(sel)) }

// waitText waits until the element sel shows want.
func (p *phone) waitText(sel, want string) {
	p.t.Helper()
	js := fmt.Sprintf(`(function(){var e=document.querySelector(%q);return !!e && e.textContent.indexOf(%q)>=0})()`, sel, want)
	p.run("wait for "+want+" in "+sel, void(chromedp.Poll[bool](js, chromedp.WithPollingInterval(50*time.Millisecond))))
}

func (p *phone) shot(dir, name string) {
	if dir == "" {
		return
	}
	b, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		p.t.Fatalf("%s: screenshot: %v", p.name, err)
	}
	os.WriteFile(filepath.Join(dir, p.name+"-"+name+".png"), b, 0o644)
}

// answer enters the right answer to q on the page, with confidence Sure,
// and sends it.
func (p *phone) answer(q *pack.Question) {
	p.t.Helper()
	p.enter(q)
	p.run("send", click("#send"))
	p.waitText("#state", "Answer sent")
}

func (p *phone) enter(q *pack.Question) {
	p.t.Helper()
	var acts []chromedp.Action[chromedp.Void]
	switch q.Type {
	case pack.Single, pack.TrueFalse, pack.Multi:
		for _, c := range q.Correct() {
			acts = append(acts, click(fmt.Sprintf(`button.choice[data-index="%d"]`, c)))
		}
	case pack.Order:
		for i := range q.Steps {
			acts = append(acts, click(fmt.Sprintf(`button.step[data-index="%d"]`, i)))
		}
	case pack.Match:
		for i := range q.Pairs {
			acts = append(acts, void(chromedp.Evaluate[bool](fmt.Sprintf(
				`(function(){var s=document.getElementById("match-%d");s.value="%d";s.dispatchEvent(new Event("change"));return true})()`, i, i))))
		}
	case pack.Estimate:
		acts = append(acts, chromedp.SendKeys(chromedp.CSS("#value"), "4e13"))
	}
	acts = append(acts, click(`button.confidence[data-level="3"]`))
	p.run("answer "+string(q.Type), acts...)
}

// TestPhonesInABrowser plays a game of every question type on two
// phone-sized pages of headless Chromium: join, answer, see the reveal
// with its explanation and source, reload mid-question and stay the same
// student, and an answer after the clock has run out refused.
// GUTSKIN_SHOTS=DIR keeps screenshots of both phones.
func TestPhonesInABrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	exe := chromium.Path(t)
	shots := os.Getenv("GUTSKIN_SHOTS")
	g, err := classroom.New(classroom.Config{Teams: []string{Class}, Packs: []*pack.Pack{allTypes()}, Seed: 3, Mode: quiz.Confident,
		TimeLimit: 60 * time.Second, Phones: true})
	if err != nil {
		t.Fatal(err)
	}
	r := New(g, false)
	now := t0
	var clock atomic.Pointer[time.Time]
	clock.Store(&now)
	r.SetClock(func() time.Time { return *clock.Load() })
	setNow := func(n time.Time) { clock.Store(&n) }
	srv := httptest.NewServer(r.Handler(Options{}))
	defer srv.Close()

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(390, 844),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	// Two origins (127.0.0.1 and localhost) keep the phones' storage apart,
	// as two devices would.
	port := srv.URL[strings.LastIndex(srv.URL, ":")+1:]
	hosts := []string{"127.0.0.1", "localhost"}
	var phones []*phone
	parent := alloc
	for i, name := range []string{"ada", "bo"} {
		ctx, cancel := chromedp.NewContext(parent) // the second a tab of the first's browser
		parent = ctx
		defer cancel()
		p := &phone{name: name, ctx: ctx, t: t}
		if err := chromedp.Do(ctx); err != nil { // the tab, with no deadline
			t.Fatalf("start Chromium: %v", err)
		}
		url := "http://" + hosts[i] + ":" + port + "/?code=" + strings.ToLower(r.Code())
		p.run("open", chromedp.EmulateViewport(390, 844), chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("#name")),
			chromedp.SendKeys(chromedp.CSS("#name"), "  "+strings.ToUpper(name[:1])+name[1:]+" "), click("#join"))
		p.waitText("main h1", "You're in")
		phones = append(phones, p)
	}
	ada, bo := phones[0], phones[1]
	ada.shot(shots, "0-joined")
	if st := r.Students(); len(st) != 2 || st[0].Name != "Ada" || st[1].Name != "Bo" {
		t.Fatalf("students %+v", st)
	}
	r.Start()
	for n := range g.Len() {
		q := current(r)
		for _, p := range phones {
			p.waitText("#prompt", q.Prompt)
		}
		last := n == g.Len()-1
		ada.answer(q)
		ada.shot(shots, fmt.Sprintf("%d-%s-answered", n+1, q.Type))
		if a, ok := r.Given(0, n); !ok || quiz.Credit(q, a) != 1 || a.Confidence != quiz.Sure {
			t.Errorf("%s: Ada's answer %+v, %v", q.Type, a, ok)
		}
		if n == 1 { // Bo's phone reloads mid-question: still Bo, still asked
			bo.run("reload", chromedp.Reload())
			bo.waitText("#prompt", q.Prompt)
			bo.waitText("#who", "Bo")
			if len(r.Students()) != 2 {
				t.Errorf("a reload made a new student: %+v", r.Students())
			}
		}
		if last { // the clock runs out before Bo sends
			r.Do(classroom.Intent{Kind: classroom.Advance}, now) // starts the timer
			setNow(now.Add(61 * time.Second))
			bo.enter(q)
			bo.run("send late", click("#send"))
			bo.waitText("#msg", "Too late: answers are locked")
			r.Tick(*clock.Load()) // the projector's next frame locks
			bo.shot(shots, "late")
		} else {
			r.Do(classroom.Intent{Kind: classroom.Lock}, now)
		}
		ada.waitText(".verdict", "Right!")
		ada.waitText(".explanation", q.Explanation)
		ada.waitText(".summary", "Randomised trial: 120 adults")
		ada.waitText(".evidence", q.Evidence.Label())
		bo.waitText(".verdict", "No answer")
		ada.shot(shots, fmt.Sprintf("%d-%s-reveal", n+1, q.Type))
		r.Do(classroom.Intent{Kind: classroom.Advance}, now) // the scoreboard
		ada.waitText("main", "You are number 1 of 2")
		r.Do(classroom.Intent{Kind: classroom.Advance}, now)
	}
	ada.waitText("#rank", "Number 1 of 2")
	bo.waitText("#rank", "Number 2 of 2")
	bo.waitText("main", "Questions to look at again")
	ada.shot(shots, "end")
	bo.shot(shots, "end")
}
