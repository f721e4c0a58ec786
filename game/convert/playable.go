package convert

import (
	"fmt"
	"io/fs"
	"sort"
	"testing/fstest"

	"gutskin/game/pack"
)

// sortByLine orders reports by their line, keeping the order of a line's.
func sortByLine(ds []pack.Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].Line < ds[j].Line })
}

// playable makes sure a converted pack validates: every question the pack
// format cannot hold is left out and reported at its line in the source
// file (the converter keeps that line in Question.Line), so that one such
// question never makes the good ones beside it unplayable. It returns the
// pack it keeps and the reports. Problems of the pack as a whole (no
// question left) are reported at line 1.
func playable(p *pack.Pack, file string) []pack.Diagnostic { return playableFS(p, file, nil) }

// playableFS is playable for a pack written with files beside it.
func playableFS(p *pack.Pack, file string, files Files) []pack.Diagnostic {
	var fsys fs.FS
	if files != nil {
		m := fstest.MapFS{}
		for name, data := range files {
			m[name] = &fstest.MapFile{Data: data}
		}
		fsys = m
	}
	var out []pack.Diagnostic
	// Each round drops every question with an error; a question's errors do
	// not depend on the others but for duplicate ids, which the converters
	// never make, so one or two rounds are enough. The bound is a guard.
	for range 4 {
		if len(p.Questions) == 0 {
			return out
		}
		parsed := pack.ParseFile(file, p.TOML(), fsys, ".", pack.Options{})
		if parsed.Pack == nil {
			// Cannot happen for a pack written by the encoder; say so
			// rather than write a broken file.
			for _, d := range parsed.Diagnostics {
				out = append(out, pack.Diagnostic{File: file, Line: 1, Col: 1, Severity: pack.Error,
					Message: "the converted pack cannot be read back: " + d.Message})
			}
			p.Questions = nil
			return out
		}
		heads := make([]int, len(parsed.Pack.Questions))
		for i, q := range parsed.Pack.Questions {
			heads[i] = q.Line
		}
		bad := map[int][]string{}
		for _, d := range parsed.Diagnostics {
			if d.Severity != pack.Error {
				continue
			}
			i := sort.SearchInts(heads, d.Line+1) - 1
			if i < 0 || i >= len(p.Questions) {
				out = append(out, pack.Diagnostic{File: file, Line: 1, Col: 1, Severity: pack.Error, Message: d.Message})
				continue
			}
			bad[i] = append(bad[i], d.Message)
		}
		if parsed.Omitted.Errors > 0 && len(bad) == 0 {
			p.Questions = nil
			return append(out, pack.Diagnostic{File: file, Line: 1, Col: 1, Severity: pack.Error,
				Message: fmt.Sprintf("the converted pack has %d more errors than can be listed; nothing written", parsed.Omitted.Errors)})
		}
		if len(bad) == 0 {
			return out
		}
		kept := p.Questions[:0]
		for i, q := range p.Questions {
			msgs, drop := bad[i]
			if !drop {
				kept = append(kept, q)
				continue
			}
			for _, m := range msgs {
				out = append(out, pack.Diagnostic{File: file, Line: max(q.Line, 1), Col: 1, Severity: pack.Warning,
					Message: fmt.Sprintf("question %q left out: the game cannot hold it: %s", short(q.Prompt), m)})
			}
		}
		p.Questions = kept
	}
	return out
}
