package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

type stamp struct {
	mod  time.Time
	size int64
}

// snapshot records the modification time and size of every pack file under
// the given files and folders.
func snapshot(paths []string) map[string]stamp {
	out := map[string]stamp{}
	for _, root := range paths {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() {
				if p != root && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(d.Name(), ".toml") {
				return nil
			}
			if st, err := os.Stat(p); err == nil {
				out[filepath.Clean(p)] = stamp{st.ModTime(), st.Size()}
			}
			return nil
		})
	}
	return out
}

// watch polls the pack files under paths every interval and sends the name
// of each file that appears or changes (as the loader names it), calling
// wake after each send. Polling works the same on every system and costs
// little for a folder of packs.
func watch(paths []string, interval time.Duration, wake func(), stop <-chan struct{}) <-chan string {
	out := make(chan string, 64)
	go func() {
		last := snapshot(paths)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
			}
			now := snapshot(paths)
			for p, st := range now {
				if old, ok := last[p]; !ok || old != st {
					select {
					case out <- filepath.ToSlash(p):
					default: // the game is behind: it reloads everything anyway
					}
					if wake != nil {
						wake()
					}
				}
			}
			last = now
		}
	}()
	return out
}
