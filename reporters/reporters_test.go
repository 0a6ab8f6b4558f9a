package reporters

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/report"
)

const mainTF = `resource "aws_s3_bucket" "logs" {
  bucket = "logs"
  acl    = "public-read"
}

resource "aws_kms_key" "k" {
  description = "key"
}

resource "aws_iam_policy" "admin" {
  policy = jsonencode({
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = "*"
    }]
  })
}
`

const templateYAML = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
  Bucket:
    Type: AWS::S3::Bucket
`

func rng(file string, sl, sc, el, ec int) model.Range {
	return model.Range{File: file, Start: model.Pos{Line: sl, Column: sc}, End: model.Pos{Line: el, Column: ec}}
}

// testReport is a realistic scan of a directory whose name has a space (to
// exercise URI escaping): a Terraform file, a CloudFormation template in a
// subdirectory, and a Terraform file that does not parse.
func testReport(t *testing.T) *report.Report {
	t.Helper()
	root := filepath.Join(t.TempDir(), "my project")
	if err := os.MkdirAll(filepath.Join(root, "cfn"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		"main.tf":           mainTF,
		"cfn/template.yaml": templateYAML,
		"broken.tf":         "resource \"aws_s3_bucket\" \"x\" {\n  acl = \n",
	} {
		if err := os.WriteFile(filepath.Join(root, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return &report.Report{
		Tool: "1.4.0",
		Root: root,
		Rules: []report.Rule{
			{
				ID: "aws-s3-public-acl", Title: "S3 bucket has a public ACL", Severity: report.High, Kind: "security",
				Description: "A public ACL lets anyone on the internet read or write the bucket's objects.",
				Remediation: report.Remediation{
					Terraform:      "Remove `acl` or set it to `\"private\"`:\n\n```hcl\nacl = \"private\"\n```",
					CloudFormation: "Remove `AccessControl` or set it to `Private`.",
				},
				FSBP:          []string{"S3.2", "S3.3"},
				ResourceTypes: []string{"aws_s3_bucket", "AWS::S3::Bucket"},
				Collections:   []string{"aws.s3.buckets"},
			},
			{
				ID: "aws-cloudtrail-multi-region", Title: "CloudTrail trail is not multi-region", Severity: report.High, Kind: "security",
				Description: "A single-region trail misses API activity in every other region.",
				Remediation: report.Remediation{Terraform: "Set `is_multi_region_trail = true`.", CloudFormation: "Set `IsMultiRegionTrail: true`."},
				FSBP:        []string{"CloudTrail.1"},
			},
			{
				ID: "aws-iam-admin-policy", Title: "IAM policy grants full administrative access", Severity: report.Critical, Kind: "security",
				Description: "A policy allowing * on * gives every privilege.",
				Remediation: report.Remediation{Terraform: "Grant only the actions needed."},
				FSBP:        []string{"IAM.1"},
			},
			{
				ID: "aws-kms-key-rotation", Title: "KMS key rotation is off", Severity: report.Medium, Kind: "security",
				Description: "Rotating keys limits the data one key protects.",
			},
			{
				ID: "aws-s3-bucket-name", Title: "S3 bucket name is invalid", Severity: report.Low, Kind: "correctness",
				Description: "AWS rejects bucket names that are not DNS-compatible.",
			},
		},
		Findings: []report.Finding{
			{
				RuleID: "aws-s3-public-acl", Severity: report.High, Message: `Bucket "logs" has ACL "public-read"; set it to "private".`,
				Resource: "aws_s3_bucket.logs", ResourceType: "aws_s3_bucket", Attribute: "acl",
				Range: rng("main.tf", 3, 3, 3, 24), Fingerprint: "fp-acl",
			},
			{
				RuleID: "aws-iam-admin-policy", Severity: report.Critical, Message: "Policy aws_iam_policy.admin allows * on *.",
				Resource: "aws_iam_policy.admin", ResourceType: "aws_iam_policy", Attribute: "document.statements[0]",
				Range: rng("main.tf", 11, 3, 17, 5), Fingerprint: "fp-admin",
			},
			{
				// A finding whose severity was lowered by configuration.
				RuleID: "aws-s3-public-acl", Severity: report.Low, Message: "Bucket Bucket has no AccessControl (informational).",
				Resource: "Bucket", ResourceType: "AWS::S3::Bucket",
				Range: rng("cfn/template.yaml", 7, 3, 0, 0), Fingerprint: "fp-cfn-bucket",
			},
			{
				// An absolute path inside the root.
				RuleID: "aws-cloudtrail-multi-region", Severity: report.High, Message: "Trail Trail is single-region.",
				Resource: "Trail", ResourceType: "AWS::CloudTrail::Trail", Attribute: "is_multi_region",
				Range: rng(filepath.Join(root, "cfn", "template.yaml"), 3, 3, 6, 22), Fingerprint: "fp-trail",
			},
			{
				RuleID: "aws-kms-key-rotation", Severity: report.Medium, Message: "Key aws_kms_key.k does not rotate.",
				Resource: "aws_kms_key.k", ResourceType: "aws_kms_key", Attribute: "enable_key_rotation",
				Range: rng("main.tf", 6, 1, 8, 2), Fingerprint: "fp-kms",
			},
		},
		Diagnostics: []model.Diagnostic{
			{Severity: model.DiagError, Summary: "Invalid expression", Detail: "Expected the start of an expression, but found the end of the file.", Range: rng("broken.tf", 2, 9, 2, 10)},
			{Severity: model.DiagWarning, Summary: "Module not installed", Detail: `Run "terraform init" to fetch module "vpc".`, Range: rng("main.tf", 1, 1, 0, 0)},
		},
		Checks: []report.Check{
			{RuleID: "aws-s3-public-acl", Resource: "aws_s3_bucket.logs", ResourceType: "aws_s3_bucket", Range: rng("main.tf", 1, 1, 4, 2)},
			{RuleID: "aws-s3-public-acl", Resource: "Bucket", ResourceType: "AWS::S3::Bucket", Range: rng("cfn/template.yaml", 7, 3, 0, 0)},
			{RuleID: "aws-kms-key-rotation", Resource: "aws_kms_key.k", ResourceType: "aws_kms_key", Range: rng("main.tf", 6, 1, 8, 2)},
			{RuleID: "aws-s3-bucket-name", Resource: "aws_s3_bucket.logs", ResourceType: "aws_s3_bucket", Range: rng("main.tf", 1, 1, 4, 2)},
			{RuleID: "aws-s3-bucket-name", Resource: "Bucket", ResourceType: "AWS::S3::Bucket", Range: rng("cfn/template.yaml", 7, 3, 0, 0)},
			{RuleID: "aws-iam-admin-policy", Resource: "aws_iam_policy.admin", ResourceType: "aws_iam_policy", Range: rng("main.tf", 10, 1, 18, 2)},
			// The trail finding has no check on purpose.
		},
		Files:     3,
		Resources: 5,
		Duration:  210 * time.Millisecond,
	}
}

// emptyReport is a scan that found nothing to check.
func emptyReport() *report.Report {
	return &report.Report{Tool: "dev", Root: "/tmp/empty"}
}

func render(t *testing.T, format string, r *report.Report, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, format, r, opts); err != nil {
		t.Fatalf("Write(%s): %v", format, err)
	}
	return buf.Bytes()
}

func TestWriteUnknownFormat(t *testing.T) {
	var buf bytes.Buffer
	err := Write(&buf, "xml", emptyReport(), Options{})
	if err == nil || !strings.Contains(err.Error(), `"xml"`) {
		t.Fatalf("Write(xml) = %v, want an error naming the format", err)
	}
	if buf.Len() != 0 {
		t.Errorf("Write(xml) wrote %q", buf.String())
	}
	if err := Write(&buf, "json", nil, Options{}); err == nil {
		t.Error("Write(nil report) succeeded")
	}
}

// TestDeterministic renders every format several times: map iteration order
// changes from run to run, so a leak would show up as a difference.
func TestDeterministic(t *testing.T) {
	r := testReport(t)
	opts := Options{Color: true, ShowSource: true, ShowSummary: true}
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			first := render(t, format, r, opts)
			for range 5 {
				if got := render(t, format, r, opts); !bytes.Equal(got, first) {
					t.Fatalf("second rendering differs:\n%s\n---\n%s", first, got)
				}
			}
		})
	}
}

func TestAllFormatsOnEmptyReport(t *testing.T) {
	for _, format := range Formats {
		if out := render(t, format, emptyReport(), Options{ShowSummary: true}); len(out) == 0 {
			t.Errorf("%s: empty output", format)
		}
	}
}

func TestRelPath(t *testing.T) {
	root := filepath.FromSlash("/work/proj")
	tests := []struct {
		file string
		want string
		ok   bool
	}{
		{"main.tf", "main.tf", true},
		{"./cfn/t.yaml", "cfn/t.yaml", true},
		{filepath.FromSlash("/work/proj/a/b.tf"), "a/b.tf", true},
		{filepath.FromSlash("/work/other/b.tf"), "", false},
		{"../other/b.tf", "", false},
	}
	for _, tt := range tests {
		got, ok := relPath(root, tt.file)
		if got != tt.want || ok != tt.ok {
			t.Errorf("relPath(%q) = %q, %v; want %q, %v", tt.file, got, ok, tt.want, tt.ok)
		}
	}
}
