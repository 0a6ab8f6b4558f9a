package seclint

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
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

func gitRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
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

var exprRe = regexp.MustCompile(`\$\{\{\s*([^}]+?)\s*\}\}`)

// TestActionRunSteps runs the composite action's steps the way a runner
// does: inputs substituted into each step's environment, GITHUB_* files,
// GITHUB_PATH applied between steps. The SARIF file must appear and the
// step fail on findings.
func TestActionRunSteps(t *testing.T) {
	if testing.Short() {
		t.Skip("builds seclint")
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not installed")
	}
	self, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Inputs map[string]struct {
			Default string `yaml:"default"`
		} `yaml:"inputs"`
		Runs struct {
			Steps []struct {
				ID  string            `yaml:"id"`
				Run string            `yaml:"run"`
				Env map[string]string `yaml:"env"`
			} `yaml:"steps"`
		} `yaml:"runs"`
	}
	src, err := os.ReadFile("action.yml")
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(src, &action); err != nil {
		t.Fatal(err)
	}
	workspace := gitRepo(t, map[string]string{
		"infra/main.tf": "resource \"aws_s3_bucket\" \"site\" {\n  bucket = \"site\"\n  acl    = \"public-read\"\n}\n",
	})
	runner := t.TempDir()
	outputFile := filepath.Join(runner, "output")
	pathFile := filepath.Join(runner, "path")
	for _, f := range []string{outputFile, pathFile} {
		if err := os.WriteFile(f, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	inputs := map[string]string{"path": "infra", "output": "results/seclint.sarif", "args": "--min-severity LOW"}
	for k, v := range action.Inputs {
		if _, ok := inputs[k]; !ok {
			inputs[k] = v.Default
		}
	}
	if err := os.MkdirAll(filepath.Join(workspace, "results"), 0o755); err != nil {
		t.Fatal(err)
	}
	expr := func(s string) string {
		return exprRe.ReplaceAllStringFunc(s, func(m string) string {
			e := exprRe.FindStringSubmatch(m)[1]
			switch {
			case strings.HasPrefix(e, "inputs."):
				return inputs[strings.TrimPrefix(e, "inputs.")]
			case e == "github.action_path":
				return self
			case e == "github.workspace":
				return workspace
			}
			t.Fatalf("unsupported expression %q in action.yml", e)
			return ""
		})
	}
	path := os.Getenv("PATH")
	var lastCode int
	for _, step := range action.Runs.Steps {
		if exprRe.MatchString(step.Run) {
			t.Errorf("step %q splices an expression into its script; pass it through env", step.ID)
		}
		cmd := exec.Command("bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", step.Run)
		cmd.Dir = workspace
		cmd.Env = append(os.Environ(),
			"PATH="+path, "GITHUB_OUTPUT="+outputFile, "GITHUB_PATH="+pathFile,
			"GITHUB_WORKSPACE="+workspace, "GITHUB_ACTION_PATH="+self, "RUNNER_TEMP="+runner, "CI=true")
		for k, v := range step.Env {
			cmd.Env = append(cmd.Env, k+"="+expr(v))
		}
		out, err := cmd.CombinedOutput()
		lastCode = 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			lastCode = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if lastCode != 0 && step.ID != "scan" {
			t.Fatalf("step %q failed (%d):\n%s", step.ID, lastCode, out)
		}
		added, _ := os.ReadFile(pathFile)
		for _, p := range strings.Fields(string(added)) {
			if !strings.Contains(path, p) {
				path = p + string(os.PathListSeparator) + path
			}
		}
		t.Logf("step %q:\n%s", step.ID, out)
	}
	if lastCode != 1 {
		t.Errorf("scan step exit %d, want 1 on a public bucket", lastCode)
	}
	outputs, _ := os.ReadFile(outputFile)
	if !strings.Contains(string(outputs), "sarif=results/seclint.sarif") {
		t.Errorf("GITHUB_OUTPUT = %q, want sarif=results/seclint.sarif", outputs)
	}
	sarif, err := os.ReadFile(filepath.Join(workspace, "results", "seclint.sarif"))
	if err != nil {
		t.Fatalf("no SARIF file: %v", err)
	}
	if !bytes.Contains(sarif, []byte(`"ruleId": "aws-s3-public-acl"`)) || !bytes.Contains(sarif, []byte(`"uri": "infra/main.tf"`)) {
		t.Errorf("SARIF lacks the finding:\n%s", sarif)
	}
}
