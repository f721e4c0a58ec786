//go:build !(js && wasm)

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"gutskin/game/chromium"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestWebFolder: "gutskin web -o DIR" writes the three files a static
// server needs, and the loader is the Go installation's own.
func TestWebFolder(t *testing.T) {
	dir := webFolder(t)
	for _, f := range []string{"index.html", "wasm_exec.js", "gutskin.wasm"} {
		st, err := os.Stat(filepath.Join(dir, f))
		if err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
	wasm, _ := os.ReadFile(filepath.Join(dir, "gutskin.wasm"))
	if !bytes.HasPrefix(wasm, []byte("\x00asm")) {
		t.Errorf("gutskin.wasm is not WebAssembly")
	}
	goroot, err := goEnv("GOROOT")
	if err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile(filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"))
	got, _ := os.ReadFile(filepath.Join(dir, "wasm_exec.js"))
	if len(want) > 0 && !bytes.Equal(got, want) {
		t.Errorf("wasm_exec.js differs from the Go installation's")
	}
	if code, _, _ := runCmd("web", "-o", dir, "extra"); code != exitUsage {
		t.Errorf("web with a stray argument: exit %d, want %d", code, exitUsage)
	}
}

var webBuilt struct {
	dir string
	err error
}

// webFolder builds the browser version once per test binary.
func webFolder(t *testing.T) string {
	t.Helper()
	if webBuilt.dir == "" && webBuilt.err == nil {
		dir, err := os.MkdirTemp("", "gutskin-web-")
		if err == nil {
			var out bytes.Buffer
			if code := run([]string{"web", "-o", dir}, &out, &out); code != exitOK {
				err = &buildError{out.String()}
			}
		}
		webBuilt.dir, webBuilt.err = dir, err
	}
	if webBuilt.err != nil {
		t.Fatal(webBuilt.err)
	}
	return webBuilt.dir
}

type buildError struct{ out string }

func (e *buildError) Error() string { return "gutskin web failed:\n" + e.out }

func TestMain(m *testing.M) {
	code := m.Run()
	if webBuilt.dir != "" {
		os.RemoveAll(webBuilt.dir)
	}
	os.Exit(code)
}

// profileKey is where the browser build keeps the default player.
const profileKey = "gutskin/profile-default.json"

// TestBrowserKeepsProgress serves the browser build on loopback, plays a
// round in headless Chromium by keyboard, reloads the page and plays
// again: the second save must still hold the first round, so the game read
// its progress back from local storage after the reload.
func TestBrowserKeepsProgress(t *testing.T) {
	exe := chromium.Path(t)
	dir := webFolder(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(exe),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("enable-unsafe-swiftshader", true), // WebGL on the CPU (there is no GPU)
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 720),
	)
	defer cancelAlloc()
	ctx, cancelTab := chromedp.NewContext(ctx)
	defer cancelTab()

	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/index.html")); err != nil {
		t.Fatal(err)
	}
	waitForGame(ctx, t)
	shot(ctx, t, "title-first")
	first := playRound(ctx, t, 1)
	shot(ctx, t, "results-first")

	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	waitForGame(ctx, t)
	shot(ctx, t, "title-after-reload")
	kept := saved(ctx, t)
	if len(kept.History) != 1 || kept.History[0].When != first.History[0].When {
		t.Fatalf("after the reload local storage holds %d rounds, want the first one", len(kept.History))
	}
	second := playRound(ctx, t, 2)
	if !second.History[0].When.Equal(first.History[0].When) {
		t.Errorf("the second save's first round is from %v, want the first round (%v)", second.History[0].When, first.History[0].When)
	}
	for k, st := range first.Stats {
		if second.Stats[k].Seen < st.Seen {
			t.Errorf("question %s: seen %d before the reload, %d after", k, st.Seen, second.Stats[k].Seen)
		}
	}
}

// waitForGame waits until the page runs the game: the loading line is gone
// (go.run started) and Ebiten has made its canvas.
func waitForGame(ctx context.Context, t *testing.T) {
	t.Helper()
	for {
		msg, err := chromedp.Run(ctx, chromedp.Evaluate[string](
			`document.querySelector("canvas") && !document.getElementById("status") ? "" : (document.getElementById("status") || {}).textContent || "no canvas"`))
		if err != nil {
			t.Fatalf("the game did not start in the browser: %v", err)
		}
		if msg == "" {
			break
		}
		if ctx.Err() != nil {
			t.Fatalf("the game did not start in the browser (the page says %q)", msg)
		}
		time.Sleep(200 * time.Millisecond)
	}
	// Give the first frames time to come before the first key.
	chromedp.Do(ctx, chromedp.Sleep(time.Second))
}

// savedProfile is the part of a saved profile the test reads.
type savedProfile struct {
	History []struct {
		When      time.Time `json:"when"`
		Questions int       `json:"questions"`
	} `json:"history"`
	Stats map[string]struct {
		Seen int `json:"seen"`
	} `json:"questions"`
}

func saved(ctx context.Context, t *testing.T) savedProfile {
	t.Helper()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`localStorage.getItem("`+profileKey+`") || ""`))
	if err != nil {
		t.Fatal(err)
	}
	var p savedProfile
	if raw != "" {
		if err := json.Unmarshal([]byte(raw), &p); err != nil {
			t.Fatalf("local storage holds a profile that does not decode: %v", err)
		}
	}
	return p
}

// playRound plays from the title by keyboard until the saved profile
// holds rounds rounds: P opens the set-up, Enter starts; on every card 1
// picks (or ticks, or types) the first answer, Enter checks, Enter goes on.
func playRound(ctx context.Context, t *testing.T, rounds int) savedProfile {
	t.Helper()
	for i := 0; ; i++ {
		if p := saved(ctx, t); len(p.History) >= rounds {
			if p.History[len(p.History)-1].Questions == 0 {
				t.Fatalf("the saved round has no questions")
			}
			return p
		}
		if i == 60 { // a 10-question round needs about 15
			shot(ctx, t, "stuck")
			t.Fatalf("round %d was not saved after %d key cycles", rounds, i)
		}
		if i == 3 {
			shot(ctx, t, "card")
		}
		press(ctx, t, "p\r1\r\r")
	}
}

// press types keys one event at a time, with a pause between key down and
// key up so every press spans a game tick.
func press(ctx context.Context, t *testing.T, keys string) {
	t.Helper()
	for _, r := range keys {
		for _, k := range kb.Encode(r) {
			err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := cdp.Call(ctx, tg, input.DispatchKeyEvent, *k)
				return err
			}), chromedp.Sleep(60*time.Millisecond))
			if err != nil && ctx.Err() == nil {
				t.Fatal(err)
			}
		}
	}
}

// shot keeps a screenshot in the test's artifact folder (go test -artifacts).
func shot(ctx context.Context, t *testing.T, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return
	}
	os.WriteFile(filepath.Join(t.ArtifactDir(), name+".png"), png, 0o644)
}
