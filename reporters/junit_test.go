package reporters

import (
	"bytes"
	"encoding/xml"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/seclint/seclint/report"
)

// xmllint validates out against the Jenkins xUnit JUnit XSD, skipping when
// xmllint or the XSD is not there.
func xmllint(t *testing.T, out []byte) {
	t.Helper()
	xsd := filepath.Join(schemaDir, "junit.xsd")
	if _, err := os.Stat(xsd); errors.Is(err, os.ErrNotExist) {
		t.Skipf("%s not found; skipping XSD validation", xsd)
	}
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint not on PATH (apt-get install libxml2-utils); skipping XSD validation")
	}
	file := filepath.Join(t.TempDir(), "junit.xml")
	if err := os.WriteFile(file, out, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--noout", "--schema", xsd, file)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("xmllint: %v\n%s\n%s", err, msg, out)
	}
}

func decodeJUnit(t *testing.T, out []byte) junitTestsuites {
	t.Helper()
	var doc junitTestsuites
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestJUnitXSD(t *testing.T) {
	tests := []struct {
		name string
		r    *report.Report
	}{
		{"full", testReport(t)},
		{"empty", emptyReport()},
		{"outside root", outsideRootReport()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			xmllint(t, render(t, "junit", tt.r, Options{}))
		})
	}
}

func TestJUnitCounts(t *testing.T) {
	r := testReport(t)
	out := render(t, "junit", r, Options{})
	if !bytes.HasPrefix(out, []byte(xml.Header)) {
		t.Error("no XML header")
	}
	doc := decodeJUnit(t, out)

	type suite struct {
		tests, failures, errors int
		cases                   string // name:failures, ...
	}
	want := map[string]suite{
		"aws-cloudtrail-multi-region": {1, 1, 0, "Trail:1"}, // a finding without a check
		"aws-iam-admin-policy":        {1, 1, 0, "aws_iam_policy.admin:1"},
		"aws-kms-key-rotation":        {1, 1, 0, "aws_kms_key.k:1"},
		"aws-s3-bucket-name":          {2, 0, 0, "Bucket:0 aws_s3_bucket.logs:0"},
		"aws-s3-public-acl":           {2, 2, 0, "Bucket:1 aws_s3_bucket.logs:1"},
		"seclint.diagnostics":         {1, 0, 1, "broken.tf:0"},
	}
	var order []string
	for _, s := range doc.Suites {
		order = append(order, s.Name)
		w, ok := want[s.Name]
		if !ok {
			t.Errorf("unexpected suite %q", s.Name)
			continue
		}
		var cases []string
		for _, c := range s.Cases {
			cases = append(cases, c.Name+":"+strconv.Itoa(len(c.Failures)))
			if c.Classname != s.Name {
				t.Errorf("%s/%s classname = %q", s.Name, c.Name, c.Classname)
			}
		}
		if s.Tests != w.tests || s.Failures != w.failures || s.Errors != w.errors || strings.Join(cases, " ") != w.cases {
			t.Errorf("suite %s = tests %d failures %d errors %d cases %v; want %+v",
				s.Name, s.Tests, s.Failures, s.Errors, cases, w)
		}
	}
	if got := strings.Join(order, " "); got != "aws-cloudtrail-multi-region aws-iam-admin-policy aws-kms-key-rotation aws-s3-bucket-name aws-s3-public-acl seclint.diagnostics" {
		t.Errorf("suite order = %s", got)
	}
	if doc.Name != "seclint" || doc.Tests != 8 || doc.Failures != 5 || doc.Errors != 1 || doc.Time != "0.210" {
		t.Errorf("testsuites = name %q tests %d failures %d errors %d time %q", doc.Name, doc.Tests, doc.Failures, doc.Errors, doc.Time)
	}

	// The failure carries the severity as its type and the location in its text.
	acl := doc.Suites[4]
	f := acl.Cases[1].Failures[0]
	if f.Type != "HIGH" || f.Message != r.Findings[0].Message || !strings.HasPrefix(f.Text, "main.tf:3:3: ") ||
		!strings.Contains(f.Text, "Resource: aws_s3_bucket.logs (aws_s3_bucket)") {
		t.Errorf("failure = %+v", f)
	}
	if got := acl.Cases[0].Failures[0].Type; got != "LOW" {
		t.Errorf("overridden severity type = %q, want the finding's LOW", got)
	}
	e := doc.Suites[5].Cases[0].Errors[0]
	if e.Message != "broken.tf:2:9: Invalid expression" || !strings.Contains(e.Text, "end of the file") {
		t.Errorf("error = %+v", e)
	}
}

func TestJUnitEmpty(t *testing.T) {
	for name, r := range map[string]*report.Report{
		"no rules": emptyReport(),
		// Rules ran but applied to nothing.
		"no checks": {Rules: []report.Rule{{ID: "aws-a", Severity: report.Low}}},
	} {
		t.Run(name, func(t *testing.T) {
			out := render(t, "junit", r, Options{})
			xmllint(t, out)
			doc := decodeJUnit(t, out)
			n := 0
			for _, s := range doc.Suites {
				n += len(s.Cases)
			}
			if n < 1 || doc.Tests < 1 {
				t.Errorf("no testcase:\n%s", out)
			}
			last := doc.Suites[len(doc.Suites)-1]
			if last.Name != "seclint" || last.Cases[0].Name != "scan" || len(last.Cases[0].Failures) != 0 {
				t.Errorf("fallback suite = %+v", last)
			}
		})
	}
}

func TestJUnitEscapes(t *testing.T) {
	r := &report.Report{
		Rules: []report.Rule{{ID: "aws-x", Title: `a <b> & "c"`, Severity: report.High}},
		Findings: []report.Finding{{
			RuleID: "aws-x", Severity: report.High, Resource: `r["<x>"]`,
			Message: "bad ]]> \"quoted\" & <tag>\nsecond line \x00 nul",
			Range:   rng("a.tf", 1, 1, 1, 2),
		}},
	}
	out := render(t, "junit", r, Options{})
	xmllint(t, out)
	doc := decodeJUnit(t, out)
	tc := doc.Suites[0].Cases[0]
	if tc.Name != `r["<x>"]` || !strings.HasPrefix(tc.Failures[0].Message, "bad ]]> \"quoted\" & <tag>\nsecond line") {
		t.Errorf("round trip = %+v", tc)
	}
	if text := tc.Failures[0].Text; !strings.Contains(text, "bad ]]> \"quoted\" & <tag>\nsecond line \uFFFD nul") {
		t.Errorf("failure text = %q", text)
	}
}
