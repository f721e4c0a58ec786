package ui

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
)

// picturesDir is where F12 screenshots go when --screenshot-dir is not
// given: the player's pictures folder (XDG_PICTURES_DIR on Linux, from the
// environment or user-dirs.dirs; Pictures in the home folder elsewhere),
// never the current folder, which under `go run` is the repository. It
// returns "" when there is no home folder.
func picturesDir(getenv func(string) string, home, goos string) string {
	if home == "" {
		return ""
	}
	if goos != "windows" && goos != "darwin" {
		dir := getenv("XDG_PICTURES_DIR")
		if dir == "" {
			dir = xdgUserDir(getenv, home, "XDG_PICTURES_DIR")
		}
		if dir != "" {
			return dir
		}
	}
	return filepath.Join(home, "Pictures")
}

// xdgUserDir reads one entry of user-dirs.dirs ("$HOME/Pictures").
func xdgUserDir(getenv func(string) string, home, key string) string {
	conf := getenv("XDG_CONFIG_HOME")
	if conf == "" {
		conf = filepath.Join(home, ".config")
	}
	f, err := os.Open(filepath.Join(conf, "user-dirs.dirs"))
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(strings.TrimSpace(sc.Text()), "=")
		if !ok || k != key {
			continue
		}
		v = strings.Trim(v, `"`)
		v = strings.Replace(v, "$HOME", home, 1)
		if filepath.IsAbs(v) {
			return v
		}
	}
	return ""
}
