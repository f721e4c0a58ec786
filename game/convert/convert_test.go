package convert

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"gutskin/game/pack"
	"gutskin/questions"
)

var header = Header{ID: "imported", Title: "imported", Language: "en", Licence: "not stated", Authors: "unknown", Today: "2026-11-26"}

func byID(p *pack.Pack) map[string]*pack.Question {
	m := map[string]*pack.Question{}
	for i := range p.Questions {
		m[p.Questions[i].ID] = &p.Questions[i]
	}
	return m
}

// validates checks that a converted pack is a valid pack once written.
func validates(t *testing.T, p *pack.Pack) *pack.Pack {
	t.Helper()
	q, diags := pack.Parse("converted.toml", p.TOML(), nil, ".")
	for _, d := range diags {
		if d.Severity == pack.Error {
			t.Errorf("converted pack: %s", d)
		}
	}
	return q
}

func TestFromGIFTFeatures(t *testing.T) {
	data, err := os.ReadFile("testdata/features.gift")
	if err != nil {
		t.Fatal(err)
	}
	p, diags := FromGIFT("features.gift", data, header)
	got := map[string]bool{}
	for _, d := range diags {
		got[d.String()] = true
	}
	for _, want := range []string{
		`features.gift:43:1: warning: question "In what year was the Stokes and Pillsbury paper p…": 1 other accepted numbers (partial credit) were dropped; the slider scores closeness instead`,
		`features.gift:67:1: warning: skipped a short-answer question "Name the gene of the zinc transporter.": the game cannot score typed words`,
		`features.gift:69:1: warning: skipped an essay question "Describe the gut-skin axis in your own words.": the game cannot score free text`,
		`features.gift:71:1: warning: skipped a description (text without answers): the game asks questions only`,
	} {
		if !got[want] {
			t.Errorf("missing report %s\ngot: %v", want, diags)
		}
	}
	if len(diags) != 4 {
		t.Errorf("%d reports, want 4: %v", len(diags), diags)
	}
	p = validates(t, p)
	q := byID(p)
	if len(p.Questions) != 14 || p.Title != "Gut and skin" {
		t.Fatalf("%d questions, title %q", len(p.Questions), p.Title)
	}
	check := func(id string, ok bool, what string) {
		t.Helper()
		if !ok {
			t.Errorf("%s: %s: %+v", id, what, q[id])
		}
	}
	b := q["barrier-proteins"]
	check("barrier-proteins", b != nil && b.Type == pack.Single && b.Choices[0].Correct && !b.Choices[1].Correct &&
		b.Choices[0].Rationale == "Right: claudins, occludin and ZO-1." && b.Choices[2].Text == "Collagen", "multiple choice")
	var missing *pack.Question
	for i := range p.Questions {
		if strings.Contains(p.Questions[i].Prompt, "_____") {
			missing = &p.Questions[i]
		}
	}
	check("missing word", missing != nil && missing.Prompt == "Most of the body's serotonin is made in the _____ by enterochromaffin cells." &&
		missing.Choices[0].Text == "gut" && missing.Choices[0].Correct, "blank in the sentence")
	l := q["leaky-diagnosis"]
	check("leaky-diagnosis", l.Type == pack.TrueFalse && !l.Choices[0].Correct && l.Choices[1].Correct &&
		l.Choices[0].Rationale == "It is not a diagnosis." && l.Choices[1].Rationale == "Right, it is not.", "F with feedback")
	check("tf-true-word", q["tf-true-word"].Choices[0].Correct && q["tf-true-word"].Choices[0].Rationale == "Right.", "TRUE")
	check("tf-false-word", q["tf-false-word"].Choices[1].Correct, "FALSE")
	m := q["nutrients"]
	check("nutrients", m.Type == pack.Match && len(m.Pairs) == 3 && m.Pairs[1] == pack.Pair{Left: "Niacin", Right: "Pellagra"}, "pairs")
	s := q["scfa"]
	check("scfa", s.Type == pack.Multi && reflect.DeepEqual(s.Correct(), []int{0, 1}) && s.Choices[2].Rationale == "A sugar.", "weights")
	e := q["serotonin-share"].Estimate
	check("serotonin-share", e != nil && e.Answer == 90 && e.Tolerance == 5 && e.Min < 90 && e.Max > 90, "answer:tolerance")
	pi := q["pi-range"].Estimate
	check("pi-range", pi != nil && pi.Answer > 3.1414 && pi.Answer < 3.1416 && pi.Tolerance > 0.00049 && pi.Tolerance < 0.00051, "range")
	y := q["year"].Estimate
	check("year", y != nil && y.Answer == 1930 && y.Tolerance == 0, "full-credit answer kept")
	ml := q["multi-line"]
	check("multi-line", ml.Prompt == "Which immune signal keeps Th17 cells active in psoriasis?" && ml.Explanation == "IL-23 from dendritic cells sustains Th17 cells.", "lines, prefix, general feedback")
	es := q["escapes"]
	check("escapes", es.Prompt == "Which ratio is written 1:1 and uses {braces}, = and ~ and #?" && es.Choices[0].Text == "The one with = signs", "escapes")
	h := q["html-question"]
	check("html-question", h.Prompt == "Which bacterium is linked with acne?" && h.Choices[0].Text == "Cutibacterium acnes", "html")
}

// shipped loads the embedded packs.
func shipped(t *testing.T) []*pack.Pack {
	t.Helper()
	set := pack.Load(pack.Location{FS: questions.FS, Root: "."})
	if len(set.Packs()) == 0 {
		t.Fatal("no packs")
	}
	return set.Packs()
}

// TestGIFTRoundTrip exports every shipped pack to GIFT and imports it back:
// single, multi, true/false, match and estimate questions keep their
// answers; order questions are reported on export.
func TestGIFTRoundTrip(t *testing.T) {
	for _, p := range shipped(t) {
		data, diags := ToGIFT(p)
		orders := 0
		for _, q := range p.Questions {
			if q.Type == pack.Order {
				orders++
			}
		}
		reported := 0
		for _, d := range diags {
			if strings.Contains(d.Message, "order questions cannot be written in GIFT") {
				reported++
			}
		}
		if reported != orders {
			t.Errorf("%s: %d order questions, %d reported", p.ID, orders, reported)
		}
		back, idiags := FromGIFT(p.ID+".gift", data, header)
		for _, d := range idiags {
			t.Errorf("%s: import of the export reported %s", p.ID, d)
		}
		back = validates(t, back)
		bq := byID(back)
		for i := range p.Questions {
			q := &p.Questions[i]
			if q.Type == pack.Order {
				continue
			}
			b := bq[q.ID]
			if b == nil {
				t.Errorf("%s/%s lost", p.ID, q.ID)
				continue
			}
			if b.Type != q.Type || b.Prompt != q.Prompt || b.Explanation == "" {
				t.Errorf("%s/%s: type %s->%s, prompt %q->%q", p.ID, q.ID, q.Type, b.Type, q.Prompt, b.Prompt)
			}
			switch q.Type {
			case pack.Single, pack.Multi, pack.TrueFalse:
				for k := range q.Choices {
					if k >= len(b.Choices) || b.Choices[k].Text != q.Choices[k].Text || b.Choices[k].Correct != q.Choices[k].Correct || b.Choices[k].Rationale != q.Choices[k].Rationale {
						t.Errorf("%s/%s choice %d changed: %+v -> %+v", p.ID, q.ID, k, q.Choices[k], b.Choices)
						break
					}
				}
			case pack.Match:
				for k := range q.Pairs {
					if b.Pairs[k].Left != q.Pairs[k].Left || b.Pairs[k].Right != q.Pairs[k].Right {
						t.Errorf("%s/%s pair %d changed", p.ID, q.ID, k)
					}
				}
			case pack.Estimate:
				if b.Estimate.Answer != q.Estimate.Answer {
					t.Errorf("%s/%s answer %v -> %v", p.ID, q.ID, q.Estimate.Answer, b.Estimate.Answer)
				}
			}
		}
	}
}

func TestCSV(t *testing.T) {
	data := "\ufeffQuestion,Answer 1,Answer 2,Answer 3,Answer 4,Time limit,Correct,Explanation,Source,DOI\n" +
		"Which proteins seal gut-lining cells?,Keratins,Tight-junction proteins,Collagen,,20,2,They join cells.,Turner 2009,10.1038/nri2653\n" +
		"\"Which are SCFAs, made from fibre?\",Butyrate,Glucose,Propionate,,,\"1,3\",,,\n" +
		"Leaky gut syndrome is a diagnosis.,True,False,,,,2,,,\n" +
		"A row without answers,,,,,,1,,,\n" +
		",,,,,,,,,\n"
	p, diags := FromCSV("quiz.csv", []byte(data), header)
	if len(diags) != 1 || diags[0].String() != `quiz.csv:5:1: skipped "A row without answers": correct answer "1" is not the number of a filled answer column` {
		t.Errorf("reports: %v", diags)
	}
	p = validates(t, p)
	if len(p.Questions) != 3 {
		t.Fatalf("%d questions", len(p.Questions))
	}
	a, b, c := p.Questions[0], p.Questions[1], p.Questions[2]
	if a.Type != pack.Single || !a.Choices[1].Correct || a.TimeLimit != 20 || a.Sources[0].DOI != "10.1038/nri2653" || a.Explanation != "They join cells." {
		t.Errorf("single: %+v", a)
	}
	if b.Type != pack.Multi || !reflect.DeepEqual(b.Correct(), []int{0, 2}) || b.Prompt != "Which are SCFAs, made from fibre?" {
		t.Errorf("multi: %+v", b)
	}
	if c.Type != pack.TrueFalse || !c.Choices[1].Correct {
		t.Errorf("truefalse: %+v", c)
	}
	for _, bad := range []string{"", "a,b\n1,2\n", "question,answer 1\nx,y\n"} {
		if _, d := FromCSV("bad.csv", []byte(bad), header); len(d) == 0 || d[0].Severity != pack.Error {
			t.Errorf("%q: %v", bad, d)
		}
	}
}

func TestCSVRoundTrip(t *testing.T) {
	for _, p := range shipped(t) {
		data, _ := ToCSV(p)
		back, diags := FromCSV(p.ID+".csv", data, header)
		for _, d := range diags {
			t.Errorf("%s: %s", p.ID, d)
		}
		bq := byID(validates(t, back))
		for i := range p.Questions {
			q := &p.Questions[i]
			if q.Type != pack.Single && q.Type != pack.Multi && q.Type != pack.TrueFalse {
				continue
			}
			b := bq[q.ID]
			if b == nil || b.Type != q.Type || !reflect.DeepEqual(b.Correct(), q.Correct()) || b.Difficulty != q.Difficulty || b.Evidence != q.Evidence {
				t.Errorf("%s/%s changed: %+v", p.ID, q.ID, b)
			}
		}
	}
}

func FuzzFromGIFT(f *testing.F) {
	data, _ := os.ReadFile("testdata/features.gift")
	f.Add(data)
	f.Add([]byte("{"))
	f.Add([]byte("::a::b{#1..}"))
	f.Add([]byte("x{~%%a}"))
	for _, name := range []string{"faults.gift", "faults-cp1252.gift", "faults-utf16.gift"} {
		data, _ := os.ReadFile("testdata/" + name)
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, _ := FromGIFT("f.gift", data, header)
		writtenValidates(t, p)
	})
}

func FuzzFromCSV(f *testing.F) {
	f.Add([]byte("question,answer 1,answer 2,correct\nq,a,b,1\n"))
	f.Add([]byte("question,correct\n\"unterminated\n"))
	f.Add([]byte("question,answer 1,answer 2,answer 3,correct\nq,a,a,b,1\n\"x\x00\",a,b,c,2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, _ := FromCSV("f.csv", data, header)
		writtenValidates(t, p)
	})
}

// writtenValidates is the import rule the fuzzers check: a converter never
// gives a pack that fails validation; whatever it cannot carry is left out
// and reported instead. (A pack with no question is not written at all.)
func writtenValidates(t *testing.T, p *pack.Pack) {
	t.Helper()
	if len(p.Questions) == 0 {
		return
	}
	_, diags := pack.Parse("f.toml", p.TOML(), nil, ".")
	for _, d := range diags {
		if d.Severity == pack.Error {
			t.Fatalf("the converted pack fails validation: %s", d)
		}
	}
}

func FuzzFromMoodleXML(f *testing.F) {
	data, _ := os.ReadFile("testdata/bank.xml")
	f.Add(data)
	f.Add([]byte(`<quiz><question type="matching"><subquestion><text></text><answer><text>x</text></answer></subquestion></question></quiz>`))
	f.Add([]byte(`<quiz><question type="numerical"><answer fraction="100"><text>1e400</text></answer></question></quiz>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, _, _ := FromMoodleXML("f.xml", data, header)
		writtenValidates(t, p)
	})
}
