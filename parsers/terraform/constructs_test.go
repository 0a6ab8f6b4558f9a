package terraform

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

// policyActions returns the actions of every statement of every policy,
// by policy ID: "a,b;c" for two statements.
func policyActions(u *model.Unit) map[string]string {
	out := map[string]string{}
	for _, p := range u.Model.AWS.IAM.Policies {
		var stmts []string
		for _, s := range p.Statements {
			a, _ := strs(s.Actions)
			if s.Actions.State == model.Unknown {
				a = []string{"?"}
			}
			na, _ := strs(s.NotActions)
			stmts = append(stmts, strings.Join(append(a, prefixed("!", na)...), ","))
		}
		if p.StatementsUnknown {
			stmts = append(stmts, "?")
		}
		out[p.ID] = strings.Join(stmts, ";")
	}
	return out
}

func prefixed(p string, s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = p + x
	}
	return out
}

// wantPolicies checks the actions of exactly the given policies.
func wantPolicies(t *testing.T, u *model.Unit, want map[string]string) {
	t.Helper()
	got := policyActions(u)
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s actions = %q, want %q", id, got[id], w)
		}
	}
	for id := range got {
		if _, ok := want[id]; !ok {
			t.Errorf("unexpected policy %s: %q", id, got[id])
		}
	}
}

// TestConstructs checks, per evaluation fixture, what the rules read:
// the instances that exist, and the values they have, including those that
// must not produce a finding.
func TestConstructs(t *testing.T) {
	tests := []struct {
		dir  string
		want map[string]string
	}{
		{"count", map[string]string{
			"aws_iam_policy.p[0].policy": "s3:*",
			"aws_iam_policy.p[1].policy": "s3:GetObject",
			// aws_iam_policy.none has count = 0: it does not exist.
		}},
		{"for-each", map[string]string{
			`aws_iam_policy.by_map["admin"].policy`:      "rds:*",
			`aws_iam_policy.by_map["viewer"].policy`:     "rds:Describe*",
			`aws_iam_policy.by_set["sns"].policy`:        "sns:ListQueues",
			`aws_iam_policy.by_set["sqs"].policy`:        "sqs:ListQueues",
			`aws_iam_policy.by_object["ops"].policy`:     "ec2:*",
			`aws_iam_policy.by_object["readers"].policy`: "s3:GetObject",
		}},
		{"dynamic", map[string]string{
			"aws_iam_policy.p.policy":           "s3:GetObject;s3:*",
			"aws_iam_role.r.assume_role_policy": "sts:AssumeRole",
		}},
		{"expressions", map[string]string{
			"aws_iam_policy.exprs.policy":   "s3:List*,sqs:List*;sqs:*",
			"aws_iam_policy.heredoc.policy": "dynamodb:*",
		}},
		{"json", map[string]string{"aws_iam_policy.json.policy": "kms:*"}},
		{"override", map[string]string{
			"aws_iam_policy.p.policy":     "ec2:*",
			"aws_iam_policy.local.policy": "rds:*",
		}},
		{"functions", map[string]string{
			"aws_iam_policy.yaml.policy":     "logs:*",
			"aws_iam_policy.template.policy": "ssm:*",
			"aws_iam_policy.cidr.policy":     "ec2:DescribeInstances",
		}},
		{"variables", map[string]string{
			"aws_iam_policy.optional.policy": "sns:*",
			"aws_iam_policy.tfvars.policy":   "ssm:GetParameter,sqs:*",
		}},
		{"policy-document", map[string]string{
			// source, own statements, then the override replacing Write.
			"aws_iam_policy.merged.policy":  "s3:GetObject;s3:*;!s3:GetObject",
			"aws_sns_topic_policy.t.policy": "sns:Publish;sns:Publish",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			u, _ := parseFixture(t, fixture("terraform-eval", tt.dir))
			wantPolicies(t, u, tt.want)
		})
	}
}

// TestConstructDetails checks what TestConstructs does not: locations in
// override and template files, and values that are not policies.
func TestConstructDetails(t *testing.T) {
	t.Run("override", func(t *testing.T) {
		dir := fixture("terraform-eval", "override")
		u, e := parseFixture(t, dir)
		r := u.Locations["aws_iam_policy.p.policy"]["statements[0].actions[0]"]
		if filepath.Base(r.File) != "override.tf" || r.Start.Line != 4 {
			t.Errorf("overridden action at %v, want override.tf:4", r)
		}
		// The name comes from main.tf, the policy from override.tf.
		n := e.resourceNode(e.byID["aws_iam_policy.p"])
		if name, _ := n.Get("name").Scalar(); name != "override" || filepath.Base(n.Get("name").Range.File) != "main.tf" {
			t.Errorf("name = %q at %v", name, n.Get("name").Range)
		}
	})
	t.Run("template", func(t *testing.T) {
		dir := fixture("terraform-eval", "functions")
		u, e := parseFixture(t, dir)
		r := u.Locations["aws_iam_policy.template.policy"]["statements[0].actions[0]"]
		if filepath.Base(r.File) != "policy.json.tpl" || r.Start.Line != 6 {
			t.Errorf("templated action at %v, want policy.json.tpl:6", r)
		}
		n := e.resourceNode(e.byID["aws_iam_policy.cidr"])
		desc, _ := n.Get("description").Scalar()
		if want := "203.0.113.37 255.255.255.0 198.51.100.0/26 198.51.100.64/26 a b c d X Y z"; desc != want {
			t.Errorf("description = %q, want %q", desc, want)
		}
		if name, _ := n.Get("name").Scalar(); name != "cidr-203-0-113-32-28" {
			t.Errorf("name = %q", name)
		}
	})
	t.Run("count", func(t *testing.T) {
		_, e := parseFixtureAll(t, fixture("terraform-eval", "count"))
		n := e.resourceNode(e.byID["aws_iam_group.g"])
		name, _ := n.Get("name").Scalar()
		path, _ := n.Get("path").Scalar()
		if name != "readers-of-count-1" || path != "/count-0/count-1/" {
			t.Errorf("group = %q %q", name, path)
		}
	})
	t.Run("for-each over resources", func(t *testing.T) {
		_, e := parseFixtureAll(t, fixture("terraform-eval", "for-each"))
		n := e.resourceNode(e.byID[`aws_iam_group.per_policy["admin"]`])
		if name, _ := n.Get("name").Scalar(); name != "group-admin-map-admin" {
			t.Errorf("name = %q", name)
		}
	})
}

// TestProviders checks regions through the default configuration, an
// alias and a variable, and allowed_account_ids.
func TestProviders(t *testing.T) {
	u, e := parseFixture(t, fixture("terraform-eval", "providers"))
	for id, want := range map[string]string{
		"aws_sns_topic.here": "eu-west-1",
		"aws_sns_topic.us":   "us-east-1",
	} {
		ri := e.byID[id]
		if got := e.region(ri); got != model.KnownOf(want) {
			t.Errorf("%s region = %v, want %s", id, got, want)
		}
	}
	name, _ := e.resourceNode(e.byID["aws_sns_topic.here"]).Get("name").Scalar()
	if name != "topic-eu-west-1-aws" {
		t.Errorf("name = %q", name)
	}
	_ = u

	src := `
variable "account" {}
provider "aws" {
  region              = "eu-central-1"
  allowed_account_ids = ["111122223333", var.account]
}
provider "aws" {
  alias = "env"
}
resource "aws_s3_bucket" "here" {}
resource "aws_s3_bucket" "env" {
  provider = aws.env
}
resource "aws_s3_bucket" "own" {
  region = "ap-south-1"
}
module "child" {
  source = "./child"
}
`
	dir := writeModule(t, map[string]string{"main.tf": src})
	if err := os.MkdirAll(filepath.Join(dir, "child"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "child", "main.tf"), []byte(`resource "aws_s3_bucket" "inherited" {}`), 0o644); err != nil {
		t.Fatal(err)
	}
	u = ParseModule(dir, nil, Options{})
	for id, want := range map[string]model.String{
		"aws_s3_bucket.here":                   model.KnownOf("eu-central-1"),
		"aws_s3_bucket.env":                    model.UnknownOf[string](),   // from the environment
		"aws_s3_bucket.own":                    model.KnownOf("ap-south-1"), // provider v6
		"module.child.aws_s3_bucket.inherited": model.KnownOf("eu-central-1"),
	} {
		if got := bucketByID(t, u, id).Region; got != want {
			t.Errorf("%s region = %v, want %v", id, got, want)
		}
	}
	ids := u.Model.AWS.Account.IDs
	if len(ids) != 2 || ids[0] != model.KnownOf("111122223333") || ids[1].State != model.Unknown {
		t.Errorf("account IDs = %v", ids)
	}
	// No provider block: no region at all.
	u2, _ := parseSrc(t, bucketSrc)
	if r := u2.Model.AWS.S3.Buckets[0].Region; r.State != model.Absent {
		t.Errorf("region without provider = %v, want absent", r)
	}
}

// TestOwnAccount checks that principals built from the caller identity,
// here through a module variable, are the own account, and others not.
func TestOwnAccount(t *testing.T) {
	dir := writeModule(t, map[string]string{"main.tf": `
data "aws_caller_identity" "me" {}
module "bucket" {
  source  = "./bucket"
  account = data.aws_caller_identity.me.account_id
}
`})
	if err := os.MkdirAll(filepath.Join(dir, "bucket"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "bucket", "main.tf"), []byte(`
variable "account" {}
resource "aws_s3_bucket" "b" { bucket = "b" }
resource "aws_s3_bucket_policy" "b" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "s3:GetObject"
      Resource  = "*"
      Principal = { AWS = ["arn:aws:iam::${var.account}:root", "arn:aws:iam::444455556666:root"] }
    }]
  })
}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	u := ParseModule(dir, nil, Options{})
	p := policyByID(t, u, "module.bucket.aws_s3_bucket_policy.b.policy")
	if p.Owner != "module.bucket.aws_s3_bucket.b" {
		t.Errorf("owner = %q", p.Owner)
	}
	prs, _ := p.Statements[0].Principals.Get()
	if len(prs) != 2 || !prs[0].OwnAccount || prs[1].OwnAccount {
		for _, pr := range prs {
			t.Logf("%+v", *pr)
		}
		t.Errorf("own account flags wrong")
	}
}

// TestFileConfinement checks that file functions read within the scan
// root, not outside: a child module may read ../../templates, but a path
// to /etc/passwd is an error diagnostic and nothing is read.
func TestFileConfinement(t *testing.T) {
	root := t.TempDir()
	outside := filepath.Join(t.TempDir(), "secret.json")
	if err := os.WriteFile(outside, []byte(`{"Statement": []}`), 0o644); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"templates/policy.json": `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}`,
		"envs/prod/main.tf": `
module "m" {
  source = "../../modules/m"
}
`,
		"modules/m/main.tf": `
resource "aws_iam_policy" "shared" {
  policy = file("${path.module}/../../templates/policy.json")
}
resource "aws_s3_bucket" "b" {
  bucket = local.exists ? "exists" : "absent"
}
resource "aws_iam_policy" "passwd" {
  policy = file("${path.module}/../../../../../../../../../../etc/passwd")
}
resource "aws_iam_policy" "secret" {
  policy = file("` + filepath.ToSlash(outside) + `")
}
locals {
  exists = fileexists("/etc/passwd")
}
`,
	}
	for rel, src := range files {
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	u := ParseModule(filepath.Join(root, "envs", "prod"), nil, Options{ScanRoot: root})
	wantPolicies(t, u, map[string]string{
		"module.m.aws_iam_policy.shared.policy": "s3:*",
		"module.m.aws_iam_policy.passwd.policy": "?",
		"module.m.aws_iam_policy.secret.policy": "?",
	})
	var errs []string
	for _, d := range u.Diagnostics {
		if d.Severity == model.DiagError {
			if d.Summary != "file outside the scan root" {
				t.Errorf("diagnostic %s", d.Error())
			}
			errs = append(errs, d.Detail)
		}
	}
	sort.Strings(errs)
	if len(errs) != 3 || !strings.Contains(strings.Join(errs, " "), "etc/passwd") {
		t.Errorf("errors = %v, want three (passwd, the secret, fileexists)", errs)
	}
	// The policy from the template is located in the template file.
	r := u.Locations["module.m.aws_iam_policy.shared.policy"]["statements[0].actions[0]"]
	if filepath.Base(r.File) != "policy.json" {
		t.Errorf("template action at %v", r)
	}
}
