package seclint

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
)

// TestRejectedTemplates scans templates that CloudFormation rejects: each
// must give exactly the error diagnostics listed, and only the findings
// listed (what the rejected construct would have generated is not
// scanned).
func TestRejectedTemplates(t *testing.T) {
	const forEach = "Fn::ForEach without AWS::LanguageExtensions"
	tests := []struct {
		file     string
		errors   []string // "<line> <summary>"
		findings []string // "<line> <rule-id>"
	}{
		{
			file:     "testdata/rejected/foreach_no_transform.yaml",
			errors:   []string{"12 " + forEach},
			findings: []string{"25 aws-ssm-secret-not-securestring"},
		},
		{
			file:   "testdata/rejected/foreach_no_transform.json",
			errors: []string{"7 " + forEach},
		},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			rep, err := Scan(context.Background(), Options{Paths: []string{tt.file}})
			if err != nil {
				t.Fatal(err)
			}
			var errs, findings []string
			for _, d := range rep.Diagnostics {
				if d.Severity == "error" {
					errs = append(errs, fmt.Sprintf("%d %s", d.Range.Start.Line, d.Summary))
				}
			}
			for _, f := range rep.Findings {
				findings = append(findings, fmt.Sprintf("%d %s", f.Range.Start.Line, f.RuleID))
			}
			if !slices.Equal(errs, tt.errors) {
				t.Errorf("errors %q, want %q", errs, tt.errors)
			}
			if !slices.Equal(findings, tt.findings) {
				t.Errorf("findings %q, want %q", findings, tt.findings)
			}
		})
	}
}
