package pack

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// FuzzLoadPack feeds arbitrary bytes to the loader. Its seed corpus (the
// good and bad test packs) runs in every `go test`. The properties: no
// panic; every diagnostic has a position inside the file; a pack without
// errors keeps the invariants the round engine relies on.
func FuzzLoadPack(f *testing.F) {
	for _, pattern := range []string{"testdata/good/*.toml", "testdata/bad/*.toml"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Add([]byte(""))
	f.Add([]byte("a = [[[[[[[[[[1]]]]]]]]]]"))
	f.Add([]byte("[[questions]]\n[[questions.choices]]\n[questions.estimate]\n"))
	png := cellsPNG(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{"p.toml": {Data: data}, "img/cells.png": {Data: png}}
		set := Load(Location{FS: fsys, Root: "."})
		if len(set.Files) != 1 {
			t.Fatalf("%d files", len(set.Files))
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		file := set.Files[0]
		for _, d := range file.Diagnostics {
			if d.Line < 1 || d.Line > lines || d.Col < 1 || d.Message == "" {
				t.Fatalf("diagnostic out of the file (%d lines): %s", lines, d)
			}
		}
		if !file.OK() {
			return
		}
		checkInvariants(t, file.Pack)
	})
}

// checkInvariants asserts what a playable pack guarantees.
func checkInvariants(t *testing.T, p *Pack) {
	t.Helper()
	if p.ID == "" || len(p.Questions) == 0 {
		t.Fatalf("playable pack without id or questions: %+v", p)
	}
	for _, q := range p.Questions {
		if q.ID == "" || q.Prompt == "" || !Limits.Difficulty.Holds(q.Difficulty) {
			t.Fatalf("bad question header: %+v", q)
		}
		switch q.Type {
		case Single:
			if !Limits.Choices[Single].Holds(len(q.Choices)) || len(q.Correct()) != 1 {
				t.Fatalf("bad single: %+v", q)
			}
		case Multi:
			if !Limits.Choices[Multi].Holds(len(q.Choices)) || len(q.Correct()) == 0 {
				t.Fatalf("bad multi: %+v", q)
			}
		case TrueFalse:
			if len(q.Choices) != 2 || len(q.Correct()) != 1 {
				t.Fatalf("bad truefalse: %+v", q)
			}
		case Order:
			if !Limits.Steps.Holds(len(q.Steps)) {
				t.Fatalf("bad order: %+v", q)
			}
		case Match:
			if !Limits.Pairs.Holds(len(q.Pairs)) || len(q.Distractors) > Limits.Distractors {
				t.Fatalf("bad match: %+v", q)
			}
		case Estimate:
			e := q.Estimate
			if e == nil || e.Min >= e.Max || e.Answer < e.Min || e.Answer > e.Max || (e.Scale == Log && e.Min <= 0) {
				t.Fatalf("bad estimate: %+v", e)
			}
		default:
			t.Fatalf("unknown type %q", q.Type)
		}
	}
}
