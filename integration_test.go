package seclint

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"
)

const schemaDir = "testdata/schemas"

// validateYAMLFile checks a YAML file against a JSON schema of testdata/schemas.
func validateYAMLFile(t *testing.T, file, schema string) {
	t.Helper()
	sp := filepath.Join(schemaDir, schema)
	if _, err := os.Stat(sp); err != nil {
		t.Fatalf("schema %s not found: the schemas are part of the repository", sp)
	}
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := yaml.Unmarshal(src, &v); err != nil {
		t.Fatal(err)
	}
	// Round-trip through JSON so the validator sees JSON types.
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	sch, err := jsonschema.NewCompiler().Compile(sp)
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(doc); err != nil {
		t.Errorf("%s does not validate against %s: %v", file, schema, err)
	}
}

func TestHookAndActionMetadataValidate(t *testing.T) {
	t.Run("pre-commit", func(t *testing.T) { validateYAMLFile(t, ".pre-commit-hooks.yaml", "pre-commit-hooks.json") })
	t.Run("action", func(t *testing.T) { validateYAMLFile(t, "action.yml", "github-action.json") })
}

// writeTree writes files (path relative to dir → content) under dir,
// creating their directories.
func writeTree(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, src := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func gitRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	writeTree(t, dir, files)
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	return dir
}

// privateBucket is a bucket no rule reports: versioned, logging (to
// itself), SSE-KMS and denying plain HTTP.
const privateBucket = `resource "aws_s3_bucket" "logs" {
  bucket = "logs"
  versioning { enabled = true }
  logging { target_bucket = "logs" }
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default { sse_algorithm = "aws:kms" }
    }
  }
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Deny", Principal = "*", Action = "s3:*", Resource = ["arn:aws:s3:::logs", "arn:aws:s3:::logs/*"], Condition = { Bool = { "aws:SecureTransport" = "false" } } }] })
}
`

// TestPreCommitHook runs the real pre-commit against a temporary repository
// with this repository as the hook repo: it fails on a public bucket and
// passes on a clean file.
func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("builds seclint through pre-commit")
	}
	if _, err := exec.LookPath("pre-commit"); err != nil {
		t.Skip("pre-commit is not installed (apt-get install pre-commit)")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	self, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	repo := gitRepo(t, map[string]string{
		"infra/public.tf":  "resource \"aws_s3_bucket\" \"site\" {\n  bucket = \"site\"\n  acl    = \"public-read\"\n}\n",
		"infra/private.tf": privateBucket,
		"package.json":     "{\"name\": \"not-iac\"}\n",
	})
	gomodcache, _ := exec.Command("go", "env", "GOMODCACHE").Output()
	home := t.TempDir()
	run := func(files ...string) (int, string) {
		args := append([]string{"try-repo", self, "seclint", "--verbose", "--files"}, files...)
		cmd := exec.Command("pre-commit", args...)
		cmd.Dir = repo
		// Reuse the module cache: pre-commit gives the hook its own GOPATH.
		cmd.Env = append(os.Environ(), "PRE_COMMIT_HOME="+home, "GOMODCACHE="+strings.TrimSpace(string(gomodcache)), "GOFLAGS=-buildvcs=false")
		out, err := cmd.CombinedOutput()
		code := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("pre-commit: %v\n%s", err, out)
		}
		return code, string(out)
	}
	code, out := run("infra/public.tf", "package.json")
	if code == 0 || !strings.Contains(out, "aws-s3-public-acl") || !strings.Contains(out, "infra/public.tf:3") {
		t.Errorf("public bucket: exit %d, want a failure naming the finding\n%s", code, out)
	}
	code, out = run("infra/private.tf")
	if code != 0 {
		t.Errorf("clean file: exit %d, want 0 (the public bucket is in another file of the module)\n%s", code, out)
	}
}
