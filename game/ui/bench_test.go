package ui

import (
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/quiz"
)

// benchScenes are the screens the per-frame benchmarks run on: the title
// and the first shipped question's card, at 1280x720.
var benchScenes = []struct {
	name string
	open func(b *testing.B, a *App)
}{
	{"title", func(b *testing.B, a *App) { a.scene = newTitle(a) }},
	{"card", func(b *testing.B, a *App) { itemScene(b, a, allKeys(b)[0], quiz.Accuracy) }},
}

// BenchmarkIdleUpdate is one tick with no input: what the game pays 60
// times a second while the player reads.
func BenchmarkIdleUpdate(b *testing.B) {
	for _, sc := range benchScenes {
		b.Run(sc.name, func(b *testing.B) {
			a, _, _ := testApp(b, 1280, 720)
			sc.open(b, a)
			a.Update()
			b.ReportAllocs()
			for b.Loop() {
				a.Update()
			}
		})
	}
}

// BenchmarkDraw is the CPU side of one whole frame (the commands are
// queued here and flushed by the game loop running beside the tests): what
// a change on screen costs.
func BenchmarkDraw(b *testing.B) {
	if !haveGL {
		b.Skip("no display: install Xvfb to run the rendering benchmarks")
	}
	for _, sc := range benchScenes {
		b.Run(sc.name, func(b *testing.B) {
			a, _, _ := testApp(b, 1280, 720)
			sc.open(b, a)
			screen := ebiten.NewImage(1280, 720)
			defer screen.Deallocate()
			b.ReportAllocs()
			for b.Loop() {
				a.Render(screen)
			}
		})
	}
}
