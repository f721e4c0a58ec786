package ui

import (
	"fmt"
	"image"
	"math"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"gutskin/game/classroom"
	"gutskin/game/layout"
	"gutskin/game/pack"
)

var barNames = []string{"The Magnificent Microbio", "Les Bactéries Joyeuses", "Zoë & Søren Andersen", "Équipe Noël du Lycée",
	"Team Five Fantastic", "Team Six Sensational", "Team Seven Stupendous", "Team Eight Extraordinary"}

// barReveals plays a classroom game with eight teams to the reveal of
// every choice question, the teams spread over the choices (one choice
// left unpicked when there are enough), and calls check at each reveal.
func barReveals(t *testing.T, a *App, projector bool, check func(p *classPlayScene, g *classroom.Game)) {
	t.Helper()
	g, err := classroom.New(classroom.Config{Teams: barNames, Packs: a.Packs(), Length: 10, Seed: 5, Projector: projector})
	if err != nil {
		t.Fatal(err)
	}
	p := newClassPlay(a, g)
	a.scene = p
	seen := 0
	for g.Screen() != classroom.ShowResults && seen < 4 {
		if g.Screen() != classroom.ShowQuestion {
			p.do(a, classroom.Intent{Kind: classroom.Advance})
			continue
		}
		it := g.Current()
		switch it.Question.Type {
		case pack.Single, pack.Multi, pack.TrueFalse:
		default:
			g.Do(classroom.Intent{Kind: classroom.Skip}, a.now())
			continue
		}
		n := len(it.ChoiceOrder)
		for team := range barNames {
			spread := max(1, n-1) // the last letter stays empty
			g.Do(classroom.Intent{Kind: classroom.Choose, Team: team, Choice: (team * team) % spread}, a.now())
		}
		p.do(a, classroom.Intent{Kind: classroom.Advance}) // lock: the reveal
		if g.Screen() != classroom.ShowReveal {
			t.Fatalf("screen %d after the lock", g.Screen())
		}
		check(p, g)
		seen++
	}
	if seen == 0 {
		t.Fatal("no choice question reached the reveal")
	}
}

// TestClassroomRevealBars: the reveal of a choice question has a bar per
// choice in display order, as long as its share of the teams, with the
// count at its end and the right choice marked in a word as well as in
// colour; bars and text stay in the card and never overlap, at every
// size in both looks with eight teams.
func TestClassroomRevealBars(t *testing.T) {
	for _, sz := range append(sizes, image.Pt(1024, 768)) {
		for _, projector := range []bool{false, true} {
			a, _, _ := testApp(t, float64(sz.X), float64(sz.Y))
			barReveals(t, a, projector, func(p *classPlayScene, g *classroom.Game) {
				where := fmt.Sprintf("%v projector %v, %s", sz, projector, g.Items()[g.Records()[len(g.Records())-1].Index].Question.ID)
				p.layout(a)
				box := p.card.Inset(2 * a.unit())
				plan := p.revealPlan(a, box)
				it := g.Items()[g.Records()[len(g.Records())-1].Index]
				if len(plan.bars) != len(it.ChoiceOrder) {
					t.Fatalf("%s: %d bars for %d choices", where, len(plan.bars), len(it.ChoiceOrder))
				}
				if !box.Inside(plan.barsBox) {
					t.Errorf("%s: the bars %+v leave the card %+v", where, plan.barsBox, box)
				}
				for _, l := range plan.text {
					bottom := l.y + l.block.Height
					if l.y < plan.barsBox.Y+plan.barsBox.H-0.5 && bottom > plan.barsBox.Y+0.5 {
						t.Errorf("%s: %q runs into the bars", where, l.block.Lines)
					}
					if bottom > box.Y+box.H+0.5 {
						t.Errorf("%s: %q ends below the card", where, l.block.Lines)
					}
				}
				counts := g.Reveal().Bars(it.ChoiceOrder)
				for k, r := range plan.bars {
					if r.bar != counts[k] || r.bar.Choice != it.ChoiceOrder[k] {
						t.Errorf("%s: bar %d is %+v, the engine counts %+v", where, k, r.bar, counts[k])
					}
					if want := r.track.W * r.bar.Fraction(); r.bar.Count > 0 && math.Abs(r.fill.W-max(r.track.H, want)) > 0.5 || r.bar.Count == 0 && r.fill.W != 0 {
						t.Errorf("%s: bar %d of %d teams is %.0f of %.0f", where, k, r.bar.Count, r.fill.W, r.track.W)
					}
					if r.label.x+r.label.w > r.track.X || r.letter.x+r.letter.w > r.label.x {
						t.Errorf("%s: bar %d's label %q runs into its track", where, k, r.label.text)
					}
					right := box.X + box.W + 0.5
					if r.count.x+r.count.w > right || r.word.x+r.word.w > right || r.count.text != fmt.Sprint(r.bar.Count) {
						t.Errorf("%s: bar %d's count %q or word leaves the card", where, k, r.count.text)
					}
					if r.word.text != "" && r.count.x+r.count.w > r.tick.X {
						t.Errorf("%s: bar %d's count runs into the tick", where, k)
					}
					if r.bar.Correct != (r.word.text == "right") || r.bar.Correct != (r.clr == a.theme.Right) || !r.bar.Correct && r.clr != a.theme.Wrong {
						t.Errorf("%s: bar %d (right %v) marked %q in %v", where, k, r.bar.Correct, r.word.text, r.clr)
					}
					if r.size < a.minText()-0.01 {
						t.Errorf("%s: bar %d's type %.1f is under the smallest size", where, k, r.size)
					}
				}
			})
		}
	}
}

// TestClassroomRevealBarsDrawn reads the bars back from the screen: a
// picked right choice's fill is in the Right colour, a wrong one's in the
// Wrong colour, and an unpicked choice shows its track and no fill.
func TestClassroomRevealBarsDrawn(t *testing.T) {
	needGL(t)
	for _, projector := range []bool{false, true} {
		a, _, _ := testApp(t, 1024, 768)
		screen := ebiten.NewImage(1024, 768)
		barReveals(t, a, projector, func(p *classPlayScene, g *classroom.Game) {
			frame(a, screen)
			img := readBack(screen)
			p.layout(a)
			plan := p.revealPlan(a, p.card.Inset(2*a.unit()))
			at := func(x, y float64) [3]uint8 {
				i := img.PixOffset(int(x), int(y))
				return [3]uint8{img.Pix[i], img.Pix[i+1], img.Pix[i+2]}
			}
			near := func(c [3]uint8, want [3]uint8) bool {
				for i := range c {
					if d := int(c[i]) - int(want[i]); d < -8 || d > 8 {
						return false
					}
				}
				return true
			}
			for k, r := range plan.bars {
				want := [3]uint8{r.clr.R, r.clr.G, r.clr.B}
				mid := r.track.Y + r.track.H/2
				if r.bar.Count > 0 && !near(at(r.fill.X+r.fill.W/2, mid), want) {
					t.Errorf("projector %v: bar %d (%d teams) is %v, not %v", projector, k, r.bar.Count, at(r.fill.X+r.fill.W/2, mid), want)
				}
				end := at(r.track.X+r.track.W-r.track.H, mid) // the track's end: filled only when every team picked it
				if r.bar.Count < r.bar.Of && (near(end, want) || near(end, [3]uint8{a.theme.Card.R, a.theme.Card.G, a.theme.Card.B})) {
					t.Errorf("projector %v: bar %d's empty track is not drawn (%v)", projector, k, end)
				}
				if r.word.text != "" && textPixels(img, layout.Rect{X: r.word.x, Y: r.textY, W: r.word.w, H: r.size * layout.LineHeightFactor}, [4]uint8{a.theme.Card.R, a.theme.Card.G, a.theme.Card.B}) == 0 {
					t.Errorf("projector %v: bar %d's word is not drawn", projector, k)
				}
			}
		})
	}
}
