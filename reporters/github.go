package reporters

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/report"
)

// writeGitHub renders the report as GitHub Actions workflow commands
// (::error file=...,line=...::message), which the runner turns into
// annotations on the pull request's diff: code scanning for repositories
// that do not have it. CRITICAL and HIGH findings are errors, MEDIUM
// warnings and LOW notices; suppressed findings are left out, as in the text
// output. Paths are relative to the scan's working directory, which in a
// workflow is the repository root.
func writeGitHub(w io.Writer, r *report.Report) error {
	bw := bufio.NewWriter(w)
	rules := map[string]report.Rule{}
	for _, ru := range sortedRules(r, false) {
		rules[ru.ID] = ru
	}
	for _, d := range r.Diagnostics {
		level := "warning"
		switch d.Severity {
		case model.DiagError:
			level = "error"
		case model.DiagNote:
			level = "notice"
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += ": " + d.Detail
		}
		writeCommand(bw, level, githubProps(r.Root, d.Range, "seclint: "+d.Summary), msg)
	}
	// GitHub shows only the first 10 annotations of each level per step
	// (50 per job): the most severe findings go first.
	active := r.Active()
	slices.SortStableFunc(active, func(a, b report.Finding) int {
		return cmp.Compare(severityOf(b, rules[b.RuleID]).Rank(), severityOf(a, rules[a.RuleID]).Rank())
	})
	for _, f := range active {
		ru := rules[f.RuleID]
		sev := severityOf(f, ru)
		level := "notice"
		switch sev {
		case report.Critical, report.High:
			level = "error"
		case report.Medium:
			level = "warning"
		}
		title := fmt.Sprintf("%s (%s)", f.RuleID, sev)
		if ru.Title != "" && ru.Title != ru.ID {
			title = fmt.Sprintf("%s: %s (%s)", f.RuleID, ru.Title, sev)
		}
		msg := f.Message
		if f.Resource != "" {
			msg += "\nResource: " + f.Resource
		}
		if !ru.Custom {
			msg += "\nFix: seclint explain " + f.RuleID + " or " + rulesDocURI + f.RuleID + ".md"
		}
		writeCommand(bw, level, githubProps(r.Root, f.Range, title), msg)
	}
	fmt.Fprintf(bw, "seclint: %s, %s in %s\n", plural(len(active), "finding"), plural(errorCount(r), "error"), plural(r.Files, "file"))
	return bw.Flush()
}

// githubProps returns the command's properties, leaving out what is unknown.
func githubProps(root string, rg model.Range, title string) []string {
	var props []string
	if rg.File != "" {
		file := rg.File
		if rel, ok := relPath(root, rg.File); ok {
			file = rel
		}
		props = append(props, "file="+escapeProperty(file))
		if rg.Start.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", rg.Start.Line))
			if rg.End.Line > rg.Start.Line {
				props = append(props, fmt.Sprintf("endLine=%d", rg.End.Line))
			}
			if rg.Start.Column > 0 {
				props = append(props, fmt.Sprintf("col=%d", rg.Start.Column))
				// GitHub reads endColumn only on a single-line annotation.
				if (rg.End.Line == 0 || rg.End.Line == rg.Start.Line) && rg.End.Column > rg.Start.Column {
					props = append(props, fmt.Sprintf("endColumn=%d", rg.End.Column))
				}
			}
		}
	}
	return append(props, "title="+escapeProperty(title))
}

func writeCommand(w io.Writer, level string, props []string, msg string) {
	fmt.Fprintf(w, "::%s %s::%s\n", level, strings.Join(props, ","), escapeData(msg))
}

// escapeData and escapeProperty escape as the Actions runner unescapes
// (actions/toolkit, core/src/command.ts): a message cannot contain a raw
// newline, and a property value cannot contain the , and : that separate
// properties.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
