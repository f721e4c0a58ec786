// Package chromium finds the Chromium browser that the browser tests drive
// (Debian's chromium; .ci/run installs it). It is for tests only: under
// CI=true a missing browser fails the test, elsewhere it skips it.
package chromium

import (
	"os"
	"os/exec"
	"testing"
)

// Names are the browser commands looked for, in order.
var Names = []string{"chromium", "chromium-browser", "google-chrome"}

// Path returns the browser's path. Without one, it fails t under CI=true
// (a missing browser is never a silent skip in CI) and skips t elsewhere.
func Path(t testing.TB) string {
	t.Helper()
	for _, name := range Names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no Chromium on this machine: apt-get install -y chromium (.ci/run does)")
	}
	t.Skip("no Chromium on this machine (apt-get install -y chromium); under CI=true this fails")
	return ""
}
