package reporters

import (
	"regexp"
	"strings"
	"testing"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/report"
)

func TestTextLines(t *testing.T) {
	r := testReport(t)
	out := string(render(t, "text", r, Options{ShowSummary: true}))
	want := `main.tf:3:3  HIGH  aws-s3-public-acl  Bucket "logs" has ACL "public-read"; set it to "private".
main.tf:11:3  CRITICAL  aws-iam-admin-policy  Policy aws_iam_policy.admin allows * on *.
cfn/template.yaml:7:3  LOW  aws-s3-public-acl  Bucket Bucket has no AccessControl (informational).
` + r.Root + `/cfn/template.yaml:3:3  HIGH  aws-cloudtrail-multi-region  Trail Trail is single-region.
main.tf:6:1  MEDIUM  aws-kms-key-rotation  Key aws_kms_key.k does not rotate.
broken.tf:2:9  error  Invalid expression: Expected the start of an expression, but found the end of the file.
main.tf:1:1  warning  Module not installed: Run "terraform init" to fetch module "vpc".

3 files, 5 resources, 5 findings (1 CRITICAL, 2 HIGH, 1 MEDIUM, 1 LOW), 1 error, 1 warning, 0.21s
`
	if out != want {
		t.Errorf("text output:\n%s\nwant:\n%s", out, want)
	}
}

func TestTextSource(t *testing.T) {
	r := testReport(t)
	out := string(render(t, "text", r, Options{ShowSource: true}))

	// Findings are grouped under a header per run of one file's findings
	// (this report is not sorted: main.tf's third finding comes later).
	if !strings.HasPrefix(out, "── main.tf (2 findings)\n\n") || !strings.Contains(out, "── main.tf (1 finding)\n\n") {
		t.Errorf("no file header:\n%s", out)
	}
	// The single-line finding quotes its line, marked, with a line of context on each side.
	if !strings.Contains(out, "main.tf:3:3  HIGH  aws-s3-public-acl  Bucket \"logs\" has ACL \"public-read\"; set it to \"private\".\n"+
		"    2 |   bucket = \"logs\"\n"+
		"  > 3 |   acl    = \"public-read\"\n"+
		"    4 | }\n\n") {
		t.Errorf("single-line source missing:\n%s", out)
	}
	// The 7-line finding quotes 5 lines and says how many it left out.
	want := "" +
		"    10 | resource \"aws_iam_policy\" \"admin\" {\n" +
		"  > 11 |   policy = jsonencode({\n" +
		"  > 12 |     Statement = [{\n" +
		"  > 13 |       Effect   = \"Allow\"\n" +
		"  > 14 |       Action   = \"*\"\n" +
		"  > 15 |       Resource = \"*\"\n" +
		"       | ... 2 more lines\n\n"
	if !strings.Contains(out, want) {
		t.Errorf("multi-line source missing %q in:\n%s", want, out)
	}
	// The parse error quotes the broken line.
	if !strings.Contains(out, "broken.tf:2:9  error  Invalid expression: Expected the start of an expression, but found the end of the file.\n"+
		"    1 | resource \"aws_s3_bucket\" \"x\" {\n  > 2 |   acl = \n") {
		t.Errorf("diagnostic source missing:\n%s", out)
	}
	if strings.Contains(out, "\x1b[") {
		t.Errorf("ANSI codes without Color:\n%q", out)
	}
}

func TestTextUnreadableSource(t *testing.T) {
	r := &report.Report{
		Root: t.TempDir(),
		Findings: []report.Finding{{
			RuleID: "aws-x", Severity: report.Low, Message: "m",
			Range: rng("missing.tf", 4, 2, 4, 9),
		}},
	}
	out := string(render(t, "text", r, Options{ShowSource: true}))
	if want := "── missing.tf (1 finding)\n\nmissing.tf:4:2  LOW  aws-x  m\n\n"; out != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

func TestTextLineFormat(t *testing.T) {
	line := regexp.MustCompile(`^.+:\d+:\d+  (CRITICAL|HIGH|MEDIUM|LOW)  aws-[a-z0-9-]+  \S.*$`)
	out := string(render(t, "text", testReport(t), Options{}))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 7 {
		t.Fatalf("got %d lines, want 5 findings and 2 diagnostics:\n%s", len(lines), out)
	}
	for _, l := range lines[:5] {
		if !line.MatchString(l) {
			t.Errorf("finding line %q does not match %v", l, line)
		}
	}
}

func TestTextColor(t *testing.T) {
	r := testReport(t)
	plain := string(render(t, "text", r, Options{ShowSource: true, ShowSummary: true}))
	colored := string(render(t, "text", r, Options{Color: true, ShowSource: true, ShowSummary: true}))
	if strings.Contains(plain, "\x1b[") {
		t.Error("ANSI codes in plain output")
	}
	if !strings.Contains(colored, "\x1b[") {
		t.Error("no ANSI codes in coloured output")
	}
	ansi := regexp.MustCompile("\x1b\\[[0-9;]*m")
	if stripped := ansi.ReplaceAllString(colored, ""); stripped != plain {
		t.Errorf("coloured output differs from plain beyond colour:\n%s\n---\n%s", stripped, plain)
	}
}

func TestTextSanitizes(t *testing.T) {
	r := &report.Report{
		Findings: []report.Finding{{
			RuleID: "aws-x", Severity: report.High,
			Message: "name \x1b]0;pwned\x07 here\u202e",
			Range:   rng("a.tf", 1, 1, 1, 2),
		}},
		Diagnostics: []model.Diagnostic{{
			Severity: model.DiagError, Summary: "Bad", Detail: "line one\nline two",
		}},
	}
	out := string(render(t, "text", r, Options{}))
	for _, bad := range []string{"\x1b", "\x07", "\u202e"} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %q: %q", bad, out)
		}
	}
	if !strings.Contains(out, "-  error  Bad: line one\n    line two\n") {
		t.Errorf("multi-line detail not indented: %q", out)
	}
}

func TestTextSummary(t *testing.T) {
	tests := []struct {
		name string
		r    *report.Report
		want string
	}{
		{"empty", emptyReport(), "0 files, 0 resources, 0 findings (0 CRITICAL, 0 HIGH, 0 MEDIUM, 0 LOW)\n"},
		{"singular", &report.Report{
			Files: 1, Resources: 1,
			Findings: []report.Finding{{RuleID: "r", Severity: report.Low, Message: "m", Range: rng("a.tf", 1, 1, 0, 0)}},
			Diagnostics: []model.Diagnostic{
				{Severity: model.DiagError, Summary: "x", Range: rng("b.tf", 1, 1, 0, 0)},
				{Severity: model.DiagError, Summary: "y", Range: rng("b.tf", 2, 1, 0, 0)},
				{Severity: model.DiagError, Summary: "z", Range: rng("c.tf", 2, 1, 0, 0)},
				{Severity: model.DiagError, Summary: "no file"},
				{Severity: model.DiagWarning, Summary: "w", Range: rng("c.tf", 3, 1, 0, 0)},
				{Severity: model.DiagNote, Summary: "n", Range: rng("c.tf", 4, 1, 0, 0)},
			},
		}, "a.tf:1:1  LOW  r  m\n" +
			"b.tf:1:1  error  x\n" +
			"b.tf:2:1  error  y\n" +
			"c.tf:2:1  error  z\n" +
			"-  error  no file\n" +
			"c.tf:3:1  warning  w\n" +
			"c.tf:4:1  note  n\n" +
			"\n" +
			"1 file, 1 resource, 1 finding (0 CRITICAL, 0 HIGH, 0 MEDIUM, 1 LOW), 4 errors, 1 warning\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(render(t, "text", tt.r, Options{ShowSummary: true})); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
