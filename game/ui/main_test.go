package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
)

// haveGL is set when the tests run inside an Ebiten game loop with a real
// display, so images can be drawn and read back.
var haveGL bool

// loop runs the tests while Ebiten's game loop runs, so that drawing and
// reading pixels work. Unlike Ebiten's own MainWithRunLoop, the tests run
// beside the loop rather than inside one tick: ticks go on, and the font
// caches expire old entries as they do in the game.
type loop struct {
	m    *testing.M
	code int
	done chan struct{}
}

func (g *loop) Update() error {
	if g.done == nil {
		g.done = make(chan struct{})
		go func() {
			g.code = g.m.Run()
			close(g.done)
		}()
	}
	select {
	case <-g.done:
		return ebiten.Termination
	default:
		return nil
	}
}

func (*loop) Draw(*ebiten.Image)                        {}
func (*loop) Layout(w, h int) (int, int)                { return w, h }
func (g *loop) LayoutF(w, h float64) (float64, float64) { return w, h }

// TestMain starts Xvfb when there is no display. Under CI=true a missing
// display is a failure; elsewhere the rendering tests skip and say why.
func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		runChildWindow()
	}
	stop, err := ensureDisplay()
	if err != nil {
		if os.Getenv("CI") == "true" {
			fmt.Fprintln(os.Stderr, "rendering tests need a display:", err)
			os.Exit(1)
		}
		fmt.Fprintln(os.Stderr, "no display, rendering tests will skip:", err)
		os.Exit(m.Run())
	}
	haveGL = true
	g := &loop{m: m, code: 1}
	ebiten.SetWindowSize(320, 240)
	runErr := ebiten.RunGame(g)
	stop()
	if runErr != nil {
		fmt.Fprintln(os.Stderr, "game loop:", runErr)
		os.Exit(1)
	}
	os.Exit(g.code)
}

// ensureDisplay returns at once when DISPLAY is set; otherwise it starts
// Xvfb on a free display number and returns a function that stops it.
func ensureDisplay() (func(), error) {
	if os.Getenv("DISPLAY") != "" {
		return func() {}, nil
	}
	xvfb, err := exec.LookPath("Xvfb")
	if err != nil {
		return nil, fmt.Errorf("no DISPLAY and no Xvfb (apt-get install xvfb): %w", err)
	}
	for n := 90; n < 140; n++ {
		if displayInUse(n) {
			continue
		}
		cmd := exec.Command(xvfb, fmt.Sprintf(":%d", n), "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
		if err := cmd.Start(); err != nil {
			return nil, fmt.Errorf("start Xvfb: %w", err)
		}
		sock := filepath.Join("/tmp/.X11-unix", fmt.Sprintf("X%d", n))
		for i := 0; i < 100; i++ {
			if _, err := os.Stat(sock); err == nil {
				os.Setenv("DISPLAY", fmt.Sprintf(":%d", n))
				return func() {
					// SIGTERM lets Xvfb remove its lock file; a killed one
					// leaves it behind.
					cmd.Process.Signal(os.Interrupt)
					cmd.Wait()
				}, nil
			}
			if cmd.ProcessState != nil {
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
		cmd.Process.Kill()
		cmd.Wait()
	}
	return nil, fmt.Errorf("Xvfb did not start on any display from :90 to :139")
}

func needGL(t *testing.T) {
	t.Helper()
	if !haveGL {
		t.Skip("no display: install Xvfb to run the rendering tests")
	}
}
