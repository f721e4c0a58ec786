package classroom

import (
	"slices"
	"strings"
	"testing"
	"time"

	"gutskin/game/pack"
)

// TestLessonFile: a lesson is read back as written, played in its order
// and resumed in it; broken lessons are refused with a line and column.
func TestLessonFile(t *testing.T) {
	packs := []*pack.Pack{testPack(), orderPack()}
	want := &Lesson{Title: `Year 10 "gut and skin", lesson 3`, Questions: []string{"p/q3", "p/q0", "p/q4"}}
	got, diags := ParseLesson("l.toml", want.Encode(), packs)
	if len(diags) > 0 || got.Title != want.Title || !slices.Equal(got.Questions, want.Questions) {
		t.Fatalf("%+v %v", got, diags)
	}
	g, err := New(Config{Teams: []string{"A"}, Packs: packs, Questions: got.Questions, Length: 1, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, it := range g.Items() {
		keys = append(keys, it.Key())
	}
	if !slices.Equal(keys, want.Questions) {
		t.Errorf("played %v, not in the lesson's order %v", keys, want.Questions)
	}
	data, _ := g.Save(t0)
	if h, err := Resume(data, packs); err != nil || h.Len() != 3 || h.Items()[0].Key() != "p/q3" {
		t.Errorf("resumed lesson: %v", err)
	}
	if _, err := New(Config{Teams: []string{"A"}, Packs: packs, Questions: []string{"o/orda"}}); err == nil || !strings.Contains(err.Error(), "hot-seat") {
		t.Errorf("an order question with teacher entry: %v", err)
	}
	if g, err := New(Config{Teams: []string{"A"}, Packs: packs, Questions: []string{"o/orda", "p/q1"}, HotSeat: true, TimeLimit: time.Second}); err != nil || g.Len() != 2 {
		t.Errorf("hot-seat lesson: %v", err)
	}
	tests := []struct {
		name, file, want string
	}{
		{"syntax", "title = \"x\nquestions = []", "l.toml:1:"},
		{"unknown key", "title = \"x\"\nlength = 5\nquestions = [\"p/q1\"]", "l.toml:2:1: unknown key \"length\""},
		{"no title", "questions = [\"p/q1\"]", "no title"},
		{"empty", "title = \"x\"\nquestions = []", "l.toml:2:1: questions is empty"},
		{"unknown question", "title = \"x\"\nquestions = [\n  \"p/q1\",\n  \"p/nope\",\n]", "l.toml:4:3: no question \"p/nope\""},
		{"twice", "title = \"x\"\nquestions = [\"p/q1\", \"p/q1\"]", "listed twice"},
		{"not strings", "title = \"x\"\nquestions = [1, 2]", "is not a \"pack/question\" id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, diags := ParseLesson("l.toml", []byte(tt.file), packs)
			var all []string
			for _, d := range diags {
				all = append(all, d.String())
			}
			if l != nil || !strings.Contains(strings.Join(all, "\n"), tt.want) {
				t.Errorf("got %v (lesson %v), want %q", all, l, tt.want)
			}
		})
	}
}
