package ui

import (
	"gutskin/game/press"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gutskin/game/classroom"
	"gutskin/game/layout"
)

// TestLessonChooser prepares a lesson as a teacher would: filter, pick,
// reorder, preview (nothing saved), save, then play it in that order.
func TestLessonChooser(t *testing.T) {
	a, _, clk := testApp(t, 1280, 720)
	setup := newClassSetup(a)
	a.scene = setup
	setup.layout(a)
	x, y := findButton(t, &setup.btn, "lesson")
	a.Step(nil)
	clk.Advance(press.Settle) // a person acts after the screen settles
	a.Step(Click(x, y))
	ls, ok := a.scene.(*lessonScene)
	if !ok {
		t.Fatalf("the lesson button opened %T", a.scene)
	}
	ls.layout(a)
	x, y = findButton(t, &ls.btn, "filter:type") // choice questions only
	clk.Advance(press.Settle)                    // a person acts after the screen settles
	a.Step(Click(x, y))
	shown := ls.shown(a)
	if len(shown) < 3 || len(shown) >= len(ls.entries) {
		t.Fatalf("the type filter kept %d of %d", len(shown), len(ls.entries))
	}
	for _, e := range shown {
		if !slices.Contains(classroom.Types, e.q.Type) {
			t.Fatalf("the choice filter kept a %s question", e.q.Type)
		}
	}
	for _, e := range shown[:3] {
		x, y = findButton(t, &ls.btn, "q:"+e.key)
		a.Step(nil)
		clk.Advance(press.Settle) // a person acts after the screen settles
		a.Step(Click(x, y))
	}
	want := []string{shown[1].key, shown[0].key, shown[2].key}
	x, y = findButton(t, &ls.btn, "move:1:Up")
	a.Step(nil)
	clk.Advance(press.Settle) // a person acts after the screen settles
	a.Step(Click(x, y))
	if !slices.Equal(ls.picked, want) {
		t.Fatalf("picked %v, want %v", ls.picked, want)
	}
	// Words typed filter the list.
	word := strings.Fields(shown[0].q.Prompt)[0]
	a.Step(nil)
	clk.Advance(press.Settle) // a person acts after the screen settles
	a.Step(typed(word))
	for _, e := range ls.shown(a) {
		if !strings.Contains(strings.ToLower(e.q.Prompt), strings.ToLower(word)) {
			t.Errorf("the words %q kept %q", word, e.q.Prompt)
		}
	}
	// A preview shows the projector's question screen and comes back.
	ls.layout(a)
	x, y = findButton(t, &ls.btn, "preview:"+shown[0].key)
	a.Step(nil)
	clk.Advance(press.Settle) // a person acts after the screen settles
	a.Step(Click(x, y))
	p, ok := a.scene.(*classPlayScene)
	if !ok || p.g.Current().Key() != shown[0].key || p.g.Screen() != classroom.ShowQuestion {
		t.Fatalf("no preview: %T", a.scene)
	}
	a.Step(nil)
	clk.Advance(press.Settle) // a person acts after the screen settles
	a.Step([]Event{KeyEvent(KeyEscape)})
	if a.scene != ls {
		t.Fatalf("Esc in the preview led to %T", a.scene)
	}
	if _, err := os.Stat(a.classSavePath()); err == nil {
		t.Error("the preview saved a classroom game")
	}
	ls.title = "Y10 lesson 3"
	ls.layout(a)
	x, y = findButton(t, &ls.btn, "use")
	a.Step(nil)
	clk.Advance(press.Settle) // a person acts after the screen settles
	a.Step(Click(x, y))
	data, err := os.ReadFile(filepath.Join(a.lessonsDir(), "y10-lesson-3.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if l, diags := classroom.ParseLesson("l", data, a.Packs()); len(diags) > 0 || !slices.Equal(l.Questions, want) {
		t.Fatalf("the saved lesson: %v %v", l, diags)
	}
	if a.scene != setup || setup.lesson == nil {
		t.Fatalf("Play this lesson led to %T", a.scene)
	}
	setup.start(a)
	g, ok := a.scene.(*classPlayScene)
	if !ok {
		t.Fatalf("no game: %q", setup.message)
	}
	var keys []string
	for _, it := range g.g.Items() {
		keys = append(keys, it.Key())
	}
	if !slices.Equal(keys, want) {
		t.Errorf("played %v, want %v", keys, want)
	}
	// The next chooser lists the saved lesson.
	if n := newLesson(a, newClassSetup(a)); len(n.saved) != 1 || n.saved[0].lesson == nil {
		t.Errorf("saved lessons %+v", n.saved)
	}
}

// TestLessonChooserFits: every button of the chooser stays on screen and
// clear of the others, at every size, with a full lesson.
func TestLessonChooserFits(t *testing.T) {
	for _, sz := range sizes {
		a, _, _ := testApp(t, float64(sz.X), float64(sz.Y))
		os.MkdirAll(a.lessonsDir(), 0o755)
		os.WriteFile(filepath.Join(a.lessonsDir(), "broken.toml"), []byte("title = \"x\"\nquestions = [\"no/such\"]\n"), 0o644)
		ls := newLesson(a, newClassSetup(a))
		if !strings.Contains(ls.message, "broken.toml:2:") {
			t.Errorf("a broken lesson is not reported: %q", ls.message)
		}
		for _, e := range ls.entries[:12] {
			ls.toggle(e.key)
		}
		ls.layout(a)
		screen := layout.Rect{W: float64(sz.X), H: float64(sz.Y)}
		for i, b := range ls.btn.list {
			if !screen.Inside(b.r) {
				t.Errorf("%v: %s off screen", sz, b.id)
			}
			for _, o := range ls.btn.list[i+1:] {
				if overlap(b.r, o.r) {
					t.Errorf("%v: %s and %s overlap", sz, b.id, o.id)
				}
			}
		}
	}
}

func typed(s string) []Event {
	var evs []Event
	for _, r := range s {
		evs = append(evs, RuneEvent(r))
	}
	return evs
}
