package pack

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// wants reads the "# want LINE:COL: message" lines of a test pack.
func wants(t *testing.T, data []byte) []string {
	t.Helper()
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if w, ok := strings.CutPrefix(sc.Text(), "# want "); ok {
			out = append(out, w)
		}
	}
	return out
}

// TestBadPacks checks every deliberately broken pack in testdata/bad: the
// loader must report exactly the problems its "# want" lines list, with
// their line and column, and nothing else.
func TestBadPacks(t *testing.T) {
	files, err := filepath.Glob("testdata/bad/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 25 {
		t.Fatalf("only %d bad-pack cases, want at least 25", len(files))
	}
	fsys := os.DirFS("testdata/bad")
	for _, file := range files {
		name := filepath.Base(file)
		t.Run(strings.TrimSuffix(name, ".toml"), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			want := wants(t, data)
			if len(want) == 0 {
				t.Fatal("no # want lines: a bad pack must say what is wrong with it")
			}
			_, diags := Parse(name, data, fsys, ".")
			var got []string
			errs := 0
			for _, d := range diags {
				s := d.String()
				if !strings.HasPrefix(s, name+":") {
					t.Errorf("diagnostic %q does not start with the file name", s)
				}
				got = append(got, strings.TrimPrefix(s, name+":"))
				if d.Severity == Error {
					errs++
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("diagnostics differ\n got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
			if strings.HasPrefix(name, "warnings-") {
				if errs != 0 {
					t.Errorf("a warnings-only pack has %d errors", errs)
				}
			} else if errs == 0 {
				t.Errorf("a bad pack gave no error")
			}
		})
	}
}

func TestGoodPack(t *testing.T) {
	set := Load(Location{FS: os.DirFS("testdata/good"), Root: ".", Display: "good"})
	if len(set.Files) != 1 {
		t.Fatalf("loaded %d files, want 1", len(set.Files))
	}
	f := set.Files[0]
	for _, d := range f.Diagnostics {
		t.Errorf("unexpected diagnostic: %s", d)
	}
	if f.Name != "good/full.toml" {
		t.Errorf("file name %q, want good/full.toml", f.Name)
	}
	p := f.Pack
	if p.ID != "test-pack" || p.Language != "en-GB" || p.LastReviewed != "2026-11-26" || len(p.Authors) != 2 {
		t.Errorf("pack header decoded wrong: %+v", p)
	}
	if !strings.HasPrefix(p.Mechanism, "A pack for the loader's tests") || strings.Contains(p.Mechanism, "\\") {
		t.Errorf("mechanism decoded wrong: %q", p.Mechanism)
	}
	byID := map[string]*Question{}
	for i := range p.Questions {
		byID[p.Questions[i].ID] = &p.Questions[i]
	}
	s := byID["single-one"]
	if s.Type != Single || len(s.Choices) != 3 || !s.Choices[0].Correct || s.Choices[2].Misconception != "zonulin seals the gut" ||
		s.Image != "img/cells.png" || s.TimeLimit != 30 || s.Sources[0].PMID != "19855405" || s.Line != 13 || len(s.Tags) != 2 {
		t.Errorf("single question decoded wrong: %+v", s)
	}
	m := byID["multi-one"]
	if m.Type != Multi || len(m.Choices) != 4 || !slices.Equal(m.Correct(), []int{0, 1}) || m.Sources[0].DOI != "10.1016/j.cell.2016.05.041" {
		t.Errorf("multi question (inline tables) decoded wrong: %+v", m)
	}
	tf := byID["tf-one"]
	if tf.Type != TrueFalse || len(tf.Choices) != 2 || tf.Choices[0].Text != "True" || tf.Choices[0].Correct || !tf.Choices[1].Correct ||
		tf.Choices[0].Misconception != "leaky gut is a diagnosis" || tf.Choices[1].Misconception != "" || tf.Sources[0].PMID != "31076401" {
		t.Errorf("truefalse question decoded wrong: %+v", tf)
	}
	if o := byID["order-one"]; !slices.Equal(o.Steps, []string{"Hypothalamus: CRH", "Pituitary: ACTH", "Adrenal cortex: cortisol"}) {
		t.Errorf("order steps decoded wrong: %q", o.Steps)
	}
	if mt := byID["match-one"]; len(mt.Pairs) != 3 || mt.Pairs[0].Rationale != "ZIP4 defects." || mt.Pairs[2].Right != "Scurvy" ||
		len(mt.Distractors) != 1 || mt.Rights()[3] != "Rickets" {
		t.Errorf("match pairs decoded wrong: %+v", mt.Pairs)
	}
	e := byID["estimate-one"].Estimate
	if e == nil || e.Answer != 3.8e13 || e.Scale != Log || e.Tolerance != 3 || e.Unit != "bacteria" {
		t.Errorf("log estimate decoded wrong: %+v", e)
	}
	e2 := byID["estimate-two"].Estimate
	if e2 == nil || e2.Answer != 90 || e2.Scale != Linear || e2.Step != 1 || e2.Tolerance != 5 {
		t.Errorf("linear estimate (integer answer) decoded wrong: %+v", e2)
	}
	if src := byID["single-one"].Sources[0]; src.Link() != "https://doi.org/10.1038/nri2653" {
		t.Errorf("link %q", src.Link())
	}
}

func cellsPNG(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/good/img/cells.png")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func readGood(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/good/full.toml")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestDuplicatePackIDAcrossFiles(t *testing.T) {
	good := readGood(t)
	fsys := fstest.MapFS{
		"a.toml":         {Data: good},
		"b.toml":         {Data: append([]byte("# a copy\n\n"), good...)},
		"img/cells.png":  {Data: cellsPNG(t)},
		"other/c.toml":   {Data: bytes.Replace(good, []byte(`id = "test-pack"`), []byte(`id = "other-pack"`), 1)},
		"other/img/x.md": {Data: []byte("not a pack")},
	}
	set := Load(Location{FS: fsys, Root: ".", Display: "packs"})
	if len(set.Files) != 3 {
		t.Fatalf("loaded %d files, want 3", len(set.Files))
	}
	if !set.Files[0].OK() {
		t.Errorf("first file should be playable: %v", set.Files[0].Diagnostics)
	}
	b := set.Files[1]
	want := `packs/b.toml:4:1: duplicate pack id "test-pack" (also used by packs/a.toml): question ids pack/question must be unique everywhere`
	if b.OK() || len(b.Diagnostics) != 1 || b.Diagnostics[0].String() != want {
		t.Errorf("second file: got %v, want %s", b.Diagnostics, want)
	}
	// The third pack lives in a subfolder and its image is missing there.
	c := set.Files[2]
	if c.Name != "packs/other/c.toml" || c.OK() {
		t.Errorf("third file %q ok=%v: %v", c.Name, c.OK(), c.Diagnostics)
	}
	if got := len(set.Packs()); got != 1 {
		t.Errorf("%d playable packs, want 1", got)
	}
}

func TestBrokenPackDoesNotStopOthers(t *testing.T) {
	good := readGood(t)
	fsys := fstest.MapFS{
		"1-broken.toml": {Data: []byte("id = \n")},
		"2-binary.toml": {Data: []byte{0x89, 'P', 'N', 'G', 0, 0, 0xff, 0xfe}},
		"3-good.toml":   {Data: good},
		"img/cells.png": {Data: cellsPNG(t)},
		"dir.toml":      {Mode: os.ModeDir},
		"dir.toml/x":    {Data: []byte("x")},
	}
	set := Load(Location{FS: fsys, Root: "."})
	var playable []string
	for _, p := range set.Packs() {
		playable = append(playable, p.File)
	}
	if !slices.Equal(playable, []string{"3-good.toml"}) {
		t.Errorf("playable %v, want only 3-good.toml", playable)
	}
	errs, _ := set.Count()
	if errs != 2 {
		t.Errorf("%d errors, want 2 (one per broken file): %v", errs, set.Diagnostics())
	}
}

func TestFileSizeLimit(t *testing.T) {
	good := readGood(t)
	pad := func(n int) []byte {
		b := append([]byte{}, good...)
		b = append(b, '\n')
		for len(b) < n-1 {
			b = append(b, '#')
		}
		return append(b, '\n')
	}
	under, over := pad(MaxFileSize), pad(MaxFileSize+1)
	fsys := fstest.MapFS{"under.toml": {Data: under}, "over.toml": {Data: over}, "img/cells.png": {Data: cellsPNG(t)}}
	set := Load(Location{FS: fsys, Root: "."})
	for _, f := range set.Files {
		switch f.Name {
		case "under.toml":
			if !f.OK() {
				t.Errorf("a file of exactly MaxFileSize bytes must load: %v", f.Diagnostics)
			}
		case "over.toml":
			want := fmt.Sprintf("over.toml:1:1: file is %d bytes, over the 4194304-byte (4 MiB) limit", MaxFileSize+1)
			if f.OK() || len(f.Diagnostics) != 1 || f.Diagnostics[0].String() != want {
				t.Errorf("got %v, want %s", f.Diagnostics, want)
			}
		}
	}
	// Parse refuses oversized input too, when called directly.
	if _, d := Parse("x.toml", over, nil, "."); len(d) != 1 || !strings.Contains(d[0].Message, "4 MiB") {
		t.Errorf("Parse: %v", d)
	}
}

func TestMissingLocation(t *testing.T) {
	set := Load(Location{FS: os.DirFS(t.TempDir()), Root: "nope", Display: "nope"})
	if len(set.Files) != 1 || set.Files[0].OK() || !strings.Contains(set.Files[0].Diagnostics[0].String(), "nope: cannot read") {
		t.Errorf("got %+v", set.Files)
	}
}

func TestImagePath(t *testing.T) {
	tests := []struct {
		dir, image, want string
		ok               bool
	}{
		{".", "a.png", "a.png", true},
		{"packs", "img/a.png", "packs/img/a.png", true},
		{"packs", "./img/../a.png", "packs/a.png", true},
		{"packs", "../a.png", "", false},
		{"packs", "img/../../a.png", "", false},
		{".", "/etc/a.png", "", false},
		{".", `C:\a.png`, "", false},
		{".", "C:/a.png", "", false},
		{".", "..", "", false},
	}
	for _, tt := range tests {
		got, err := ImagePath(tt.dir, tt.image)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ImagePath(%q, %q) = %q, %v; want %q ok=%v", tt.dir, tt.image, got, err, tt.want, tt.ok)
		}
	}
}

func TestSuggest(t *testing.T) {
	for key, want := range map[string]string{"explaination": "explanation", "dificulty": "difficulty", "licence": "licence", "license": "licence", "promt": "prompt", "zzz": "", "Prompt": "prompt"} {
		all := append(append(keySet{}, questionKeys...), packKeys...)
		if got := suggest(key, all); got != want {
			t.Errorf("suggest(%q) = %q, want %q", key, got, want)
		}
	}
}
