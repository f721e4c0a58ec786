package pack

// Range is how many entries a list may hold, Min to Max inclusive.
type Range struct{ Min, Max int }

// Holds reports whether n lies in the range.
func (r Range) Holds(n int) bool { return n >= r.Min && n <= r.Max }

// LimitTable is every bound a pack must keep. Text limits are in characters:
// they keep every text inside its card and keep hostile packs from making
// the layout code work on megabytes of text.
type LimitTable struct {
	// Choices is per type: single, multi (true/false always has two).
	Choices     map[Type]Range
	Steps       Range // an order question's steps
	Pairs       Range // a match question's pairs
	Distractors int   // a match question's extra right-hand options
	Difficulty  Range
	TimeLimit   Range // seconds

	ID, Title, Mechanism, Prompt, Explanation, Choice, Rationale, Misconception int
	PairSide, Step, Citation, Finding                                           int
	Short                                                                       int // version, language, licence, author, unit, tag, design
	Tags, Authors                                                               int // entries
}

// Limits is the one table of limits: the validator enforces it, and the
// fuzz invariants, the converters and the guide's test read it.
var Limits = LimitTable{
	Choices:     map[Type]Range{Single: {2, 6}, Multi: {2, 8}},
	Steps:       Range{3, 7},
	Pairs:       Range{3, 6},
	Distractors: 3,
	Difficulty:  Range{1, 3},
	TimeLimit:   Range{5, 600},

	ID: 64, Title: 100, Mechanism: 1200, Prompt: 400, Explanation: 700, Choice: 160, Rationale: 400, Misconception: 100,
	PairSide: 100, Step: 120, Citation: 400, Finding: 220,
	Short: 100,
	Tags:  20, Authors: 50,
}
