package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/term"

	"github.com/seclint/seclint/report"
)

// inferFormat names the format an --output file's extension implies
// (-o out.sarif alone writes SARIF), or "" when it implies none.
func inferFormat(file string) string {
	switch strings.ToLower(filepath.Ext(file)) {
	case ".sarif":
		return "sarif"
	case ".json":
		return "json"
	case ".xml":
		return "junit"
	case ".txt":
		return "text"
	}
	return ""
}

// colorModes are the values of --color, as GNU ls and git take them.
var colorModes = []string{"auto", "always", "never"}

func checkColor(mode string) error {
	if slices.Contains(colorModes, mode) {
		return nil
	}
	return fmt.Errorf("--color %q: want auto, always or never", mode)
}

// colorOn decides whether text on w is coloured: always, never, or with
// auto on a terminal unless NO_COLOR is set (https://no-color.org).
func colorOn(mode string, w io.Writer) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	out, ok := w.(*os.File)
	return ok && os.Getenv("NO_COLOR") == "" && term.IsTerminal(int(out.Fd()))
}

// checkVarFiles makes a --var-file that does not exist a usage error, as
// terraform plan -var-file does, instead of a scan without its values.
func checkVarFiles(files []string, from string) error {
	for _, f := range files {
		info, err := os.Stat(f)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return fmt.Errorf("%s %s: no such file", from, f)
		case err != nil:
			return fmt.Errorf("%s %s: %w", from, f, errors.Unwrap(err))
		case info.IsDir():
			return fmt.Errorf("%s %s: is a directory, want a .tfvars file", from, f)
		}
	}
	return nil
}

// baselineWritten is the one line --write-baseline prints.
func baselineWritten(path string, rep *report.Report) string {
	line := fmt.Sprintf("seclint: recorded %s in %s", pluralize(len(rep.Active()), "finding"), path)
	if rep.HasErrors() {
		line += "; some files could not be parsed (run without --write-baseline to see them)"
	}
	return line
}

func pluralize(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
