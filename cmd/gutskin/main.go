// Command gutskin is a desktop quiz game about the gut-skin axis: question
// cards from TOML packs, with explanations, sources and evidence levels.
//
//	gutskin                         play, on the packs built into the game
//	gutskin validate [PATH...]      check question packs
//
// Run "gutskin -h" for the game's flags.
package main

import (
	"flag"
	"fmt"
	"image"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"gutskin/game/pack"
	"gutskin/game/save"
	"gutskin/game/ui"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "validate":
			return runValidate(args[1:], stdout, stderr)
		case "new":
			return runNew(args[1:], stdout, stderr, time.Now())
		case "import":
			return runImport(args[1:], stdout, stderr, time.Now())
		case "export":
			return runExport(args[1:], stdout, stderr)
		case "help":
			usage(stderr)
			return exitOK
		}
	}
	return runGame(args, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, `usage:
  gutskin [flags]                 play (flags below)
  gutskin validate [--json] [PATH...]
                                  check question packs (the built-in ones when no path)
  gutskin new PACK-ID             write PACK-ID.toml here: a commented pack to start from
  gutskin import FILE... [-o DIR] turn Moodle GIFT (.gift, .txt) or CSV files into packs
  gutskin export PACK.toml --format gift|csv [-o FILE]
                                  write a pack as GIFT or CSV`)
}

func runGame(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("gutskin", flag.ContinueOnError)
	fs.SetOutput(stderr)
	shots := fs.String("screenshot-dir", "", "folder for screenshots taken with F12 (default: your pictures folder)")
	stats := fs.Bool("stats", false, "print frame counts and Update/Draw times on exit")
	profile := fs.String("profile", "", "player profile to use")
	configDir := fs.String("config-dir", "", "folder for profiles (default: the user config folder + /gutskin)")
	window := fs.String("window", "1280x720", "starting window size, WIDTHxHEIGHT")
	seed := fs.Uint64("seed", 0, "seed of the first round (0: random); later rounds add 1 each")
	var packDirs multiFlag
	fs.Var(&packDirs, "packs", "a folder (or file) of extra question packs to play beside the built-in ones; repeatable")
	watchFlag := fs.Bool("watch", false, "with --packs: reload a pack when its file is saved and preview the edited question")
	classFlag := fs.Bool("classroom", false, "open the classroom set-up directly (teams on a projector)")
	results := fs.String("results", "", "folder for classroom results (default: the config folder + /gutskin/results)")
	nowFlag := fs.String("now", "", "for testing: start the game's clock at this local time (2026-12-24 or 2026-12-24T18:30), to play across simulated days")
	fs.Usage = func() {
		usage(stderr)
		fmt.Fprintln(stderr, "\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "gutskin: unknown command %q\n", fs.Arg(0))
		usage(stderr)
		return exitUsage
	}
	size, err := parseSize(*window)
	if err != nil {
		fmt.Fprintln(stderr, "gutskin: -window:", err)
		return exitUsage
	}
	start := time.Now()
	var clock func() time.Time
	if *nowFlag != "" {
		t0, err := parseNow(*nowFlag, time.Local)
		if err != nil {
			fmt.Fprintln(stderr, "gutskin: -now:", err)
			return exitUsage
		}
		clock = func() time.Time { return t0.Add(time.Since(start)) }
	}
	dir := *configDir
	if dir == "" {
		dir, err = save.DefaultDir()
	}
	locs := locations(nil)
	if err == nil {
		// The packs folder of the config folder is scanned at every start.
		if own := filepath.Join(dir, "packs"); isDir(own) {
			locs = append(locs, pack.Location{FS: os.DirFS(own), Root: ".", Display: own, Origin: own})
		}
	}
	if len(packDirs) > 0 {
		locs = append(locs, locations(packDirs)...)
	}
	if *watchFlag && len(packDirs) == 0 {
		fmt.Fprintln(stderr, "gutskin: --watch needs --packs DIR: the folder of the packs you are writing")
		return exitUsage
	}
	load := func() *pack.Set {
		set := loadWithFit(locs)
		for _, d := range set.Diagnostics() {
			fmt.Fprintln(stderr, d)
		}
		return set
	}
	opts := ui.Options{Packs: load(), Profile: *profile, ScreenshotDir: *shots, WindowSize: size, Classroom: *classFlag, ResultsDir: *results, Now: clock}
	if *watchFlag {
		stop := make(chan struct{})
		defer close(stop)
		opts.Changed = watch(packDirs, 400*time.Millisecond, nil, stop)
		opts.Reload = load
	}
	if err != nil {
		fmt.Fprintln(stderr, "gutskin: no config folder, scores will not be kept:", err)
	} else {
		opts.Store = &save.Store{Dir: dir}
	}
	if *seed != 0 {
		next := *seed
		opts.Seed = func() uint64 {
			next++
			return next - 1
		}
	}
	st := ui.Stats{Start: start}
	if *stats {
		opts.Stats = &st
	}
	if path := os.Getenv("GUTSKIN_CPUPROFILE"); path != "" {
		if f, perr := os.Create(path); perr == nil {
			pprof.StartCPUProfile(f)
			defer func() {
				pprof.StopCPUProfile()
				f.Close()
			}()
		}
	}
	err = ui.Run(opts)
	if *stats {
		fmt.Fprintf(stderr, "gutskin: %s; session %v\n", st.String(), time.Since(start).Round(time.Millisecond))
	}
	if err != nil {
		fmt.Fprintln(stderr, "gutskin:", err)
		return exitProblems
	}
	return exitOK
}

// multiFlag is a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// loadWithFit loads packs and checks the player's own (not the embedded
// ones, which the tests check) against the game's cards.
func loadWithFit(locs []pack.Location) *pack.Set {
	set := pack.Load(locs...)
	var own []*pack.Pack
	for _, f := range set.Files {
		if f.OK() && f.Origin != "embedded" {
			own = append(own, f.Pack)
		}
	}
	if len(own) > 0 {
		if fit, err := ui.CheckFit(own); err == nil {
			set.AddDiagnostics(fit)
		}
	}
	return set
}

// parseNow reads the --now flag: a date, a date and time, or RFC 3339.
func parseNow(s string, loc *time.Location) (time.Time, error) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a time such as 2026-12-24 or 2026-12-24T18:30", s)
}

func parseSize(s string) (image.Point, error) {
	w, h, ok := strings.Cut(strings.ToLower(s), "x")
	x, err1 := strconv.Atoi(w)
	y, err2 := strconv.Atoi(h)
	if !ok || err1 != nil || err2 != nil || x < 960 || y < 540 || x > 7680 || y > 4320 {
		return image.Point{}, fmt.Errorf("%q is not a size such as 1280x720 (at least 960x540)", s)
	}
	return image.Pt(x, y), nil
}
