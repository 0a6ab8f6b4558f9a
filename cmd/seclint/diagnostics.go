package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/report"
)

// diagLevels are the values of --diagnostics: the lowest level listed.
var diagLevels = map[string]int{"error": 3, "warning": 2, "all": 1}

func checkDiagLevel(level string) error {
	if level == "" || diagLevels[level] > 0 {
		return nil
	}
	return fmt.Errorf("--diagnostics %q: want error, warning or all", level)
}

func diagRank(s model.DiagSeverity) int {
	switch s {
	case model.DiagError:
		return 3
	case model.DiagWarning:
		return 2
	}
	return 1
}

// diagnosticsView is the report an output shows. --diagnostics LEVEL lists
// diagnostics at LEVEL and above in every format. Without it, the text
// output lists errors and warnings, and sums up notes of one kind that
// occur more than once ("module not available, run terraform init" in
// every module) in one line; -q leaves diagnostics out of the text output.
// The exit code is always the full report's.
func diagnosticsView(r *report.Report, level string, quiet, text bool) *report.Report {
	var keep []model.Diagnostic
	switch {
	case level != "":
		for _, d := range r.Diagnostics {
			if diagRank(d.Severity) >= diagLevels[level] {
				keep = append(keep, d)
			}
		}
	case !text:
		return r
	case quiet:
		keep = nil
	default:
		keep = summariseNotes(r.Diagnostics)
	}
	view := *r
	view.Diagnostics = keep
	return &view
}

// summariseNotes keeps errors, warnings and the notes of a kind that occurs
// once, and replaces the notes of a kind that occurs more often by one line
// where the first one was.
func summariseNotes(ds []model.Diagnostic) []model.Diagnostic {
	count := map[string]int{}
	files := map[string]map[string]bool{}
	for _, d := range ds {
		if d.Severity == model.DiagNote {
			count[d.Summary]++
			if files[d.Summary] == nil {
				files[d.Summary] = map[string]bool{}
			}
			files[d.Summary][d.Range.File] = true
		}
	}
	out := make([]model.Diagnostic, 0, len(ds))
	done := map[string]bool{}
	for _, d := range ds {
		n := count[d.Summary]
		if d.Severity != model.DiagNote || n < 2 {
			out = append(out, d)
			continue
		}
		if done[d.Summary] {
			continue
		}
		done[d.Summary] = true
		out = append(out, model.Diagnostic{
			Severity: model.DiagNote,
			Summary:  d.Summary,
			Detail:   strings.TrimPrefix(d.Detail+" ", " ") + fmt.Sprintf("(and %d more like it, in %s in all; --diagnostics all lists them)", n-1, pluralize(len(files[d.Summary]), "file")),
			Range:    model.Range{File: d.Range.File},
		})
	}
	return out
}

// sortBySeverity orders findings most severe first, keeping the report's
// order (file, line) within a severity.
func sortBySeverity(r *report.Report) *report.Report {
	view := *r
	view.Findings = append([]report.Finding(nil), r.Findings...)
	sort.SliceStable(view.Findings, func(i, j int) bool {
		return view.Findings[i].Severity.Rank() > view.Findings[j].Severity.Rank()
	})
	return &view
}
