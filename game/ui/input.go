package ui

import (
	"unicode"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// Key is a key the game reacts to. Printable characters (digits, letters,
// the decimal point) arrive as Rune events instead.
type Key int

// The keys.
const (
	KeyNone Key = iota
	KeyEnter
	KeySpace
	KeyEscape
	KeyBackspace
	KeyUp
	KeyDown
	KeyLeft
	KeyRight
	KeyTab
	KeyPageUp
	KeyPageDown
	KeyHome
	KeyEnd
	KeyF11
	KeyF12
)

var keyNames = map[Key]string{KeyEnter: "Enter", KeySpace: "Space", KeyEscape: "Esc", KeyBackspace: "Backspace",
	KeyUp: "Up", KeyDown: "Down", KeyLeft: "Left", KeyRight: "Right", KeyTab: "Tab", KeyPageUp: "PageUp",
	KeyPageDown: "PageDown", KeyHome: "Home", KeyEnd: "End", KeyF11: "F11", KeyF12: "F12"}

func (k Key) String() string { return keyNames[k] }

// EventKind says what an Event is.
type EventKind int

// The event kinds. A click is a Press followed by a Release; touch and mouse
// give the same events.
const (
	EvKey EventKind = iota
	EvRune
	EvPress
	EvRelease
	EvMove
	EvWheel
)

// Event is one input event, in screen pixels. Scenes read events, never
// devices, so tests and the monkey test drive them with scripted events.
type Event struct {
	Kind  EventKind
	Key   Key
	Shift bool
	Rune  rune
	X, Y  float64
	DY    float64 // wheel: positive scrolls up
}

// Key events and the like, for scripts.

// KeyEvent is a key press.
func KeyEvent(k Key) Event { return Event{Kind: EvKey, Key: k} }

// RuneEvent is a typed character.
func RuneEvent(r rune) Event { return Event{Kind: EvRune, Rune: r} }

// Click is a press and release at one point.
func Click(x, y float64) []Event {
	return []Event{{Kind: EvMove, X: x, Y: y}, {Kind: EvPress, X: x, Y: y}, {Kind: EvRelease, X: x, Y: y}}
}

// Input is where the game's events come from, once per tick.
type Input interface {
	// Poll returns the events of this tick. The slice may be reused by the
	// next call.
	Poll() []Event
}

// deviceInput reads Ebiten's keyboard, mouse and touch state.
type deviceInput struct {
	events   []Event
	keys     []ebiten.Key
	runes    []rune
	touches  []ebiten.TouchID
	touchPos map[ebiten.TouchID][2]float64
	lastX    float64
	lastY    float64
	scale    func() float64 // device scale: events come in screen pixels
}

var keyMap = map[ebiten.Key]Key{
	ebiten.KeyEnter: KeyEnter, ebiten.KeyNumpadEnter: KeyEnter, ebiten.KeySpace: KeySpace,
	ebiten.KeyEscape: KeyEscape, ebiten.KeyBackspace: KeyBackspace, ebiten.KeyDelete: KeyBackspace,
	ebiten.KeyArrowUp: KeyUp, ebiten.KeyArrowDown: KeyDown, ebiten.KeyArrowLeft: KeyLeft, ebiten.KeyArrowRight: KeyRight,
	ebiten.KeyTab: KeyTab, ebiten.KeyPageUp: KeyPageUp, ebiten.KeyPageDown: KeyPageDown,
	ebiten.KeyHome: KeyHome, ebiten.KeyEnd: KeyEnd, ebiten.KeyF11: KeyF11, ebiten.KeyF12: KeyF12,
}

// repeatable keys repeat while held, as in a text field.
var repeatable = map[Key]bool{KeyUp: true, KeyDown: true, KeyLeft: true, KeyRight: true, KeyBackspace: true, KeyPageUp: true, KeyPageDown: true}

func (in *deviceInput) Poll() []Event {
	in.events = in.events[:0]
	s := in.scale()
	shift := ebiten.IsKeyPressed(ebiten.KeyShift)
	var keys []Event
	// Presses come from the just-pressed list, which keeps a tap whose key
	// was already released when this tick runs (frames are only made on
	// demand, so a quick tap often falls between two ticks).
	in.keys = inpututil.AppendJustPressedKeys(in.keys[:0])
	for _, k := range in.keys {
		if key, ok := keyMap[k]; ok {
			keys = append(keys, Event{Kind: EvKey, Key: key, Shift: shift})
		}
	}
	// Held arrows and Backspace repeat, as in a text field.
	in.keys = inpututil.AppendPressedKeys(in.keys[:0])
	for _, k := range in.keys {
		key, ok := keyMap[k]
		if !ok || !repeatable[key] {
			continue
		}
		if d := inpututil.KeyPressDuration(k); d >= 24 && (d-24)%4 == 0 {
			keys = append(keys, Event{Kind: EvKey, Key: key, Shift: shift})
		}
	}
	in.runes = ebiten.AppendInputChars(in.runes[:0])
	in.events = tickOrder(in.events, keys, in.runes)
	cx, cy := ebiten.CursorPositionF()
	cx, cy = cx*s, cy*s
	if cx != in.lastX || cy != in.lastY {
		in.lastX, in.lastY = cx, cy
		in.events = append(in.events, Event{Kind: EvMove, X: cx, Y: cy})
	}
	if inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft) {
		in.events = append(in.events, Event{Kind: EvPress, X: cx, Y: cy})
	}
	if inpututil.IsMouseButtonJustReleased(ebiten.MouseButtonLeft) {
		in.events = append(in.events, Event{Kind: EvRelease, X: cx, Y: cy})
	}
	if _, dy := ebiten.Wheel(); dy != 0 {
		in.events = append(in.events, Event{Kind: EvWheel, X: cx, Y: cy, DY: dy})
	}
	// Touch: a touch is a press, its movement a move, its end a release.
	if in.touchPos == nil {
		in.touchPos = map[ebiten.TouchID][2]float64{}
	}
	in.touches = inpututil.AppendJustPressedTouchIDs(in.touches[:0])
	for _, id := range in.touches {
		x, y := ebiten.TouchPositionF(id)
		x, y = x*s, y*s
		in.touchPos[id] = [2]float64{x, y}
		in.events = append(in.events, Event{Kind: EvMove, X: x, Y: y}, Event{Kind: EvPress, X: x, Y: y})
	}
	in.touches = ebiten.AppendTouchIDs(in.touches[:0])
	for _, id := range in.touches {
		x, y := ebiten.TouchPositionF(id)
		x, y = x*s, y*s
		if p := in.touchPos[id]; p[0] != x || p[1] != y {
			in.touchPos[id] = [2]float64{x, y}
			in.events = append(in.events, Event{Kind: EvMove, X: x, Y: y})
		}
	}
	in.touches = inpututil.AppendJustReleasedTouchIDs(in.touches[:0])
	for _, id := range in.touches {
		p := in.touchPos[id]
		delete(in.touchPos, id)
		in.events = append(in.events, Event{Kind: EvRelease, X: p[0], Y: p[1]})
	}
	return in.events
}

// tickOrder appends one tick's keys and typed characters in the order
// they were most likely typed, since Ebiten does not say: Backspace
// first (a name is cleared, then typed), then the characters in their own
// order (a space among them as a ' ' rune, so "Zoë Søren" keeps its
// space in place; the Space key still comes too, for scenes that act on
// it), then every other key (letters typed just before Enter belong to
// the name Enter ends).
func tickOrder(evs, keys []Event, runes []rune) []Event {
	for _, k := range keys {
		if k.Key == KeyBackspace {
			evs = append(evs, k)
		}
	}
	for _, r := range runes {
		if unicode.IsPrint(r) {
			evs = append(evs, Event{Kind: EvRune, Rune: r})
		}
	}
	for _, k := range keys {
		if k.Key != KeyBackspace {
			evs = append(evs, k)
		}
	}
	return evs
}

// Script is an Input that plays prepared events, one batch per tick. Tests
// and the monkey test drive the real game through it.
type Script struct {
	batches [][]Event
	// OnTick, if set, is called at every tick before the batch is taken; it
	// may Push more events (a test reacting to what the game shows).
	OnTick func(tick int)
	tick   int
}

// Push adds one tick's events at the end of the script.
func (s *Script) Push(evs ...Event) { s.batches = append(s.batches, evs) }

// Pending is the number of batches not yet played.
func (s *Script) Pending() int { return len(s.batches) }

// Poll returns the next batch.
func (s *Script) Poll() []Event {
	s.tick++
	if s.OnTick != nil {
		s.OnTick(s.tick)
	}
	if len(s.batches) == 0 {
		return nil
	}
	b := s.batches[0]
	s.batches = s.batches[1:]
	return b
}
