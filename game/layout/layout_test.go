package layout

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// mono measures every character as size/2 pixels wide.
func mono(s string, size float64) float64 { return float64(utf8.RuneCountInString(s)) * size / 2 }

func TestWrap(t *testing.T) {
	tests := []struct {
		text string
		maxW float64
		want []string
	}{
		{"the quick brown fox", 50, []string{"the quick", "brown fox"}}, // 10 chars per line at size 10
		{"short", 50, []string{"short"}},
		{"a\nb c", 50, []string{"a", "b c"}},
		{"  spaced   out  ", 50, []string{"spaced out"}},
		{"abcdefghijklmnopqrstuvwxyz", 50, []string{"abcdefghij", "klmnopqrst", "uvwxyz"}},
		{"x doi.org/10.1000/abcdefghij", 50, []string{"x", "doi.org/10", ".1000/abcd", "efghij"}},
		{"", 50, []string{""}},
		{"ééééééééééé", 50, []string{"éééééééééé", "é"}},
	}
	for _, tt := range tests {
		got := Wrap(tt.text, 10, tt.maxW, mono)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Wrap(%q) = %q, want %q", tt.text, got, tt.want)
		}
		for _, l := range got {
			if mono(l, 10) > tt.maxW {
				t.Errorf("line %q is wider than %v", l, tt.maxW)
			}
		}
	}
	// A width below one character still terminates, one character a line.
	if got := Wrap("abc", 10, 1, mono); len(got) != 3 {
		t.Errorf("narrow wrap = %q", got)
	}
}

func TestFit(t *testing.T) {
	text := strings.Repeat("word ", 40) // 200 characters
	b, ok := Fit(text, 40, 10, 400, 200, mono)
	if !ok || b.Height > 200 || b.Width > 400 {
		t.Fatalf("Fit = %+v, %v", b, ok)
	}
	if b.Size >= 40 {
		t.Errorf("text that cannot fit at 40 px kept size %v", b.Size)
	}
	// The next size up must not fit, or Fit shrank too far.
	if bigger := MakeBlock(text, b.Size+2, 400, mono); bigger.Height <= 200 {
		t.Errorf("size %v would have fit too", b.Size+2)
	}
	if _, ok := Fit(strings.Repeat("word ", 4000), 40, 10, 400, 200, mono); ok {
		t.Errorf("a huge text reported as fitting")
	}
}

func TestTruncate(t *testing.T) {
	if got := Truncate("a long line of text", 10, 50, mono); got != "a long li…" {
		t.Errorf("Truncate = %q", got)
	}
	if got := Truncate("fits", 10, 50, mono); got != "fits" {
		t.Errorf("Truncate = %q", got)
	}
}

func TestGrid(t *testing.T) {
	r := Rect{0, 0, 100, 50}
	cells := Grid(r, 5, 2, 10)
	if len(cells) != 5 {
		t.Fatal(len(cells))
	}
	for _, c := range cells {
		if !r.Inside(c) {
			t.Errorf("cell %+v outside %+v", c, r)
		}
	}
	if cells[1].X != 55 || cells[2].Y <= cells[0].Y {
		t.Errorf("cells %+v", cells)
	}
}

func TestFitStack(t *testing.T) {
	items := []StackItem{
		{Text: "Right", Factor: 1.5, Measure: mono, Gap: 0.5},
		{Text: strings.Repeat("explanation ", 30), Factor: 1, Measure: mono, Gap: 0.5},
		{Text: "Source: somebody 2020", Factor: 0.8, Measure: mono, Indent: 20},
	}
	blocks, tops, total, ok := FitStack(items, 30, 8, 400, 300)
	if !ok || total > 300 || len(blocks) != 3 {
		t.Fatalf("FitStack: ok=%v total=%v", ok, total)
	}
	if tops[0] != 0 || tops[1] != blocks[0].Height+0.5*blocks[1].Size || tops[2]+blocks[2].Height != total {
		t.Errorf("tops %v, total %v", tops, total)
	}
	if blocks[0].Size != blocks[1].Size*1.5 {
		t.Errorf("factors not kept: %v vs %v", blocks[0].Size, blocks[1].Size)
	}
	for i, b := range blocks {
		if b.Width > 400-items[i].Indent {
			t.Errorf("block %d is %v wide", i, b.Width)
		}
	}
	if _, _, _, ok := FitStack(items, 30, 8, 40, 30); ok {
		t.Errorf("an impossible stack reported as fitting")
	}
}

func TestFitLine(t *testing.T) {
	// Every character is as wide as the size: "abcd" at 10 px is 40 px.
	measure := func(s string, size float64) float64 { return float64(len([]rune(s))) * size }
	tests := []struct {
		name     string
		s        string
		size     float64
		maxW     float64
		wantS    string
		wantSize float64
	}{
		{"fits at its size", "abcd", 10, 40, "abcd", 10},
		{"shrinks to fit", "abcd", 10, 32, "abcd", 8},
		{"stops at the smallest size and cuts", "abcdefgh", 10, 30, "abcde…", 5},
		{"the smallest size exactly", "abcdef", 10, 30, "abcdef", 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, size := FitLine(tt.s, tt.size, 5, tt.maxW, measure)
			if s != tt.wantS || size != tt.wantSize {
				t.Errorf("FitLine(%q, %v, 5, %v) = %q, %v; want %q, %v", tt.s, tt.size, tt.maxW, s, size, tt.wantS, tt.wantSize)
			}
		})
	}
}
