package pack

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// largePack writes a pack of n questions in the style of an imported quiz:
// true/false questions with no explanation, no evidence level, no source
// and no checked date, so that each gets several warnings and no error.
// With rich set, each question is instead as long as a shipped one (about
// 1.8 KB: explanation, rationales, two sources with design and finding).
func largePack(n int, rich bool) string {
	var b strings.Builder
	b.WriteString("id = \"large\"\ntitle = \"Large\"\nmechanism = \"Many questions.\"\nversion = \"1.0.0\"\n" +
		"language = \"en\"\nauthors = [\"A\"]\nlicence = \"CC0\"\nlast_reviewed = 2026-12-01\n")
	for i := range n {
		if !rich {
			fmt.Fprintf(&b, "\n[[questions]]\nid = \"q%d\"\ntype = \"truefalse\"\nprompt = \"Statement number %d is true.\"\ndifficulty = 2\nanswer = true\n", i, i)
			continue
		}
		fmt.Fprintf(&b, "\n[[questions]]\nid = \"q%d\"\ntype = \"single\"\nprompt = %q\ndifficulty = 2\nevidence = \"human-studies\"\nchecked = 2026-12-01\nexplanation = %q\ntags = [\"a\", \"b\"]\n",
			i, fmt.Sprintf("Question %d: which of these statements about the study matches what it found?", i),
			strings.Repeat("An explanation of the mechanism with its evidence. ", 7))
		for range 2 {
			fmt.Fprintf(&b, "\n[[questions.sources]]\ncitation = %q\ndoi = \"10.1000/xyz%d\"\ndesign = \"cohort study\"\nfinding = %q\n",
				"Author A, Author B, et al. A title of a paper about a finding. J Invest Dermatol 2020;140(1):1-10.", i,
				"1,200 adults followed for 5 years; the exposure was linked with a 30% higher risk (HR 1.3).")
		}
		for c := range 4 {
			fmt.Fprintf(&b, "\n[[questions.choices]]\ntext = %q\ncorrect = %t\nrationale = %q\n",
				fmt.Sprintf("Choice %d, a statement of average length", c), c == 0,
				"Why this choice is right or wrong, in a sentence or two that the player reads.")
		}
	}
	return b.String()
}

// TestLargeWarningsOnlyPackIsPlayable: warnings never make a pack
// unplayable, however many there are; the cap limits what is listed, and
// every problem is still counted.
func TestLargeWarningsOnlyPackIsPlayable(t *testing.T) {
	src := largePack(1000, false)
	set := Load(Location{FS: fstest.MapFS{"large.toml": {Data: []byte(src)}}, Root: "."})
	f := set.Files[0]
	if !f.OK() {
		t.Fatalf("a pack of 1,000 questions with warnings only is not playable: %v", f.Diagnostics[:3])
	}
	if got := len(f.Pack.Questions); got != 1000 {
		t.Errorf("%d questions loaded, want 1000", got)
	}
	errs, warns := set.Count()
	// Each question lacks an explanation, an evidence level, a source and a
	// checked date, and has two rationale-less sides: 6 warnings.
	if errs != 0 || warns != 6000 {
		t.Errorf("counted %d errors and %d warnings, want 0 and 6000", errs, warns)
	}
	if len(f.Diagnostics) != MaxDiagnostics || f.Omitted != (Omitted{Warnings: 6000 - MaxDiagnostics}) {
		t.Errorf("%d listed, %+v omitted", len(f.Diagnostics), f.Omitted)
	}
	note, ok := f.OmittedNote()
	if want := "and 5500 more problems not shown (0 errors, 5500 warnings)"; !ok || !strings.HasSuffix(note, want) {
		t.Errorf("note %q, want it to end %q", note, want)
	}
	for _, d := range f.Diagnostics {
		if d.Severity == Error {
			t.Fatalf("an error in a warnings-only pack: %s", d)
		}
	}
}

// TestLargeRichPackFits: a 1,000-question pack written like the shipped
// ones fits under the size limit.
func TestLargeRichPackFits(t *testing.T) {
	src := largePack(1000, true)
	if len(src) > MaxFileSize {
		t.Fatalf("a 1,000-question pack is %d bytes, over the %d-byte limit", len(src), MaxFileSize)
	}
	f := ParseFile("large.toml", []byte(src), nil, ".", Options{})
	if f.Pack == nil || !f.OK() || len(f.Pack.Questions) != 1000 {
		t.Fatalf("not playable: %v", f.Diagnostics[:min(3, len(f.Diagnostics))])
	}
}

// BenchmarkParseLarge measures a pack of 1,000 questions as long as the
// shipped ones (about 2 MB).
func BenchmarkParseLarge(b *testing.B) {
	src := []byte(largePack(1000, true))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		ParseFile("large.toml", src, nil, ".", Options{})
	}
}

// TestShippedIsStrict: what a user pack is warned about (no design, no
// finding, no checked date) is an error in a pack shipped with the game.
func TestShippedIsStrict(t *testing.T) {
	data, err := os.ReadFile("testdata/bad/warnings-no-design-finding-checked.toml")
	if err != nil {
		t.Fatal(err)
	}
	user := ParseFile("p.toml", data, nil, ".", Options{})
	shipped := ParseFile("p.toml", data, nil, ".", Options{Shipped: true})
	if ue, uw := user.Count(); ue != 0 || uw != 3 || !user.OK() {
		t.Errorf("user pack: %d errors, %d warnings, want 0 and 3", ue, uw)
	}
	if se, sw := shipped.Count(); se != 3 || sw != 0 || shipped.OK() {
		t.Errorf("shipped pack: %d errors, %d warnings, want 3 and 0", se, sw)
	}
	for i := range shipped.Diagnostics {
		if u, s := user.Diagnostics[i], shipped.Diagnostics[i]; u.Message != s.Message || u.Line != s.Line {
			t.Errorf("the same problem reads differently: %s / %s", u, s)
		}
	}
}

func TestSourceBrief(t *testing.T) {
	tests := []struct {
		src  Source
		want string
	}{
		{Source{Design: RandomisedTrial, Finding: "303 overweight adults with psoriasis; diet and exercise for 20 weeks: median PASI -48% vs -25.5%, P = 0.02"},
			"Randomised trial, 303 overweight adults with psoriasis"},
		{Source{Design: NarrativeReview, Finding: "Review: gut bacteria ferment fibre into acetate"}, "Narrative review"},
		{Source{Design: Textbook, Finding: "Standard physiology: the HPA axis"}, "Textbook"},
		{Source{Design: MetaAnalysis, Finding: "A meta-analysis of 17 studies"}, "Meta-analysis"},
		{Source{Design: CohortStudy, Finding: "1,420 symptom-free relatives of people with Crohn's disease, followed for a median of 7.8 years in Canada and Israel"},
			"Cohort study, 1,420 symptom-free relatives of people with Crohn's disease…"},
		{Source{Design: AnimalStudy}, "Animal study"},
		{Source{Finding: "54 patients with a flare"}, "54 patients with a flare"},
		{Source{}, ""},
	}
	for _, tt := range tests {
		if got := tt.src.Brief(); got != tt.want {
			t.Errorf("%+v: Brief %q, want %q", tt.src, got, tt.want)
		}
	}
}

func TestSourceShort(t *testing.T) {
	tests := []struct{ citation, want string }{
		{"Turpin W, et al. Increased intestinal permeability is associated with later development of Crohn's disease. Gastroenterology 2020;159(6):2092-2100.e5.", "Turpin 2020"},
		{"Murphy K, Weaver C. Janeway's Immunobiology. 9th ed. Garland Science; 2016.", "Murphy 2016"},
		{"Stokes JH, Pillsbury DM. The effect on the skin of emotional and nervous states. Arch Derm Syphilol 1930.", "Stokes 1930"},
		{"A report without any year given in it", "A report without any…"},
	}
	for _, tt := range tests {
		if got := (Source{Citation: tt.citation}).Short(); got != tt.want {
			t.Errorf("%q: Short %q, want %q", tt.citation, got, tt.want)
		}
	}
}
