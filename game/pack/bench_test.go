package pack

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"
)

// genPacks writes n packs of m questions, cycling through every type.
func genPacks(n, m int) fstest.MapFS {
	fsys := fstest.MapFS{}
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "id = \"pack-%d\"\ntitle = \"Pack %d\"\nmechanism = \"A generated pack for benchmarks.\"\n"+
			"version = \"1.0.0\"\nlanguage = \"en\"\nauthors = [\"Bench\"]\nlicence = \"CC BY-SA 4.0\"\nlast_reviewed = 2026-11-26\n", i, i)
		for j := range m {
			typ := Types[j%len(Types)]
			fmt.Fprintf(&b, "\n[[questions]]\nid = \"q-%d\"\ntype = %q\nprompt = \"Generated question %d of pack %d: which statement about the gut and the skin holds?\"\n"+
				"difficulty = %d\nevidence = \"human-studies\"\ntags = [\"bench\", \"generated\"]\n"+
				"explanation = \"A generated explanation of about the usual length, which says why the answer is right and teaches the mechanism behind it in a few sentences.\"\n", j, typ, j, i, j%3+1)
			switch typ {
			case TrueFalse:
				b.WriteString("answer = true\nrationale_true = \"Right, because.\"\nrationale_false = \"Wrong, because.\"\n")
			case Order:
				b.WriteString("steps = [\"First step of the sequence\", \"Second step\", \"Third step\", \"Fourth step\"]\n")
			}
			fmt.Fprintf(&b, "[[questions.sources]]\ncitation = \"Author A, et al. Journal 2020;1(2):3-4.\"\ndoi = \"10.1000/bench.%d\"\n", j)
			switch typ {
			case Single, Multi:
				for k := range 4 {
					fmt.Fprintf(&b, "[[questions.choices]]\ntext = \"Choice %d of the question\"\n", k)
					if k == 0 || (typ == Multi && k == 1) {
						b.WriteString("correct = true\n")
					}
					b.WriteString("rationale = \"Why this choice is right or wrong, in one sentence.\"\n")
					if k == 3 {
						b.WriteString("misconception = \"a common wrong idea\"\n")
					}
				}
			case Match:
				for k := range 4 {
					fmt.Fprintf(&b, "[[questions.pairs]]\nleft = \"Left %d\"\nright = \"Right %d\"\nrationale = \"Why.\"\n", k, k)
				}
			case Estimate:
				b.WriteString("[questions.estimate]\nanswer = 3.8e13\nmin = 1e9\nmax = 1e17\nunit = \"bacteria\"\nscale = \"log\"\ntolerance = 3\n")
			}
		}
		fsys[fmt.Sprintf("pack-%03d.toml", i)] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return fsys
}

// The structs a bare toml.Decode fills: the same fields as the pack format.
type bareSource struct {
	Citation string `toml:"citation"`
	DOI      string `toml:"doi"`
	PMID     string `toml:"pmid"`
	URL      string `toml:"url"`
}

type bareChoice struct {
	Text          string `toml:"text"`
	Correct       bool   `toml:"correct"`
	Rationale     string `toml:"rationale"`
	Misconception string `toml:"misconception"`
}

type barePair struct {
	Left      string `toml:"left"`
	Right     string `toml:"right"`
	Rationale string `toml:"rationale"`
}

type bareEstimate struct {
	Answer    float64 `toml:"answer"`
	Min       float64 `toml:"min"`
	Max       float64 `toml:"max"`
	Unit      string  `toml:"unit"`
	Scale     string  `toml:"scale"`
	Tolerance float64 `toml:"tolerance"`
	Step      float64 `toml:"step"`
}

type bareQuestion struct {
	ID             string        `toml:"id"`
	Type           string        `toml:"type"`
	Prompt         string        `toml:"prompt"`
	Difficulty     int           `toml:"difficulty"`
	Explanation    string        `toml:"explanation"`
	Evidence       string        `toml:"evidence"`
	Sources        []bareSource  `toml:"sources"`
	Tags           []string      `toml:"tags"`
	Image          string        `toml:"image"`
	TimeLimit      int           `toml:"time_limit"`
	Choices        []bareChoice  `toml:"choices"`
	Answer         bool          `toml:"answer"`
	RationaleTrue  string        `toml:"rationale_true"`
	RationaleFalse string        `toml:"rationale_false"`
	Misconception  string        `toml:"misconception"`
	Steps          []string      `toml:"steps"`
	Pairs          []barePair    `toml:"pairs"`
	Estimate       *bareEstimate `toml:"estimate"`
}

type barePack struct {
	ID           string         `toml:"id"`
	Title        string         `toml:"title"`
	Mechanism    string         `toml:"mechanism"`
	Version      string         `toml:"version"`
	Language     string         `toml:"language"`
	Authors      []string       `toml:"authors"`
	Licence      string         `toml:"licence"`
	LastReviewed toml.Primitive `toml:"last_reviewed"`
	Questions    []bareQuestion `toml:"questions"`
}

func benchSet(b *testing.B) fstest.MapFS {
	b.Helper()
	fsys := genPacks(100, 100)
	set := Load(Location{FS: fsys, Root: "."})
	if errs, warns := set.Count(); errs+warns != 0 || len(set.Packs()) != 100 {
		b.Fatalf("generated packs do not validate: %d errors, %d warnings: %v", errs, warns, set.Diagnostics()[:min(3, len(set.Diagnostics()))])
	}
	return fsys
}

// BenchmarkLoad loads and validates 100 packs of 100 questions each.
func BenchmarkLoad(b *testing.B) {
	fsys := benchSet(b)
	b.ReportAllocs()
	for b.Loop() {
		set := Load(Location{FS: fsys, Root: "."})
		if len(set.Packs()) != 100 {
			b.Fatal("packs lost")
		}
	}
}

// BenchmarkDecodeBare decodes the same files with a bare toml.Decode into
// structs of the same fields, one file after another: no validation, no
// positions, no parallelism. BenchmarkLoad is measured against it.
func BenchmarkDecodeBare(b *testing.B) {
	fsys := benchSet(b)
	b.ReportAllocs()
	for b.Loop() {
		for name, f := range fsys {
			var p barePack
			if _, err := toml.Decode(string(f.Data), &p); err != nil {
				b.Fatal(name, err)
			}
		}
	}
}

// BenchmarkLoadSerial is BenchmarkLoad on one core, to compare work done
// rather than wall time.
func BenchmarkLoadSerial(b *testing.B) {
	fsys := benchSet(b)
	b.ReportAllocs()
	for b.Loop() {
		for name, f := range fsys {
			if _, d := Parse(name, f.Data, nil, "."); len(d) != 0 {
				b.Fatal(d[0])
			}
		}
	}
}

// BenchmarkScanPositions measures the position scanner alone, at growing
// numbers of keys, to show that it stays linear.
func BenchmarkScanPositions(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		var sb strings.Builder
		for i := range n {
			fmt.Fprintf(&sb, "[[questions]]\nk%d = \"value %d\"\n", i, i)
		}
		src := []byte(sb.String())
		b.Run(fmt.Sprintf("keys=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				scanPositions(src)
			}
		})
	}
}

// BenchmarkParseKeys parses files of 1k, 10k and 100k keys (all unknown, so
// every one is looked up for a message): the growth must stay linear.
func BenchmarkParseKeys(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		var sb strings.Builder
		for i := range n {
			fmt.Fprintf(&sb, "k%d=1\n", i)
		}
		src := []byte(sb.String())
		if len(src) > MaxFileSize {
			b.Fatalf("%d keys make %d bytes, over the limit", n, len(src))
		}
		b.Run(fmt.Sprintf("keys=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, d := Parse("k.toml", src, nil, "."); len(d) == 0 {
					b.Fatal("no diagnostics")
				}
			}
		})
	}
}
