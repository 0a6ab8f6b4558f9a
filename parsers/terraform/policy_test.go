package terraform

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

func TestPolicyJSONEncode(t *testing.T) {
	src := `
resource "aws_s3_bucket" "b" {
  bucket = "acme"
}
resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "Public"
        Effect = "Allow"
        Principal = {
          AWS = [
            "arn:aws:iam::111122223333:root",
            "*",
          ]
        }
        Action = [
          "s3:GetObject",
          "s3:ListBucket",
        ]
        Resource = "${aws_s3_bucket.b.arn}/*"
        Condition = {
          Bool = { "aws:SecureTransport" = false }
        }
      },
    ]
  })
}
`
	u, _ := parseSrc(t, src)
	noErrors(t, u)
	p := policyByID(t, u, "aws_s3_bucket_policy.p.policy")
	if p.Owner != "aws_s3_bucket.b" || p.Kind != model.PolicyResource || p.Type != "aws_s3_bucket_policy" {
		t.Errorf("policy meta = %+v", p.Meta)
	}
	if b := bucketByID(t, u, "aws_s3_bucket.b"); !reflect.DeepEqual(b.Policies, []string{p.ID}) {
		t.Errorf("bucket policies = %v", b.Policies)
	}
	if len(p.Statements) != 1 {
		t.Fatalf("statements = %d", len(p.Statements))
	}
	s := p.Statements[0]
	if acts, _ := strs(s.Actions); !reflect.DeepEqual(acts, []string{"s3:GetObject", "s3:ListBucket"}) {
		t.Errorf("actions = %v", acts)
	}
	// The interpolated ARN is one unknown leaf; the rest stays known.
	if s.Resources.State != model.Unknown {
		t.Errorf("resources = %+v, want unknown", s.Resources)
	}
	if pr, ok := s.Principals.Get(); !ok || len(pr) != 2 || pr[1].Value != model.KnownOf("*") {
		t.Errorf("principals = %+v", s.Principals)
	}
	if c, ok := s.Conditions.Get(); !ok || len(c) != 1 || c[0].Key != model.KnownOf("aws:SecureTransport") {
		t.Errorf("conditions = %+v", s.Conditions)
	}
	wantLine(t, u, p.ID, "version", lineOf(t, src, "Version =", 1))
	wantLine(t, u, p.ID, "statements[0]", lineOf(t, src, "      {", 1))
	wantLine(t, u, p.ID, "statements[0].sid", lineOf(t, src, "Sid", 1))
	wantLine(t, u, p.ID, "statements[0].actions[0]", lineOf(t, src, `"s3:GetObject"`, 1))
	wantLine(t, u, p.ID, "statements[0].actions[1]", lineOf(t, src, `"s3:ListBucket"`, 1))
	wantLine(t, u, p.ID, "statements[0].principals[0]", lineOf(t, src, `"arn:aws:iam::111122223333:root"`, 1))
	wantLine(t, u, p.ID, "statements[0].principals[1]", lineOf(t, src, `"*",`, 1))
	wantLine(t, u, p.ID, "statements[0].resources", lineOf(t, src, "Resource =", 1))
	wantLine(t, u, p.ID, "statements[0].conditions[0]", lineOf(t, src, `"aws:SecureTransport"`, 1))
}

func TestPolicyHeredoc(t *testing.T) {
	src := `
resource "aws_s3_bucket" "b" {
  bucket = "acme"
}
resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.b.id
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::${var.account}:root"},
      "Action": [
        "s3:GetObject",
        "s3:PutObject"
      ],
      "Resource": "${aws_s3_bucket.b.arn}/*"
    },
    {
      "Effect": "Deny",
      "Principal": "*",
      "Action": "s3:*",
      "Resource": ["${aws_s3_bucket.b.arn}", "arn:aws:s3:::literal/*"],
      "Condition": {"Bool": {"aws:SecureTransport": "${local.insecure}"}}
    }
  ]
}
EOF
}
variable "account" {}
locals {
  insecure = "false"
}
resource "aws_iam_policy" "indented" {
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": {
        "Effect": "Allow",
        "Action": "iam:PassRole",
        "Resource": "*"
      }
    }
  EOT
}
`
	u, _ := parseSrc(t, src)
	noErrors(t, u)
	p := policyByID(t, u, "aws_s3_bucket_policy.p.policy")
	if p.StatementsUnknown || len(p.Statements) != 2 {
		t.Fatalf("statements = %d (unknown %v)", len(p.Statements), p.StatementsUnknown)
	}
	s0, s1 := p.Statements[0], p.Statements[1]
	if acts, _ := strs(s0.Actions); !reflect.DeepEqual(acts, []string{"s3:GetObject", "s3:PutObject"}) {
		t.Errorf("actions = %v", acts)
	}
	if pr, ok := s0.Principals.Get(); !ok || len(pr) != 1 || pr[0].Type != "AWS" || pr[0].Value.State != model.Unknown {
		t.Errorf("principal with an unknown account = %+v", s0.Principals)
	}
	if res, ok := strs(s1.Resources); !ok || !reflect.DeepEqual(res, []string{"?", "arn:aws:s3:::literal/*"}) {
		t.Errorf("resources = %v", res)
	}
	if c, ok := s1.Conditions.Get(); !ok || len(c) != 1 {
		t.Errorf("conditions = %+v", s1.Conditions)
	} else if vals, _ := strs(c[0].Values); !reflect.DeepEqual(vals, []string{"false"}) {
		t.Errorf("condition values = %v (a known interpolation is known)", vals)
	}
	wantLine(t, u, p.ID, "version", lineOf(t, src, `"Version"`, 1))
	wantLine(t, u, p.ID, "statements[0].actions[0]", lineOf(t, src, `"s3:GetObject"`, 1))
	wantLine(t, u, p.ID, "statements[0].actions[1]", lineOf(t, src, `"s3:PutObject"`, 1))
	wantLine(t, u, p.ID, "statements[0].principals[0]", lineOf(t, src, `"Principal": {"AWS"`, 1))
	wantLine(t, u, p.ID, "statements[1].principals[0]", lineOf(t, src, `"Principal": "*"`, 1))
	wantLine(t, u, p.ID, "statements[1].resources[1]", lineOf(t, src, `arn:aws:s3:::literal/*`, 1))
	wantLine(t, u, p.ID, "statements[1].effect", lineOf(t, src, `"Deny"`, 1))

	// Columns: the element itself, not the line start.
	r := u.Locations[p.ID]["statements[0].actions[1]"]
	line := strings.Split(src, "\n")[r.Start.Line-1]
	if col := strings.Index(line, `"s3:PutObject"`) + 1; r.Start.Column != col {
		t.Errorf("actions[1] column = %d, want %d", r.Start.Column, col)
	}

	// <<- strips the indentation; columns still point into the source.
	ip := policyByID(t, u, "aws_iam_policy.indented.policy")
	if len(ip.Statements) != 1 {
		t.Fatalf("indented statements = %d", len(ip.Statements))
	}
	wantLine(t, u, ip.ID, "statements[0].actions[0]", lineOf(t, src, `"iam:PassRole"`, 1))
	r = u.Locations[ip.ID]["statements[0].actions[0]"]
	line = strings.Split(src, "\n")[r.Start.Line-1]
	if col := strings.Index(line, `"iam:PassRole"`) + 1; r.Start.Column != col {
		t.Errorf("indented heredoc column = %d, want %d", r.Start.Column, col)
	}
}

func TestPolicyDocumentDataSource(t *testing.T) {
	src := `
data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Shared"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
  statement {
    sid       = "Replaced"
    actions   = ["s3:DeleteObject"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "doc" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]
  statement {
    sid     = "Replaced"
    actions = [
      "s3:PutObject",
      "s3:PutObjectAcl",
    ]
    resources = ["${aws_s3_bucket.b.arn}/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = [var.org]
    }
  }
  statement {
    effect        = "Deny"
    not_actions   = ["iam:*"]
    not_resources = ["arn:aws:iam::*:role/admin"]
  }
}
data "aws_iam_policy_document" "public" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}
variable "org" {}
resource "aws_s3_bucket" "b" {
  bucket = "acme"
}
resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.b.id
  policy = data.aws_iam_policy_document.doc.json
}
resource "aws_iam_role" "r" {
  assume_role_policy = data.aws_iam_policy_document.public.json
}
`
	u, _ := parseSrc(t, src)
	noErrors(t, u)
	p := policyByID(t, u, "aws_s3_bucket_policy.p.policy")
	if p.Version != model.KnownOf("2012-10-17") || len(p.Statements) != 3 {
		t.Fatalf("version %v, %d statements", p.Version, len(p.Statements))
	}
	shared, replaced, deny := p.Statements[0], p.Statements[1], p.Statements[2]
	if shared.Sid != model.KnownOf("Shared") || shared.Effect != model.KnownOf("Allow") {
		t.Errorf("statement 0 = %+v", shared)
	}
	// The document's own statement replaces the source's with the same Sid.
	if acts, _ := strs(replaced.Actions); !reflect.DeepEqual(acts, []string{"s3:PutObject", "s3:PutObjectAcl"}) {
		t.Errorf("replaced actions = %v", acts)
	}
	if res, _ := strs(replaced.Resources); !reflect.DeepEqual(res, []string{"?"}) {
		t.Errorf("replaced resources = %v", res)
	}
	pr, ok := replaced.Principals.Get()
	if !ok || len(pr) != 2 || pr[0].Value != model.KnownOf("arn:aws:iam::111122223333:root") || pr[1].Value != model.KnownOf("*") {
		t.Errorf("principals = %+v", replaced.Principals)
	}
	c, ok := replaced.Conditions.Get()
	if !ok || len(c) != 1 || c[0].Operator != model.KnownOf("StringEquals") || c[0].Key != model.KnownOf("aws:PrincipalOrgID") {
		t.Errorf("conditions = %+v", replaced.Conditions)
	} else if vals, _ := strs(c[0].Values); !reflect.DeepEqual(vals, []string{"?"}) {
		t.Errorf("condition values = %v", vals)
	}
	if deny.Effect != model.KnownOf("Deny") || deny.NotActions.State != model.Known || deny.NotResources.State != model.Known {
		t.Errorf("deny = %+v", deny)
	}

	wantLine(t, u, p.ID, "statements[0]", lineOf(t, src, "statement {", 1))
	wantLine(t, u, p.ID, "statements[0].actions[0]", lineOf(t, src, `"s3:GetObject"`, 1))
	wantLine(t, u, p.ID, "statements[1].effect", lineOf(t, src, "statement {", 3))
	wantLine(t, u, p.ID, "statements[1].actions[1]", lineOf(t, src, `"s3:PutObjectAcl"`, 1))
	wantLine(t, u, p.ID, "statements[1].principals[0]", lineOf(t, src, `"arn:aws:iam::111122223333:root"`, 1))
	wantLine(t, u, p.ID, "statements[1].principals[1]", lineOf(t, src, `identifiers = ["*"]`, 1))
	wantLine(t, u, p.ID, "statements[1].conditions[0]", lineOf(t, src, `variable = "aws:PrincipalOrgID"`, 1))
	wantLine(t, u, p.ID, "statements[2].effect", lineOf(t, src, `effect        = "Deny"`, 1))
	wantLine(t, u, p.ID, "statements[2].not_actions[0]", lineOf(t, src, `not_actions`, 1))

	// A lone principals {type = "*", identifiers = ["*"]} renders as "*".
	trust := policyByID(t, u, "aws_iam_role.r.assume_role_policy")
	if trust.Kind != model.PolicyTrust || trust.Owner != "aws_iam_role.r" {
		t.Errorf("trust meta = %+v %s %s", trust.Meta, trust.Kind, trust.Owner)
	}
	if pr, ok := trust.Statements[0].Principals.Get(); !ok || len(pr) != 1 || pr[0].Type != "*" {
		t.Errorf("public principal = %+v", trust.Statements[0].Principals)
	}
	wantLine(t, u, trust.ID, "statements[0].principals[0]", lineOf(t, src, `identifiers = ["*"]`, 2))
	// Data sources are not policies by themselves.
	for _, pol := range u.Model.AWS.IAM.Policies {
		if strings.HasPrefix(pol.ID, "data.") {
			t.Errorf("data source listed as a policy: %s", pol.ID)
		}
	}
}

func TestPolicyDocumentUnknownParts(t *testing.T) {
	src := `
variable "statements" { type = list(any) }
variable "extra_json" {}
data "aws_iam_policy_document" "dyn" {
  statement {
    sid       = "Static"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
  dynamic "statement" {
    for_each = var.statements
    content {
      actions   = statement.value.actions
      resources = ["*"]
    }
  }
}
data "aws_iam_policy_document" "override" {
  override_policy_documents = [var.extra_json]
  statement {
    sid       = "MayBeReplaced"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
  statement {
    actions   = ["s3:ListBucket"]
    resources = ["*"]
  }
}
resource "aws_iam_policy" "dyn" {
  policy = data.aws_iam_policy_document.dyn.json
}
resource "aws_iam_policy" "override" {
  policy = data.aws_iam_policy_document.override.json
}
resource "aws_iam_policy" "var" {
  policy = var.extra_json
}
`
	u, _ := parseSrc(t, src)
	noErrors(t, u)
	dyn := policyByID(t, u, "aws_iam_policy.dyn.policy")
	if len(dyn.Statements) != 2 || dyn.Statements[0].Sid != model.KnownOf("Static") || dyn.Statements[1].Effect.State != model.Unknown {
		t.Errorf("dynamic statements = %+v", dyn.Statements)
	}
	wantLine(t, u, dyn.ID, "statements[1]", lineOf(t, src, `dynamic "statement"`, 1))

	// An unknown override may replace the statement with a Sid, not the
	// one without; and it may add statements.
	ov := policyByID(t, u, "aws_iam_policy.override.policy")
	if len(ov.Statements) != 3 || ov.Statements[0].Effect.State != model.Unknown ||
		ov.Statements[1].Effect != model.KnownOf("Allow") || ov.Statements[2].Effect.State != model.Unknown {
		t.Errorf("override statements = %+v", ov.Statements)
	}
	if v := policyByID(t, u, "aws_iam_policy.var.policy"); !v.StatementsUnknown {
		t.Errorf("policy from an unset variable = %+v, want unknown statements", v)
	}
}

func TestPolicyOtherForms(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"policy.json": `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": "kms:Decrypt",
    "Resource": "*"
  }]
}
`,
		"main.tf": `
locals {
  doc = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sqs:*", Resource = "*" }]
  })
}
resource "aws_sqs_queue" "q" {
  policy = local.doc
}
resource "aws_kms_key" "k" {
  policy = file("${path.module}/policy.json")
}
resource "aws_sns_topic" "t" {
  policy = "{\"Version\": \"2012-10-17\", \"Statement\": []}"
}
resource "aws_iam_user_policy" "bad" {
  policy = "{not json"
}
resource "aws_iam_group_policy" "none" {
  policy = var.maybe == "" ? null : var.maybe
}
variable "maybe" { default = "" }
`,
	})
	u := ParseModule(dir, nil, Options{})
	main := readFile2(t, dir, "main.tf")

	q := policyByID(t, u, "aws_sqs_queue.q.policy")
	if acts, _ := strs(q.Statements[0].Actions); !reflect.DeepEqual(acts, []string{"sqs:*"}) {
		t.Errorf("queue actions = %v", acts)
	}
	wantLine(t, u, q.ID, "statements[0].actions[0]", lineOf(t, main, `"sqs:*"`, 1))

	k := policyByID(t, u, "aws_kms_key.k.policy")
	r := u.Locations[k.ID]["statements[0].actions[0]"]
	if filepath.Base(r.File) != "policy.json" || r.Start.Line != 5 || r.Start.Column != 15 {
		t.Errorf("file() policy action at %v, want policy.json:5:15", r)
	}

	topic := policyByID(t, u, "aws_sns_topic.t.policy")
	if topic.StatementsUnknown || topic.Version != model.KnownOf("2012-10-17") {
		t.Errorf("quoted JSON policy = %+v", topic)
	}
	wantLine(t, u, topic.ID, "version", lineOf(t, main, `policy = "{`, 1))

	bad := policyByID(t, u, "aws_iam_user_policy.bad.policy")
	if !bad.StatementsUnknown {
		t.Errorf("invalid JSON policy = %+v", bad)
	}
	var warned bool
	for _, d := range u.Diagnostics {
		if d.Summary == "invalid policy JSON" && d.Range.Start.Line == lineOf(t, main, "{not json", 1) {
			warned = true
		} else if d.Severity != model.DiagNote {
			t.Errorf("unexpected diagnostic: %s", d.Error())
		}
	}
	if !warned {
		t.Errorf("no invalid policy JSON warning in %v", u.Diagnostics)
	}
	// A null policy is no policy.
	for _, p := range u.Model.AWS.IAM.Policies {
		if p.ID == "aws_iam_group_policy.none.policy" {
			t.Errorf("null policy listed: %+v", p)
		}
	}
}

func TestPolicySources(t *testing.T) {
	doc := `jsonencode({ Version = "2012-10-17", Statement = [] })`
	src := strings.ReplaceAll(`
resource "aws_iam_policy" "a" { policy = DOC }
resource "aws_iam_role_policy" "a" { policy = DOC }
resource "aws_iam_user_policy" "a" { policy = DOC }
resource "aws_iam_group_policy" "a" { policy = DOC }
resource "aws_iam_role" "a" {
  assume_role_policy = DOC
  inline_policy {
    policy = DOC
  }
  inline_policy {
    policy = DOC
  }
}
resource "aws_s3_bucket" "a" { policy = DOC }
resource "aws_kms_key" "a" { policy = DOC }
resource "aws_kms_key_policy" "a" {
  key_id = aws_kms_key.a.id
  policy = DOC
}
resource "aws_sns_topic" "a" { policy = DOC }
resource "aws_sns_topic_policy" "a" {
  arn    = aws_sns_topic.a.arn
  policy = DOC
}
resource "aws_sqs_queue" "a" { policy = DOC }
resource "aws_sqs_queue_policy" "a" {
  queue_url = aws_sqs_queue.a.id
  policy    = DOC
}
resource "aws_secretsmanager_secret" "a" { policy = DOC }
resource "aws_secretsmanager_secret_policy" "a" {
  secret_arn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:x"
  policy     = DOC
}
resource "aws_ecr_repository_policy" "a" {
  repository = "repo"
  policy     = DOC
}
resource "aws_s3_access_point" "a" { policy = DOC }
resource "aws_glacier_vault" "a" { access_policy = DOC }
`, "DOC", doc)
	u, _ := parseSrc(t, src)
	noErrors(t, u)
	tests := []struct{ id, typ, kind, owner string }{
		{"aws_iam_policy.a.policy", "aws_iam_policy", model.PolicyIdentity, "aws_iam_policy.a"},
		{"aws_iam_role_policy.a.policy", "aws_iam_role_policy", model.PolicyIdentity, "aws_iam_role_policy.a"},
		{"aws_iam_user_policy.a.policy", "aws_iam_user_policy", model.PolicyIdentity, "aws_iam_user_policy.a"},
		{"aws_iam_group_policy.a.policy", "aws_iam_group_policy", model.PolicyIdentity, "aws_iam_group_policy.a"},
		{"aws_iam_role.a.assume_role_policy", "aws_iam_role", model.PolicyTrust, "aws_iam_role.a"},
		{"aws_iam_role.a.inline_policy[0].policy", "aws_iam_role", model.PolicyIdentity, "aws_iam_role.a"},
		{"aws_iam_role.a.inline_policy[1].policy", "aws_iam_role", model.PolicyIdentity, "aws_iam_role.a"},
		{"aws_s3_bucket.a.policy", "aws_s3_bucket", model.PolicyResource, "aws_s3_bucket.a"},
		{"aws_kms_key.a.policy", "aws_kms_key", model.PolicyResource, "aws_kms_key.a"},
		{"aws_kms_key_policy.a.policy", "aws_kms_key_policy", model.PolicyResource, "aws_kms_key.a"},
		{"aws_sns_topic.a.policy", "aws_sns_topic", model.PolicyResource, "aws_sns_topic.a"},
		{"aws_sns_topic_policy.a.policy", "aws_sns_topic_policy", model.PolicyResource, "aws_sns_topic.a"},
		{"aws_sqs_queue.a.policy", "aws_sqs_queue", model.PolicyResource, "aws_sqs_queue.a"},
		{"aws_sqs_queue_policy.a.policy", "aws_sqs_queue_policy", model.PolicyResource, "aws_sqs_queue.a"},
		{"aws_secretsmanager_secret.a.policy", "aws_secretsmanager_secret", model.PolicyResource, "aws_secretsmanager_secret.a"},
		{"aws_secretsmanager_secret_policy.a.policy", "aws_secretsmanager_secret_policy", model.PolicyResource, "aws_secretsmanager_secret_policy.a"},
		{"aws_ecr_repository_policy.a.policy", "aws_ecr_repository_policy", model.PolicyResource, "aws_ecr_repository_policy.a"},
		{"aws_s3_access_point.a.policy", "aws_s3_access_point", model.PolicyResource, "aws_s3_access_point.a"},
		{"aws_glacier_vault.a.access_policy", "aws_glacier_vault", model.PolicyResource, "aws_glacier_vault.a"},
	}
	if got := len(u.Model.AWS.IAM.Policies); got != len(tests) {
		t.Errorf("%d policies, want %d", got, len(tests))
	}
	for _, tt := range tests {
		p := policyByID(t, u, tt.id)
		if p.Type != tt.typ || p.Kind != tt.kind || p.Owner != tt.owner || p.StatementsUnknown {
			t.Errorf("%s: type %s kind %s owner %s unknown %v; want %s %s %s", tt.id, p.Type, p.Kind, p.Owner, p.StatementsUnknown, tt.typ, tt.kind, tt.owner)
		}
	}
	if b := bucketByID(t, u, "aws_s3_bucket.a"); !reflect.DeepEqual(b.Policies, []string{"aws_s3_bucket.a.policy"}) {
		t.Errorf("bucket policies = %v", b.Policies)
	}
}

// TestPolicyDocumentMerge checks the merge of source and override documents
// against what the AWS provider (v5.100) renders for the same configuration.
func TestPolicyDocumentMerge(t *testing.T) {
	src := `
data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Shared"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
  statement {
    sid       = "Replaced"
    actions   = ["s3:DeleteObject"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "over" {
  statement {
    sid       = "Shared"
    actions   = ["s3:Over"]
    resources = ["*"]
  }
  statement {
    actions   = ["s3:Appended"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "doc" {
  source_policy_documents   = [data.aws_iam_policy_document.base.json]
  override_policy_documents = [data.aws_iam_policy_document.over.json]
  statement {
    sid       = "Replaced"
    actions   = ["s3:PutObject"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-1"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-2"]
    }
  }
  statement {
    actions   = ["s3:NoSid"]
    resources = ["*"]
  }
}
resource "aws_iam_policy" "p" {
  policy = data.aws_iam_policy_document.doc.minified_json
}
`
	u, _ := parseSrc(t, src)
	noErrors(t, u)
	p := policyByID(t, u, "aws_iam_policy.p.policy")
	// terraform output of the same data source:
	// Shared (s3:Over), Replaced (s3:PutObject, both org IDs), s3:NoSid, s3:Appended.
	var got [][]string
	for _, s := range p.Statements {
		acts, _ := strs(s.Actions)
		got = append(got, acts)
	}
	want := [][]string{{"s3:Over"}, {"s3:PutObject"}, {"s3:NoSid"}, {"s3:Appended"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("merged actions = %v, want %v", got, want)
	}
	if c, ok := p.Statements[1].Conditions.Get(); !ok || len(c) != 1 {
		t.Errorf("conditions = %+v", p.Statements[1].Conditions)
	} else if vals, _ := strs(c[0].Values); !reflect.DeepEqual(vals, []string{"o-1", "o-2"}) {
		t.Errorf("condition values = %v", vals)
	}
	wantLine(t, u, p.ID, "statements[0].actions[0]", lineOf(t, src, `"s3:Over"`, 1))
	wantLine(t, u, p.ID, "statements[3].actions[0]", lineOf(t, src, `"s3:Appended"`, 1))
}

func TestPolicyTemplateFile(t *testing.T) {
	tpl := `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "${principal}"},
      "Action": "sqs:SendMessage",
      "Resource": "${queue_arn}"
    }
  ]
}
`
	dir := writeModule(t, map[string]string{
		"policy.json.tpl": tpl,
		"main.tf": `
resource "aws_sqs_queue" "q" {}
resource "aws_sqs_queue_policy" "p" {
  queue_url = aws_sqs_queue.q.id
  policy    = templatefile("${path.module}/policy.json.tpl", {
    principal = "*"
    queue_arn = aws_sqs_queue.q.arn
  })
}
`,
	})
	u := ParseModule(dir, nil, Options{})
	noErrors(t, u)
	p := policyByID(t, u, "aws_sqs_queue_policy.p.policy")
	if p.Owner != "aws_sqs_queue.q" || len(p.Statements) != 1 {
		t.Fatalf("policy = %+v", p)
	}
	s := p.Statements[0]
	if pr, ok := s.Principals.Get(); !ok || len(pr) != 1 || pr[0].Value != model.KnownOf("*") {
		t.Errorf("principals = %+v", s.Principals)
	}
	if s.Resources.State != model.Unknown {
		t.Errorf("resources = %+v, want unknown", s.Resources)
	}
	r := u.Locations[p.ID]["statements[0].actions[0]"]
	if filepath.Base(r.File) != "policy.json.tpl" || r.Start.Line != lineOf(t, tpl, "sqs:SendMessage", 1) {
		t.Errorf("action at %v, want policy.json.tpl line %d", r, lineOf(t, tpl, "sqs:SendMessage", 1))
	}
}

// TestPolicyDocumentDuplicateSids checks the Sids the AWS provider (v5.100)
// rejects, as terraform plan reported them for the same configurations:
// twice among the statement blocks, twice among the source documents. An
// override repeating a Sid replaces, and is no error.
func TestPolicyDocumentDuplicateSids(t *testing.T) {
	const base = `
data "aws_iam_policy_document" "a" {
  statement {
    sid       = "C"
    actions   = ["s3:A"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "b" {
  statement {
    sid       = "C"
    actions   = ["s3:B"]
    resources = ["*"]
  }
  statement {
    actions   = ["s3:NoSid"]
    resources = ["*"]
  }
}
`
	tests := []struct {
		name string
		doc  string
		line string // text of the line of the one error, "" for none
		nth  int    // occurrence of line
	}{
		{
			name: "two source documents with one Sid",
			doc: `data "aws_iam_policy_document" "doc" {
  source_policy_documents = [data.aws_iam_policy_document.a.json, data.aws_iam_policy_document.b.json]
}`,
			line: `sid       = "C"`, nth: 2, // of b
		},
		{
			name: "two statement blocks with one Sid",
			doc: `data "aws_iam_policy_document" "doc" {
  statement {
    sid       = "S"
    actions   = ["s3:S1"]
    resources = ["*"]
  }
  statement {
    sid       = "S" # second
    actions   = ["s3:S2"]
    resources = ["*"]
  }
}`,
			line: `sid       = "S" # second`, nth: 1,
		},
		{
			name: "overrides repeat Sids",
			doc: `data "aws_iam_policy_document" "doc" {
  source_policy_documents   = [data.aws_iam_policy_document.a.json]
  override_policy_documents = [data.aws_iam_policy_document.b.json, data.aws_iam_policy_document.a.json]
  statement {
    sid       = "C"
    actions   = ["s3:Current"]
    resources = ["*"]
  }
}`,
		},
		{
			name: "statements without Sid",
			doc: `data "aws_iam_policy_document" "doc" {
  source_policy_documents = [data.aws_iam_policy_document.b.json, data.aws_iam_policy_document.b.json]
}`,
			line: `sid       = "C"`, nth: 2, // of b, read twice
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := base + tt.doc + `
resource "aws_iam_policy" "p" {
  policy = data.aws_iam_policy_document.doc.json
}
`
			u, _ := parseSrc(t, src)
			var errs []model.Diagnostic
			for _, d := range u.Diagnostics {
				if d.Severity == model.DiagError {
					errs = append(errs, d)
				}
			}
			if tt.line == "" {
				if len(errs) != 0 {
					t.Errorf("unexpected errors %v", errs)
				}
				return
			}
			if len(errs) != 1 || errs[0].Summary != "duplicate Sid in aws_iam_policy_document" {
				t.Fatalf("want one duplicate Sid error, got %v", u.Diagnostics)
			}
			want := lineOf(t, src, tt.line, tt.nth)
			if errs[0].Range.Start.Line != want {
				t.Errorf("error at line %d, want %d: %v", errs[0].Range.Start.Line, want, errs[0])
			}
			// The document is still merged (the error says the plan fails).
			if p := policyByID(t, u, "aws_iam_policy.p.policy"); p.StatementsUnknown {
				t.Errorf("document unknown")
			}
		})
	}
}
