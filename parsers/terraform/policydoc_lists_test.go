package terraform

import (
	"reflect"
	"testing"
)

// TestPolicyDocumentLists checks that lists of source and override
// documents written with compact, concat, flatten, splats, conditionals
// and locals are merged (not unknown), each statement at the line where it
// is written. Their merge is checked against terraform in
// TestOraclePolicyDocuments.
func TestPolicyDocumentLists(t *testing.T) {
	src := `
variable "attach_a" {
  default = true
}
variable "attach_b" {
  default = false
}
variable "unknown" {
  type = list(string)
}
data "aws_iam_policy_document" "a" {
  count = var.attach_a ? 1 : 0
  statement {
    sid       = "A"
    actions   = ["s3:A"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "b" {
  count = var.attach_b ? 1 : 0
  statement {
    sid       = "B"
    actions   = ["s3:B"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "c" {
  count = 2
  statement {
    actions   = ["s3:C${count.index}"]
    resources = ["*"]
  }
}
locals {
  docs = [data.aws_iam_policy_document.c[1].json]
}
data "aws_iam_policy_document" "compact" {
  source_policy_documents = compact([
    var.attach_a ? data.aws_iam_policy_document.a[0].json : "",
    var.attach_b ? data.aws_iam_policy_document.b[0].json : "",
  ])
}
data "aws_iam_policy_document" "flat" {
  source_policy_documents = flatten(concat(
    data.aws_iam_policy_document.a[*].json,
    data.aws_iam_policy_document.b[*].json,
    [data.aws_iam_policy_document.c[*].json],
  ))
}
data "aws_iam_policy_document" "local" {
  override_policy_documents = local.docs
}
data "aws_iam_policy_document" "unknown" {
  source_policy_documents = var.unknown
  statement {
    actions   = ["s3:Own"]
    resources = ["*"]
  }
}
resource "aws_iam_policy" "compact" {
  policy = data.aws_iam_policy_document.compact.json
}
resource "aws_iam_policy" "flat" {
  policy = data.aws_iam_policy_document.flat.json
}
resource "aws_iam_policy" "local" {
  policy = data.aws_iam_policy_document.local.json
}
resource "aws_iam_policy" "unknown" {
  policy = data.aws_iam_policy_document.unknown.json
}
`
	u, _ := parseSrc(t, src)
	noErrors(t, u)
	tests := []struct {
		id      string
		actions [][]string // nil for an unknown statement
		lines   []string   // where each statement's first action is written
	}{
		{"aws_iam_policy.compact.policy", [][]string{{"s3:A"}}, []string{`"s3:A"`}},
		{"aws_iam_policy.flat.policy", [][]string{{"s3:A"}, {"s3:C0"}, {"s3:C1"}}, []string{`"s3:A"`, `"s3:C${count.index}"`, `"s3:C${count.index}"`}},
		{"aws_iam_policy.local.policy", [][]string{{"s3:C1"}}, []string{`"s3:C${count.index}"`}},
		// What an unknown list adds is unknown; the own statement stays.
		{"aws_iam_policy.unknown.policy", [][]string{{"s3:Own"}, nil}, []string{`"s3:Own"`, ""}},
	}
	for _, tt := range tests {
		p := policyByID(t, u, tt.id)
		if p.StatementsUnknown {
			t.Errorf("%s: statements unknown", tt.id)
			continue
		}
		var got [][]string
		for _, s := range p.Statements {
			a, ok := strs(s.Actions)
			if !ok {
				a = nil
			}
			got = append(got, a)
		}
		if !reflect.DeepEqual(got, tt.actions) {
			t.Errorf("%s: actions %v, want %v", tt.id, got, tt.actions)
			continue
		}
		for i, l := range tt.lines {
			if l != "" {
				wantLine(t, u, tt.id, "statements["+string(rune('0'+i))+"].actions[0]", lineOf(t, src, l, 1))
			}
		}
	}
}
