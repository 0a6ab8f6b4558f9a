package terraform

import (
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

// TestOverrideFiles checks Terraform's merge of override files: arguments
// replace arguments, nested blocks of a type replace all blocks of that
// type, lifecycle merges argument by argument, locals and variables merge
// by name, several override files apply in name order, and .tf.json works
// on either side.
func TestOverrideFiles(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"main.tf": `
variable "acl" {
  default = "private"
}
locals {
  name = "base"
}
resource "aws_s3_bucket" "b" {
  bucket = local.name
  acl    = var.acl
  versioning {
    enabled = false
  }
  logging {
    target_bucket = "logs"
  }
  lifecycle {
    prevent_destroy = true
  }
}
resource "aws_s3_bucket" "j" {
  bucket = "json-base"
}
`,
		"a_override.tf": `
variable "acl" {
  default = "public-read"
}
resource "aws_s3_bucket" "b" {
  versioning {
    enabled = true
  }
  lifecycle {
    ignore_changes = [tags]
  }
}
`,
		"b_override.tf": `
locals {
  name = "overridden"
}
`,
		"override.tf.json": `{"resource": {"aws_s3_bucket": {"j": {"acl": "authenticated-read"}}}}`,
	})
	u := ParseModule(dir, nil, Options{})
	noErrors(t, u)
	b := bucketByID(t, u, "aws_s3_bucket.b")
	if b.Name != model.KnownOf("overridden") || b.ACL != model.KnownOf("public-read") {
		t.Errorf("bucket = %+v", b)
	}
	if b.Versioning == nil || b.Versioning.Status != model.KnownOf("Enabled") {
		t.Errorf("versioning = %+v", b.Versioning)
	}
	if b.Logging == nil || b.Logging.TargetBucket != model.KnownOf("logs") {
		t.Errorf("logging (not overridden) = %+v", b.Logging)
	}
	j := bucketByID(t, u, "aws_s3_bucket.j")
	if j.Name != model.KnownOf("json-base") || j.ACL != model.KnownOf("authenticated-read") {
		t.Errorf("json-overridden bucket = %+v", j)
	}
	// lifecycle keeps prevent_destroy and gains ignore_changes.
	_, e := parseModule(dir, nil, Options{})
	lc := e.resourceNode(e.byID["aws_s3_bucket.b"]).Get("lifecycle")
	if lc.Get("prevent_destroy") == nil || lc.Get("ignore_changes") == nil {
		t.Errorf("lifecycle = %+v", lc)
	}

	// An override block with no base is ignored, with a warning.
	u2 := ParseModule(writeModule(t, map[string]string{
		"main.tf":     `resource "aws_s3_bucket" "a" {}`,
		"override.tf": `resource "aws_s3_bucket" "ghost" { acl = "public-read" }`,
	}), nil, Options{})
	if len(u2.Model.AWS.S3.Buckets) != 1 || len(u2.Diagnostics) != 1 || u2.Diagnostics[0].Summary != "override without a base block" {
		t.Errorf("buckets %d, diagnostics %v", len(u2.Model.AWS.S3.Buckets), u2.Diagnostics)
	}
}

// TestJSONDynamic checks dynamic blocks written in .tf.json.
func TestJSONDynamic(t *testing.T) {
	dir := writeModule(t, map[string]string{"main.tf.json": `{
  "data": {"aws_iam_policy_document": {"p": {
    "dynamic": {"statement": {
      "for_each": "${[\"s3:*\", \"sqs:GetQueueUrl\"]}",
      "content": {"actions": ["${statement.value}"], "resources": ["*"]}
    }}
  }}},
  "resource": {"aws_iam_policy": {"p": {"policy": "${data.aws_iam_policy_document.p.json}"}}}
}`})
	u := ParseModule(dir, nil, Options{})
	noErrors(t, u)
	wantPolicies(t, u, map[string]string{"aws_iam_policy.p.policy": "s3:*;sqs:GetQueueUrl"})
}
