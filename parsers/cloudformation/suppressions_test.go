package cloudformation

import (
	"fmt"
	"strings"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

// showSuppressions renders suppressions compactly: resource:rules:reason:until@line:col.
func showSuppressions(ss []model.Suppression) string {
	var parts []string
	for _, s := range ss {
		parts = append(parts, fmt.Sprintf("%s:%s:%s:%s@%d:%d", s.Resource, strings.Join(s.Rules, ","), s.Reason, s.Until, s.Range.Start.Line, s.Range.Start.Column))
	}
	return strings.Join(parts, " ")
}

func TestSuppressions(t *testing.T) {
	tests := []struct {
		name, path, src string
		want            string
		warnings        []string // summaries of the warnings, in order
	}{
		{
			name: "YAML entries", path: "t.yaml",
			src: `Resources:
  B:
    Type: AWS::S3::Bucket
    Metadata:
      seclint:
        ignore:
          - id: aws-s3-public-acl
            reason: public website, reviewed
            until: 2026-06-30
          - id: [aws-s3-versioning, aws-s3-access-logging]
          - aws-s3-encryption-customer-key
  Other:
    Type: AWS::S3::Bucket
    Metadata: {cfn-lint: {config: {ignore_checks: [W1]}}}
`,
			want: "B:aws-s3-public-acl:public website, reviewed:2026-06-30@7:13 B:aws-s3-versioning,aws-s3-access-logging::@10:13 B:aws-s3-encryption-customer-key::@11:13",
		},
		{
			name: "JSON entries", path: "t.json",
			src: `{"Resources": {"B": {"Type": "AWS::S3::Bucket",
  "Metadata": {"seclint": {"ignore": [
    {"id": "aws-s3-public-acl", "reason": "r", "until": "2030-01-01"},
    "*"]}}}}}`,
			want: `B:aws-s3-public-acl:r:2030-01-01@3:5 B:*::@4:5`,
		},
		{
			name: "short form", path: "t.yaml",
			src:  "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata: {seclint: {ignore: [aws-s3-versioning]}}\n",
			want: "B:aws-s3-versioning::@4:35",
		},
		{
			name: "single entry without a list", path: "t.yaml",
			src:  "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata: {seclint: {ignore: {id: aws-s3-versioning}}}\n",
			want: "B:aws-s3-versioning::@4:34",
		},
		{
			name: "dropped resource has none", path: "t.yaml",
			src: "Conditions:\n  No: !Equals [a, b]\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Condition: No\n" +
				"    Metadata: {seclint: {ignore: [aws-s3-versioning]}}\n",
			want: "",
		},
		{
			name: "malformed entries", path: "t.yaml",
			src: `Resources:
  B:
    Type: AWS::S3::Bucket
    Metadata:
      seclint:
        ignore:
          - {reason: no id}
          - {id: x, until: tomorrow}
          - {id: {a: b}}
          - {id: ok, reason: [a], extra: 1}
          - [nested]
          - ""
          - {id: y, colour: red}
`,
			want:     "B:y::@13:13",
			warnings: []string{"invalid seclint ignore entry", "invalid seclint ignore entry", "invalid seclint ignore entry", "invalid seclint ignore entry", "unknown seclint ignore key", "invalid seclint ignore entry", "invalid seclint ignore entry", "unknown seclint ignore key"},
		},
		{
			name: "seclint not a mapping", path: "t.yaml",
			src:      "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata: {seclint: [x]}\n",
			warnings: []string{"invalid seclint metadata"},
		},
		{
			name: "no ignore list", path: "t.yaml",
			src:      "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata: {seclint: {skip: [x]}}\n",
			warnings: []string{"invalid seclint metadata"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := parseUnit(tt.path, tt.src, Options{})
			if got := showSuppressions(u.Suppressions); got != tt.want {
				t.Errorf("suppressions\n%s\nwant\n%s", got, tt.want)
			}
			for _, s := range u.Suppressions {
				if s.Range.File != tt.path {
					t.Errorf("suppression in file %q", s.Range.File)
				}
			}
			var got []string
			for _, d := range u.Diagnostics {
				got = append(got, d.Summary)
				if d.Severity != model.DiagWarning || d.Range.Start.Line < 4 {
					t.Errorf("diagnostic %v: want a warning at the entry", d)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.warnings, "|") {
				t.Errorf("diagnostics %v, want %v", u.Diagnostics, tt.warnings)
			}
		})
	}
}
