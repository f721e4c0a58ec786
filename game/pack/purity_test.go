package pack

import (
	"os/exec"
	"strings"
	"testing"
)

// uiPackages may import Ebiten; every other package under game/ is pure.
var uiPackages = map[string]bool{"gutskin/game/ui": true}

// TestPurePackagesDoNotImportEbiten proves, over `go list -deps`, that the
// pure packages (pack format, rounds and scoring, saves, import and export)
// link no Ebiten code, so they are tested and used without a window. New
// packages under game/ are covered as soon as they exist.
func TestPurePackagesDoNotImportEbiten(t *testing.T) {
	out, err := exec.Command("go", "list", "gutskin/game/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var pure []string
	for _, p := range strings.Fields(string(out)) {
		if !uiPackages[p] {
			pure = append(pure, p)
		}
	}
	if len(pure) < 2 {
		t.Fatalf("found only %v: the package list is wrong", pure)
	}
	for _, p := range pure {
		deps, err := exec.Command("go", "list", "-deps", p).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", p, err)
		}
		for _, d := range strings.Fields(string(deps)) {
			if strings.HasPrefix(d, "github.com/hajimehoshi/ebiten") {
				t.Errorf("%s depends on %s", p, d)
			}
		}
	}
	t.Logf("pure packages: %v", pure)
}
