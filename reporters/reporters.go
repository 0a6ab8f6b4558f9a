// Package reporters renders a scan report as text for people, as seclint's
// own JSON, as SARIF 2.1.0 for GitHub code scanning and editors, and as JUnit
// XML for CI test dashboards.
//
// Every reporter is a pure function of the report (the text reporter also
// reads the source files to quote them): the same report always renders to
// the same bytes.
package reporters

import (
	"cmp"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/report"
)

// Options control the text reporter; the other formats ignore them.
type Options struct {
	// Color turns on ANSI colour. The caller decides: a terminal and no --no-color.
	Color bool
	// ShowSource prints the offending source lines under each finding.
	ShowSource bool
	// ShowSummary prints a summary line at the end.
	ShowSummary bool
	// ShowSuppressed makes the text output list suppressed findings too.
	ShowSuppressed bool
}

// Formats lists the supported format names.
var Formats = []string{"text", "json", "sarif", "junit", "github"}

// Write renders r to w in the named format.
func Write(w io.Writer, format string, r *report.Report, opts Options) error {
	if r == nil {
		return fmt.Errorf("reporters: nil report")
	}
	switch format {
	case "text":
		return writeText(w, r, opts)
	case "json":
		return writeJSON(w, r)
	case "sarif":
		return writeSARIF(w, r, maxSARIFResults)
	case "junit":
		return writeJUnit(w, r)
	case "github":
		return writeGitHub(w, r)
	}
	return fmt.Errorf("reporters: unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

// sortedRules returns the report's rules sorted by ID, plus a minimal entry
// for every rule ID that a finding (or, with checks, a check) names but
// r.Rules lacks, so that every output can refer to a rule for each finding.
// A rule listed twice is kept once, as first listed.
func sortedRules(r *report.Report, checks bool) []report.Rule {
	rules := make([]report.Rule, 0, len(r.Rules))
	known := make(map[string]bool, len(r.Rules))
	for _, ru := range r.Rules {
		if !known[ru.ID] {
			known[ru.ID] = true
			rules = append(rules, ru)
		}
	}
	add := func(id string, sev report.Severity) {
		if known[id] {
			return
		}
		known[id] = true
		rules = append(rules, report.Rule{ID: id, Title: id, Severity: sev})
	}
	for _, f := range r.Findings {
		add(f.RuleID, f.Severity)
	}
	if checks {
		for _, c := range r.Checks {
			add(c.RuleID, "")
		}
	}
	slices.SortStableFunc(rules, func(a, b report.Rule) int { return cmp.Compare(a.ID, b.ID) })
	return rules
}

// severityOf returns the finding's severity, or its rule's when the finding
// has none.
func severityOf(f report.Finding, rule report.Rule) report.Severity {
	if f.Severity.Rank() > 0 {
		return f.Severity
	}
	return rule.Severity
}

// errorCount is the number of error diagnostics.
func errorCount(r *report.Report) int {
	n := 0
	for _, d := range r.Diagnostics {
		if d.Severity == model.DiagError {
			n++
		}
	}
	return n
}

// location formats a range as file:line:col, leaving out what is unknown.
func location(rg model.Range) string {
	switch {
	case rg.File == "" && rg.Start.Line == 0:
		return "-"
	case rg.Start.Line == 0:
		return rg.File
	case rg.Start.Column == 0:
		return fmt.Sprintf("%s:%d", rg.File, rg.Start.Line)
	}
	return fmt.Sprintf("%s:%d:%d", rg.File, rg.Start.Line, rg.Start.Column)
}

// absPath resolves a file path as the scan found it: relative paths are
// relative to root, the working directory of the scan.
func absPath(root, file string) string {
	if filepath.IsAbs(file) || root == "" {
		return filepath.Clean(file)
	}
	return filepath.Join(root, file)
}

// relPath returns file relative to root with forward slashes, and false when
// the file lies outside root (or root is unknown and the path is absolute).
func relPath(root, file string) (string, bool) {
	if root == "" {
		if filepath.IsAbs(file) {
			return "", false
		}
		rel := filepath.Clean(file)
		if !filepath.IsLocal(rel) {
			return "", false
		}
		return filepath.ToSlash(rel), true
	}
	rel, err := filepath.Rel(root, absPath(root, file))
	if err != nil || !filepath.IsLocal(rel) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// fileURI turns an absolute path into a file:// URI, escaped by net/url.
// dir adds the trailing slash that marks a directory, which SARIF requires
// of a base URI.
func fileURI(path string, dir bool) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: C:/x becomes /C:/x
	}
	if dir && !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// plural returns "1 file" or "2 files".
func plural(n int, word string) string {
	return fmt.Sprintf("%d %s", n, pluralWord(n, word))
}

// pluralWord returns word, with an s unless n is 1.
func pluralWord(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
