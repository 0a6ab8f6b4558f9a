package reporters

import (
	"strings"
	"testing"

	"github.com/seclint/seclint/report"
)

func TestGitHubAnnotations(t *testing.T) {
	r := testReport(t)
	r.Findings = append(r.Findings, report.Finding{
		RuleID: "aws-kms-key-rotation", Severity: report.Medium, Message: "suppressed, not shown",
		Range: rng("main.tf", 6, 1, 8, 2), Suppression: &report.Suppression{Kind: report.SuppressionInSource},
	})
	got := strings.Split(strings.TrimSuffix(string(render(t, "github", r, Options{})), "\n"), "\n")
	want := []string{
		"::error file=broken.tf,line=2,col=9,endColumn=10,title=seclint%3A Invalid expression::Invalid expression: Expected the start of an expression, but found the end of the file.",
		`::warning file=main.tf,line=1,col=1,title=seclint%3A Module not installed::Module not installed: Run "terraform init" to fetch module "vpc".`,
		"::error file=main.tf,line=11,endLine=17,col=3,title=aws-iam-admin-policy%3A IAM policy grants full administrative access (CRITICAL)::Policy aws_iam_policy.admin allows * on *.%0AResource: aws_iam_policy.admin%0AFix: seclint explain aws-iam-admin-policy or https://github.com/seclint/seclint/blob/main/docs/rules/aws-iam-admin-policy.md",
		`::error file=main.tf,line=3,col=3,endColumn=24,title=aws-s3-public-acl%3A S3 bucket has a public ACL (HIGH)::Bucket "logs" has ACL "public-read"; set it to "private".%0AResource: aws_s3_bucket.logs%0AFix: seclint explain aws-s3-public-acl or https://github.com/seclint/seclint/blob/main/docs/rules/aws-s3-public-acl.md`,
		"::error file=cfn/template.yaml,line=3,endLine=6,col=3,title=aws-cloudtrail-multi-region%3A CloudTrail trail is not multi-region (HIGH)::Trail Trail is single-region.%0AResource: Trail%0AFix: seclint explain aws-cloudtrail-multi-region or https://github.com/seclint/seclint/blob/main/docs/rules/aws-cloudtrail-multi-region.md",
		"::warning file=main.tf,line=6,endLine=8,col=1,title=aws-kms-key-rotation%3A KMS key rotation is off (MEDIUM)::Key aws_kms_key.k does not rotate.%0AResource: aws_kms_key.k%0AFix: seclint explain aws-kms-key-rotation or https://github.com/seclint/seclint/blob/main/docs/rules/aws-kms-key-rotation.md",
		"::notice file=cfn/template.yaml,line=7,col=3,title=aws-s3-public-acl%3A S3 bucket has a public ACL (LOW)::Bucket Bucket has no AccessControl (informational).%0AResource: Bucket%0AFix: seclint explain aws-s3-public-acl or https://github.com/seclint/seclint/blob/main/docs/rules/aws-s3-public-acl.md",
		"seclint: 5 findings, 1 error in 3 files",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d:\n got %s\nwant %s", i+1, got[i], want[i])
		}
	}
}

// TestGitHubEscaping checks that what a runner unescapes is what was meant:
// a message or title cannot end the command early or add properties.
func TestGitHubEscaping(t *testing.T) {
	tests := []struct {
		name, file, ruleTitle, message string
	}{
		{"newlines and percent", "a.tf", "T", "50% of\r\nlines"},
		{"separators in properties", "dir,x/b:c.tf", "Title: with, commas", "msg :: with ::error command"},
		{"custom rule, no docs link", "c.tf", "", "plain"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &report.Report{
				Root:     "/src",
				Rules:    []report.Rule{{ID: "x", Title: tt.ruleTitle, Severity: report.High, Custom: tt.ruleTitle == ""}},
				Findings: []report.Finding{{RuleID: "x", Severity: report.High, Message: tt.message, Range: rng(tt.file, 1, 1, 0, 0)}},
			}
			line, _, _ := strings.Cut(string(render(t, "github", r, Options{})), "\n")
			cmd, ok := strings.CutPrefix(line, "::error ")
			if !ok {
				t.Fatalf("not an error command: %q", line)
			}
			props, data, ok := strings.Cut(cmd, "::")
			if !ok {
				t.Fatalf("no data separator: %q", line)
			}
			unescape := strings.NewReplacer("%25", "%", "%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",")
			got := map[string]string{}
			for _, p := range strings.Split(props, ",") {
				k, v, _ := strings.Cut(p, "=")
				got[k] = unescape.Replace(v)
			}
			if got["file"] != tt.file || got["line"] != "1" {
				t.Errorf("properties %v, want file %q", got, tt.file)
			}
			if !strings.HasPrefix(got["title"], "x") || (tt.ruleTitle != "" && !strings.Contains(got["title"], tt.ruleTitle)) {
				t.Errorf("title %q", got["title"])
			}
			msg := unescape.Replace(data)
			if msg != tt.message && !strings.HasPrefix(msg, tt.message+"\n") {
				t.Errorf("message %q, want it to start with %q", msg, tt.message)
			}
			if strings.Contains(msg, "docs/rules") == (tt.ruleTitle == "") {
				t.Errorf("docs link in %q: want one only for built-in rules", msg)
			}
		})
	}
}
