package main

import (
	"bytes"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// indexHTML is the page that loads the browser build.
//
//go:embed web.html
var indexHTML []byte

// runWeb builds the browser version of the game into a folder that any
// static web server can serve: index.html, wasm_exec.js (Go's loader, from
// the Go installation that builds) and gutskin.wasm. It is the recipe
//
//	GOOS=js GOARCH=wasm CGO_ENABLED=0 go build -o DIR/gutskin.wasm ./cmd/gutskin
//	cp "$(go env GOROOT)/lib/wasm/wasm_exec.js" DIR/
//
// plus the page, and needs the go tool and this source tree.
func runWeb(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gutskin web", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "web", "folder to write (created; files of the same names are replaced)")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: gutskin web [-o DIR]")
		return exitUsage
	}
	if err := buildWeb(*out, stderr); err != nil {
		fmt.Fprintln(stderr, "gutskin web:", err)
		return exitProblems
	}
	fmt.Fprintf(stdout, "wrote %s: serve it with any static web server, e.g. python3 -m http.server -d %s 8080\n", *out, *out)
	return exitOK
}

func buildWeb(out string, stderr io.Writer) error {
	dir, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	gomod, err := goEnv("GOMOD")
	if err != nil {
		return err
	}
	if gomod == "" || gomod == os.DevNull {
		return errors.New("run it inside the gutskin source tree (the go tool builds the game from it)")
	}
	goroot, err := goEnv("GOROOT")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	build := exec.Command("go", "build", "-o", filepath.Join(dir, "gutskin.wasm"), "gutskin/cmd/gutskin")
	build.Dir = filepath.Dir(gomod)
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	build.Stdout, build.Stderr = stderr, stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("GOOS=js GOARCH=wasm go build: %w", err)
	}
	var loader []byte
	for _, p := range []string{"lib/wasm/wasm_exec.js", "misc/wasm/wasm_exec.js"} { // Go 1.24+, older
		if loader, err = os.ReadFile(filepath.Join(goroot, p)); err == nil {
			break
		}
	}
	if err != nil {
		return fmt.Errorf("no wasm_exec.js in %s: %w", goroot, err)
	}
	if err := os.WriteFile(filepath.Join(dir, "wasm_exec.js"), loader, 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "index.html"), indexHTML, 0o644)
}

func goEnv(name string) (string, error) {
	var buf bytes.Buffer
	cmd := exec.Command("go", "env", name)
	cmd.Stdout = &buf
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go env %s: %w (the go tool is needed)", name, err)
	}
	return strings.TrimSpace(buf.String()), nil
}
