// Package pack holds the question-pack format: the types a TOML pack decodes
// into, the loader that reads packs from any fs.FS, and the validator that
// reports every problem of a pack with its file, line and column.
//
// The package is pure Go: it never imports Ebiten, so the game, the validate
// command and the tests share it without a window.
package pack

import (
	"fmt"
	"io/fs"
)

// Type is the kind of a question: how it is asked and scored.
type Type string

// The question types.
const (
	Single    Type = "single"
	Multi     Type = "multi"
	TrueFalse Type = "truefalse"
	Order     Type = "order"
	Match     Type = "match"
	Estimate  Type = "estimate"
)

// Types lists every question type in the order the documentation gives them.
var Types = []Type{Single, Multi, TrueFalse, Order, Match, Estimate}

// Evidence is how strong the evidence behind a question is.
type Evidence string

// The evidence levels, from strongest to weakest support.
const (
	Established  Evidence = "established"
	HumanStudies Evidence = "human-studies"
	Early        Evidence = "early"
	Contested    Evidence = "contested"
	// NoEvidence marks a question whose pack gives no level (a warning).
	NoEvidence Evidence = ""
)

// EvidenceLevels lists the valid evidence levels.
var EvidenceLevels = []Evidence{Established, HumanStudies, Early, Contested}

// Label is the evidence level as a reader sees it on a badge.
func (e Evidence) Label() string {
	switch e {
	case Established:
		return "Established"
	case HumanStudies:
		return "Human studies"
	case Early:
		return "Early evidence"
	case Contested:
		return "Contested"
	}
	return "Evidence level not given"
}

// Pack is one validated question pack: one TOML file, one mechanism.
type Pack struct {
	ID           string
	Title        string
	Mechanism    string // one-paragraph summary shown in the game
	Version      string
	Language     string
	Authors      []string
	Licence      string
	LastReviewed string // YYYY-MM-DD
	Questions    []Question

	// File is the path the pack was loaded from, as given to the loader.
	File string
	// Dir is the folder of File inside the file system it came from; image
	// paths are relative to it.
	Dir string

	idPos Position // where the pack's id is written
	fsys  fs.FS    // where the pack was read from, for its images
}

// OpenImage opens a question's image from where the pack was loaded.
func (p *Pack) OpenImage(q *Question) (fs.File, error) {
	if q.Image == "" || p.fsys == nil {
		return nil, fs.ErrNotExist
	}
	full, err := ImagePath(p.Dir, q.Image)
	if err != nil {
		return nil, err
	}
	return p.fsys.Open(full)
}

// Question is one question of a pack.
type Question struct {
	ID          string
	Type        Type
	Prompt      string
	Difficulty  int // 1-3
	Explanation string
	Evidence    Evidence
	// Checked is the date (YYYY-MM-DD) the question's claims were last
	// checked against its sources, or "".
	Checked   string
	Sources   []Source
	Tags      []string
	Image     string // path relative to the pack's folder, or ""
	TimeLimit int    // seconds, 0 when the round's timer applies

	// Choices holds the options of single, multi and truefalse questions
	// (truefalse has exactly two: "True" then "False").
	Choices []Choice
	// Steps holds an order question's steps in the correct order.
	Steps []string
	// Pairs holds a match question's pairs; Left[i] matches Right[i].
	Pairs []Pair
	// Distractors are a match question's extra right-hand options, which
	// pair with nothing (Moodle's match distractors).
	Distractors []string
	// Estimate holds an estimate question's answer and slider.
	Estimate *EstimateSpec

	// Line is the line of the question's [[questions]] header.
	Line int
	// Pos gives where some keys are written, for messages about them:
	// "prompt", "explanation", "choices.N", "steps.N", "pairs.N.left",
	// "pairs.N.right" (N counts from 0; truefalse has "rationale_true" and
	// "rationale_false" instead of choices).
	Pos map[string]Position
}

// Position is a line and column in a pack file.
type Position struct{ Line, Col int }

// At returns where a key of the question is written, or its header.
func (q *Question) At(key string) Position {
	if p, ok := q.Pos[key]; ok {
		return p
	}
	return Position{Line: q.Line, Col: 1}
}

// Key is the question's global id, "pack/question".
func (q *Question) Key(p *Pack) string { return p.ID + "/" + q.ID }

// Rights is a match question's right-hand column: the pairs' right sides,
// then the distractors. Index j < len(Pairs) belongs to pair j.
func (q *Question) Rights() []string {
	out := make([]string, 0, len(q.Pairs)+len(q.Distractors))
	for _, p := range q.Pairs {
		out = append(out, p.Right)
	}
	return append(out, q.Distractors...)
}

// Correct reports the indexes of the correct choices.
func (q *Question) Correct() []int {
	var out []int
	for i, c := range q.Choices {
		if c.Correct {
			out = append(out, i)
		}
	}
	return out
}

// Choice is one option of a single, multi or truefalse question.
type Choice struct {
	Text          string
	Correct       bool
	Rationale     string
	Misconception string // on wrong choices only
}

// Pair is one pair of a match question.
type Pair struct {
	Left, Right string
	Rationale   string
}

// Source is a work a question cites.
type Source struct {
	Citation string
	DOI      string
	PMID     string
	URL      string
	// Design is what kind of study or work the source is.
	Design Design
	// Finding says, in at most Limits.Finding characters, who was studied, how
	// many, and the result with its number.
	Finding string
}

// Summary is the source's design and finding in one line, as the feedback
// card and the classroom reveal show it: "Randomised trial: 303 adults ...".
// It is "" when the source gives neither.
func (s Source) Summary() string {
	switch {
	case s.Design == "" && s.Finding == "":
		return ""
	case s.Design == "":
		return s.Finding
	case s.Finding == "":
		return s.Design.Label()
	}
	return s.Design.Label() + ": " + s.Finding
}

// Link is the best address of the source: its DOI, PubMed or URL.
func (s Source) Link() string {
	switch {
	case s.DOI != "":
		return "https://doi.org/" + s.DOI
	case s.PMID != "":
		return "https://pubmed.ncbi.nlm.nih.gov/" + s.PMID + "/"
	}
	return s.URL
}

// Scale is how an estimate's slider and closeness are measured.
type Scale string

// The estimate scales.
const (
	Linear Scale = "linear"
	Log    Scale = "log"
)

// EstimateSpec is the answer and slider of an estimate question.
type EstimateSpec struct {
	Answer    float64
	Min, Max  float64
	Unit      string
	Scale     Scale
	Tolerance float64 // linear: in the unit; log: a factor >= 1
	Step      float64 // slider step on a linear scale, 0 for free
}

// Severity tells an error, which makes a pack unplayable, from a warning.
type Severity int

// The severities.
const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem found in a pack, at a place in its file.
type Diagnostic struct {
	File     string
	Line     int // 1-based; 0 when the problem concerns the whole file
	Col      int // 1-based; 0 when unknown
	Severity Severity
	Message  string
}

// String renders the diagnostic in the style of go vet:
// "file:line:col: message", with "warning: " before a warning's message.
func (d Diagnostic) String() string {
	where := d.File
	if d.Line > 0 {
		where = fmt.Sprintf("%s:%d:%d", d.File, d.Line, max(d.Col, 1))
	}
	if d.Severity == Warning {
		return where + ": warning: " + d.Message
	}
	return where + ": " + d.Message
}
