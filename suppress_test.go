package seclint

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/report"
)

func TestCommentIgnoreScopes(t *testing.T) {
	hcl := `resource "aws_s3_bucket_acl" "a" {
  bucket = "x"
  acl    = "public-read" # seclint:ignore aws-s3-public-acl -- website
}

# seclint:ignore aws-s3-block-public-access,aws-s3-public-acl until=2030-01-01 -- migrating
resource "aws_s3_bucket_public_access_block" "b" {
  bucket = "x"
  policy = <<EOF
{ "unbalanced": [
EOF
  block_public_acls = false
}

resource "aws_s3_bucket" "c" {
  # seclint:ignore *
  tags = {
    a = "b"
  }
  bucket = "c"
}
`
	yml := `Resources:
  # seclint:ignore aws-s3-public-acl -- public site
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: PublicRead
  Other:
    Type: AWS::S3::Bucket
    Properties:
      # seclint:ignore aws-s3-block-public-access
      PublicAccessBlockConfiguration:
        BlockPublicAcls: false
      AccessControl: PublicRead
  Policy:
    Properties:
      # seclint:ignore aws-policy-public-principal
      Statement:
      - Effect: Allow
        Principal: "*"
      - Effect: Deny
`
	tests := []struct {
		name   string
		file   string
		src    string
		want   [][2]int // from, to per comment
		rules  []string // rules of the first comment
		reason string   // reason of the first comment
	}{
		{"hcl", "main.tf", hcl, [][2]int{{3, 3}, {7, 13}, {17, 19}}, []string{"aws-s3-public-acl"}, "website"},
		{"yaml", "t.yaml", yml, [][2]int{{3, 6}, {11, 12}, {17, 20}}, []string{"aws-s3-public-acl"}, "public site"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			igs, diags := commentIgnores(tt.file, []byte(tt.src))
			if len(diags) != 0 {
				t.Fatalf("diagnostics: %v", diags)
			}
			if len(igs) != len(tt.want) {
				t.Fatalf("%d ignores, want %d", len(igs), len(tt.want))
			}
			for i, w := range tt.want {
				if igs[i].fromLine != w[0] || igs[i].toLine != w[1] {
					t.Errorf("comment %d covers %d-%d, want %d-%d", i, igs[i].fromLine, igs[i].toLine, w[0], w[1])
				}
			}
			if strings.Join(igs[0].rules, ",") != strings.Join(tt.rules, ",") || igs[0].reason != tt.reason {
				t.Errorf("first comment: rules %v reason %q", igs[0].rules, igs[0].reason)
			}
		})
	}
}

func TestApplyIgnoresHonoursExpiry(t *testing.T) {
	src := "a = 1 # seclint:ignore r1 until=2026-06-30 -- later\nb = 2 # seclint:ignore r1 until=2020-01-01 -- old\nc = 3 # seclint:ignore r2\n"
	igs, _ := commentIgnores("f.tf", []byte(src))
	at := func(line int, rule string) report.Finding {
		return report.Finding{RuleID: rule, Message: "m", Range: model.Range{File: "f.tf", Start: model.Pos{Line: line, Column: 1}}}
	}
	fs := []report.Finding{at(1, "r1"), at(2, "r1"), at(3, "r1")}
	unused := applyIgnores(fs, igs, time.Date(2026, 6, 30, 12, 0, 0, 0, time.UTC))
	if fs[0].Suppression == nil || fs[0].Suppression.Justification != "later" || fs[0].Suppression.Kind != report.SuppressionInSource {
		t.Errorf("line 1: suppression %+v, want live until the end of 2026-06-30", fs[0].Suppression)
	}
	if fs[1].Suppression != nil || !strings.Contains(fs[1].Message, "expired on 2020-01-01") {
		t.Errorf("line 2: %+v, want reported with the expiry noted", fs[1])
	}
	if fs[2].Suppression != nil {
		t.Errorf("line 3: an ignore of another rule suppressed it")
	}
	if len(unused) != 1 || unused[0].rules[0] != "r2" {
		t.Errorf("unused = %v, want the r2 comment", unused)
	}
	igs, _ = commentIgnores("f.tf", []byte(src))
	fs = []report.Finding{at(1, "r1")}
	applyIgnores(fs, igs, time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC))
	if fs[0].Suppression != nil {
		t.Errorf("the day after until=, the suppression still applies")
	}
}

func TestInvalidUntilIsADiagnostic(t *testing.T) {
	igs, diags := commentIgnores("f.tf", []byte("a = 1 # seclint:ignore r1 until=tomorrow\n"))
	if len(igs) != 0 || len(diags) != 1 || diags[0].Range.Start.Line != 1 {
		t.Errorf("ignores %v diagnostics %v", igs, diags)
	}
}

func TestMalformedIgnoreComments(t *testing.T) {
	for _, tt := range []struct {
		line string
		hint string // "" when the comment is well formed
	}{
		{`acl = "x" # seclint:ignore aws-s3-public-acl -- site`, ""},
		{`# seclint:ignore aws-s3-public-acl,aws-s3-versioning until=2030-01-01 -- migrating`, ""},
		{`// seclint:ignore *`, ""},
		{`# a comment about seclint, not an ignore`, ""},
		{`# seclint:ignore aws-s3-versioning because legacy`, "put the reason after --"},
		{`# seclint:ignore:aws-s3-versioning`, "the rule IDs follow a space, not :"},
		{`# seclint: ignore aws-s3-versioning`, "write seclint:ignore in lower case, without spaces"},
		{`# SECLINT:IGNORE aws-s3-versioning`, "write seclint:ignore in lower case, without spaces"},
		{`# seclint:ignore aws-s3-versioning, aws-s3-public-acl`, "separate rule IDs with a comma and no space"},
		{`# seclint:ignore`, "name the rule IDs to ignore"},
		{`# seclint:ignore aws-s3-versioning until 2030-01-01`, "write the date as until=YYYY-MM-DD"},
	} {
		igs, diags := commentIgnores("main.tf", []byte("x = 1\n"+tt.line+"\ny = 2\n"))
		if tt.hint == "" {
			if len(diags) != 0 {
				t.Errorf("%s: unexpected %+v", tt.line, diags)
			}
			continue
		}
		if len(igs) != 0 || len(diags) != 1 {
			t.Errorf("%s: %d ignores, %d diagnostics; want 0 and 1", tt.line, len(igs), len(diags))
			continue
		}
		d := diags[0]
		if d.Severity != model.DiagWarning || d.Range.Start.Line != 2 || !strings.Contains(d.Detail, tt.hint) || !strings.Contains(d.Detail, ignoreForm) {
			t.Errorf("%s: got %+v, want a warning on line 2 saying %q and the accepted form", tt.line, d, tt.hint)
		}
	}
}

// A module that two roots call is read by both units: its malformed ignore
// comment is one warning, not one per caller.
func TestMalformedIgnoreInSharedModuleOnce(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"modules/b/main.tf": "resource \"aws_s3_bucket\" \"this\" {\n  # seclint:ignore aws-s3-versioning because legacy\n  bucket = \"x\"\n}\n",
		"envs/dev/main.tf":  "module \"b\" {\n  source = \"../../modules/b\"\n}\n",
		"envs/prod/main.tf": "module \"b\" {\n  source = \"../../modules/b\"\n}\n",
	}
	writeTree(t, dir, files)
	rep, err := Scan(context.Background(), Options{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range rep.Diagnostics {
		if d.Summary == "malformed ignore comment" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d malformed ignore comment warnings, want 1: %+v", n, rep.Diagnostics)
	}
}
