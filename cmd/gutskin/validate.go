package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"gutskin/game/pack"
	"gutskin/game/ui"
	"gutskin/questions"
)

// Exit codes of the subcommands.
const (
	exitOK       = 0
	exitProblems = 1
	exitUsage    = 2
)

// locations turns command-line paths into pack locations; no path means the
// packs embedded in the game.
func locations(paths []string) []pack.Location {
	if len(paths) == 0 {
		return []pack.Location{{FS: questions.FS, Root: ".", Display: "questions", Origin: "embedded", Shipped: true}}
	}
	var locs []pack.Location
	for _, p := range paths {
		st, err := os.Stat(p)
		if err == nil && !st.IsDir() {
			locs = append(locs, pack.Location{FS: os.DirFS(filepath.Dir(p)), Root: filepath.Base(p), Display: p, Origin: filepath.Dir(p)})
			continue
		}
		// A folder, or a path that does not exist (reported by the loader).
		locs = append(locs, pack.Location{FS: os.DirFS(p), Root: ".", Display: p, Origin: p})
	}
	return locs
}

type jsonDiag struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

type jsonFile struct {
	File      string `json:"file"`
	Pack      string `json:"pack,omitempty"`
	Questions int    `json:"questions"`
	Playable  bool   `json:"playable"`
	// Errors and Warnings count every problem found, listed or not.
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	// Truncated says the list stops at the cap: Omitted more were found.
	Truncated   bool       `json:"truncated"`
	Omitted     int        `json:"omitted"`
	Diagnostics []jsonDiag `json:"diagnostics"`
}

type jsonReport struct {
	Files    []jsonFile `json:"files"`
	Errors   int        `json:"errors"`
	Warnings int        `json:"warnings"`
}

// runValidate is `gutskin validate [--json] [PATH...]`.
func runValidate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError) // checks packs, then their layout on the game's cards
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the report as JSON on standard output")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gutskin validate [--json] [FILE.toml | FOLDER]...")
		fmt.Fprintln(stderr, "Checks question packs; with no path, the packs shipped in the game.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitUsage
	}
	set := pack.Load(locations(fs.Args())...)
	fit, err := ui.CheckFit(set.Packs())
	if err != nil {
		fmt.Fprintln(stderr, "gutskin validate: cannot check the layout:", err)
		return exitProblems
	}
	set.AddDiagnostics(fit)
	errs, warns := set.Count()
	if *asJSON {
		rep := jsonReport{Files: []jsonFile{}, Errors: errs, Warnings: warns}
		for _, f := range set.Files {
			fe, fw := f.Count()
			jf := jsonFile{File: f.Name, Playable: f.OK(), Errors: fe, Warnings: fw,
				Truncated: f.Omitted.Total() > 0, Omitted: f.Omitted.Total(), Diagnostics: []jsonDiag{}}
			if f.Pack != nil {
				jf.Pack, jf.Questions = f.Pack.ID, len(f.Pack.Questions)
			}
			for _, d := range f.Diagnostics {
				jf.Diagnostics = append(jf.Diagnostics, jsonDiag{d.File, d.Line, d.Col, d.Severity.String(), d.Message})
			}
			rep.Files = append(rep.Files, jf)
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			fmt.Fprintln(stderr, "gutskin validate:", err)
			return exitProblems
		}
	} else {
		for _, f := range set.Files {
			for _, d := range f.Diagnostics {
				fmt.Fprintln(stderr, d)
			}
			if note, ok := f.OmittedNote(); ok {
				fmt.Fprintln(stderr, note)
			}
		}
		questionsN := 0
		for _, p := range set.Packs() {
			questionsN += len(p.Questions)
		}
		fmt.Fprintf(stderr, "%s, %s, %s: %s, %s\n", plural(len(set.Files), "file"), plural(len(set.Packs()), "playable pack"),
			plural(questionsN, "question"), plural(errs, "error"), plural(warns, "warning"))
	}
	if errs > 0 {
		return exitProblems
	}
	return exitOK
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
