// Package layout is the text and card geometry shared by the game's drawing
// code and by `gutskin validate`: word wrapping against a measuring function,
// fitting text into a box by shrinking its size, and the rectangles of a
// question card at a given window size. It is pure Go; the measuring function
// comes from whoever owns the fonts.
package layout

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Measure returns the width in pixels of one line of text at a font size.
type Measure func(s string, size float64) float64

// Wrap breaks text into lines no wider than maxW at the given size. It breaks
// at spaces, keeps explicit newlines, and splits a word longer than a line
// (a URL, say) between characters. Leading and trailing spaces of lines are
// dropped.
func Wrap(text string, size, maxW float64, measure Measure) []string {
	lines, _ := wrapWidths(text, size, maxW, measure)
	return lines
}

// wrapWidths wraps text and also returns the width of each line.
func wrapWidths(text string, size, maxW float64, measure Measure) (lines []string, widths []float64) {
	for _, para := range strings.Split(text, "\n") {
		lines, widths = wrapPara(lines, widths, para, size, maxW, measure)
	}
	return lines, widths
}

func wrapPara(lines []string, widths []float64, para string, size, maxW float64, measure Measure) ([]string, []float64) {
	words := strings.FieldsFunc(para, unicode.IsSpace)
	if len(words) == 0 {
		return append(lines, ""), append(widths, 0)
	}
	// Lines are measured word by word (a line's width is its words' widths
	// plus its spaces'): the measuring function then sees each word once,
	// not every prefix of every line, which keeps font caches small.
	space := measure(" ", size)
	line, lineW := "", 0.0
	for _, w := range words {
		ww := measure(w, size)
		if line != "" && lineW+space+ww <= maxW {
			line, lineW = line+" "+w, lineW+space+ww
			continue
		}
		if line == "" && ww <= maxW {
			line, lineW = w, ww
			continue
		}
		if line != "" {
			lines, widths = append(lines, line), append(widths, lineW)
			line, lineW = "", 0
		}
		// The word alone is too wide: split it between characters.
		for ww > maxW {
			cut := splitPoint(w, size, maxW, measure)
			if cut == len(w) { // one character wider than the line: keep it
				break
			}
			lines, widths = append(lines, w[:cut]), append(widths, measure(w[:cut], size))
			w = w[cut:]
			ww = measure(w, size)
		}
		line, lineW = w, ww
	}
	return append(lines, line), append(widths, lineW)
}

// splitPoint finds the longest prefix of w (at least one character) that
// fits maxW, by binary search over character boundaries.
func splitPoint(w string, size, maxW float64, measure Measure) int {
	idx := make([]int, 0, len(w))
	for i := range w {
		if i > 0 {
			idx = append(idx, i)
		}
	}
	idx = append(idx, len(w))
	lo, hi := 0, len(idx)-1 // idx[lo] always acceptable as the minimum cut
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if measure(w[:idx[mid]], size) <= maxW {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return idx[lo]
}

// Block is text wrapped at a size, ready to draw.
type Block struct {
	Lines      []string
	Size       float64 // font size in pixels
	LineHeight float64
	Width      float64 // widest line
	Height     float64 // len(Lines) * LineHeight
}

// LineHeightFactor is the line height as a multiple of the font size.
const LineHeightFactor = 1.3

// Fit wraps text into a box of maxW x maxH, starting at size and shrinking
// by steps of 2 px down to minSize. It returns the first block that fits and
// true, or the block at minSize and false when even that overflows.
func Fit(text string, size, minSize, maxW, maxH float64, measure Measure) (Block, bool) {
	for s := size; ; s -= 2 {
		if s < minSize {
			s = minSize
		}
		b := MakeBlock(text, s, maxW, measure)
		if b.Height <= maxH && b.Width <= maxW {
			return b, true
		}
		if s <= minSize {
			return b, false
		}
	}
}

// MakeBlock wraps text at one size.
func MakeBlock(text string, size, maxW float64, measure Measure) Block {
	b := Block{Size: size, LineHeight: size * LineHeightFactor}
	var widths []float64
	b.Lines, widths = wrapWidths(text, size, maxW, measure)
	for _, w := range widths {
		b.Width = max(b.Width, w)
	}
	b.Height = float64(len(b.Lines)) * b.LineHeight
	return b
}

// Truncate shortens one line to fit maxW, ending it with an ellipsis.
func Truncate(s string, size, maxW float64, measure Measure) string {
	if measure(s, size) <= maxW {
		return s
	}
	for len(s) > 0 {
		_, n := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-n]
		if measure(s+"…", size) <= maxW {
			return s + "…"
		}
	}
	return ""
}

// FitLine sets one line in maxW: at size if it fits, else at the largest
// size down to minSize (by 1 px) at which it fits, and only if even minSize
// is too wide, cut short with an ellipsis at minSize.
func FitLine(s string, size, minSize, maxW float64, measure Measure) (string, float64) {
	for sz := size; sz > minSize; sz-- {
		if measure(s, sz) <= maxW {
			return s, sz
		}
	}
	return Truncate(s, minSize, maxW, measure), minSize
}

// Rect is an axis-aligned rectangle in pixels.
type Rect struct{ X, Y, W, H float64 }

// Contains reports whether the point lies inside the rectangle.
func (r Rect) Contains(x, y float64) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// Inset shrinks the rectangle by d on every side.
func (r Rect) Inset(d float64) Rect {
	return Rect{r.X + d, r.Y + d, max(0, r.W-2*d), max(0, r.H-2*d)}
}

// Inside reports whether o lies entirely within r.
func (r Rect) Inside(o Rect) bool {
	return o.X >= r.X-0.5 && o.Y >= r.Y-0.5 && o.X+o.W <= r.X+r.W+0.5 && o.Y+o.H <= r.Y+r.H+0.5
}

// SplitV cuts a rectangle into a top part of height h (plus gap) and the rest.
func (r Rect) SplitV(h, gap float64) (top, rest Rect) {
	h = min(h, r.H)
	return Rect{r.X, r.Y, r.W, h}, Rect{r.X, r.Y + h + gap, r.W, max(0, r.H-h-gap)}
}

// Grid lays out n cells in cols columns inside r, with gap between them.
func Grid(r Rect, n, cols int, gap float64) []Rect {
	if n <= 0 {
		return nil
	}
	cols = max(1, min(cols, n))
	rows := (n + cols - 1) / cols
	w := (r.W - gap*float64(cols-1)) / float64(cols)
	h := (r.H - gap*float64(rows-1)) / float64(rows)
	out := make([]Rect, n)
	for i := range n {
		c, row := i%cols, i/cols
		out[i] = Rect{r.X + float64(c)*(w+gap), r.Y + float64(row)*(h+gap), w, h}
	}
	return out
}

// Scale is the size factor of a window relative to the 1280x720 design
// size, from the smaller of the two ratios, so that everything fits at any
// aspect ratio.
func Scale(w, h float64) float64 {
	return min(w/1280, h/720)
}

// StackItem is one paragraph of a vertical stack of text.
type StackItem struct {
	Text    string
	Factor  float64 // size relative to the stack's base size
	Measure Measure // the face's measure (regular or bold)
	Gap     float64 // space after the item, in multiples of the base size
	Indent  float64 // left indent in pixels (an icon's room)
}

// FitStack wraps every item at the largest base size, from base down to
// minSize by 2 px, at which the whole stack fits maxW x maxH; no item is set
// below minSize. It returns the blocks, the top of each block relative to
// the stack's top, the total height and whether they fit (when false, the
// blocks are those at minSize).
//
// The sizes tried go down by 2 px, and the size between the last that
// failed and the first that fits is tried too: the result is within 1 px
// of the largest that fits, whatever the base, so a larger base never ends
// smaller than a smaller one.
func FitStack(items []StackItem, base, minSize, maxW, maxH float64) (blocks []Block, tops []float64, total float64, ok bool) {
	blocks = make([]Block, len(items))
	tops = make([]float64, len(items))
	try := func(s float64) bool {
		total = 0
		wide := false
		for i, it := range items {
			size := max(minSize, s*it.Factor)
			blocks[i] = MakeBlock(it.Text, size, maxW-it.Indent, it.Measure)
			wide = wide || blocks[i].Width > maxW-it.Indent
			tops[i] = total
			total += blocks[i].Height
			if i < len(items)-1 {
				total += it.Gap * s
			}
		}
		return total <= maxH && !wide
	}
	for s := base; ; s -= 2 {
		s = max(s, minSize)
		if try(s) {
			if s < base && s+1 < base && try(s+1) {
				return blocks, tops, total, true
			}
			try(s)
			return blocks, tops, total, true
		}
		if s <= minSize {
			return blocks, tops, total, false
		}
	}
}
