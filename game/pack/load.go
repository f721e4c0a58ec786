package pack

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// MaxPackFiles bounds how many pack files one location may hold, so that a
// mistaken folder (a home directory, say) cannot stall the game.
const MaxPackFiles = 5000

// Location is a place packs are loaded from: a file or a folder of an fs.FS.
type Location struct {
	FS fs.FS
	// Root is a file or folder inside FS ("." for all of it). A folder is
	// searched for *.toml files, subfolders included.
	Root string
	// Display is put before file names in diagnostics, so that a user sees
	// the paths they typed ("packs/" or "questions/"); it may be "".
	Display string
	// Origin says where the packs came from ("embedded", a folder name), for
	// the Packs screen.
	Origin string
	// Shipped marks the packs that ship with the game, checked strictly
	// (Options.Shipped).
	Shipped bool
}

// File is the outcome of loading one pack file.
type File struct {
	Name        string // as shown in diagnostics
	Origin      string
	Pack        *Pack // nil when the file could not be read as TOML
	Diagnostics []Diagnostic
	// Omitted counts the problems found past MaxDiagnostics, which are not
	// in Diagnostics.
	Omitted Omitted
}

// Omitted counts problems that were found but not kept, by severity.
type Omitted struct{ Errors, Warnings int }

func (o *Omitted) count(s Severity) {
	if s == Error {
		o.Errors++
	} else {
		o.Warnings++
	}
}

// Total is the number of problems omitted.
func (o Omitted) Total() int { return o.Errors + o.Warnings }

// OK reports whether the pack can be played: it was read and has no errors,
// shown or omitted. Warnings never make a pack unplayable, however many.
func (f *File) OK() bool {
	if f.Pack == nil || f.Omitted.Errors > 0 {
		return false
	}
	for _, d := range f.Diagnostics {
		if d.Severity == Error {
			return false
		}
	}
	return true
}

// Count returns the number of errors and warnings of the file, omitted ones
// included.
func (f *File) Count() (errs, warns int) {
	for _, d := range f.Diagnostics {
		if d.Severity == Error {
			errs++
		} else {
			warns++
		}
	}
	return errs + f.Omitted.Errors, warns + f.Omitted.Warnings
}

// OmittedNote is the line printed after a file's diagnostics when some were
// omitted: "and 500 more problems not shown (0 errors, 500 warnings)", at
// the last shown diagnostic's place. ok is false when nothing was omitted.
func (f *File) OmittedNote() (note string, ok bool) {
	if f.Omitted.Total() == 0 {
		return "", false
	}
	where := f.Name
	if n := len(f.Diagnostics); n > 0 && f.Diagnostics[n-1].Line > 0 {
		last := f.Diagnostics[n-1]
		where = fmt.Sprintf("%s:%d:%d", f.Name, last.Line, max(last.Col, 1))
	}
	return fmt.Sprintf("%s: note: and %d more problems not shown (%s, %s)", where, f.Omitted.Total(),
		count(f.Omitted.Errors, "error"), count(f.Omitted.Warnings, "warning")), true
}

// Set is the outcome of loading packs from one or more locations.
type Set struct {
	Files []*File
}

// Packs returns the playable packs, in load order.
func (s *Set) Packs() []*Pack {
	var out []*Pack
	for _, f := range s.Files {
		if f.OK() {
			out = append(out, f.Pack)
		}
	}
	return out
}

// Diagnostics returns every diagnostic of every file, in file order.
func (s *Set) Diagnostics() []Diagnostic {
	var out []Diagnostic
	for _, f := range s.Files {
		out = append(out, f.Diagnostics...)
	}
	return out
}

// Count returns the number of errors and warnings over all files.
func (s *Set) Count() (errs, warns int) {
	for _, f := range s.Files {
		e, w := f.Count()
		errs += e
		warns += w
	}
	return errs, warns
}

// Load reads and validates every pack at the given locations. Problems are
// reported per file and never stop other files from loading. Packs are parsed
// in parallel; the result's order is the locations' order, then file names.
func Load(locs ...Location) *Set {
	type job struct {
		loc  Location
		name string // path inside loc.FS
		file *File
	}
	var jobs []*job
	set := &Set{}
	for _, loc := range locs {
		names, problems := list(loc)
		set.Files = append(set.Files, problems...)
		for _, n := range names {
			f := &File{Name: displayName(loc, n), Origin: loc.Origin}
			jobs = append(jobs, &job{loc: loc, name: n, file: f})
			set.Files = append(set.Files, f)
		}
	}
	work := make(chan *job)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(jobs), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				loadOne(j.loc.FS, j.name, j.file, Options{Shipped: j.loc.Shipped})
			}
		}()
	}
	for _, j := range jobs {
		work <- j
	}
	close(work)
	wg.Wait()
	checkAcross(set)
	return set
}

func displayName(loc Location, name string) string {
	if loc.Display == "" {
		return name
	}
	if name == "." || name == loc.Root && !strings.HasSuffix(loc.Display, "/") {
		return loc.Display
	}
	if loc.Root != "." && loc.Root != "" {
		name = strings.TrimPrefix(strings.TrimPrefix(name, loc.Root), "/")
	}
	return path.Join(loc.Display, name)
}

// list finds the pack files of a location. Problems with the location
// itself (missing, unreadable, too many files, links) come back as Files
// that carry the diagnostic.
func list(loc Location) ([]string, []*File) {
	root := loc.Root
	if root == "" {
		root = "."
	}
	fail := func(format string, args ...any) *File {
		name := loc.Display
		if name == "" {
			name = root
		}
		return &File{Name: name, Origin: loc.Origin, Diagnostics: []Diagnostic{{File: name, Severity: Error, Message: fmt.Sprintf(format, args...)}}}
	}
	st, err := fs.Stat(loc.FS, root)
	if err != nil {
		return nil, []*File{fail("cannot read: %v", plainErr(err))}
	}
	if !st.IsDir() {
		return []string{root}, nil
	}
	var names []string
	var walkErr *File
	var refused []*File
	err = fs.WalkDir(loc.FS, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err
			}
			return nil // an unreadable subfolder: skip it, keep the rest
		}
		if d.IsDir() {
			if p != root && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(d.Name(), ".toml") || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// A link could lead anywhere on the disk: packs are read only from
			// files that are really inside the folder.
			name := displayName(loc, p)
			refused = append(refused, &File{Name: name, Origin: loc.Origin, Diagnostics: []Diagnostic{{File: name, Line: 1, Col: 1, Severity: Error,
				Message: "is a symbolic link, not followed: packs must be files inside the folder"}}})
			return nil
		}
		if len(names) >= MaxPackFiles {
			walkErr = fail("more than %d pack files; only the first %d are loaded", MaxPackFiles, MaxPackFiles)
			return fs.SkipAll
		}
		names = append(names, p)
		return nil
	})
	if err != nil {
		return nil, []*File{fail("cannot read: %v", plainErr(err))}
	}
	sort.Strings(names)
	if walkErr != nil {
		refused = append(refused, walkErr)
	}
	return names, refused
}

func plainErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// loadOne reads one file (refusing anything but a regular file, and reading
// no more than the size limit allows) and parses it.
func loadOne(fsys fs.FS, name string, f *File, opts Options) {
	fail := func(format string, args ...any) {
		f.Diagnostics = append(f.Diagnostics, Diagnostic{File: f.Name, Line: 1, Col: 1, Severity: Error, Message: fmt.Sprintf(format, args...)})
	}
	st, err := fs.Stat(fsys, name)
	if err != nil {
		fail("cannot read: %v", plainErr(err))
		return
	}
	if !st.Mode().IsRegular() {
		fail("not a regular file (%s)", st.Mode().Type())
		return
	}
	if st.Size() > MaxFileSize {
		fail("file is %d bytes, over the %d-byte (%s) limit", st.Size(), MaxFileSize, sizeName(MaxFileSize))
		return
	}
	r, err := fsys.Open(name)
	if err != nil {
		fail("cannot read: %v", plainErr(err))
		return
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	r.Close()
	if err != nil {
		fail("cannot read: %v", plainErr(err))
		return
	}
	parsed := ParseFile(f.Name, data, fsys, path.Dir(name), opts)
	f.Pack, f.Diagnostics, f.Omitted = parsed.Pack, parsed.Diagnostics, parsed.Omitted
}

// checkAcross reports what can only be seen across packs: a pack id used by
// two files. The later file (in load order) gets the error.
func checkAcross(set *Set) {
	first := map[string]*File{}
	for _, f := range set.Files {
		if f.Pack == nil || f.Pack.ID == "" {
			continue
		}
		if prev, dup := first[f.Pack.ID]; dup {
			line, col := f.Pack.idPos.Line, f.Pack.idPos.Col
			f.Diagnostics = append(f.Diagnostics, Diagnostic{
				File: f.Name, Line: line, Col: col, Severity: Error,
				Message: fmt.Sprintf("duplicate pack id %q (also used by %s): question ids pack/question must be unique everywhere", f.Pack.ID, prev.Name),
			})
			sortDiagnostics(f.Diagnostics)
			continue
		}
		first[f.Pack.ID] = f
	}
}

// AddDiagnostics attaches diagnostics found after loading (text that does
// not fit its card, say) to the files they name, keeping each file's
// diagnostics in line order.
func (s *Set) AddDiagnostics(ds []Diagnostic) {
	for _, f := range s.Files {
		added := false
		for _, d := range ds {
			if d.File == f.Name {
				f.Diagnostics = append(f.Diagnostics, d)
				added = true
			}
		}
		if added {
			sortDiagnostics(f.Diagnostics)
		}
	}
}
