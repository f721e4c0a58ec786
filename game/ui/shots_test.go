package ui

import (
	"os"
	"path/filepath"
	"testing"
)

func TestPicturesDir(t *testing.T) {
	home := t.TempDir()
	conf := filepath.Join(home, "conf")
	os.MkdirAll(conf, 0o755)
	os.WriteFile(filepath.Join(conf, "user-dirs.dirs"), []byte("# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Desktop\"\nXDG_PICTURES_DIR=\"$HOME/Bilder\"\n"), 0o644)
	tests := []struct {
		name string
		env  map[string]string
		home string
		goos string
		want string
	}{
		{"linux, from the environment", map[string]string{"XDG_PICTURES_DIR": "/data/pics"}, home, "linux", "/data/pics"},
		{"linux, from user-dirs.dirs", map[string]string{"XDG_CONFIG_HOME": conf}, home, "linux", filepath.Join(home, "Bilder")},
		{"linux, no user-dirs.dirs", map[string]string{"XDG_CONFIG_HOME": filepath.Join(home, "none")}, home, "linux", filepath.Join(home, "Pictures")},
		{"windows", map[string]string{"XDG_PICTURES_DIR": "/ignored"}, home, "windows", filepath.Join(home, "Pictures")},
		{"macOS", nil, home, "darwin", filepath.Join(home, "Pictures")},
		{"no home", nil, "", "linux", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := picturesDir(func(k string) string { return tt.env[k] }, tt.home, tt.goos)
			if got != tt.want {
				t.Errorf("picturesDir = %q, want %q", got, tt.want)
			}
		})
	}
}
