package convert

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gutskin/game/pack"
	"gutskin/questions"
)

var update = flag.Bool("update", false, "rewrite the golden files of the import tests")

// golden compares got with testdata/NAME, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./game/convert -update to write it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from what the import gives now (review, then -update):\n%s", path, diffLines(string(want), got))
	}
}

// diffLines shows the first lines that differ.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 8; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl + "\n")
			shown++
		}
	}
	return b.String()
}

func itoa(n int) string { return fmtInt(n) }

func fmtInt(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return fmtInt(n/10) + string(rune('0'+n%10))
}

// importGolden converts a fixture and checks the written pack and the
// reports against their golden files, and that the pack validates.
func importGolden(t *testing.T, fixture string, from func(string, []byte, Header) (*pack.Pack, []pack.Diagnostic)) *pack.Pack {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", fixture))
	if err != nil {
		t.Fatal(err)
	}
	p, diags := from(fixture, data, header)
	var rep strings.Builder
	for _, d := range diags {
		rep.WriteString(d.String() + "\n")
	}
	golden(t, fixture+".reports.golden", rep.String())
	if len(p.Questions) > 0 {
		golden(t, fixture+".toml.golden", string(p.TOML()))
		return validates(t, p)
	}
	return p
}

func TestImportFaults(t *testing.T) {
	p := importGolden(t, "faults.gift", FromGIFT)
	q := byID(p)
	if h := q["html-inherited"]; h == nil || h.Choices[0].Text != "East" || h.Choices[0].Rationale != "Yes, in the east & everywhere." ||
		h.Choices[1].Rationale != "It sets there. Think again." || h.Choices[2].Text != "North <b>literally</b>" {
		t.Errorf("html inheritance: %+v", h)
	}
	if l := q["html-lists"]; l == nil || l.Prompt != "Which are <fermented> foods? • one • two" || l.Choices[2].Text != "Rice cake" {
		t.Errorf("html lists: %+v", l)
	}
	if e := q["two-full-credit"]; e == nil || e.Type != pack.Multi || len(e.Correct()) != 2 {
		t.Errorf("two full-credit answers: %+v", e)
	}
	for _, gone := range []string{"seven-choices", "two-pairs", "repeated-right"} {
		if q[gone] != nil {
			t.Errorf("%s was written, though the pack format cannot hold it", gone)
		}
	}
	if q["good-after"] == nil {
		t.Error("the good question after the unholdable ones was lost")
	}
	if pi := q["pi"]; pi == nil || pi.Explanation != "Right: pi is 3.14159" {
		t.Errorf("numeric feedback: %+v", pi)
	}
}

func TestImportEncodings(t *testing.T) {
	p := importGolden(t, "faults-cp1252.gift", FromGIFT)
	if len(p.Questions) != 2 || p.Questions[0].Prompt != "Is a café a place for coffee?" || p.Questions[1].Prompt != "Naïve question?" {
		t.Errorf("Windows-1252 not transcoded: %+v", p.Questions)
	}
	data, _ := os.ReadFile("testdata/faults-utf16.gift")
	p, diags := FromGIFT("faults-utf16.gift", data, header)
	if len(p.Questions) != 0 || len(diags) != 1 || diags[0].Severity != pack.Error || diags[0].Line != 1 ||
		!strings.Contains(diags[0].Message, "neither UTF-8 nor Windows-1252") {
		t.Errorf("a UTF-16 file: %d questions, %v", len(p.Questions), diags)
	}
}

func TestImportMoodleXML(t *testing.T) {
	var files Files
	p := importGolden(t, "bank.xml", func(name string, data []byte, h Header) (*pack.Pack, []pack.Diagnostic) {
		p, f, d := FromMoodleXML(name, data, h)
		files = f
		return p, d
	})
	q := byID(p)
	check := func(id string, ok bool) {
		t.Helper()
		if !ok {
			t.Errorf("%s: %+v", id, q[id])
		}
	}
	b := q["barrier-proteins"]
	check("barrier-proteins", b != nil && b.Type == pack.Single && b.Choices[0].Text == "Claudins & occludin" && b.Choices[0].Correct &&
		!b.Choices[1].Correct && b.Choices[0].Rationale == "Right: tight junctions." && b.Explanation == "Tight junctions join the cells." &&
		b.Image == "imported-images/cells.png" && len(b.Tags) == 3 && b.Tags[2] == "Barrier")
	if len(files) != 1 || files["imported-images/cells.png"] == nil {
		t.Errorf("images written: %v", len(files))
	}
	f := q["fermented-foods"]
	check("fermented-foods", f != nil && f.Type == pack.Multi && len(f.Correct()) == 3 && !f.Choices[3].Correct && f.Explanation == "Fermentation uses microbes.")
	check("two-right", q["two-right"] != nil && q["two-right"].Type == pack.Multi && len(q["two-right"].Correct()) == 2)
	l := q["leaky-gut-diagnosis"]
	check("leaky-gut-diagnosis", l != nil && l.Type == pack.TrueFalse && l.Choices[1].Correct && l.Evidence == pack.Contested &&
		len(l.Sources) == 1 && l.Sources[0].DOI == "10.1136/gutjnl-2019-318427" && l.Explanation == "It is not a diagnosis.")
	n := q["nutrients"]
	check("nutrients", n != nil && len(n.Pairs) == 3 && n.Pairs[0].Left == "Zinc" && len(n.Distractors) == 1 && n.Distractors[0] == "Rickets")
	c := q["colon-bacteria"]
	check("colon-bacteria", c != nil && c.Estimate.Answer == 38 && c.Estimate.Tolerance == 8 && c.Estimate.Unit == "trillion" && c.Explanation == "About 38 trillion.")
	h := q["hpa-axis"]
	check("hpa-axis", h != nil && h.Type == pack.Order && len(h.Steps) == 3 && h.Steps[0] == "Hypothalamus releases CRH")
	check("bad-image", q["bad-image"] != nil && q["bad-image"].Image == "")
	if q["seven-choices"] != nil {
		t.Error("a single question with seven choices was written")
	}
	if len(p.Questions) != 8 {
		t.Errorf("%d questions, want 8", len(p.Questions))
	}
}

// TestMoodleXMLRoundTrip: every shipped pack exported to Moodle XML and
// imported again keeps its questions, answers, feedback, sources and tags.
func TestMoodleXMLRoundTrip(t *testing.T) {
	set := pack.Load(pack.Location{FS: questions.FS, Root: "."})
	for _, p := range set.Packs() {
		data, _ := ToMoodleXML(p)
		back, _, diags := FromMoodleXML(p.ID+".xml", data, header)
		for _, d := range diags {
			if d.Severity == pack.Error {
				t.Errorf("%s: %s", p.ID, d)
			}
		}
		if len(back.Questions) != len(p.Questions) {
			t.Errorf("%s: %d of %d questions came back", p.ID, len(back.Questions), len(p.Questions))
			continue
		}
		for i := range p.Questions {
			a, b := &p.Questions[i], &back.Questions[i]
			same := a.Type == b.Type && a.Prompt == b.Prompt && a.Explanation == b.Explanation && a.Evidence == b.Evidence &&
				reflect.DeepEqual(a.Sources, b.Sources) && reflect.DeepEqual(a.Tags, b.Tags[:len(a.Tags)])
			for j := range a.Choices {
				same = same && j < len(b.Choices) && a.Choices[j].Text == b.Choices[j].Text && a.Choices[j].Correct == b.Choices[j].Correct &&
					a.Choices[j].Rationale == b.Choices[j].Rationale
			}
			same = same && reflect.DeepEqual(a.Steps, b.Steps) && len(a.Pairs) == len(b.Pairs) && reflect.DeepEqual(a.Distractors, b.Distractors)
			if a.Estimate != nil {
				same = same && b.Estimate != nil && a.Estimate.Answer == b.Estimate.Answer && a.Estimate.Unit == b.Estimate.Unit
			}
			if !same {
				t.Errorf("%s: changed on the way:\n%+v\n%+v", a.Key(p), *a, *b)
			}
		}
	}
}
