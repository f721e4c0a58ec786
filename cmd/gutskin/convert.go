package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"gutskin/game/convert"
	"gutskin/game/pack"
)

// runImport is `gutskin import FILE... [-o DIR]`: Moodle GIFT (.gift, .txt),
// Moodle XML (.xml) and quiz spreadsheets (.csv) become TOML packs. Exit 0 when everything
// converted, 1 when something was reported, 2 on usage errors.
func runImport(args []string, stdout, stderr io.Writer, now time.Time) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", ".", "folder to write the packs to")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gutskin import FILE.gift|FILE.txt|FILE.xml|FILE.csv... [-o DIR]")
		fs.PrintDefaults()
	}
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(files) == 0 {
		fs.Usage()
		return exitUsage
	}
	code := exitOK
	for _, file := range files {
		if !importOne(file, *out, stdout, stderr, now) {
			code = exitProblems
		}
	}
	return code
}

// parseInterleaved parses flags that may come after the file names.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return files, nil
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func importOne(file, outDir string, stdout, stderr io.Writer, now time.Time) bool {
	data, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(stderr, "%s: cannot read: %v\n", file, unwrapPath(err))
		return false
	}
	if len(data) > 16<<20 {
		fmt.Fprintf(stderr, "%s: %d bytes, over the 16 MiB limit\n", file, len(data))
		return false
	}
	base := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	h := convert.Header{ID: slug(base), Title: base, Language: "en", Licence: "not stated (imported)",
		Authors: "unknown (imported)", Today: now.Format("2006-01-02")}
	var p *pack.Pack
	var diags []pack.Diagnostic
	var files convert.Files
	switch strings.ToLower(filepath.Ext(file)) {
	case ".gift", ".txt":
		p, diags = convert.FromGIFT(file, data, h)
	case ".xml":
		p, files, diags = convert.FromMoodleXML(file, data, h)
	case ".csv":
		p, diags = convert.FromCSV(file, data, h)
	default:
		fmt.Fprintf(stderr, "%s: unknown kind of file: use .gift or .txt (Moodle GIFT), .xml (Moodle XML) or .csv\n", file)
		return false
	}
	ok := len(diags) == 0
	for _, d := range diags {
		fmt.Fprintln(stderr, d)
	}
	if len(p.Questions) == 0 {
		fmt.Fprintf(stderr, "%s: no question could be converted; nothing written\n", file)
		return false
	}
	target := filepath.Join(outDir, p.ID+".toml")
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		fmt.Fprintln(stderr, err)
		return false
	}
	if _, err := os.Lstat(target); err == nil {
		fmt.Fprintf(stderr, "%s: %s already exists; it was not changed\n", file, target)
		return false
	}
	// Images first, so that a written pack always finds them; none is
	// ever written over an existing file.
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		dst := filepath.Join(outDir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			fmt.Fprintln(stderr, err)
			return false
		}
		if err := writeNew(dst, files[name]); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", file, err)
			return false
		}
	}
	if err := writeNew(target, p.TOML()); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", file, err)
		return false
	}
	// The written pack is checked like any other: imports often lack
	// sources and evidence levels, which are warnings.
	_, vd := pack.Parse(target, p.TOML(), os.DirFS(outDir), ".")
	errs, warns := 0, 0
	for _, d := range vd {
		if d.Severity == pack.Error {
			errs++
			fmt.Fprintln(stderr, d)
		} else {
			warns++
		}
	}
	fmt.Fprintf(stdout, "%s -> %s: %d questions", file, target, len(p.Questions))
	if warns > 0 {
		fmt.Fprintf(stdout, " (%d warnings: add explanations, sources and evidence levels; gutskin validate %s lists them)", warns, target)
	}
	fmt.Fprintln(stdout)
	return ok && errs == 0
}

// writeNew writes a file that must not exist yet.
func writeNew(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; it was not changed", name)
	}
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	return werr
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// slug makes a pack id from a file name.
func slug(s string) string {
	if id := convert.Slug(s, 60); id != "" {
		return id
	}
	return "imported"
}

// runExport is `gutskin export PACK.toml --format gift|csv [-o FILE]`.
func runExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "", "gift, moodle-xml or csv")
	out := fs.String("o", "", "file to write (default: standard output); never overwritten")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gutskin export PACK.toml --format gift|moodle-xml|csv [-o FILE]")
		fs.PrintDefaults()
	}
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(files) != 1 || (*format != "gift" && *format != "moodle-xml" && *format != "csv") {
		fs.Usage()
		return exitUsage
	}
	set := pack.Load(locations(files)...)
	if len(set.Packs()) != 1 {
		for _, d := range set.Diagnostics() {
			fmt.Fprintln(stderr, d)
		}
		fmt.Fprintf(stderr, "%s: not a playable pack; nothing exported\n", files[0])
		return exitProblems
	}
	p := set.Packs()[0]
	var data []byte
	var diags []pack.Diagnostic
	switch *format {
	case "gift":
		data, diags = convert.ToGIFT(p)
	case "moodle-xml":
		data, diags = convert.ToMoodleXML(p)
	default:
		data, diags = convert.ToCSV(p)
	}
	for _, d := range diags {
		fmt.Fprintln(stderr, d)
	}
	if *out == "" {
		stdout.Write(data)
	} else {
		f, err := os.OpenFile(*out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			fmt.Fprintf(stderr, "gutskin export: %v (an existing file is never overwritten)\n", unwrapPath(err))
			return exitProblems
		}
		_, werr := f.Write(data)
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			fmt.Fprintln(stderr, "gutskin export:", werr)
			return exitProblems
		}
	}
	if len(diags) > 0 {
		return exitProblems
	}
	return exitOK
}
