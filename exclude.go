package seclint

import (
	"github.com/seclint/seclint/report"
)

// dropExcluded removes what is located in excluded paths from the report.
// Discovery does not walk them, but a module there that a scanned module
// calls through a local source is still evaluated through the call (its
// resources are the caller's), so its findings, checks and diagnostics are
// dropped here: --exclude holds however a path is reached.
func dropExcluded(r *report.Report, exclude []string) {
	if len(exclude) == 0 {
		return
	}
	memo := map[string]bool{}
	excluded := func(file string) bool {
		if file == "" {
			return false
		}
		x, ok := memo[file]
		if !ok {
			x = matchAny(exclude, file)
			memo[file] = x
		}
		return x
	}
	findings := r.Findings[:0]
	for _, f := range r.Findings {
		if !excluded(f.Range.File) {
			findings = append(findings, f)
		}
	}
	r.Findings = findings
	checks := r.Checks[:0]
	for _, c := range r.Checks {
		if !excluded(c.Range.File) {
			checks = append(checks, c)
		}
	}
	r.Checks = checks
	diags := r.Diagnostics[:0:0]
	for _, d := range r.Diagnostics {
		if !excluded(d.Range.File) {
			diags = append(diags, d)
		}
	}
	r.Diagnostics = diags
}
