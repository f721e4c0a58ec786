package questions_test

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"gutskin/game/pack"
	"gutskin/questions"
)

var update = flag.Bool("update", false, "rewrite REFERENCES.md from the packs")

func load(t *testing.T) *pack.Set {
	t.Helper()
	return pack.Load(pack.Location{FS: questions.FS, Root: ".", Display: "questions", Shipped: true})
}

// TestShippedPacksAreClean: the embedded packs load with no error and no
// warning.
func TestShippedPacksAreClean(t *testing.T) {
	set := load(t)
	for _, d := range set.Diagnostics() {
		t.Errorf("%s", d)
	}
	if len(set.Packs()) != len(set.Files) {
		t.Errorf("%d of %d packs playable", len(set.Packs()), len(set.Files))
	}
}

// TestShippedPackContent checks the counts and completeness the question
// banks promise: at least nine packs of at least 12 questions (120 in all),
// every difficulty in every pack, three types per pack, each type at least
// 8 times, and on every question an explanation of teaching length, a
// rationale per choice, a source with DOI or PMID and an evidence level.
func TestShippedPackContent(t *testing.T) {
	set := load(t)
	packs := set.Packs()
	if len(packs) < 9 {
		t.Errorf("%d packs, want at least 9", len(packs))
	}
	total := 0
	types := map[pack.Type]int{}
	for _, p := range packs {
		total += len(p.Questions)
		if len(p.Questions) < 12 {
			t.Errorf("%s: %d questions, want at least 12", p.ID, len(p.Questions))
		}
		if p.Licence == "" || p.LastReviewed == "" || len(strings.Fields(p.Mechanism)) < 30 {
			t.Errorf("%s: licence %q, reviewed %q, mechanism of %d words", p.ID, p.Licence, p.LastReviewed, len(strings.Fields(p.Mechanism)))
		}
		diff := map[int]int{}
		ptypes := map[pack.Type]bool{}
		for i := range p.Questions {
			q := &p.Questions[i]
			where := q.Key(p)
			diff[q.Difficulty]++
			ptypes[q.Type] = true
			types[q.Type]++
			if n := len(strings.Fields(q.Explanation)); n < 25 || n > 70 {
				t.Errorf("%s: explanation of %d words, want 25-70", where, n)
			}
			if q.Evidence == pack.NoEvidence {
				t.Errorf("%s: no evidence level", where)
			}
			hasID := false
			for _, s := range q.Sources {
				hasID = hasID || s.DOI != "" || s.PMID != ""
			}
			if !hasID {
				t.Errorf("%s: no source with a DOI or PMID", where)
			}
			for _, c := range q.Choices {
				if c.Rationale == "" {
					t.Errorf("%s: choice %q has no rationale", where, c.Text)
				}
			}
		}
		for d := 1; d <= 3; d++ {
			if diff[d] == 0 {
				t.Errorf("%s: no question of difficulty %d", p.ID, d)
			}
		}
		if len(ptypes) < 3 {
			t.Errorf("%s: %d question types, want at least 3", p.ID, len(ptypes))
		}
	}
	if total < 120 {
		t.Errorf("%d questions in all, want at least 120", total)
	}
	for _, typ := range pack.Types {
		if types[typ] < 8 {
			t.Errorf("type %s used %d times, want at least 8", typ, types[typ])
		}
	}
	t.Logf("%d packs, %d questions, types %v", len(packs), total, types)
}

// unverified are identifiers the fact sheet marks "to verify": they must
// not be printed until someone has checked them. (Ajamian 2019's DOI,
// 10.1371/journal.pone.0210728, was checked on 2026-12-02 by two reviewers
// against the PLOS page and PubMed 30640940, and is printed.)
var unverified = map[string]string{
	"10.1038/nri2515":                       "Round & Mazmanian 2009",
	"10.1146/annurev.nutr.25.050304.092614": "Harrison 2005",
	"10.1111/j.1365-4632.2004.01959.x":      "Hegyi 2004",
	"10.1016/j.jaad.2004.08.007":            "Adebamowo 2005",
	"10.1111/jdv.12496":                     "Panduru 2015",
}

func TestNoUnverifiedIdentifiers(t *testing.T) {
	for _, p := range load(t).Packs() {
		for i := range p.Questions {
			for _, s := range p.Questions[i].Sources {
				if who, bad := unverified[strings.ToLower(s.DOI)]; bad {
					t.Errorf("%s cites %s with its unverified DOI %s", p.Questions[i].Key(p), who, s.DOI)
				}
				if strings.Contains(s.Citation, "Stokes") && (s.DOI != "" || s.PMID != "") {
					t.Errorf("%s prints an identifier for Stokes & Pillsbury 1930", p.Questions[i].Key(p))
				}
			}
		}
	}
}

// work is one cited work: its identifiers, its fullest citation and who
// cites it.
type work struct {
	doi, pmid, citation string
	citedBy             []string
	// designs and findings as the citing questions give them, each once.
	designs  []string
	findings []string
}

func (w *work) note(s pack.Source) {
	if d := s.Design.Label(); d != "" && !slices.Contains(w.designs, d) {
		w.designs = append(w.designs, d)
	}
	if s.Finding != "" && !slices.Contains(w.findings, s.Finding) {
		w.findings = append(w.findings, s.Finding)
	}
}

func (w *work) key() string {
	switch {
	case w.doi != "":
		return "doi:" + strings.ToLower(w.doi)
	case w.pmid != "":
		return "pmid:" + w.pmid
	}
	return "text:" + w.citation
}

func works(set *pack.Set) []*work {
	byKey := map[string]*work{}
	var out []*work
	for _, p := range set.Packs() {
		for i := range p.Questions {
			for _, s := range p.Questions[i].Sources {
				w := &work{doi: s.DOI, pmid: s.PMID, citation: s.Citation}
				if old, ok := byKey[w.key()]; ok {
					if len(s.Citation) > len(old.citation) {
						old.citation = s.Citation
					}
					if old.pmid == "" {
						old.pmid = s.PMID
					}
					old.citedBy = append(old.citedBy, p.Questions[i].Key(p))
					old.note(s)
					continue
				}
				w.citedBy = []string{p.Questions[i].Key(p)}
				w.note(s)
				byKey[w.key()] = w
				out = append(out, w)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].citation) < strings.ToLower(out[j].citation) })
	return out
}

func references(set *pack.Set) string {
	var b strings.Builder
	ws := works(set)
	fmt.Fprintf(&b, "# References\n\nEvery work cited by the question packs shipped with gutskin, once, with the questions that cite it.\n"+
		"This file is generated from the packs: `go test ./questions -run TestReferences -update`.\n\n")
	for _, w := range ws {
		ids := []string{}
		if w.doi != "" {
			ids = append(ids, "DOI: ["+w.doi+"](https://doi.org/"+w.doi+")")
		}
		if w.pmid != "" {
			ids = append(ids, "PMID: ["+w.pmid+"](https://pubmed.ncbi.nlm.nih.gov/"+w.pmid+"/)")
		}
		fmt.Fprintf(&b, "- %s %s  \n", w.citation, strings.Join(ids, " · "))
		if len(w.designs) > 0 {
			fmt.Fprintf(&b, "  %s: %s  \n", strings.Join(w.designs, " / "), strings.Join(w.findings, " · "))
		}
		fmt.Fprintf(&b, "  Cited by: %s\n", strings.Join(w.citedBy, ", "))
	}
	fmt.Fprintf(&b, "\n%d works.\n", len(ws))
	return b.String()
}

// TestReferences keeps questions/REFERENCES.md equal to the list of every
// cited work, each once.
func TestReferences(t *testing.T) {
	want := references(load(t))
	if *update {
		if err := os.WriteFile("REFERENCES.md", []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile("REFERENCES.md")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("REFERENCES.md is out of date with the packs: run go test ./questions -run TestReferences -update")
	}
	for _, w := range works(load(t)) {
		if w.doi != "" && strings.Count(strings.ToLower(string(got)), "doi: ["+strings.ToLower(w.doi)+"]") != 1 {
			t.Errorf("%s is not listed exactly once", w.doi)
		}
	}
}

// TestGuideExamples puts the TOML examples of README.md one after the other:
// they must make a valid pack, so the guide never teaches a broken format.
func TestGuideExamples(t *testing.T) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	var doc strings.Builder
	blocks := 0
	in := false
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case strings.HasPrefix(line, "```toml"):
			in = true
			blocks++
		case in && strings.HasPrefix(line, "```"):
			in = false
			doc.WriteString("\n")
		case in:
			doc.WriteString(line + "\n")
		}
	}
	if blocks < 7 {
		t.Fatalf("the guide has %d TOML examples, want the pack and the six types", blocks)
	}
	p, diags := pack.Parse("README.md examples", []byte(doc.String()), nil, ".")
	for _, d := range diags {
		if d.Severity == pack.Error {
			t.Errorf("%s", d)
		}
	}
	seen := map[pack.Type]bool{}
	if p != nil {
		for _, q := range p.Questions {
			seen[q.Type] = true
		}
	}
	if len(seen) != len(pack.Types) {
		t.Errorf("the guide shows %d of the %d question types", len(seen), len(pack.Types))
	}
}

// TestGuideStatesTheLimits: the guide's numbers are the validator's, read
// from the one table of limits.
func TestGuideStatesTheLimits(t *testing.T) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	guide := strings.Join(strings.Fields(string(data)), " ") // as a reader sees it, whatever the line breaks
	l := pack.Limits
	for _, want := range []string{
		fmt.Sprintf("among %d-%d choices", l.Choices[pack.Single].Min, l.Choices[pack.Single].Max),
		fmt.Sprintf("among %d-%d choices", l.Choices[pack.Multi].Min, l.Choices[pack.Multi].Max),
		fmt.Sprintf("put %d-%d steps", l.Steps.Min, l.Steps.Max),
		fmt.Sprintf("join %d-%d pairs", l.Pairs.Min, l.Pairs.Max),
		fmt.Sprintf("up to %d **distractors**", l.Distractors),
		fmt.Sprintf("the question, at most %d characters", l.Prompt),
		fmt.Sprintf("at most %d characters", l.Explanation),
		fmt.Sprintf("`text` (at most %d characters)", l.Choice),
		fmt.Sprintf("at most %d characters: who was studied", l.Finding),
		fmt.Sprintf("hyphens, at most %d)", l.ID),
		fmt.Sprintf("(both at most %d characters", l.PairSide),
		fmt.Sprintf("(%d-%d)", l.TimeLimit.Min, l.TimeLimit.Max),
		fmt.Sprintf("files over %d MiB", pack.MaxFileSize>>20),
		fmt.Sprintf("nested more than %d deep", pack.MaxNesting),
		fmt.Sprintf("At most %d problems are listed", pack.MaxDiagnostics),
	} {
		if !strings.Contains(guide, want) {
			t.Errorf("the guide does not say %q", want)
		}
	}
}
