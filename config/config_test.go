package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseValid(t *testing.T) {
	src := `rules:
  enable: [aws-s3-public-acl]
  disable: [aws-s3-versioning]
  severity: {aws-s3-access-logging: medium}
exclude: ["**/fixtures/**"]
ignore:
  - paths: ["legacy/**"]
    rules: ["*"]
    reason: going away
    until: 2027-01-31
policies: [policy]
terraform:
  var_files: [prod.tfvars]
  vars: {env: prod}
cloudformation:
  parameters: {Env: prod}
fail_on: HIGH
min_severity: LOW
`
	c, err := Parse("s.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if c.Rules.Severity["aws-s3-access-logging"] != "medium" || c.Ignore[0].Line != 7 || c.Ignore[0].Until != "2027-01-31" ||
		c.Terraform.Vars["env"] != "prod" || c.CloudFormation.Parameters["Env"] != "prod" || c.FailOn != "HIGH" {
		t.Errorf("parsed %+v", c)
	}
}

func TestParseErrorsNameFileAndLine(t *testing.T) {
	for _, tt := range []struct{ name, src, want string }{
		{"unknown key", "rules:\n  enabel: [x]\n", "line 2"},
		{"wrong type", "exclude: 3\nfail_on: [HIGH]\n", "line 2"},
		{"bad severity", "rules:\n  severity: {x: SEVERE}\n", "SEVERE"},
		{"bad fail_on", "fail_on: NEVER\n", "fail_on"},
		{"bad glob", "exclude: [\"[\"]\n", "glob"},
		{"ignore without rules", "ignore:\n  - paths: [a]\n", "line 2"},
		{"bad until", "ignore:\n  - paths: [a]\n    rules: [x]\n    until: 31/01/2027\n", "line 2"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("s.yaml", []byte(tt.src))
			if err == nil || !strings.Contains(err.Error(), "s.yaml") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want one naming s.yaml and %q", err, tt.want)
			}
		})
	}
}

func TestLoadResolvesPathsAgainstTheFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, FileName)
	if err := os.WriteFile(p, []byte("policies: [rules]\nterraform:\n  var_files: [/abs.tfvars, env/prod.tfvars]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if Find(dir) != p || Find(t.TempDir()) != "" {
		t.Fatalf("Find(%s) = %q", dir, Find(dir))
	}
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if c.Policies[0] != filepath.Join(dir, "rules") || c.Terraform.VarFiles[0] != "/abs.tfvars" || c.Terraform.VarFiles[1] != filepath.Join(dir, "env/prod.tfvars") {
		t.Errorf("paths %v %v", c.Policies, c.Terraform.VarFiles)
	}
}

func TestEmptyFileIsValid(t *testing.T) {
	if _, err := Parse("s.yaml", nil); err != nil {
		t.Error(err)
	}
}
