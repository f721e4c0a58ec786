package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gutskin/game/pack"
)

// TestWatchPreview: the author saves a pack while the game runs; the game
// reloads it and previews the question that changed, with its problems
// inline, and a broken save shows the errors without a card.
func TestWatchPreview(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile("../pack/testdata/good/full.toml")
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "img"), 0o755)
	png, _ := os.ReadFile("../pack/testdata/good/img/cells.png")
	os.WriteFile(filepath.Join(dir, "img", "cells.png"), png, 0o644)
	file := filepath.Join(dir, "mine.toml")
	os.WriteFile(file, good, 0o644)
	load := func() *pack.Set { return pack.Load(pack.Location{FS: os.DirFS(dir), Root: ".", Display: "packs"}) }
	changed := make(chan string, 4)
	a, err := NewApp(Options{Packs: load(), Changed: changed, Reload: load})
	if err != nil {
		t.Fatal(err)
	}
	a.profile.Settings.ReducedMotion = true

	// Edit the prompt of the match question and save.
	edited := strings.Replace(string(good), "Match nutrient and deficiency sign.", "Match each nutrient to its deficiency sign.", 1)
	os.WriteFile(file, []byte(edited), 0o644)
	changed <- "packs/mine.toml"
	a.Update()
	pv, ok := a.scene.(*previewScene)
	if !ok {
		t.Fatalf("no preview after a save: %T", a.scene)
	}
	if pv.q == nil || pv.q.ID != "match-one" || pv.play == nil || pv.play.item().Question.Prompt != "Match each nutrient to its deficiency sign." {
		t.Fatalf("preview shows %+v, want the edited match question", pv.q)
	}
	// The preview plays: answer, see the feedback, and it starts again.
	pv.play.layout(a)
	for _, ev := range keysFor(pv.play) {
		a.Step([]Event{ev})
	}
	if pv.play.phase != revealing || !pv.play.last.Correct {
		t.Fatalf("the previewed question cannot be answered")
	}
	a.Step([]Event{KeyEvent(KeyEnter)})
	if pv.play.phase != answering || len(a.profile.History) != 0 {
		t.Errorf("after the feedback the preview should restart without recording a round")
	}

	// A broken save: errors inline, no card.
	os.WriteFile(file, []byte(strings.Replace(edited, `type = "match"`, `type = "matching"`, 1)), 0o644)
	changed <- "packs/mine.toml"
	a.Update()
	pv = a.scene.(*previewScene)
	if pv.play != nil || pv.file.OK() {
		t.Fatal("a pack with errors is previewed as playable")
	}
	lines := strings.Join(pv.bannerLines(a), "\n")
	if !strings.Contains(lines, `packs/mine.toml:99:1: unknown question type "matching"`) {
		t.Errorf("the error is not shown inline:\n%s", lines)
	}
	// Fixed again: back to a card.
	os.WriteFile(file, []byte(edited), 0o644)
	changed <- "packs/mine.toml"
	a.Update()
	if pv = a.scene.(*previewScene); pv.play == nil {
		t.Error("the fixed pack is not previewed")
	}
	a.Step([]Event{KeyEvent(KeyEscape)})
	if _, ok := a.scene.(*packsScene); !ok {
		t.Errorf("Esc leaves the preview for %T, want the Packs screen", a.scene)
	}
}
