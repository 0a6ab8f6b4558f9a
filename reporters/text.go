package reporters

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fatih/color"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/report"
)

const (
	// maxSourceLines is how many lines of a range the text reporter quotes.
	maxSourceLines = 5
	// maxSourceWidth cuts quoted lines, so that a minified JSON template
	// does not flood the terminal.
	maxSourceWidth = 200
)

// palette holds the colours of the text reporter. Each colour is enabled
// explicitly, so the output does not depend on color.NoColor, which
// fatih/color sets from the environment of the process.
type palette struct {
	on                           bool
	location, rule, gutter, bold *color.Color
	severity                     map[report.Severity]*color.Color
	diag                         map[model.DiagSeverity]*color.Color
}

func newPalette(on bool) *palette {
	mk := func(attrs ...color.Attribute) *color.Color {
		c := color.New(attrs...)
		c.EnableColor()
		return c
	}
	return &palette{
		on:       on,
		location: mk(color.Bold),
		rule:     mk(color.FgCyan),
		gutter:   mk(color.Faint),
		bold:     mk(color.Bold),
		severity: map[report.Severity]*color.Color{
			report.Critical: mk(color.Bold, color.FgMagenta),
			report.High:     mk(color.Bold, color.FgRed),
			report.Medium:   mk(color.FgYellow),
			report.Low:      mk(color.FgBlue),
		},
		diag: map[model.DiagSeverity]*color.Color{
			model.DiagError:   mk(color.Bold, color.FgRed),
			model.DiagWarning: mk(color.FgYellow),
			model.DiagNote:    mk(color.FgBlue),
		},
	}
}

// paint colours s with c when colour is on.
func (p *palette) paint(c *color.Color, s string) string {
	if !p.on || c == nil {
		return s
	}
	return c.Sprint(s)
}

// textWriter renders one report. It caches the source files it quotes.
type textWriter struct {
	buf   bytes.Buffer
	r     *report.Report
	opts  Options
	pal   *palette
	files map[string][]string // path → lines; nil when unreadable
}

func writeText(w io.Writer, r *report.Report, opts Options) error {
	t := &textWriter{r: r, opts: opts, pal: newPalette(opts.Color), files: map[string][]string{}}
	file := ""
	for i, f := range r.Findings {
		if f.Suppression != nil && !opts.ShowSuppressed {
			continue
		}
		// With source quoted, the output is for people: findings come
		// grouped under a header per file. Without, every line stands alone
		// for tools and editors.
		if opts.ShowSource && f.Range.File != file {
			file = f.Range.File
			t.header(file, r.Findings[i:])
		}
		t.finding(f)
	}
	if opts.ShowSource && len(r.Diagnostics) > 0 && file != "" {
		t.buf.WriteString(t.pal.paint(t.pal.bold, "── input problems") + "\n\n")
	}
	for _, d := range r.Diagnostics {
		t.diagnostic(d)
	}
	if opts.ShowSummary {
		if t.buf.Len() > 0 && !opts.ShowSource {
			t.buf.WriteByte('\n') // ShowSource already ends each entry with a blank line
		}
		t.summary()
	}
	_, err := w.Write(t.buf.Bytes())
	return err
}

// finding writes "file:line:col  SEVERITY  rule-id  message".
func (t *textWriter) finding(f report.Finding) {
	ru, _ := t.r.Rule(f.RuleID)
	sev := severityOf(f, ru)
	p := t.pal
	fmt.Fprintf(&t.buf, "%s  %s  %s  %s\n",
		p.paint(p.location, sanitize(location(f.Range))),
		p.paint(p.severity[sev], sanitize(string(sev))),
		p.paint(p.rule, sanitize(f.RuleID)),
		indentLines(f.Message))
	if s := f.Suppression; s != nil {
		note := "suppressed at " + location(s.Range)
		if s.Justification != "" {
			note += ": " + s.Justification
		}
		fmt.Fprintf(&t.buf, "    %s\n", p.paint(p.gutter, sanitize(note)))
	}
	for _, rel := range f.Related {
		fmt.Fprintf(&t.buf, "    %s %s\n", p.paint(p.gutter, sanitize(rel.Message)+":"), sanitize(location(rel.Range)))
	}
	t.source(f.Range)
}

// header introduces the findings of one file: those that follow in a run
// (all of the file's when findings are sorted by file; those of one
// severity when sorted by severity).
func (t *textWriter) header(file string, next []report.Finding) {
	n := 0
	for _, f := range next {
		if f.Range.File != file {
			break
		}
		if f.Suppression == nil || t.opts.ShowSuppressed {
			n++
		}
	}
	fmt.Fprintf(&t.buf, "%s\n\n", t.pal.paint(t.pal.bold, fmt.Sprintf("── %s (%s)", sanitize(file), plural(n, "finding"))))
}

// diagnostic writes "file:line:col  error  summary: detail".
func (t *textWriter) diagnostic(d model.Diagnostic) {
	msg := d.Summary
	if d.Detail != "" {
		msg += ": " + d.Detail
	}
	p := t.pal
	fmt.Fprintf(&t.buf, "%s  %s  %s\n",
		p.paint(p.location, sanitize(location(d.Range))),
		p.paint(p.diag[d.Severity], sanitize(string(d.Severity))),
		indentLines(msg))
	t.source(d.Range)
}

// source quotes up to maxSourceLines lines of rg with their line numbers in
// a gutter, followed by a blank line. It writes nothing when ShowSource is
// off, and only the blank line when the file cannot be read.
func (t *textWriter) source(rg model.Range) {
	if !t.opts.ShowSource {
		return
	}
	defer t.buf.WriteByte('\n')
	lines := t.lines(rg.File)
	first := rg.Start.Line
	if first < 1 || first > len(lines) {
		return
	}
	last := max(rg.End.Line, first)
	last = min(last, len(lines))
	more := 0
	if last-first+1 > maxSourceLines {
		more = last - first + 1 - maxSourceLines
		last = first + maxSourceLines - 1
	}
	// One line of context on each side; the lines of the range are marked.
	from, to := max(first-1, 1), last
	if more == 0 && last < len(lines) {
		to = last + 1
	}
	width := len(strconv.Itoa(to))
	p := t.pal
	for n := from; n <= to; n++ {
		mark := " "
		if n >= first && n <= last {
			mark = ">"
		}
		gutter := fmt.Sprintf("  %s %*d | ", mark, width, n)
		if mark == ">" {
			gutter = p.paint(p.bold, gutter)
		} else {
			gutter = p.paint(p.gutter, gutter)
		}
		fmt.Fprintf(&t.buf, "%s%s\n", gutter, sanitize(truncate(lines[n-1], maxSourceWidth)))
	}
	if more > 0 {
		gutter := fmt.Sprintf("    %*s | ", width, "")
		fmt.Fprintf(&t.buf, "%s%s\n", p.paint(p.gutter, gutter), p.paint(p.gutter, fmt.Sprintf("... %d more %s", more, pluralWord(more, "line"))))
	}
}

// lines returns the lines of a source file, reading it once.
func (t *textWriter) lines(file string) []string {
	if file == "" {
		return nil
	}
	if lines, ok := t.files[file]; ok {
		return lines
	}
	var lines []string
	if data, err := os.ReadFile(absPath(t.r.Root, file)); err == nil {
		lines = strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	}
	t.files[file] = lines
	return lines
}

// summary writes e.g. "12 files, 34 resources, 5 findings (1 CRITICAL, 2
// HIGH, 2 MEDIUM, 0 LOW), 1 error, 2 warnings, 0.21s".
func (t *textWriter) summary() {
	r := t.r
	counts := r.Counts()
	bySev := make([]string, 0, len(report.Severities))
	for _, s := range report.Severities {
		bySev = append(bySev, fmt.Sprintf("%d %s", counts[s], s))
	}
	files := plural(r.Files, "file")
	if r.Skipped > 0 {
		files += fmt.Sprintf(" (%d named YAML/JSON %s skipped: neither templates nor policies)", r.Skipped, pluralWord(r.Skipped, "file"))
	}
	parts := []string{
		files,
		plural(r.Resources, "resource"),
		fmt.Sprintf("%s (%s)", plural(len(r.Findings)-r.Suppressed(), "finding"), strings.Join(bySev, ", ")),
	}
	if n := r.Suppressed(); n > 0 {
		parts = append(parts, fmt.Sprintf("%d suppressed", n))
	}
	// Input problems: errors (a file that could not be parsed, a template
	// CloudFormation rejects) and warnings; notes are not counted.
	errs, warns := 0, 0
	for _, d := range r.Diagnostics {
		switch d.Severity {
		case model.DiagError:
			errs++
		case model.DiagWarning:
			warns++
		}
	}
	if errs > 0 {
		parts = append(parts, plural(errs, "error"))
	}
	if warns > 0 {
		parts = append(parts, plural(warns, "warning"))
	}
	if r.Duration > 0 {
		parts = append(parts, fmt.Sprintf("%.2fs", r.Duration.Seconds()))
	}
	t.buf.WriteString(t.pal.paint(t.pal.bold, strings.Join(parts, ", ")))
	t.buf.WriteByte('\n')
}

// indentLines sanitizes a message and indents its continuation lines, so
// that a multi-line detail stays visibly attached to its entry.
func indentLines(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = sanitize(strings.TrimSuffix(l, "\r"))
	}
	return strings.Join(lines, "\n    ")
}

// sanitize replaces control characters other than tab, bidirectional
// controls and invalid UTF-8. Messages and source lines come from the
// scanned files: a terminal must not execute escape sequences planted in
// them, nor show text reordered to hide what it says.
func sanitize(s string) string {
	if !strings.ContainsFunc(s, isUnsafe) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isUnsafe(r) {
			return utf8.RuneError
		}
		return r
	}, s)
}

func isUnsafe(r rune) bool {
	return r != '\t' && unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == utf8.RuneError
}

// truncate cuts s to n runes, marking the cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)
	return string(runes[:n]) + "..."
}
