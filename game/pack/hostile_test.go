package pack

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
)

// Hostile input: each case must end in a clear message, never a panic, a
// hang or unbounded memory. Time and memory are not asserted (shared
// machines make timings flaky); the test binary's timeout bounds a hang.

func parseOnly(t *testing.T, src string) []Diagnostic {
	t.Helper()
	_, d := Parse("h.toml", []byte(src), nil, ".")
	return d
}

func wantMessage(t *testing.T, diags []Diagnostic, line int, substr string) {
	t.Helper()
	for _, d := range diags {
		if strings.Contains(d.Message, substr) && (line == 0 || d.Line == line) {
			return
		}
	}
	t.Errorf("no diagnostic with %q at line %d among %d: %v", substr, line, len(diags), first(diags, 3))
}

func first(d []Diagnostic, n int) []Diagnostic { return d[:min(n, len(d))] }

func TestHostileNesting(t *testing.T) {
	const n = 200000
	cases := map[string]string{
		"arrays":        "a = " + strings.Repeat("[", n) + strings.Repeat("]", n),
		"inline tables": "a = " + strings.Repeat("{b=", n) + "1" + strings.Repeat("}", n),
		"mixed":         "\n\na = " + strings.Repeat("[{b=", n/2),
	}
	for name, src := range cases {
		d := parseOnly(t, src)
		if len(d) != 1 || !strings.Contains(d[0].Message, "nested more than 32 deep") {
			t.Errorf("%s: %v", name, first(d, 3))
		}
	}
	// The position is where the 33rd level opens.
	d := parseOnly(t, "x = 1\ny = "+strings.Repeat("[", 40))
	if d[0].Line != 2 || d[0].Col != 37 {
		t.Errorf("nesting reported at %d:%d, want 2:37", d[0].Line, d[0].Col)
	}
	// Brackets inside strings and comments do not count.
	ok := "a = \"" + strings.Repeat("[", 100) + "\" # " + strings.Repeat("{", 100) + "\nb = '''" + strings.Repeat("[", 100) + "'''\n"
	for _, diag := range parseOnly(t, ok) {
		if strings.Contains(diag.Message, "nested") {
			t.Errorf("brackets in strings counted: %s", diag)
		}
	}
	// 32 levels are allowed.
	for _, diag := range parseOnly(t, "a = "+strings.Repeat("[", 32)+strings.Repeat("]", 32)) {
		if strings.Contains(diag.Message, "nested") {
			t.Errorf("32 levels refused: %s", diag)
		}
	}
}

func TestHostileManyTablesAndKeys(t *testing.T) {
	var b strings.Builder
	for i := range 30000 {
		fmt.Fprintf(&b, "[[questions]]\nid = \"q%d\"\n", i)
	}
	f := ParseFile("h.toml", []byte(b.String()), nil, ".", Options{})
	if len(f.Diagnostics) != MaxDiagnostics || f.Omitted.Errors == 0 {
		t.Errorf("30,000 bad questions gave %d diagnostics and omitted %+v", len(f.Diagnostics), f.Omitted)
	}
	if note, ok := f.OmittedNote(); !ok || !strings.Contains(note, "more problems not shown") {
		t.Errorf("no note on the omitted problems: %q", note)
	}
	if f.OK() {
		t.Error("a pack with omitted errors counts as playable")
	}
	b.Reset()
	for i := range 60000 {
		fmt.Fprintf(&b, "k%d = %d\n", i, i)
	}
	f = ParseFile("h.toml", []byte(b.String()), nil, ".", Options{})
	wantMessage(t, f.Diagnostics, 1, `unknown key "k0"`)
	// Every unknown key is counted, shown or not; the file's required keys
	// are missing too.
	if errs, _ := f.Count(); errs < 60000 {
		t.Errorf("60,000 unknown keys counted as %d errors", errs)
	}
}

func TestHostileLongLineAndNUL(t *testing.T) {
	good := string(readGood(t))
	long := strings.Replace(good, `prompt = "Which proteins seal the gaps between gut-lining cells?"`,
		`prompt = "`+strings.Repeat("very long ", 90000)+`"`, 1)
	d := parseOnly(t, long)
	wantMessage(t, d, 17, "prompt is too long (900000 characters, at most 400)")

	nul := strings.Replace(good, "Test pack", "Test\x00pack", 1)
	d = parseOnly(t, nul)
	if len(d) == 0 || d[0].Line != 3 || d[0].Severity != Error {
		t.Errorf("NUL byte: %v", first(d, 2))
	}
	binary := string([]byte{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0})
	if d := parseOnly(t, binary); len(d) != 1 || d[0].Line != 1 {
		t.Errorf("binary file: %v", d)
	}
}

func TestHostileThousandPacks(t *testing.T) {
	good := readGood(t)
	fsys := fstest.MapFS{"img/cells.png": {Data: cellsPNG(t)}}
	for i := range 1000 {
		data := strings.Replace(string(good), `id = "test-pack"`, fmt.Sprintf(`id = "pack-%d"`, i), 1)
		fsys[fmt.Sprintf("p%04d.toml", i)] = &fstest.MapFile{Data: []byte(data)}
	}
	set := Load(Location{FS: fsys, Root: "."})
	if len(set.Packs()) != 1000 {
		t.Errorf("%d of 1000 packs playable: %v", len(set.Packs()), first(set.Diagnostics(), 3))
	}
}

func TestHostileFolder(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.toml")
	os.WriteFile(secret, readGood(t), 0o644)
	os.MkdirAll(filepath.Join(dir, "img"), 0o755)
	os.WriteFile(filepath.Join(dir, "img", "cells.png"), cellsPNG(t), 0o644)
	os.WriteFile(filepath.Join(dir, "good.toml"), readGood(t), 0o644)
	if err := os.Symlink(secret, filepath.Join(dir, "link.toml")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.toml"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Mkdir(filepath.Join(dir, "folder.toml"), 0o755)
	// An image that is a link to a file outside the folder.
	linked := strings.Replace(string(readGood(t)), `id = "test-pack"`, `id = "linked"`, 1)
	linked = strings.Replace(linked, `image = "img/cells.png"`, `image = "img/outside.png"`, 1)
	os.WriteFile(filepath.Join(dir, "linked.toml"), []byte(linked), 0o644)
	os.WriteFile(filepath.Join(outside, "o.png"), cellsPNG(t), 0o644)
	os.Symlink(filepath.Join(outside, "o.png"), filepath.Join(dir, "img", "outside.png"))

	set := Load(Location{FS: os.DirFS(dir), Root: ".", Display: "packs"})
	got := map[string]string{}
	for _, f := range set.Files {
		msg := "ok"
		if !f.OK() {
			msg = f.Diagnostics[0].String()
		}
		got[f.Name] = msg
	}
	want := map[string]string{
		"packs/good.toml":   "ok",
		"packs/link.toml":   "packs/link.toml:1:1: is a symbolic link, not followed: packs must be files inside the folder",
		"packs/fifo.toml":   "packs/fifo.toml:1:1: not a regular file (p---------)",
		"packs/linked.toml": `packs/linked.toml:22:1: image "img/outside.png" is a symbolic link; images must be files inside the pack's folder`,
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s: got %q, want %q", name, got[name], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("files: %v", got)
	}
}
