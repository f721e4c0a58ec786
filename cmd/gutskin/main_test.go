package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func runCmd(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestValidateEmbedded(t *testing.T) {
	code, _, stderr := runCmd("validate")
	if code != exitOK || !strings.Contains(stderr, "0 errors, 0 warnings") {
		t.Errorf("exit %d:\n%s", code, stderr)
	}
}

const goodPack = `id = "mine"
title = "Mine"
mechanism = "A test pack."
version = "1"
language = "en"
authors = ["Me"]
licence = "CC0"
last_reviewed = 2026-01-01

[[questions]]
id = "q"
type = "truefalse"
prompt = "True?"
difficulty = 1
answer = true
rationale_true = "Yes."
rationale_false = "No."
evidence = "established"
explanation = "Because."
checked = 2026-01-02
[[questions.sources]]
citation = "A. Journal."
doi = "10.1000/x"
design = "textbook"
finding = "What the textbook says."
`

// TestValidateManyWarnings: a large pack with warnings only stays playable;
// the list stops at the cap but the counts are whole (issue 17).
func TestValidateManyWarnings(t *testing.T) {
	var b strings.Builder
	b.WriteString(strings.SplitN(goodPack, "[[questions]]", 2)[0])
	for i := range 1000 {
		fmt.Fprintf(&b, "[[questions]]\nid = \"q%d\"\ntype = \"truefalse\"\nprompt = \"True %d?\"\ndifficulty = 1\nanswer = true\n\n", i, i)
	}
	file := filepath.Join(t.TempDir(), "big.toml")
	os.WriteFile(file, []byte(b.String()), 0o644)
	code, _, stderr := runCmd("validate", file)
	if code != exitOK || !strings.Contains(stderr, "1 file, 1 playable pack, 1000 questions: 0 errors, 6000 warnings") ||
		!strings.Contains(stderr, "note: and 5500 more problems not shown (0 errors, 5500 warnings)") {
		t.Errorf("exit %d:\n%s", code, stderr[max(0, len(stderr)-400):])
	}
	code, stdout, _ := runCmd("validate", "--json", file)
	var rep jsonReport
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if f := rep.Files[0]; code != exitOK || rep.Errors != 0 || rep.Warnings != 6000 || !f.Playable || !f.Truncated ||
		f.Omitted != 5500 || f.Warnings != 6000 || len(f.Diagnostics) != 500 {
		t.Errorf("--json: exit %d, errors %d, warnings %d, file %+v", code, rep.Errors, rep.Warnings,
			jsonFile{File: f.File, Playable: f.Playable, Truncated: f.Truncated, Omitted: f.Omitted, Warnings: f.Warnings})
	}
}

func TestValidateFilesAndFolders(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.toml")
	bad := filepath.Join(dir, "sub", "bad.toml")
	os.WriteFile(good, []byte(goodPack), 0o644)
	os.MkdirAll(filepath.Dir(bad), 0o755)
	broken := strings.Replace(strings.Replace(goodPack, `id = "mine"`, `id = "other"`, 1), "explanation =", "explaination =", 1)
	os.WriteFile(bad, []byte(broken), 0o644)

	code, _, stderr := runCmd("validate", good)
	if code != exitOK {
		t.Errorf("good pack: exit %d\n%s", code, stderr)
	}
	code, _, stderr = runCmd("validate", dir)
	want := filepath.Join(dir, "sub", "bad.toml") + `:19:1: unknown key "explaination" in a question (did you mean "explanation"?)`
	if code != exitProblems || !strings.Contains(stderr, want) {
		t.Errorf("folder: exit %d, want 1 and the line\n%s\ngot:\n%s", code, want, stderr)
	}
	if !strings.Contains(stderr, `warning: question "q" has no explanation`) {
		t.Errorf("the missing explanation is not reported as a warning:\n%s", stderr)
	}

	code, stdout, _ := runCmd("validate", "--json", dir)
	var rep jsonReport
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("--json: %v\n%s", err, stdout)
	}
	if code != exitProblems || rep.Errors != 1 || rep.Warnings != 1 || len(rep.Files) != 2 {
		t.Errorf("--json: exit %d, %+v", code, rep)
	}
	for _, f := range rep.Files {
		if strings.HasSuffix(f.File, "bad.toml") && (f.Playable || len(f.Diagnostics) != 2 || f.Diagnostics[1].Line != 19 || f.Diagnostics[0].Severity != "warning") {
			t.Errorf("bad.toml in JSON: %+v", f)
		}
		if strings.HasSuffix(f.File, "good.toml") && (!f.Playable || f.Pack != "mine" || f.Questions != 1) {
			t.Errorf("good.toml in JSON: %+v", f)
		}
	}
}

func TestValidateUsageAndMissing(t *testing.T) {
	if code, _, _ := runCmd("validate", "--nope"); code != exitUsage {
		t.Errorf("unknown flag: exit %d, want 2", code)
	}
	code, _, stderr := runCmd("validate", filepath.Join(t.TempDir(), "missing"))
	if code != exitProblems || !strings.Contains(stderr, "cannot read") {
		t.Errorf("missing path: exit %d\n%s", code, stderr)
	}
	if code, _, _ := runCmd("frobnicate"); code != exitUsage {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
}

func TestNewPack(t *testing.T) {
	dir := t.TempDir()
	wd, _ := os.Getwd()
	os.Chdir(dir)
	defer os.Chdir(wd)
	if code, _, stderr := runCmd("new", "my-pack"); code != exitOK {
		t.Fatalf("new: exit %d: %s", code, stderr)
	}
	code, _, stderr := runCmd("validate", "my-pack.toml")
	if code != exitOK || !strings.Contains(stderr, "6 questions: 0 errors, 0 warnings") {
		t.Errorf("the template does not validate clean: exit %d\n%s", code, stderr)
	}
	os.WriteFile("my-pack.toml", []byte("mine"), 0o644)
	if code, _, stderr := runCmd("new", "my-pack"); code != exitProblems || !strings.Contains(stderr, "already exists") {
		t.Errorf("second new: exit %d: %s", code, stderr)
	}
	if data, _ := os.ReadFile("my-pack.toml"); string(data) != "mine" {
		t.Errorf("an existing file was overwritten")
	}
	for _, bad := range [][]string{{"new"}, {"new", "My Pack"}, {"new", "../x"}, {"new", "a", "b"}} {
		if code, _, _ := runCmd(bad...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2", bad, code)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.toml")); err == nil {
		t.Errorf("a bad id wrote a file")
	}
}

// TestValidateReportsTextThatDoesNotFit: text within the format's limits
// can still be too much for one card; validate says so at the key's line,
// using the game's own layout code.
func TestValidateReportsTextThatDoesNotFit(t *testing.T) {
	long := func(words int) string { return strings.TrimSpace(strings.Repeat("overflowing ", words)) }
	// A multi question with eight choices of the longest text, each with a
	// long rationale, a long explanation and seven sources with no
	// identifier: its feedback, which marks every choice, cannot fit at
	// 960x540, whatever the split.
	src := strings.SplitN(goodPack, "[[questions]]", 2)[0] + "[[questions]]\nid = \"q\"\ntype = \"multi\"\n" +
		"prompt = \"" + long(33) + "\"\ndifficulty = 1\nevidence = \"established\"\nchecked = 2026-01-02\n" +
		"explanation = \"" + long(58) + "\"\n"
	for range 7 {
		src += "[[questions.sources]]\ncitation = \"" + long(33) + "\"\ndesign = \"textbook\"\nfinding = \"What the textbook says.\"\n"
	}
	for i := range 8 {
		src += fmt.Sprintf("[[questions.choices]]\ntext = \"%d %s\"\ncorrect = %t\nrationale = \"%s\"\n", i, long(12), i == 0, long(33))
	}
	path := filepath.Join(t.TempDir(), "long.toml")
	os.WriteFile(path, []byte(src), 0o644)
	code, _, stderr := runCmd("validate", path)
	want := path + `:17:1: warning: question "q": the feedback (explanation, rationale and sources together) does not fit its card at 960x540` // the explanation's line
	if code != exitOK || !strings.Contains(stderr, want) {
		t.Errorf("exit %d (warnings only: 0), want\n%s\ngot\n%s", code, want, stderr)
	}
}

// TestWatchSeesSaves: the watcher names a pack file when it is saved or
// added, as the loader names it.
func TestWatchSeesSaves(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.toml"), []byte(goodPack), 0o644)
	stop := make(chan struct{})
	defer close(stop)
	woken := make(chan bool, 16)
	ch := watch([]string{dir}, 20*time.Millisecond, func() { woken <- true }, stop)
	time.Sleep(60 * time.Millisecond)
	os.WriteFile(filepath.Join(dir, "a.toml"), []byte(goodPack+"\n# edited\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "sub", "b.toml"), []byte(goodPack), 0o644)
	want := map[string]bool{filepath.ToSlash(filepath.Join(dir, "a.toml")): true, filepath.ToSlash(filepath.Join(dir, "sub", "b.toml")): true}
	deadline := time.After(10 * time.Second)
	for len(want) > 0 {
		select {
		case name := <-ch:
			delete(want, name)
		case <-deadline:
			t.Fatalf("not seen: %v", want)
		}
	}
	if len(woken) == 0 {
		t.Error("the game was not woken")
	}
}

func TestImportAndExport(t *testing.T) {
	dir := t.TempDir()
	features, err := filepath.Abs("../../game/convert/testdata/features.gift")
	if err != nil {
		t.Fatal(err)
	}
	// Questions were skipped: reported, exit 1, the rest written and valid.
	code, stdout, stderr := runCmd("import", features, "-o", dir)
	if code != exitProblems || !strings.Contains(stderr, "features.gift:67:1: warning: skipped a short-answer question") ||
		!strings.Contains(stdout, "14 questions") {
		t.Errorf("import features: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if code, _, stderr := runCmd("validate", filepath.Join(dir, "features.toml")); code != exitOK {
		t.Errorf("imported pack invalid: %s", stderr)
	}
	// Nothing is overwritten.
	if code, _, stderr := runCmd("import", features, "-o", dir); code != exitProblems || !strings.Contains(stderr, "already exists") {
		t.Errorf("second import: exit %d: %s", code, stderr)
	}
	// A clean GIFT file converts with exit 0.
	clean := filepath.Join(dir, "clean.gift")
	os.WriteFile(clean, []byte("::q::Two plus two? {=four ~five ~six}\n\n::t::The sky is green. {F}\n"), 0o644)
	if code, _, stderr := runCmd("import", clean, "-o", dir); code != exitOK {
		t.Errorf("clean import: exit %d: %s", code, stderr)
	}
	csvFile := filepath.Join(dir, "sheet.csv")
	os.WriteFile(csvFile, []byte("question,answer 1,answer 2,correct\nTwo plus two?,four,five,1\n"), 0o644)
	if code, _, stderr := runCmd("import", csvFile, "-o", dir); code != exitOK {
		t.Errorf("csv import: exit %d: %s", code, stderr)
	}
	if code, _, _ := runCmd("import", filepath.Join(dir, "x.docx"), "-o", dir); code != exitProblems {
		t.Errorf("unknown kind: exit %d", code)
	}
	if code, _, _ := runCmd("import"); code != exitUsage {
		t.Errorf("no file: exit %d", code)
	}

	// Export: order questions are reported (exit 1), the file is written
	// once and never overwritten.
	barrier, _ := filepath.Abs("../../questions/gut-barrier.toml")
	out := filepath.Join(dir, "barrier.gift")
	code, _, stderr = runCmd("export", barrier, "--format", "gift", "-o", out)
	if code != exitProblems || !strings.Contains(stderr, "order questions cannot be written in GIFT") {
		t.Errorf("export gift: exit %d: %s", code, stderr)
	}
	if data, err := os.ReadFile(out); err != nil || !strings.Contains(string(data), "::tight-junction-seals::") {
		t.Errorf("export file: %v", err)
	}
	if code, _, stderr := runCmd("export", barrier, "--format", "gift", "-o", out); code != exitProblems || !strings.Contains(stderr, "never overwritten") {
		t.Errorf("export over a file: exit %d: %s", code, stderr)
	}
	code, stdout, _ = runCmd("export", barrier, "--format", "csv")
	if !strings.HasPrefix(stdout, "id,question,answer 1") {
		t.Errorf("export csv: exit %d: %.80s", code, stdout)
	}
	if code, _, _ := runCmd("export", barrier, "--format", "docx"); code != exitUsage {
		t.Errorf("bad format: exit %d", code)
	}
}

// TestMoodleXMLImportExport: a Moodle XML bank imports with its image
// written beside the pack, the pack validates with the image checked, and a
// shipped pack exports to Moodle XML and imports back.
func TestMoodleXMLImportExport(t *testing.T) {
	dir := t.TempDir()
	bank, err := filepath.Abs("../../game/convert/testdata/bank.xml")
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCmd("import", bank, "-o", dir)
	if code != exitProblems || !strings.Contains(stderr, "bank.xml:93:1: warning: skipped a short-answer question") ||
		!strings.Contains(stdout, "8 questions") {
		t.Errorf("import bank.xml: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "bank-images", "cells.png")); err != nil {
		t.Errorf("the image was not written beside the pack: %v", err)
	}
	if code, _, stderr := runCmd("validate", filepath.Join(dir, "bank.toml")); code != exitOK {
		t.Errorf("imported pack invalid: %s", stderr)
	}
	barrier, _ := filepath.Abs("../../questions/gut-barrier.toml")
	out := filepath.Join(dir, "gut-barrier.xml")
	if code, _, stderr := runCmd("export", barrier, "--format", "moodle-xml", "-o", out); code != exitProblems ||
		!strings.Contains(stderr, "misconception labels have no place in Moodle XML") {
		t.Errorf("export moodle-xml: exit %d: %s", code, stderr)
	}
	back := filepath.Join(dir, "back")
	code, stdout, stderr = runCmd("import", out, "-o", back)
	if code != exitOK || !strings.Contains(stdout, "17 questions") {
		t.Errorf("import of the export: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if code, _, stderr := runCmd("validate", filepath.Join(back, "gut-barrier.toml")); code != exitOK {
		t.Errorf("round-tripped pack invalid: %s", stderr)
	}
}
