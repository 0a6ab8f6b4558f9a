package terraform

import (
	"strings"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

// showParts renders what a model string keeps of a partly known value: its
// known text, and each unknown part as ${refs.attribute}; "unknown" without
// parts, the text of a known value.
func showParts(v model.String) string {
	switch {
	case v.IsKnown():
		return "known " + v.V
	case v.Parts == nil:
		return "unknown"
	}
	return v.Parts.String()
}

// TestTemplateParts: a string template with unknown parts keeps its known
// text in the model; an unknown part that is one resource's attribute says
// so (in a policy's Resource element even alone).
func TestTemplateParts(t *testing.T) {
	dir := writeModule(t, map[string]string{"main.tf": `
variable "unset" {
  type = string
}
variable "partner_account" {
  default = "444455556666"
}
variable "list" {
  type = list(string)
}
data "aws_partition" "current" {}
data "aws_caller_identity" "me" {}
resource "aws_s3_bucket" "b" {
  bucket_prefix = "logs-"
}
resource "aws_s3_bucket" "counted" {
  count         = 2
  bucket_prefix = "c-"
}
locals {
  env   = "prod"
  named = "${local.env}-app-${var.unset}"
}
resource "aws_ssm_parameter" "partition" {
  name  = "arn:${data.aws_partition.current.partition}:iam::${var.partner_account}:root"
  type  = "String"
  value = "v"
}
resource "aws_ssm_parameter" "prefix" {
  name  = "acme-logs-${var.unset}"
  type  = "String"
  value = "v"
}
resource "aws_ssm_parameter" "middle" {
  name  = "/${local.env}/${var.unset}/db-password"
  type  = "String"
  value = "v"
}
resource "aws_ssm_parameter" "number" {
  name  = "x-${1 + 1}-${var.unset}"
  type  = "String"
  value = "v"
}
resource "aws_ssm_parameter" "objects" {
  name  = "${aws_s3_bucket.b.arn}/*"
  type  = "String"
  value = "v"
}
resource "aws_ssm_parameter" "indexed" {
  name  = "${aws_s3_bucket.counted[0].arn}/*"
  type  = "String"
  value = "v"
}
resource "aws_ssm_parameter" "name_ref" {
  name  = "arn:aws:s3:::${aws_s3_bucket.b.id}/AWSLogs/*"
  type  = "String"
  value = "v"
}
resource "aws_ssm_parameter" "data_attr" {
  name  = "${data.aws_caller_identity.me.account_id}-x"
  type  = "String"
  value = "v"
}
resource "aws_ssm_parameter" "directive" {
  name  = "a-%{if var.unset == "x"}b%{else}c%{endif}-z"
  type  = "String"
  value = "v"
}
resource "aws_ssm_parameter" "nested" {
  name  = "x-${"y-${var.unset}"}"
  type  = "String"
  value = "v"
}
resource "aws_ssm_parameter" "joined" {
  name  = join("-", ["a", var.unset])
  type  = "String"
  value = "v"
}
resource "aws_ssm_parameter" "nothing" {
  name  = "${var.unset}"
  type  = "String"
  value = "v"
}
resource "aws_ssm_parameter" "known" {
  name  = "acme-${local.env}"
  type  = "String"
  value = "v"
}
resource "aws_ssm_parameter" "via_local" {
  name  = local.named
  type  = "String"
  value = "v"
}
resource "aws_ssm_parameter" "via_module" {
  name  = module.m.name
  type  = "String"
  value = "v"
}
resource "aws_ssm_parameter" "format" {
  name  = format("arn:%s:iam::%s:root", data.aws_partition.current.partition, var.partner_account)
  type  = "String"
  value = "v"
}
resource "aws_ssm_parameter" "format_percent" {
  name  = format("a-%%-%s-%s", var.unset, 2)
  type  = "String"
  value = "v"
}
resource "aws_ssm_parameter" "format_other_verb" {
  name  = format("a-%d-%s", 1, var.unset)
  type  = "String"
  value = "v"
}
resource "aws_ssm_parameter" "format_args_mismatch" {
  name  = format("a-%s", var.unset, "extra")
  type  = "String"
  value = "v"
}
resource "aws_ssm_parameter" "template_of_a_list" {
  name  = "a-${var.list}-${var.unset}"
  type  = "String"
  value = "v"
}
resource "aws_iam_role" "heredoc" {
  name               = "heredoc"
  assume_role_policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Principal": {"AWS": "arn:${data.aws_partition.current.partition}:iam::${var.partner_account}:root"},
        "Action": "sts:AssumeRole",
        "Resource": ["${aws_s3_bucket.b.arn}/*", "arn:aws:s3:::${var.unset}-${var.unset}"]
      }]
    }
  JSON
}
module "m" {
  source = "./m"
  name   = "mod-${var.unset}"
}
resource "aws_s3_bucket_policy" "b" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = { AWS = "arn:${data.aws_partition.current.partition}:iam::${var.partner_account}:root" }
      Action    = "s3:*"
      Resource  = [aws_s3_bucket.b.arn, "${aws_s3_bucket.b.arn}/*", var.unset]
    }]
  })
}
`, "m/main.tf": moduleSrc})
	u := ParseModule(dir, nil, Options{})
	got := map[string]string{}
	for _, p := range u.Model.AWS.SSM.Parameters {
		got[p.ID] = showParts(p.Name)
	}
	want := map[string]string{
		"partition": "arn:${data.aws_partition.current.partition}:iam::444455556666:root",
		"prefix":    "acme-logs-${.}",
		"middle":    "/prod/${.}/db-password",
		"number":    "x-2-${.}",
		"objects":   "${aws_s3_bucket.b.arn}/*",
		"indexed":   "${aws_s3_bucket.counted[0].arn}/*",
		"name_ref":  "arn:aws:s3:::${aws_s3_bucket.b.id}/AWSLogs/*",
		// A data source's attribute, read directly.
		"data_attr": "${data.aws_caller_identity.me.account_id}-x",
		"directive": "a-${.}-z",
		"nested":    "x-y-${.}",
		// A function's result is not taken apart.
		"joined":  "unknown",
		"nothing": "unknown",
		"known":   "known acme-prod",
		// Through a local, and a module variable.
		"via_local":                     "prod-app-${.}",
		"m.aws_ssm_parameter.in_module": "mod-${.}/db",
		"format":                        "arn:${data.aws_partition.current.partition}:iam::444455556666:root",
		"format_percent":                "a-%-${.}-2",
		// Only %s verbs are read; a count of arguments Terraform rejects,
		// or a template of a value that is no string, tells nothing.
		"format_other_verb":    "unknown",
		"format_args_mismatch": "unknown",
		"template_of_a_list":   "unknown",
		// A module output is not followed.
		"via_module": "unknown",
	}
	for k, w := range want {
		id := "aws_ssm_parameter." + k
		if strings.HasPrefix(k, "m.") {
			id = "module." + k
		}
		if got[id] != w {
			t.Errorf("%s: got %q, want %q", id, got[id], w)
		}
	}
	var policy *model.Policy
	for _, p := range u.Model.AWS.IAM.Policies {
		if p.ID == "aws_s3_bucket_policy.b.policy" {
			policy = p
		}
	}
	if policy == nil || len(policy.Statements) != 1 {
		t.Fatalf("no bucket policy with one statement: %+v", policy)
	}
	s := policy.Statements[0]
	if got := showParts(s.Principals.V[0].Value); got != "arn:${data.aws_partition.current.partition}:iam::444455556666:root" {
		t.Errorf("principal: %s", got)
	}
	var res []string
	for _, r := range s.Resources.V {
		res = append(res, showParts(r))
	}
	if got, want := strings.Join(res, " "), "${aws_s3_bucket.b.arn} ${aws_s3_bucket.b.arn}/* unknown"; got != want {
		t.Errorf("resources: got %q, want %q", got, want)
	}
	// A JSON document written as a template (a heredoc).
	for _, p := range u.Model.AWS.IAM.Policies {
		if p.ID != "aws_iam_role.heredoc.assume_role_policy" {
			continue
		}
		s := p.Statements[0]
		if got := showParts(s.Principals.V[0].Value); got != "arn:${data.aws_partition.current.}:iam::444455556666:root" {
			t.Errorf("heredoc principal: %s", got)
		}
		var res []string
		for _, r := range s.Resources.V {
			res = append(res, showParts(r))
		}
		if got, want := strings.Join(res, " "), "${aws_s3_bucket.b.}/* arn:aws:s3:::${.}-${.}"; got != want {
			t.Errorf("heredoc resources: got %q, want %q", got, want)
		}
		return
	}
	t.Error("no policy aws_iam_role.heredoc.assume_role_policy")
}

const moduleSrc = `
variable "name" {
  type = string
}
output "name" {
  value = var.name
}
resource "aws_ssm_parameter" "in_module" {
  name  = "${var.name}/db"
  type  = "String"
  value = "v"
}
`
