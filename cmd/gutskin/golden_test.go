package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files of gutskin validate's output")

// TestValidateGolden compares what "gutskin validate" prints for a few
// broken packs, as text and as JSON, with testdata/validate/*.golden.
// After a deliberate change: go test ./cmd/gutskin -run TestValidateGolden -update,
// then read the diff.
func TestValidateGolden(t *testing.T) {
	const bad = "../../game/pack/testdata/bad/"
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"syntax", []string{bad + "syntax-unterminated-string.toml"}, exitProblems},
		{"typo", []string{bad + "unknown-key-typo.toml"}, exitProblems},
		{"many", []string{bad + "many-problems.toml"}, exitProblems},
		{"warnings-only", []string{bad + "warnings-no-design-finding-checked.toml"}, exitOK},
		{"two-files", []string{bad + "too-few-choices.toml", bad + "bad-doi.toml"}, exitProblems},
		{"missing-file", []string{bad + "no-such-pack.toml"}, exitProblems},
		{"json", []string{"--json", bad + "many-problems.toml"}, exitProblems},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(append([]string{"validate"}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d", code, tt.code)
			}
			got := "# stdout\n" + stdout + "# stderr\n" + stderr
			path := filepath.Join("testdata", "validate", tt.name+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to write it)", err)
			}
			if got != string(want) {
				t.Errorf("validate %s differs from %s:\n%s", strings.Join(tt.args, " "), path, lineDiff(string(want), got))
			}
		})
	}
}

// lineDiff shows the first lines where want and got part.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want: %s\n  got:  %s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}
