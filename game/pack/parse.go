package pack

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// MaxFileSize is the largest pack file accepted, in bytes.
const MaxFileSize = 4 << 20

// MaxNesting bounds how deeply arrays and inline tables may nest. A pack
// needs 3 levels; the TOML decoder's memory grows steeply with depth (deep
// inline tables made it run out of memory), so deeper input is refused before
// it is decoded.
const MaxNesting = 32

var (
	idPattern   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	langPattern = regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$`)
	doiPattern  = regexp.MustCompile(`^10\.[0-9]{4,9}/\S+$`)
	pmidPattern = regexp.MustCompile(`^[0-9]{1,9}$`)
)

// Options changes how strictly a pack is checked.
type Options struct {
	// Shipped marks a pack that ships with the game: what user packs are
	// only warned about (a source's design and finding, a question's
	// checked date) is an error in it.
	Shipped bool
}

// Parse decodes and validates one pack file. name is used in diagnostics;
// dir is the pack's folder inside fsys, against which image paths are checked
// (fsys may be nil, and then images are not looked up). The pack is returned
// whenever the TOML could be read, even with errors, so that tools can show
// what it holds; it is playable only when no diagnostic is an error. Problems
// past MaxDiagnostics are not returned: ParseFile counts them.
func Parse(name string, data []byte, fsys fs.FS, dir string) (*Pack, []Diagnostic) {
	f := ParseFile(name, data, fsys, dir, Options{})
	return f.Pack, f.Diagnostics
}

// ParseFile is Parse with options, returning the whole outcome: the pack,
// the diagnostics kept and the count of those past the cap.
func ParseFile(name string, data []byte, fsys fs.FS, dir string, opts Options) *File {
	d := &decoder{file: name, shipped: opts.Shipped}
	f := &File{Name: name}
	f.Pack = d.parse(data, fsys, dir)
	sortDiagnostics(d.diags)
	f.Diagnostics, f.Omitted = d.diags, d.omitted
	return f
}

func (d *decoder) parse(data []byte, fsys fs.FS, dir string) *Pack {
	if len(data) > MaxFileSize {
		d.errAt(Position{1, 1}, "file is %d bytes, over the %d-byte (%s) limit", len(data), MaxFileSize, sizeName(MaxFileSize))
		return nil
	}
	if !utf8.Valid(data) {
		d.errAt(firstInvalidUTF8(data), "file is not valid UTF-8")
		return nil
	}
	keys, at, ok := scanPositions(data)
	if !ok {
		d.errAt(at, "arrays or inline tables nested more than %d deep", MaxNesting)
		return nil
	}
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		d.errAt(syntaxPos(err), "%s", syntaxMessage(err))
		return nil
	}
	d.pos = keys
	p := d.pack(raw)
	p.File, p.Dir, p.idPos, p.fsys = d.file, dir, d.at("id"), fsys
	if fsys != nil {
		d.checkImages(p, fsys, dir)
	}
	return p
}

// sizeName writes a byte count in MiB.
func sizeName(n int) string { return strconv.Itoa(n>>20) + " MiB" }

func sortDiagnostics(ds []Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool {
		if ds[i].File != ds[j].File {
			return ds[i].File < ds[j].File
		}
		if ds[i].Line != ds[j].Line {
			return ds[i].Line < ds[j].Line
		}
		return ds[i].Col < ds[j].Col
	})
}

func firstInvalidUTF8(data []byte) Position {
	p := Position{1, 1}
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return p
		}
		if r == '\n' {
			p.Line++
			p.Col = 1
		} else {
			p.Col++
		}
		i += n
	}
	return p
}

var lineInText = regexp.MustCompile(`line (\d+)`)

func syntaxPos(err error) Position {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return Position{max(pe.Position.Line, 1), max(pe.Position.Col, 1)}
	}
	if m := lineInText.FindStringSubmatch(err.Error()); m != nil {
		if n, e := strconv.Atoi(m[1]); e == nil {
			return Position{n, 1}
		}
	}
	return Position{1, 1}
}

func syntaxMessage(err error) string {
	var pe toml.ParseError
	msg := err.Error()
	if errors.As(err, &pe) {
		msg = pe.Message
	}
	msg = strings.TrimPrefix(msg, "toml: ")
	return "TOML syntax: " + msg
}

type decoder struct {
	file    string
	shipped bool
	pos     positions
	diags   []Diagnostic
	omitted Omitted // diagnostics past MaxDiagnostics, counted
}

// MaxDiagnostics bounds the problems kept for one file; a hostile file with
// a hundred thousand bad keys gets the first ones and a count of the rest.
// The cap limits what is kept and printed, never what a pack is: the problems
// past it are still counted by severity (File.Omitted).
const MaxDiagnostics = 500

func (d *decoder) add(diag Diagnostic) {
	if len(d.diags) >= MaxDiagnostics {
		d.omitted.count(diag.Severity)
		return
	}
	d.diags = append(d.diags, diag)
}

// at finds the position of a path, or of its nearest recorded parent.
func (d *decoder) at(p string) Position {
	for {
		if ps, ok := d.pos[p]; ok {
			return ps
		}
		i := strings.LastIndexByte(p, '.')
		if i < 0 {
			return Position{1, 1}
		}
		p = p[:i]
	}
}

func (d *decoder) errAt(p Position, format string, args ...any) {
	d.add(Diagnostic{File: d.file, Line: p.Line, Col: p.Col, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

func (d *decoder) errorf(path, format string, args ...any) {
	d.errAt(d.at(path), format, args...)
}

// needf reports a key that shipped packs must have and user packs should
// have: an error in a shipped pack, a warning elsewhere.
func (d *decoder) needf(path, format string, args ...any) {
	if d.shipped {
		d.errorf(path, format, args...)
		return
	}
	d.warnf(path, format, args...)
}

func designList() string {
	names := make([]string, len(Designs))
	for i, ds := range Designs {
		names[i] = string(ds)
	}
	return strings.Join(names, ", ")
}

func (d *decoder) warnf(path, format string, args ...any) {
	p := d.at(path)
	d.add(Diagnostic{File: d.file, Line: p.Line, Col: p.Col, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

func (d *decoder) pack(raw map[string]any) *Pack {
	p := &Pack{}
	d.unknownKeys(raw, "", packKeys, "")
	p.ID = d.id(raw, "", "pack")
	p.Title = d.text(raw, "", "title", true, Limits.Title)
	p.Mechanism = d.text(raw, "", "mechanism", true, Limits.Mechanism)
	p.Version = d.text(raw, "", "version", true, Limits.Short)
	p.Language = d.text(raw, "", "language", true, Limits.Short)
	if p.Language != "" && !langPattern.MatchString(p.Language) {
		d.errorf("language", "language %q is not a language tag such as \"en\" or \"pt-BR\"", p.Language)
	}
	p.Authors = d.texts(raw, "", "authors", true, Limits.Short, Limits.Authors)
	if _, ok := raw["authors"]; ok && len(p.Authors) == 0 {
		if arr, isArr := raw["authors"].([]any); isArr && len(arr) == 0 {
			d.errorf("authors", "authors is empty: name at least one")
		}
	}
	p.Licence = d.text(raw, "", "licence", true, Limits.Short)
	p.LastReviewed = d.date(raw, "", "last_reviewed")

	qs, ok := d.tables(raw, "", "questions")
	if !ok {
		if _, present := raw["questions"]; !present {
			d.errorf("", "pack has no questions: add [[questions]] tables")
		}
		return p
	}
	if len(qs) == 0 {
		d.errorf("questions", "pack has no questions: add [[questions]] tables")
	}
	seen := map[string]int{}
	for i, qm := range qs {
		qp := join("questions", strconv.Itoa(i))
		q := d.question(qm, qp)
		if q.ID != "" {
			if first, dup := seen[q.ID]; dup {
				d.errorf(join(qp, "id"), "duplicate question id %q (first at line %d)", q.ID, first)
			} else {
				seen[q.ID] = d.at(join(qp, "id")).Line
			}
		}
		p.Questions = append(p.Questions, q)
	}
	return p
}

// count renders "1 choice", "2 choices".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
