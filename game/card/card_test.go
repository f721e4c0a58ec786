package card

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"gutskin/game/layout"
	"gutskin/game/pack"
	"gutskin/game/quiz"
)

// mono measures as a monospaced face would: each character half the size
// wide (bold a little wider), so the tests need no font.
func mono(f float64) layout.Measure {
	return func(s string, size float64) float64 { return f * 0.5 * size * float64(utf8.RuneCountInString(s)) }
}

// metrics are those of a window of w x h at text factor f, computed as
// the game computes them.
func metrics(w, h, f float64) Metrics {
	sc := layout.Scale(w, h)
	return Metrics{W: w, H: h, Unit: 10 * sc, Body: 22 * sc * f, Min: max(11, 13*sc), Factor: f, Regular: mono(1), Bold: mono(1.1)}
}

func choices(texts ...string) []pack.Choice {
	out := make([]pack.Choice, len(texts))
	for i, t := range texts {
		out[i] = pack.Choice{Text: t, Correct: i == 0}
	}
	return out
}

func TestSlotsCarryPackKeys(t *testing.T) {
	single := &pack.Question{Type: pack.Single, Prompt: "p", Choices: choices("a", "b", "c", "d")}
	order := &pack.Question{Type: pack.Order, Prompt: "p", Steps: []string{"s0", "s1", "s2"}}
	match := &pack.Question{Type: pack.Match, Prompt: "p", Pairs: []pack.Pair{{Left: "l0", Right: "r0"}, {Left: "l1", Right: "r1"}}, Distractors: []string{"d0"}}
	est := &pack.Question{Type: pack.Estimate, Prompt: "p", Estimate: &pack.EstimateSpec{Min: 0, Max: 10}}
	tests := []struct {
		name string
		it   *quiz.Item
		view View
		want []string // "Name=Key" of every slot with a key or a button
	}{
		{"single", &quiz.Item{Question: single, ChoiceOrder: []int{2, 0, 3, 1}}, Answering,
			[]string{"prompt=prompt", "choice A=choices.2", "choice B=choices.0", "choice C=choices.3", "choice D=choices.1"}},
		{"order", &quiz.Item{Question: order, StepOrder: []int{2, 0, 1}}, Answering,
			[]string{"prompt=prompt", "confirm=", "step 1=steps.2", "up 1=", "down 1=", "step 2=steps.0", "up 2=", "down 2=", "step 3=steps.1", "up 3=", "down 3="}},
		{"match", &quiz.Item{Question: match, RightOrder: []int{2, 0, 1}}, Answering,
			[]string{"prompt=prompt", "confirm=", "left 1=pairs.0.left", "left 2=pairs.1.left", "right A=distractors.0", "right B=pairs.0.right", "right C=pairs.1.right"}},
		{"estimate", &quiz.Item{Question: est}, Answering, []string{"prompt=prompt", "confirm=", "value=", "slider="}},
		{"confidence", &quiz.Item{Question: single, ChoiceOrder: []int{0, 1, 2, 3}}, Confiding,
			[]string{"prompt=prompt", "confidence question=", "your answer=", "change=", "confidence 1=", "confidence 2=", "confidence 3="}},
	}
	for _, tt := range tests {
		p := Layout(tt.it, quiz.NewDraft(tt.it), tt.view, metrics(1280, 720, 1), 0, "a")
		var got []string
		for _, s := range p.Slots {
			got = append(got, s.Name+"="+s.Key)
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s:\n got %v\nwant %v", tt.name, got, tt.want)
		}
	}
}

// TestPairedMatchButtonsShowTheirPair: a made pair puts its second line on
// both buttons, and the fit of those buttons counts the second line.
func TestPairedMatchButtonsShowTheirPair(t *testing.T) {
	q := &pack.Question{Type: pack.Match, Prompt: "p", Pairs: []pack.Pair{{Left: "l0", Right: "r0"}, {Left: "l1", Right: "r1"}, {Left: "l2", Right: "r2"}}}
	it := &quiz.Item{Question: q, RightOrder: []int{1, 2, 0}}
	d := quiz.NewDraft(it)
	d.Pairs.TapLeft(0)
	d.Pairs.TapRight(2) // left 1 with pair 2's right side, shown second (B)
	p := Layout(it, d, Answering, metrics(1280, 720, 1), 0, "")
	subs := map[string]string{}
	for _, s := range p.Slots {
		if s.Sub != "" {
			subs[s.Name] = s.Sub
			if len(s.Fit.Blocks) != 2 || s.Fit.Height <= s.Fit.Blocks[0].Height {
				t.Errorf("%s: the second line is not in the fit: %+v", s.Name, s.Fit)
			}
		}
	}
	if fmt.Sprint(subs) != "map[left 1:→ B right B:← 1]" {
		t.Errorf("second lines %v", subs)
	}
}

// TestMisfitsAndCheck: text too long for its room is found, named by its
// pack key and reported at that key's line; short text is not.
func TestMisfitsAndCheck(t *testing.T) {
	long := strings.Repeat("word ", 120)
	mk := func(leftText, choiceText string) *pack.Pack {
		return &pack.Pack{ID: "p", File: "p.toml", Questions: []pack.Question{
			{ID: "m", Type: pack.Match, Difficulty: 1, Prompt: "Match them", Line: 10,
				Pairs: []pack.Pair{{Left: "short", Right: "a"}, {Left: leftText, Right: "b"}, {Left: "c", Right: "c"}},
				Pos:   map[string]pack.Position{"pairs.1.left": {Line: 14, Col: 1}}},
			{ID: "s", Type: pack.Single, Difficulty: 1, Prompt: "Pick one", Line: 20, Choices: choices("yes", choiceText),
				Pos: map[string]pack.Position{"choices.1": {Line: 23, Col: 1}}},
		}}
	}
	m := metrics(960, 540, 1)
	if got := Check([]*pack.Pack{mk("fine", "fine")}, m, "960x540"); len(got) != 0 {
		t.Errorf("short texts reported: %v", got)
	}
	got := Check([]*pack.Pack{mk(long, long)}, m, "960x540")
	want := []string{
		`p.toml:14:1: warning: question "m": the left side of pair 2 does not fit its card at 960x540 even at the smallest text size: shorten it`,
		`p.toml:23:1: warning: question "s": choice "word word word word word word word word…" does not fit its card at 960x540 even at the smallest text size: shorten it`,
	}
	var lines []string
	for _, d := range got {
		lines = append(lines, d.String())
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

// TestSlotsStayInTheCard at every supported size and text size, for cards
// of every type, every view.
func TestSlotsStayInTheCard(t *testing.T) {
	qs := []*quiz.Item{
		{Question: &pack.Question{Type: pack.Multi, Prompt: "p", Choices: choices("a", "b", "c", "d", "e", "f")}, ChoiceOrder: []int{0, 1, 2, 3, 4, 5}},
		{Question: &pack.Question{Type: pack.Order, Prompt: "p", Steps: []string{"a", "b", "c", "d", "e", "f", "g"}}, StepOrder: []int{6, 5, 4, 3, 2, 1, 0}},
		{Question: &pack.Question{Type: pack.Match, Prompt: "p", Image: "x.png", Pairs: []pack.Pair{{Left: "a", Right: "1"}, {Left: "b", Right: "2"}, {Left: "c", Right: "3"}}, Distractors: []string{"4", "5"}}, RightOrder: []int{4, 3, 2, 1, 0}},
	}
	for _, sz := range [][2]float64{{960, 540}, {1280, 720}, {3840, 2160}} {
		for _, f := range []float64{1, 1.2, 1.4} {
			for _, it := range qs {
				for _, v := range Views(it) {
					p := Layout(it, v.Draft, v.View, metrics(sz[0], sz[1], f), 0, quiz.Describe(it.Question, quiz.RightAnswer(it.Question)))
					for _, s := range p.Slots {
						if !p.Card.Inside(s.Box) {
							t.Errorf("%v x%.1f %s view %d: %s %+v leaves the card %+v", sz, f, it.Question.Type, v.View, s.Name, s.Box, p.Card)
						}
					}
					if mis := p.Misfits(); len(mis) > 0 {
						t.Errorf("%v x%.1f %s view %d: %s does not fit", sz, f, it.Question.Type, v.View, mis[0].Name)
					}
				}
			}
		}
	}
}

func TestFitButton(t *testing.T) {
	m := metrics(1280, 720, 1)
	r := layout.Rect{X: 0, Y: 0, W: 300, H: 60}
	plain := FitButton(r, Label{Text: "Label"}, m)
	tagged := FitButton(r, Label{Text: "Label", Hotkey: true}, m)
	iconed := FitButton(r, Label{Text: "Label", Hotkey: true, Icon: true}, m)
	if !(plain.Inner.W > tagged.Inner.W && tagged.Inner.W > iconed.Inner.W) || tagged.Tag.W == 0 || iconed.Icon.W == 0 {
		t.Errorf("room for text: plain %v, tagged %v, with icon %v", plain.Inner, tagged.Inner, iconed.Inner)
	}
	if !plain.Fits || plain.Blocks[0].Size != m.Body {
		t.Errorf("a short label shrank: %+v", plain.Blocks[0])
	}
	sub := FitButton(r, Label{Text: "Label", Sub: "second"}, m)
	if len(sub.Blocks) != 2 || sub.Blocks[1].Size >= sub.Blocks[0].Size || sub.Tops[1] < sub.Blocks[0].Height {
		t.Errorf("second line: %+v", sub)
	}
	tiny := FitButton(layout.Rect{W: 300, H: 20}, Label{Text: strings.Repeat("long words ", 20), Sub: "second"}, m)
	if tiny.Fits {
		t.Errorf("a paragraph fits a 20 px button: %+v", tiny)
	}
}
