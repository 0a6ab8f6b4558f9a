package seclint

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/seclint/seclint/config"
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/report"
)

// ignoreRe matches an ignore comment:
//
//	# seclint:ignore rule-a,rule-b until=2026-12-31 -- reason
//
// (also with //). The rule list may be "*" for every rule.
var ignoreRe = regexp.MustCompile(`(?:#|//)\s*seclint:ignore\s+([A-Za-z0-9_*,.-]+)((?:\s+until=\S+)?)(?:\s+--\s*(.*?))?\s*$`)

// ignore is one suppression: an ignore comment, a CloudFormation Metadata
// entry or a path-scoped entry of the config file.
type ignore struct {
	rules []string // "*" matches every rule
	until string   // YYYY-MM-DD or ""
	// expiry is the first day the suppression no longer applies.
	expiry time.Time
	reason string
	kind   string
	// where the suppression is written
	at model.Range
	// what it covers: a file's lines, a resource, or file globs
	file             string
	fromLine, toLine int
	resource         string
	globs            []string
	// used is set by whichever worker first matches a finding with it.
	used atomic.Bool
}

func (ig *ignore) matchesRule(id string) bool {
	for _, r := range ig.rules {
		if r == "*" || r == id {
			return true
		}
	}
	return false
}

func (ig *ignore) covers(f *report.Finding) bool {
	if !ig.matchesRule(f.RuleID) {
		return false
	}
	switch {
	case ig.resource != "":
		return ig.file == f.Range.File && (f.Resource == ig.resource || strings.HasPrefix(f.Resource, ig.resource+"."))
	case ig.globs != nil:
		return matchAny(ig.globs, f.Range.File)
	}
	if inLines(ig, f.Range) {
		return true
	}
	// A comment above a module call covers what the module declares.
	for _, r := range f.Related {
		if inLines(ig, r.Range) {
			return true
		}
	}
	return false
}

func inLines(ig *ignore, r model.Range) bool {
	return r.File == ig.file && r.Start.Line >= ig.fromLine && r.Start.Line <= ig.toLine
}

// parseUntil validates an until= date.
func parseUntil(s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("until=%s is not a date of the form YYYY-MM-DD", s)
	}
	return t.AddDate(0, 0, 1), nil
}

// commentIgnores finds the ignore comments of one source file and the lines
// each covers. A comment after code covers its own line. A comment on a
// line of its own covers the next line of code and, when that line opens a
// block, the whole block: up to the matching closing brace in HCL, or the
// lines indented deeper than it in YAML.
func commentIgnores(path string, src []byte) ([]*ignore, []model.Diagnostic) {
	if !mayHoldIgnore(src) {
		return nil, nil
	}
	lines := strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
	var out []*ignore
	var diags []model.Diagnostic
	for i, line := range lines {
		m := ignoreRe.FindStringSubmatchIndex(line)
		if m == nil {
			if d, ok := malformedIgnore(path, i+1, line); ok {
				diags = append(diags, d)
			}
			continue
		}
		lineNo := i + 1
		at := model.Range{File: path, Start: model.Pos{Line: lineNo, Column: m[0] + 1}, End: model.Pos{Line: lineNo, Column: len(line) + 1}}
		ig := &ignore{kind: report.SuppressionInSource, at: at, file: path}
		ig.rules = strings.Split(line[m[2]:m[3]], ",")
		if m[4] < m[5] {
			ig.until = strings.TrimPrefix(strings.TrimSpace(line[m[4]:m[5]]), "until=")
			exp, err := parseUntil(ig.until)
			if err != nil {
				diags = append(diags, model.Diagnostic{Severity: model.DiagWarning, Summary: "invalid ignore comment", Detail: err.Error() + "; the comment is ignored", Range: at})
				continue
			}
			ig.expiry = exp
		}
		if m[6] >= 0 {
			ig.reason = strings.TrimSpace(line[m[6]:m[7]])
		}
		before := strings.TrimSpace(line[:m[0]])
		if before != "" {
			ig.fromLine, ig.toLine = lineNo, lineNo
		} else {
			ig.fromLine, ig.toLine = blockAfter(lines, i+1)
		}
		out = append(out, ig)
	}
	return out, diags
}

// blockAfter returns the 1-based line range of the statement that starts at
// the first line of code at or after index start.
func blockAfter(lines []string, start int) (from, to int) {
	i := start
	for i < len(lines) && isBlankOrComment(lines[i]) {
		i++
	}
	if i >= len(lines) {
		return start + 1, start + 1
	}
	from, to = i+1, i+1
	line := lines[i]
	// HCL: a line that opens more braces or brackets than it closes runs to
	// the line that balances them (a heredoc's body is skipped).
	if depth := bracketDelta(line); depth > 0 {
		heredoc := heredocMarker(line)
		for j := i + 1; j < len(lines); j++ {
			if heredoc != "" {
				if strings.TrimSpace(lines[j]) == heredoc {
					heredoc = ""
				}
				continue
			}
			depth += bracketDelta(lines[j])
			heredoc = heredocMarker(lines[j])
			if depth <= 0 {
				return from, j + 1
			}
		}
		return from, len(lines)
	}
	// YAML: a key owns the lines indented deeper than it, and a key that
	// ends in ":" also owns a sequence written at its own indentation.
	indent := indentOf(line)
	opensSequence := strings.HasSuffix(strings.TrimSpace(line), ":")
	for j := i + 1; j < len(lines); j++ {
		if isBlankOrComment(lines[j]) {
			continue
		}
		in := indentOf(lines[j])
		item := strings.HasPrefix(strings.TrimSpace(lines[j]), "- ")
		sameLevelItem := in == indent && opensSequence && item
		if in < indent || in == indent && !sameLevelItem {
			break
		}
		to = j + 1
	}
	return from, to
}

func isBlankOrComment(l string) bool {
	t := strings.TrimSpace(l)
	return t == "" || strings.HasPrefix(t, "#") || strings.HasPrefix(t, "//")
}

func indentOf(l string) int { return len(l) - len(strings.TrimLeft(l, " \t")) }

// bracketDelta counts { and [ minus } and ] outside strings and comments.
func bracketDelta(l string) int {
	d := 0
	inStr := false
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch {
		case inStr && c == '\\':
			i++
		case c == '"':
			inStr = !inStr
		case inStr:
		case c == '#' || (c == '/' && i+1 < len(l) && l[i+1] == '/'):
			return d
		case c == '{' || c == '[':
			d++
		case c == '}' || c == ']':
			d--
		}
	}
	return d
}

// heredocMarker returns the terminator of a heredoc opened on the line.
func heredocMarker(l string) string {
	i := strings.Index(l, "<<")
	if i < 0 {
		return ""
	}
	m := strings.TrimPrefix(l[i+2:], "-")
	m = strings.TrimSpace(m)
	if m == "" || strings.ContainsAny(m, " \"'{}") {
		return ""
	}
	return m
}

// applyIgnores marks the findings that a live suppression covers, notes on
// the others when their suppression has lapsed, and returns the
// suppressions that matched nothing.
func applyIgnores(findings []report.Finding, igs []*ignore, today time.Time) []*ignore {
	for i := range findings {
		f := &findings[i]
		var expired *ignore
		for _, ig := range igs {
			if !ig.covers(f) {
				continue
			}
			ig.used.Store(true)
			if !ig.expiry.IsZero() && !today.Before(ig.expiry) {
				expired = ig
				continue
			}
			f.Suppression = &report.Suppression{Kind: ig.kind, Justification: ig.reason, Until: ig.until, Range: ig.at}
			break
		}
		if f.Suppression == nil && expired != nil {
			f.Message += fmt.Sprintf(" (suppression at %s expired on %s)", expired.at, expired.until)
		}
	}
	// One written entry can stand for several objects (a SAM function's
	// Metadata covers the function and the role SAM makes for it): it is
	// unused only when none of them matched.
	usedAt := map[model.Range]bool{}
	for _, ig := range igs {
		if ig.used.Load() {
			usedAt[ig.at] = true
		}
	}
	var unused []*ignore
	for _, ig := range igs {
		if !usedAt[ig.at] {
			usedAt[ig.at] = true // report each written entry once
			unused = append(unused, ig)
		}
	}
	return unused
}

// quietFiles remembers, for one scan, the files found to hold no ignore
// comment (most of them). A module that many roots call is read by each of
// their units; its text is searched once per scan rather than once per unit.
// Files that hold one are parsed again by each unit: the ignores stay the
// unit's own, each tracking its use for the unused-ignore warnings.
type quietFiles struct {
	mu    sync.RWMutex
	files map[string]bool
}

func (q *quietFiles) has(path string) bool {
	q.mu.RLock()
	defer q.mu.RUnlock()
	return q.files[path]
}

func (q *quietFiles) add(path string) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.files == nil {
		q.files = map[string]bool{}
	}
	q.files[path] = true
}

// unitIgnores collects the suppressions of a unit: the ignore entries its
// parser found (CloudFormation Metadata) and the ignore comments of its files.
// src, when not nil, is the content of the file at path, already read;
// the unit's Sources hold others, and any other file is read. quiet holds
// the files of the scan already known to hold no ignore comment.
func unitIgnores(u *model.Unit, path string, src []byte, quiet *quietFiles) ([]*ignore, []model.Diagnostic) {
	var igs []*ignore
	var diags []model.Diagnostic
	for _, s := range u.Suppressions {
		ig := &ignore{rules: s.Rules, until: s.Until, reason: s.Reason, kind: report.SuppressionInSource,
			at: s.Range, file: s.Range.File, resource: s.Resource}
		if s.Until != "" {
			exp, err := parseUntil(s.Until)
			if err != nil {
				diags = append(diags, model.Diagnostic{Severity: model.DiagWarning, Summary: "invalid suppression", Detail: err.Error() + "; the entry is ignored", Range: s.Range})
				continue
			}
			ig.expiry = exp
		}
		igs = append(igs, ig)
	}
	for _, f := range u.Files {
		if quiet.has(f) {
			continue
		}
		text := src
		if f != path || text == nil {
			text = u.Sources[f]
		}
		if text == nil {
			var err error
			if text, err = os.ReadFile(f); err != nil {
				continue // the parser already reported it
			}
		}
		if !mayHoldIgnore(text) {
			quiet.add(f)
			continue
		}
		i, d := commentIgnores(f, text)
		igs = append(igs, i...)
		diags = append(diags, d...)
	}
	return igs, diags
}

// configIgnores turns the config file's ignore entries into suppressions.
func configIgnores(entries []config.Ignore, path string) ([]*ignore, error) {
	var out []*ignore
	for _, e := range entries {
		ig := &ignore{
			rules:  e.Rules,
			until:  e.Until,
			reason: e.Reason,
			kind:   report.SuppressionExternal,
			globs:  e.Paths,
			at:     model.Range{File: path, Start: model.Pos{Line: e.Line, Column: 1}},
		}
		if e.Until != "" {
			exp, err := parseUntil(e.Until)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, e.Line, err)
			}
			ig.expiry = exp
		}
		out = append(out, ig)
	}
	return out, nil
}

func unusedDiagnostic(ig *ignore) model.Diagnostic {
	return model.Diagnostic{
		Severity: model.DiagWarning,
		Summary:  "unused suppression",
		Detail:   fmt.Sprintf("this suppression of %s matched no finding; remove it", strings.Join(ig.rules, ",")),
		Range:    ig.at,
	}
}
