//go:build unix

package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// displayInUse reports whether display n has a lock file of a running X
// server. A lock left by a server that was killed is removed, with its
// socket, so stale locks never use up the display numbers.
func displayInUse(n int) bool {
	lock := fmt.Sprintf("/tmp/.X%d-lock", n)
	data, err := os.ReadFile(lock)
	if err != nil {
		return !errors.Is(err, fs.ErrNotExist)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(data)))
	if err == nil && pid > 0 && syscall.Kill(pid, 0) != syscall.ESRCH {
		return true
	}
	if os.Remove(lock) != nil {
		return true
	}
	os.Remove(filepath.Join("/tmp/.X11-unix", fmt.Sprintf("X%d", n)))
	return false
}
