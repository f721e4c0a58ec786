// Package ui is the Ebiten side of gutskin: scenes, layout on screen,
// drawing and input. It reads the pure packages' state (packs, rounds,
// saves) and sends them intents; the rules live there, not here.
package ui

import (
	"errors"
	"fmt"
	"image"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/assets"
	"gutskin/game/layout"
	"gutskin/game/pack"
	"gutskin/game/press"
	"gutskin/game/quiz"
	"gutskin/game/save"
)

// Scene is one screen of the game.
type Scene interface {
	// Update handles this tick's events; it may change scene with a.goTo.
	Update(a *App, evs []Event)
	// Draw draws the whole screen (the background is already filled).
	Draw(a *App, dst *ebiten.Image)
	// Animating reports whether the scene changes by itself (a timer
	// running), so frames must keep coming without input.
	Animating(a *App) bool
}

// stager is a scene whose screen changes without a change of scene (a
// card's answer, confidence and feedback phases). Stage changes with it.
type stager interface {
	stage() int
}

// animator is a scene with a moving part (a timer) that it can redraw
// alone, over the still screen.
type animator interface {
	DrawMoving(a *App, dst *ebiten.Image)
}

// Options configure the game.
type Options struct {
	// Packs are the loaded packs, playable or not (the Packs screen lists
	// the broken ones with their problems).
	Packs *pack.Set
	// Store keeps profiles (a folder, or the browser's local storage); nil
	// plays without saving.
	Store save.Profiles
	// Profile is the player's name ("" for the default profile).
	Profile string
	// ScreenshotDir receives PNGs when F12 is pressed ("" for the player's
	// pictures folder).
	ScreenshotDir string
	// Input replaces keyboard, mouse and touch (tests, the monkey test).
	Input Input
	// Now replaces the clock (tests).
	Now func() time.Time
	// Seed gives the seed of each new round; nil picks a random one.
	Seed func() uint64
	// Stats collects frame counts and timings (the --stats flag).
	Stats *Stats
	// WindowSize is the starting window size in device-independent pixels.
	WindowSize image.Point
	// Changed receives the names (as in diagnostics) of pack files saved by
	// their author while the game runs (--watch); Reload then loads every
	// pack again, and the game previews the edited question.
	Changed <-chan string
	Reload  func() *pack.Set
	// Classroom opens the classroom set-up at start.
	Classroom bool
	// ResultsDir receives classroom results ("" for the save folder's
	// results/).
	ResultsDir string
	// LAN (--lan HOST:PORT) opens the classroom with phones on and starts
	// the game at once, its server listening there ("": the set-up picks
	// port 8080 or a free one when phones are chosen).
	LAN string
	// Joined is told the phones' URL and room code as soon as a phones
	// game listens.
	Joined func(url, code string)
}

// App is the game: an ebiten.Game that owns the current scene, the theme,
// the fonts and the player's profile.
type App struct {
	// recorded counts, per solo round being played, the answers already
	// kept in the profile (recordAnswers).
	recorded map[*quiz.Round]int

	opts    Options
	lanUsed bool // --lan has started its game (a later set-up waits)
	input   Input
	fonts   *Fonts
	theme   *Theme
	profile *save.Profile
	// saveProblem, when set, says why scores are not being kept.
	saveProblem string
	// saveBlocked stops all writes (a profile from a newer game is never
	// overwritten).
	saveBlocked bool
	toldNoSave  bool   // the player was told once that scores are not kept
	projector   bool   // classroom projector look: high contrast, extra-large text
	notice      string // shown once on the title screen
	scene       Scene
	w, h        float64 // screen size in pixels
	dirty       bool    // the whole screen must be drawn
	partial     bool    // only what moves must be drawn
	fadeStart   time.Time
	quit        bool
	shotWanted  bool
	stats       *Stats
	toast       string
	toastUntil  time.Time
	prefs       roundPrefs
	// wasAnimating is set while the previous tick animated.
	wasAnimating bool
	lastTick     time.Time // when the last animation frame was drawn
	wasFading    bool
	images       images
	// gate holds back presses that land just after the screen changed (the
	// second click of a double-click); shownScene and shownStage are what
	// it last saw.
	gate       press.Gate
	shownScene Scene
	shownStage int
	evBuf      []Event
}

// NewApp builds the game without opening a window: tests drive it directly.
func NewApp(opts Options) (*App, error) {
	fonts, err := LoadFonts()
	if err != nil {
		return nil, fmt.Errorf("load fonts: %w", err)
	}
	if opts.Packs == nil {
		opts.Packs = &pack.Set{}
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Seed == nil {
		opts.Seed = rand.Uint64
	}
	a := &App{opts: opts, input: opts.Input, fonts: fonts, w: 1280, h: 720, dirty: true, stats: opts.Stats, prefs: defaultPrefs(), images: images{}}
	if a.stats == nil {
		a.stats = &Stats{}
	}
	a.loadProfile(opts.Profile)
	a.scene = newTitle(a)
	if opts.Classroom {
		a.scene = newClassSetup(a)
	}
	return a, nil
}

// loadProfile reads (or starts) the named profile.
func (a *App) loadProfile(name string) {
	a.saveProblem, a.notice, a.saveBlocked = "", "", false
	if a.opts.Store == nil {
		a.profile = save.New(name)
		a.saveProblem = "no save folder: scores of this session will not be kept"
	} else {
		p, notice, err := a.opts.Store.Load(name)
		a.profile, a.notice = p, notice
		if err != nil {
			a.saveProblem = err.Error()
			// A file that could not be read is never overwritten.
			a.saveBlocked = true
			if !errors.Is(err, save.ErrNewer) {
				a.saveProblem += "; scores of this session will not be kept"
			}
		}
	}
	a.theme = themeFor(a.profile.Settings.Theme)
	a.prefs = prefsFrom(a.profile.Settings.Round) // the set-up remembers its last choices
}

// persist saves the profile, and reports trouble on screen instead of failing.
func (a *App) persist() {
	if a.opts.Store == nil || a.saveBlocked {
		if !a.toldNoSave {
			a.toldNoSave = true
			a.showToast("Scores will not be kept: the save folder cannot be used (the title screen says why)")
		}
		return
	}
	if err := a.opts.Store.Save(a.profile); err != nil {
		a.saveProblem = fmt.Sprintf("cannot save (%v): scores will not be kept", err)
		a.showToast("Scores will not be kept: the save folder cannot be written")
		return
	}
	a.saveProblem = ""
}

// Packs are the playable packs.
func (a *App) Packs() []*pack.Pack { return a.opts.Packs.Packs() }

// Profile is the player's profile.
func (a *App) Profile() *save.Profile { return a.profile }

// Scene is the current scene.
func (a *App) Scene() Scene { return a.scene }

// Size is the screen size in pixels.
func (a *App) Size() (float64, float64) { return a.w, a.h }

// SetSize changes the screen size (tests; Ebiten calls LayoutF).
func (a *App) SetSize(w, h float64) {
	if w != a.w || h != a.h {
		a.w, a.h = w, h
		a.dirty = true
	}
}

func (a *App) now() time.Time { return a.opts.Now() }

// goTo changes scene with a short fade (none with reduced motion).
func (a *App) goTo(s Scene) {
	a.scene = s
	a.dirty = true
	if !a.profile.Settings.ReducedMotion {
		a.fadeStart = a.now()
	}
}

const fadeTime = 180 * time.Millisecond

func (a *App) fading() bool {
	return !a.fadeStart.IsZero() && a.now().Sub(a.fadeStart) < fadeTime
}

func (a *App) showToast(s string) {
	a.toast, a.toastUntil = s, a.now().Add(4*time.Second)
	a.dirty = true
}

// unit is the spacing unit: 10 px at 1280x720, scaled with the window.
func (a *App) unit() float64 { return 10 * layout.Scale(a.w, a.h) }

// textFactors are the text-size settings.
var textFactors = []float64{1, 1.2, 1.4}

// TextSizeNames name the text-size settings.
var TextSizeNames = []string{"Normal", "Large", "Extra large"}

// setProjector switches the projector look (high contrast, extra-large
// text) on for a classroom game, without changing the player's settings;
// the title screen switches it off.
func (a *App) setProjector(on bool) {
	a.projector = on
	a.theme = themeFor(a.profile.Settings.Theme)
	if on {
		a.theme = Themes["contrast"]
	}
	a.dirty = true
}

func (a *App) textFactor() float64 {
	if a.projector {
		return textFactors[len(textFactors)-1]
	}
	i := a.profile.Settings.TextSize
	if i < 0 || i >= len(textFactors) {
		return 1
	}
	return textFactors[i]
}

// textSize is the body size times f, from the real window size.
func (a *App) textSize(f float64) float64 {
	return 22 * layout.Scale(a.w, a.h) * a.textFactor() * f
}

// minText is the smallest size text may shrink to when fitting a box.
func (a *App) minText() float64 { return max(11, 13*layout.Scale(a.w, a.h)) }

// Update is ebiten.Game's Update.
func (a *App) Update() error {
	start := time.Now()
	a.takeChanges()
	var evs []Event
	if a.input != nil {
		evs = a.input.Poll()
	}
	for _, ev := range evs {
		if ev.Kind == EvKey && ev.Key == KeyF11 {
			a.setFullscreen(!a.profile.Settings.Fullscreen)
		}
		if ev.Kind == EvKey && ev.Key == KeyF12 {
			a.shotWanted = true
		}
	}
	a.Step(evs)
	if a.toast != "" && a.now().After(a.toastUntil) {
		a.toast = ""
		a.dirty = true
	}
	// Something moves or waits to end (a timer, a fade, a toast). What
	// moves is drawn at the animation's pace, and only what moves: on a
	// software renderer (Xvfb, Mesa) a full redraw at every tick costs more
	// than a core. Ticks run at 60 a second whatever happens, so input is
	// read at once; a tick with nothing to draw draws nothing.
	moving := a.scene.Animating(a)
	anim := moving || a.fading() || a.toast != "" || a.shotWanted
	fading := a.fading()
	if a.wasAnimating && !anim || a.wasFading && !fading || a.shotWanted {
		a.dirty = true // the frame after an animation ends shows its final state
	}
	a.wasFading = fading
	pace := timerInterval
	if a.fading() || a.shotWanted {
		pace = frameInterval
	}
	if anim && time.Since(a.lastTick) >= pace-time.Millisecond {
		a.lastTick = time.Now()
		switch {
		case a.fading():
			a.dirty = true
		case moving:
			// A scene that cannot redraw its moving part alone (the
			// classroom) is drawn whole at the animation's pace.
			if _, ok := a.scene.(animator); ok {
				a.partial = true
			} else {
				a.dirty = true
			}
		}
	}
	a.wasAnimating = anim
	a.stats.addUpdate(time.Since(start))
	if a.quit {
		return ebiten.Termination
	}
	return nil
}

// takeChanges reloads the packs when a watched file changed and previews
// the last file changed.
func (a *App) takeChanges() {
	if a.opts.Changed == nil || a.opts.Reload == nil {
		return
	}
	name := ""
	for more := true; more; {
		select {
		case n := <-a.opts.Changed:
			name = n
		default:
			more = false
		}
	}
	if name == "" {
		return
	}
	before := a.opts.Packs
	a.opts.Packs = a.opts.Reload()
	for _, f := range a.opts.Packs.Files {
		if f.Name == name {
			a.goTo(newPreview(a, f, before))
			return
		}
	}
	a.showToast(name + " is gone or is no longer a pack file")
}

// Step hands events to the current scene. Tests call it directly.
// A tick without input on a still screen leaves the scene alone: idle
// ticks cost next to nothing.
//
// Presses in the first moments after the screen changed do not act
// (package press): a double-click answers one question, not two.
func (a *App) Step(evs []Event) {
	if len(evs) > 0 {
		a.dirty = true
	}
	if len(evs) == 0 && !a.dirty && !a.scene.Animating(a) {
		return
	}
	now := a.now()
	a.noteChange(now)
	kept := a.evBuf[:0]
	for _, ev := range evs {
		if ev.Kind == EvPress && !a.gate.Press(now) || ev.Kind == EvRelease && !a.gate.Release() {
			continue
		}
		kept = append(kept, ev)
	}
	a.evBuf = kept
	a.scene.Update(a, kept)
	a.noteChange(now)
}

// noteChange tells the gate when the scene or its stage changed.
func (a *App) noteChange(now time.Time) {
	stage := 0
	if st, ok := a.scene.(stager); ok {
		stage = st.stage()
	}
	if a.scene != a.shownScene || stage != a.shownStage {
		a.shownScene, a.shownStage = a.scene, stage
		a.gate.Changed(now)
	}
}

// Quit ends the game after this tick.
func (a *App) Quit() { a.quit = true }

// Quitting reports whether Quit was called.
func (a *App) Quitting() bool { return a.quit }

// frameInterval is the pace of a fade's frames; timerInterval that of a
// timer bar, which moves a few pixels a step: smooth to the eye, and
// cheap where every presented frame is rendered in software.
const (
	frameInterval = time.Second / 30
	timerInterval = time.Second / 10
)

func (a *App) setFullscreen(on bool) {
	a.profile.Settings.Fullscreen = on
	if ebitenRunning.Load() {
		ebiten.SetFullscreen(on)
	}
	a.dirty = true
}

// Draw is ebiten.Game's Draw. It draws only when something changed: the
// screen is not cleared between frames (SetScreenClearedEveryFrame(false)),
// so a still card costs nothing, and Ebiten stops presenting frames while
// none is drawn. This is Ebiten's examples/skipdraw pattern: the loop keeps
// its ticks, so every press and release is seen in the tick after it.
func (a *App) Draw(screen *ebiten.Image) {
	if !a.dirty {
		if an, ok := a.scene.(animator); ok && a.partial {
			a.partial = false
			start := time.Now()
			an.DrawMoving(a, screen)
			a.stats.addDraw(time.Since(start))
			return
		}
		a.stats.skipped++
		return
	}
	a.partial = false
	start := time.Now()
	a.Render(screen)
	a.dirty = false
	if a.shotWanted {
		a.shotWanted = false
		a.screenshot(screen)
	}
	a.stats.addDraw(time.Since(start))
}

// Render draws the current scene onto dst (sized like the screen).
func (a *App) Render(dst *ebiten.Image) {
	dst.Fill(a.theme.Background)
	a.scene.Draw(a, dst)
	if a.fading() {
		t := float64(a.now().Sub(a.fadeStart)) / float64(fadeTime)
		fillRect(dst, layout.Rect{W: a.w, H: a.h}, withAlpha(a.theme.Background, 1-t))
	}
	if a.toast != "" {
		u := a.unit()
		size := a.textSize(0.85)
		blk := layout.MakeBlock(a.toast, size, a.w*0.7, a.fonts.Measure)
		// At the top, over the header: buttons (the card's Next, the
		// results' row) sit at the bottom, and a toast must not cover them.
		r := layout.Rect{X: (a.w - blk.Width) / 2, Y: 1.5 * u, W: blk.Width, H: blk.Height}.Inset(-u)
		fillRound(dst, r, u*0.6, a.theme.Card)
		strokeRound(dst, r, u*0.6, max(1, u*0.2), a.theme.Accent)
		a.fonts.drawBlock(dst, blk, r.X+u, r.Y+u, false, a.theme.Text, Left)
	}
}

// screenshot writes the screen to a PNG in the screenshot folder.
func (a *App) screenshot(screen *ebiten.Image) {
	dir := a.opts.ScreenshotDir
	if dir == "" {
		home, _ := os.UserHomeDir()
		dir = picturesDir(os.Getenv, home, runtime.GOOS)
	}
	if dir == "" {
		dir = "."
	}
	name := filepath.Join(dir, "gutskin-"+a.now().Format("20060102-150405.000")+".png")
	if err := writePNG(screen, name); err != nil {
		a.showToast("Screenshot failed: " + err.Error())
		return
	}
	a.showToast("Screenshot saved: " + name)
}

func writePNG(img *ebiten.Image, name string) error {
	b := img.Bounds()
	rgba := image.NewRGBA(b)
	img.ReadPixels(rgba.Pix)
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := png.Encode(f, rgba); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// LayoutF is ebiten.LayoutFer: the screen has as many pixels as the window
// has device pixels, so text is drawn at its real size, never scaled.
func (a *App) LayoutF(w, h float64) (float64, float64) {
	s := ebiten.Monitor().DeviceScaleFactor()
	a.SetSize(w*s, h*s)
	return a.w, a.h
}

// Layout is required by ebiten.Game; LayoutF is used instead.
func (a *App) Layout(w, h int) (int, int) {
	x, y := a.LayoutF(float64(w), float64(h))
	return int(x), int(y)
}

var ebitenRunning atomic.Bool

// Run opens the window and plays until the player quits.
func Run(opts Options) error {
	a, err := NewApp(opts)
	if err != nil {
		return err
	}
	if a.input == nil {
		a.input = &deviceInput{scale: func() float64 { return ebiten.Monitor().DeviceScaleFactor() }}
	}
	size := opts.WindowSize
	if size == (image.Point{}) {
		size = image.Pt(1280, 720)
	}
	ebiten.SetWindowTitle("gutskin: the gut-skin axis quiz")
	var icons []image.Image
	for _, n := range assets.IconSizes {
		icons = append(icons, assets.Icon(n))
	}
	ebiten.SetWindowIcon(icons)
	ebiten.SetWindowSize(size.X, size.Y)
	ebiten.SetWindowSizeLimits(960, 540, -1, -1)
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	ebiten.SetScreenClearedEveryFrame(false)
	ebiten.SetFullscreen(a.profile.Settings.Fullscreen)
	ebitenRunning.Store(true)
	defer ebitenRunning.Store(false)
	// The window class names the game to the taskbar and window manager.
	err = ebiten.RunGameWithOptions(a, &ebiten.RunGameOptions{X11ClassName: "gutskin", X11InstanceName: "gutskin"})
	a.persist()
	return err
}

// Stats counts frames and times Update and Draw (the --stats flag).
type Stats struct {
	Updates, Draws, skipped int
	UpdateTime, DrawTime    time.Duration
	MaxUpdate, MaxDraw      time.Duration
	// Start is when the program started; FirstFrame is how long after it
	// the first frame was drawn.
	Start      time.Time
	FirstFrame time.Duration
}

func (s *Stats) addUpdate(d time.Duration) {
	s.Updates++
	s.UpdateTime += d
	s.MaxUpdate = max(s.MaxUpdate, d)
}

func (s *Stats) addDraw(d time.Duration) {
	if s.Draws == 0 && !s.Start.IsZero() {
		s.FirstFrame = time.Since(s.Start)
	}
	s.Draws++
	s.DrawTime += d
	s.MaxDraw = max(s.MaxDraw, d)
}

// Skipped is the number of Draw calls that had nothing to draw.
func (s *Stats) Skipped() int { return s.skipped }

func (s *Stats) String() string {
	avg := func(t time.Duration, n int) time.Duration {
		if n == 0 {
			return 0
		}
		return t / time.Duration(n)
	}
	return fmt.Sprintf("first frame %v after start; updates %d (mean %v, max %v); frames drawn %d (mean %v, max %v); frames skipped %d",
		s.FirstFrame.Round(time.Millisecond), s.Updates, avg(s.UpdateTime, s.Updates), s.MaxUpdate, s.Draws, avg(s.DrawTime, s.Draws), s.MaxDraw, s.skipped) + rssText(peakRSS())
}

// rssText is the peak resident memory for the stats line ("" when unknown).
func rssText(peak int64) string {
	if peak <= 0 {
		return ""
	}
	return fmt.Sprintf("; peak RSS %.0f MB", float64(peak)/(1<<20))
}
