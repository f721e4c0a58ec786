package ui

import (
	"bytes"
	"fmt"
	"image"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"gutskin/game/pack"
	"gutskin/questions"
)

// childEnv, when set, makes the test binary play the real game in a window
// (Run, with the real devices) instead of running the tests: device tests
// drive it from outside, as a player's X server would.
const childEnv = "GUTSKIN_TEST_WINDOW"

// childSize is the child window's size.
var childSize = image.Pt(960, 540)

func runChildWindow() {
	set := pack.Load(pack.Location{FS: questions.FS, Root: ".", Display: "questions"})
	if err := Run(Options{Packs: set, WindowSize: childSize}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(0)
}

// startChildWindow starts the game in a window of its own and returns the
// window's X id and the xdotool and xwd commands.
func startChildWindow(t *testing.T) (win, xdotool, xwd string) {
	t.Helper()
	needGL(t)
	var err error
	for _, tool := range []struct{ name, pkg string }{{"xdotool", "xdotool"}, {"xwd", "x11-apps"}} {
		path, e := exec.LookPath(tool.name)
		if e != nil {
			err = fmt.Errorf("%s is needed to drive the real window (apt-get install %s)", tool.name, tool.pkg)
			break
		}
		if tool.name == "xdotool" {
			xdotool = path
		} else {
			xwd = path
		}
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"=1")
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	deadline := time.Now().Add(60 * time.Second)
	for win == "" && time.Now().Before(deadline) {
		b, _ := exec.Command(xdotool, "search", "--pid", fmt.Sprint(cmd.Process.Pid)).Output()
		if f := strings.Fields(string(b)); len(f) > 0 {
			win = f[len(f)-1]
		}
		time.Sleep(200 * time.Millisecond)
	}
	if win == "" {
		t.Fatal("the game's window did not appear")
	}
	return win, xdotool, xwd
}

// still returns the window's pixels once two captures a moment apart agree.
func still(t *testing.T, xwd, win string) []byte {
	t.Helper()
	var last []byte
	for range 100 {
		b, err := exec.Command(xwd, "-silent", "-id", win).Output()
		if err != nil {
			t.Fatal(err)
		}
		if last != nil && bytes.Equal(b, last) {
			return b
		}
		last = b
		time.Sleep(300 * time.Millisecond)
	}
	t.Fatal("the window never stopped changing")
	return nil
}

// TestInstantClicksShow clicks the set-up's Length buttons of the real game
// window with clicks whose press and release reach the X server together
// (as automation, remote desktops and tap-to-click send them): every click
// must change what the window shows. The on-demand frame mode once lost
// about half of them, and showed the others late.
func TestInstantClicksShow(t *testing.T) {
	win, xdotool, xwd := startChildWindow(t)
	// Where the set-up's buttons are at the child's size.
	a, _, _ := testApp(t, float64(childSize.X), float64(childSize.Y))
	s := newSetup(a, nil)
	s.layout(a)
	var targets []image.Point
	for _, id := range []string{"length:0", "length:2"} {
		b := s.btn.byID(id)
		if b == nil {
			t.Fatalf("no button %s on the set-up", id)
		}
		// A point of the button away from its label.
		targets = append(targets, image.Pt(int(b.r.X+b.r.W*0.8), int(b.r.Y+b.r.H*0.8)))
	}
	still(t, xwd, win)
	// Without a window manager the keyboard follows the pointer.
	if err := exec.Command(xdotool, "mousemove", "--window", win, "5", "5", "key", "p").Run(); err != nil {
		t.Fatal(err)
	}
	if os.Getenv("GUTSKIN_TEST_SHOTS") != "" {
		still(t, xwd, win)
		exec.Command("sh", "-c", xwd+" -silent -id "+win+" > "+os.Getenv("GUTSKIN_TEST_SHOTS")+"/setup.xwd").Run()
	}
	const clicks = 8
	shown := 0
	for i := range clicks {
		p := targets[i%2]
		if err := exec.Command(xdotool, "mousemove", "--window", win, fmt.Sprint(p.X), fmt.Sprint(p.Y)).Run(); err != nil {
			t.Fatal(err)
		}
		before := still(t, xwd, win)
		if err := exec.Command(xdotool, "click", "1").Run(); err != nil {
			t.Fatal(err)
		}
		for end := time.Now().Add(10 * time.Second); time.Now().Before(end); {
			b, err := exec.Command(xwd, "-silent", "-id", win).Output()
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(b, before) {
				shown++
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	if shown != clicks {
		t.Errorf("%d of %d instant clicks changed the screen", shown, clicks)
	}
}

// TestWindowIdentity (L21): the window's class names the game, so a
// taskbar shows "gutskin", not "ebitengine-application".
func TestWindowIdentity(t *testing.T) {
	win, xdotool, _ := startChildWindow(t)
	for _, flag := range []string{"--class", "--classname"} {
		b, _ := exec.Command(xdotool, "search", flag, "^gutskin$").Output()
		if !strings.Contains(" "+strings.Join(strings.Fields(string(b)), " ")+" ", " "+win+" ") {
			t.Errorf("xdotool search %s gutskin found %q, not the game's window %s", flag, strings.TrimSpace(string(b)), win)
		}
	}
}
