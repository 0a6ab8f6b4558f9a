package terraform

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

func readPlan(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var plansDir = filepath.Join("..", "..", "testdata", "terraform", "plans")

func TestIsPlan(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want bool
	}{
		{"plan", string(readPlan(t, filepath.Join(plansDir, "public-acl.plan.json"))), true},
		{"state", `{"format_version":"1.0","terraform_version":"1.11.4","values":{"root_module":{}}}`, true},
		{"policy", `{"Version":"2012-10-17","Statement":[]}`, false},
		{"template", `{"AWSTemplateFormatVersion":"2010-09-09","Resources":{}}`, false},
		{"mentions but is not", `{"Statement":[{"Sid":"format_version planned_values"}]}`, false},
		{"nested keys", `{"x":{"format_version":"1","planned_values":{}}}`, false},
		{"not JSON", `format_version planned_values`, false},
	}
	for _, tt := range tests {
		if got := IsPlan([]byte(tt.src)); got != tt.want {
			t.Errorf("%s: IsPlan = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestParsePlan reads the plans terraform made of testdata/terraform/plans.
func TestParsePlan(t *testing.T) {
	path := filepath.Join(plansDir, "public-acl.plan.json")
	u := ParsePlan(path, readPlan(t, path), Options{})
	noErrors(t, u)
	b := bucketByID(t, u, "aws_s3_bucket.public")
	acl, aclID := aclOf(t, u, b)
	if acl != model.KnownOf("public-read-write") || b.Name != model.KnownOf("acme-public-plan") {
		t.Errorf("bucket = %+v", b)
	}
	// Computed attributes the configuration does not set are absent, as
	// they would be in the configuration.
	if b.Versioning != nil || b.Logging != nil {
		t.Errorf("computed blocks became settings: %+v %+v", b.Versioning, b.Logging)
	}
	r, ok := u.Locations.Lookup(aclID, "acl")
	if !ok || r.File != path || r.Start.Line != 1 || r.Start.Column < 100 {
		t.Errorf("acl at %v", r)
	}
	if src := readPlan(t, path); !strings.HasPrefix(string(src[r.Start.Column-1:]), `"public-read-write"`) {
		t.Errorf("acl column %d does not point at the value", r.Start.Column)
	}
	wantPolicies(t, u, map[string]string{"aws_iam_policy.admin.policy": "s3:*"})
}

func TestParsePlanModules(t *testing.T) {
	path := filepath.Join(plansDir, "modules.plan.json")
	u := ParsePlan(path, readPlan(t, path), Options{})
	noErrors(t, u)
	for id, acl := range map[string]string{
		`module.bucket["reports"].aws_s3_bucket.this`: "public-read",
		`module.bucket["logs"].aws_s3_bucket.this`:    "private",
	} {
		b := bucketByID(t, u, id)
		if got, _ := aclOf(t, u, b); got != model.KnownOf(acl) || b.Region != model.KnownOf("eu-west-1") {
			t.Errorf("%s = %+v", id, b)
		}
		chain := u.CallChains[id]
		if len(chain) != 1 || chain[0].Message != strings.TrimSuffix(id, ".aws_s3_bucket.this") || chain[0].Range.File != path {
			t.Errorf("%s chain = %+v", id, chain)
		}
	}
	// Inline policies are a list of objects in a plan.
	wantPolicies(t, u, map[string]string{
		"aws_s3_bucket_policy.counted[0].policy":      "?",
		"aws_s3_bucket_policy.counted[1].policy":      "?",
		"aws_iam_role.inline.assume_role_policy":      "sts:AssumeRole",
		"aws_iam_role.inline.inline_policy[0].policy": "*",
	})
	// The policies' unknown bucket arguments link through the
	// configuration's references, instance by instance.
	for i, id := range []string{"aws_s3_bucket.counted[0]", "aws_s3_bucket.counted[1]"} {
		b := bucketByID(t, u, id)
		if len(b.Policies) != 1 || b.Policies[0] != "aws_s3_bucket_policy.counted["+string(rune('0'+i))+"].policy" {
			t.Errorf("%s policies = %v", id, b.Policies)
		}
	}
}

// TestParsePlanBeside checks a plan next to its configuration: the values
// come from the plan, the locations from the .tf files.
func TestParsePlanBeside(t *testing.T) {
	dir := fixture("terraform-plan-beside")
	path := filepath.Join(dir, "plan.json")
	u := ParsePlan(path, readPlan(t, path), Options{})
	noErrors(t, u)
	b := bucketByID(t, u, "aws_s3_bucket.site")
	acl, aclID := aclOf(t, u, b)
	if acl != model.KnownOf("public-read") {
		t.Errorf("bucket = %+v", b)
	}
	src, _ := os.ReadFile(filepath.Join(dir, "main.tf"))
	r, _ := u.Locations.Lookup(aclID, "acl")
	if filepath.Base(r.File) != "main.tf" || r.Start.Line != lineOf(t, string(src), `acl    = "public-read"`, 1) {
		t.Errorf("acl at %v", r)
	}
	if !contains(u.Files, filepath.Join(dir, "main.tf")) {
		t.Errorf("files = %v", u.Files)
	}
}

// TestParsePlanInvalid checks that broken input is a diagnostic.
func TestParsePlanInvalid(t *testing.T) {
	for _, src := range []string{`{"format_version": "1.2", "planned_values": `, "\xff\xfe", `[]`, `{"format_version":"1","planned_values":{"root_module":{"resources":[{"address":7}]}}}`} {
		u := ParsePlan("plan.json", []byte(src), Options{})
		if u == nil || u.Model == nil {
			t.Fatalf("nil unit for %q", src)
		}
		for _, d := range u.Diagnostics {
			if d.Summary == "internal error" {
				t.Errorf("%q: %s", src, d.Detail)
			}
		}
	}
}
