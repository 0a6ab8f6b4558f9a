package seclint

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/seclint/seclint/report"
)

// TestTerraformUnits checks how discovery groups Terraform modules into
// scan units: the roots nobody calls, a named file in a called module
// scanned through the roots that call it, and a plan beside its
// configuration replacing the configuration's own scan.
func TestTerraformUnits(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"envs/prod/main.tf":      `module "app" { source = "../../modules/app" }`,
		"envs/dev/main.tf":       `module "app" { source = "../../modules/app" }`,
		"modules/app/main.tf":    `module "bucket" { source = "../bucket" }`,
		"modules/bucket/main.tf": `resource "aws_s3_bucket" "b" {}`,
		"solo/main.tf":           `resource "aws_s3_bucket" "s" {}`,
		"planned/main.tf":        `resource "aws_s3_bucket" "p" {}`,
		"planned/plan.json":      `{"format_version":"1.2","terraform_version":"1.11.4","planned_values":{"root_module":{}}}`,
	}
	writeTree(t, dir, files)
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chdir(wd) })

	units := func(paths ...string) []string {
		t.Helper()
		d, err := discover(paths, nil)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, j := range d.jobs {
			s := filepath.ToSlash(j.path)
			if j.only != nil {
				var only []string
				for f := range j.only {
					only = append(only, filepath.ToSlash(f))
				}
				sort.Strings(only)
				s += " only " + strings.Join(only, ",")
			}
			out = append(out, s)
		}
		sort.Strings(out)
		return out
	}
	tests := []struct {
		paths []string
		want  string
	}{
		// A directory: the roots, and the plan instead of its configuration.
		{[]string{"."}, "envs/dev; envs/prod; planned/plan.json; solo"},
		// A called module's directory given alone is a root of its own.
		{[]string{"modules/bucket"}, "modules/bucket"},
		// A file of a called module: the roots that call it, reporting
		// only that file.
		{[]string{"modules/bucket/main.tf"}, "envs/dev only modules/bucket/main.tf; envs/prod only modules/bucket/main.tf"},
		// A file of a root module: that root.
		{[]string{"solo/main.tf"}, "solo only solo/main.tf"},
	}
	for _, tt := range tests {
		if got := strings.Join(units(tt.paths...), "; "); got != tt.want {
			t.Errorf("units(%v) = %s, want %s", tt.paths, got, tt.want)
		}
	}
}

// TestTerraformModuleFinding is the case end to end: a root calls
// ./modules/bucket for two instances, one gets a public ACL through a
// variable: exactly one aws-s3-public-acl finding, on the module's line,
// with the call as its related location.
func TestTerraformModuleFinding(t *testing.T) {
	dir := filepath.Join("testdata", "fixtures", "terraform-modules")
	rep, err := Scan(context.Background(), Options{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	var found []report.Finding
	for _, f := range rep.Findings {
		if f.RuleID == "aws-s3-public-acl" {
			found = append(found, f)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d aws-s3-public-acl findings, want 1: %+v", len(found), found)
	}
	f := found[0]
	// The ACL is an aws_s3_bucket_acl: the finding is on that resource.
	if f.Resource != `module.bucket["reports"].aws_s3_bucket_acl.this` ||
		filepath.ToSlash(f.Range.File) != dir+"/modules/bucket/main.tf" || f.Range.Start.Line != 16 {
		t.Errorf("finding = %s %s", f.Resource, f.Range)
	}
	if len(f.Related) != 1 || f.Related[0].Message != `module.bucket["reports"]` ||
		filepath.ToSlash(f.Related[0].Range.File) != dir+"/main.tf" || f.Related[0].Range.Start.Line != 5 {
		t.Errorf("related = %+v", f.Related)
	}
}
