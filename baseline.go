package seclint

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/seclint/seclint/report"
)

// Baseline is the set of fingerprints of findings accepted as they are, so
// a team can adopt seclint on a large repository and be told only about
// what is new. Fingerprints hash rule, unit, resource and attribute — never
// lines — so edits that move code do not make old findings new.
type Baseline map[string]bool

// baselineFile is the on-disk form: the fingerprints with enough context
// for a person reviewing the file to see what each one is.
type baselineFile struct {
	Version  int             `json:"version"`
	Findings []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	RuleID      string `json:"rule_id"`
	Resource    string `json:"resource"`
	Attribute   string `json:"attribute,omitempty"`
	File        string `json:"file"`
}

// LoadBaseline reads a baseline written by WriteBaseline.
func LoadBaseline(path string) (Baseline, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading baseline: %w", err)
	}
	var f baselineFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("baseline %s: %w", path, err)
	}
	if f.Version != 1 {
		return nil, fmt.Errorf("baseline %s: version %d is not supported", path, f.Version)
	}
	bl := Baseline{}
	for _, e := range f.Findings {
		bl[e.Fingerprint] = true
	}
	return bl, nil
}

// WriteBaseline records the report's unsuppressed findings.
func WriteBaseline(w io.Writer, r *report.Report) error {
	f := baselineFile{Version: 1, Findings: []baselineEntry{}}
	seen := map[string]bool{}
	for _, fd := range r.Active() {
		// A finding reported once for several instances records each
		// instance's fingerprint: the baseline keeps matching when an
		// instance goes away or another one sorts first.
		entries := []baselineEntry{{Fingerprint: fd.Fingerprint, RuleID: fd.RuleID, Resource: fd.Resource, Attribute: fd.Attribute, File: fd.Range.File}}
		for _, in := range fd.Instances {
			entries = append(entries, baselineEntry{Fingerprint: in.Fingerprint, RuleID: fd.RuleID, Resource: in.Resource, Attribute: in.Attribute, File: fd.Range.File})
		}
		for _, e := range entries {
			if !seen[e.Fingerprint] {
				seen[e.Fingerprint] = true
				f.Findings = append(f.Findings, e)
			}
		}
	}
	sort.Slice(f.Findings, func(i, j int) bool { return f.Findings[i].Fingerprint < f.Findings[j].Fingerprint })
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(f)
}

// filter drops the findings in the baseline and marks the rest as new.
func (b Baseline) filter(fs []report.Finding) []report.Finding {
	kept := fs[:0]
	for _, f := range fs {
		if b.known(f) {
			continue
		}
		f.BaselineState = "new"
		kept = append(kept, f)
	}
	return kept
}

// known reports whether the baseline holds the finding: its fingerprint or,
// for a finding reported once for several instances, any instance's (a
// module called once more does not make the line's finding new).
func (b Baseline) known(f report.Finding) bool {
	for _, fp := range f.Fingerprints() {
		if b[fp] {
			return true
		}
	}
	return false
}
