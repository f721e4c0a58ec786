package pack

import (
	"os"
	"reflect"
	"testing"
)

// comparable strips what depends on where a pack was read from.
func comparable(p *Pack) Pack {
	c := *p
	c.File, c.Dir, c.idPos, c.fsys = "", "", Position{}, nil
	c.Questions = append([]Question(nil), p.Questions...)
	for i := range c.Questions {
		c.Questions[i].Line, c.Questions[i].Pos = 0, nil
	}
	return c
}

// TestTOMLRoundTrip writes packs back to TOML and reads them again: nothing
// may change.
func TestTOMLRoundTrip(t *testing.T) {
	set := Load(Location{FS: os.DirFS("testdata/good"), Root: "."}, Location{FS: os.DirFS("../../questions"), Root: "."})
	if len(set.Packs()) < 2 {
		t.Fatalf("packs: %v", set.Diagnostics())
	}
	for _, p := range set.Packs() {
		data := p.TOML()
		q, diags := Parse(p.File, data, nil, ".")
		for _, d := range diags {
			if d.Severity == Error {
				t.Errorf("%s written back: %s", p.ID, d)
			}
		}
		if q == nil {
			continue
		}
		if a, b := comparable(p), comparable(q); !reflect.DeepEqual(a, b) {
			for i := range a.Questions {
				if i < len(b.Questions) && !reflect.DeepEqual(a.Questions[i], b.Questions[i]) {
					t.Errorf("%s/%s changed:\n%+v\n%+v", p.ID, a.Questions[i].ID, a.Questions[i], b.Questions[i])
					break
				}
			}
			if !reflect.DeepEqual(a.Questions, b.Questions) {
				continue
			}
			t.Errorf("%s header changed:\n%+v\n%+v", p.ID, a, b)
		}
	}
}

func TestQuote(t *testing.T) {
	for in, want := range map[string]string{`a"b`: `"a\"b"`, "a\\b": `"a\\b"`, "a\nb": `"a\nb"`, "a\x01b": `"a\u0001b"`, "é": `"é"`} {
		if got := quote(in); got != want {
			t.Errorf("quote(%q) = %s, want %s", in, got, want)
		}
	}
}
