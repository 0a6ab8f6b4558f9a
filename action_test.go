package seclint

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"github.com/seclint/seclint/internal/release"
)

// The composite action's steps run here the way a runner runs them: inputs
// and step outputs substituted into each step's environment (never into its
// script), GITHUB_OUTPUT and GITHUB_PATH files per step, a step that fails
// ends the job. `uses:` steps (actions/cache) are not run: every run starts
// as a cache miss unless the tool cache directory already holds seclint.

type actionStep struct {
	Name  string            `yaml:"name"`
	ID    string            `yaml:"id"`
	If    string            `yaml:"if"`
	Uses  string            `yaml:"uses"`
	Run   string            `yaml:"run"`
	Shell string            `yaml:"shell"`
	Env   map[string]string `yaml:"env"`
	With  map[string]string `yaml:"with"`
}

type actionFile struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Value string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

var exprRe = regexp.MustCompile(`\$\{\{\s*([^}]+?)\s*\}\}`)

// actionEnv is one simulated runner: a workspace, a temp directory and a
// tool cache that can outlive a run.
type actionEnv struct {
	self, workspace, toolCache string
	actionRef                  string
}

// actionResult is what a run left: the step that ended it, its exit code,
// the action's outputs and the log.
type actionResult struct {
	lastStep string
	code     int
	outputs  map[string]string
	log      string
}

func loadAction(t *testing.T) actionFile {
	t.Helper()
	src, err := os.ReadFile("action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var a actionFile
	if err := yaml.Unmarshal(src, &a); err != nil {
		t.Fatal(err)
	}
	if a.Runs.Using != "composite" {
		t.Fatalf("runs.using = %q", a.Runs.Using)
	}
	return a
}

func runnerOSArch(t *testing.T) (string, string) {
	t.Helper()
	oses := map[string]string{"linux": "Linux", "darwin": "macOS"}
	arches := map[string]string{"amd64": "X64", "arm64": "ARM64"}
	o, a := oses[runtime.GOOS], arches[runtime.GOARCH]
	if o == "" || a == "" {
		t.Skipf("no GitHub runner is %s/%s", runtime.GOOS, runtime.GOARCH)
	}
	return o, a
}

func (e *actionEnv) run(t *testing.T, given map[string]string) actionResult {
	t.Helper()
	a := loadAction(t)
	runnerOS, runnerArch := runnerOSArch(t)
	inputs := map[string]string{}
	for k, v := range a.Inputs {
		inputs[k] = v.Default
	}
	for k, v := range given {
		if _, ok := a.Inputs[k]; !ok {
			t.Fatalf("action.yml has no input %q", k)
		}
		inputs[k] = v
	}
	steps := map[string]map[string]string{}
	expr := func(s string) string {
		return exprRe.ReplaceAllStringFunc(s, func(m string) string {
			x := exprRe.FindStringSubmatch(m)[1]
			parts := strings.Split(x, ".")
			switch {
			case parts[0] == "inputs" && len(parts) == 2:
				return inputs[parts[1]]
			case x == "github.action_path":
				return e.self
			case x == "github.action_ref":
				return e.actionRef
			case x == "github.workspace":
				return e.workspace
			case x == "runner.os":
				return runnerOS
			case x == "runner.arch":
				return runnerArch
			case parts[0] == "steps" && len(parts) == 4 && parts[2] == "outputs":
				return steps[parts[1]][parts[3]]
			}
			t.Fatalf("unsupported expression %q in action.yml", x)
			return ""
		})
	}
	condRe := regexp.MustCompile(`^steps\.(\w+)\.outputs\.(\w+) == '([^']*)'$`)
	cond := func(s string) bool {
		if s == "" {
			return true
		}
		m := condRe.FindStringSubmatch(strings.TrimSpace(s))
		if m == nil {
			t.Fatalf("unsupported if: %q in action.yml", s)
		}
		return steps[m[1]][m[2]] == m[3]
	}

	runner := t.TempDir()
	pathFile := filepath.Join(runner, "path")
	if err := os.WriteFile(pathFile, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	path := os.Getenv("PATH")
	var log strings.Builder
	res := actionResult{outputs: map[string]string{}}
	for i, step := range a.Runs.Steps {
		if !cond(step.If) {
			continue
		}
		if step.Uses != "" {
			for _, v := range step.With {
				expr(v) // every expression must be one a runner knows
			}
			log.WriteString("(not run: " + step.Uses + ")\n")
			continue
		}
		if step.Shell != "bash" {
			t.Fatalf("step %q: shell %q, want bash (runs on every OS)", step.Name, step.Shell)
		}
		if exprRe.MatchString(step.Run) {
			t.Errorf("step %q splices an expression into its script; pass it through env", step.Name)
		}
		outFile := filepath.Join(runner, "output"+string(rune('a'+i)))
		if err := os.WriteFile(outFile, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", step.Run)
		cmd.Dir = e.workspace
		cmd.Env = append(os.Environ(),
			"PATH="+path, "GITHUB_OUTPUT="+outFile, "GITHUB_PATH="+pathFile,
			"GITHUB_WORKSPACE="+e.workspace, "GITHUB_ACTION_PATH="+e.self, "RUNNER_TEMP="+runner,
			"RUNNER_TOOL_CACHE="+e.toolCache, "RUNNER_OS="+runnerOS, "RUNNER_ARCH="+runnerArch, "CI=true",
			"GOFLAGS=-buildvcs=false")
		for k, v := range step.Env {
			cmd.Env = append(cmd.Env, k+"="+expr(v))
		}
		out, err := cmd.CombinedOutput()
		code := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		log.WriteString("== " + step.Name + "\n" + string(out))
		outs := map[string]string{}
		b, _ := os.ReadFile(outFile)
		sc := bufio.NewScanner(bytes.NewReader(b))
		for sc.Scan() {
			if k, v, ok := strings.Cut(sc.Text(), "="); ok {
				outs[k] = v
			}
		}
		if step.ID != "" {
			steps[step.ID] = outs
		}
		added, _ := os.ReadFile(pathFile)
		for _, p := range strings.Fields(string(added)) {
			if !strings.Contains(path, p) {
				path = p + string(os.PathListSeparator) + path
			}
		}
		res.lastStep, res.code = step.ID, code
		if code != 0 {
			break
		}
	}
	for k, o := range a.Outputs {
		res.outputs[k] = expr(o.Value)
	}
	res.log = log.String()
	return res
}

const publicBucketTF = "resource \"aws_s3_bucket\" \"site\" {\n  bucket = \"site\"\n  acl    = \"public-read\"\n}\n"

func newActionEnv(t *testing.T, toolCache string) *actionEnv {
	t.Helper()
	self, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	workspace := gitRepo(t, map[string]string{"infra/main.tf": publicBucketTF})
	return &actionEnv{self: self, workspace: workspace, toolCache: toolCache}
}

func needTools(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
}

// TestActionRelease runs the action against a local release directory, as
// a workflow pinned to a release tag would: it downloads the archive for
// this OS and architecture, verifies its checksum, installs it into the tool
// cache, scans, and writes the SARIF file and the outputs.
func TestActionRelease(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a release of seclint")
	}
	needTools(t, "bash", "curl", "tar", "git")
	runnerOSArch(t)
	const version = "v0.1.0"
	releases := t.TempDir()
	_, err := release.Release(release.Config{
		Version: version, Commit: "0123456789abcdef0123456789abcdef01234567",
		Time:    time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC),
		Targets: []string{runtime.GOOS + "/" + runtime.GOARCH},
		Out:     filepath.Join(releases, version), Root: ".",
	})
	if err != nil {
		t.Fatal(err)
	}
	url := "file://" + filepath.ToSlash(releases)
	cache := t.TempDir()
	installed := filepath.Join(cache, "seclint", version, runtime.GOOS+"-"+runtime.GOARCH, "seclint")

	t.Run("download, verify, scan", func(t *testing.T) {
		e := newActionEnv(t, cache)
		r := e.run(t, map[string]string{
			"version": version, "download-url": url, "path": "infra", "output": "results/seclint.sarif",
			"args": "# one argument per line\n--min-severity=HIGH\n\n  --exclude=**/vendor/**  \n",
		})
		if r.lastStep != "scan" || r.code != 1 {
			t.Fatalf("ended at step %q with %d, want scan failing with 1:\n%s", r.lastStep, r.code, r.log)
		}
		for _, want := range []string{"Checksum OK: seclint_0.1.0_", "seclint v0.1.0\n"} {
			if !strings.Contains(r.log, want) {
				t.Errorf("log lacks %q:\n%s", want, r.log)
			}
		}
		if _, err := os.Stat(installed); err != nil {
			t.Errorf("not installed into the tool cache: %v", err)
		}
		if r.outputs["sarif"] != "results/seclint.sarif" || r.outputs["findings"] != "1" || r.outputs["version"] != version {
			t.Errorf("outputs = %v, want sarif results/seclint.sarif, findings 1, version %s", r.outputs, version)
		}
		sarif, err := os.ReadFile(filepath.Join(e.workspace, "results", "seclint.sarif"))
		if err != nil {
			t.Fatalf("no SARIF file: %v", err)
		}
		if !bytes.Contains(sarif, []byte(`"ruleId": "aws-s3-public-acl"`)) || !bytes.Contains(sarif, []byte(`"uri": "infra/main.tf"`)) {
			t.Errorf("SARIF lacks the finding:\n%.600s", sarif)
		}
	})

	t.Run("cached, fail-on none, github format", func(t *testing.T) {
		e := newActionEnv(t, cache)
		r := e.run(t, map[string]string{
			"version": version, "download-url": "file:///nonexistent", "path": "infra", "fail-on": "none", "format": "github",
			"args": "--min-severity=HIGH",
		})
		if r.lastStep != "scan" || r.code != 0 {
			t.Fatalf("ended at step %q with %d, want scan passing:\n%s", r.lastStep, r.code, r.log)
		}
		if !strings.Contains(r.log, "cached in") || strings.Contains(r.log, "Downloading") {
			t.Errorf("the cached release was not used:\n%s", r.log)
		}
		if !strings.Contains(r.log, "::error file=infra/main.tf,line=3,") || r.outputs["findings"] != "1" {
			t.Errorf("want an annotation and findings=1, got outputs %v:\n%s", r.outputs, r.log)
		}
	})

	t.Run("checksum mismatch", func(t *testing.T) {
		bad := t.TempDir()
		if err := os.CopyFS(bad, os.DirFS(releases)); err != nil {
			t.Fatal(err)
		}
		sums := filepath.Join(bad, version, release.ChecksumsName(version))
		b, err := os.ReadFile(sums)
		if err != nil {
			t.Fatal(err)
		}
		if b[0] == '0' { // one hex digit changes
			b[0] = '1'
		} else {
			b[0] = '0'
		}
		if err := os.WriteFile(sums, b, 0o644); err != nil {
			t.Fatal(err)
		}
		fresh := t.TempDir()
		e := newActionEnv(t, fresh)
		r := e.run(t, map[string]string{"version": version, "download-url": "file://" + filepath.ToSlash(bad)})
		if r.lastStep != "install" || r.code == 0 || !strings.Contains(r.log, "checksum mismatch") {
			t.Errorf("ended at step %q with %d, want install failing on the checksum:\n%s", r.lastStep, r.code, r.log)
		}
		if _, err := os.Stat(filepath.Join(fresh, "seclint", version, runtime.GOOS+"-"+runtime.GOARCH, "seclint")); err == nil {
			t.Error("a binary with a wrong checksum was installed")
		}
	})

	t.Run("usage error writes SARIF with a notification", func(t *testing.T) {
		e := newActionEnv(t, cache)
		r := e.run(t, map[string]string{
			"version": version, "download-url": url, "path": "infra",
			"args": "--min-severity=bad\"\\va\tlue\t",
		})
		if r.lastStep != "scan" || r.code != 2 {
			t.Fatalf("ended at step %q with %d, want scan failing with 2:\n%s", r.lastStep, r.code, r.log)
		}
		if r.outputs["findings"] != "0" || !strings.Contains(r.log, "::error title=seclint usage error::") {
			t.Errorf("outputs %v; log:\n%s", r.outputs, r.log)
		}
		p := filepath.Join(e.workspace, "seclint.sarif")
		validateSARIFFile(t, p)
		var log struct {
			Runs []struct {
				Tool struct {
					Driver struct {
						Name, Version string
					} `json:"driver"`
				} `json:"tool"`
				Invocations []struct {
					ExecutionSuccessful bool `json:"executionSuccessful"`
					Notifications       []struct {
						Level   string `json:"level"`
						Message struct {
							Text string `json:"text"`
						} `json:"message"`
					} `json:"toolExecutionNotifications"`
				} `json:"invocations"`
			} `json:"runs"`
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &log); err != nil {
			t.Fatalf("%v:\n%s", err, b)
		}
		if len(log.Runs) != 1 || len(log.Runs[0].Invocations) != 1 || len(log.Runs[0].Invocations[0].Notifications) != 1 {
			t.Fatalf("want one run, invocation and notification:\n%s", b)
		}
		n := log.Runs[0].Invocations[0].Notifications[0]
		if log.Runs[0].Tool.Driver.Name != "seclint" || log.Runs[0].Tool.Driver.Version != version ||
			log.Runs[0].Invocations[0].ExecutionSuccessful || n.Level != "error" ||
			!strings.Contains(n.Message.Text, `--min-severity "bad\"\\va\tlue"`) {
			t.Errorf("SARIF does not carry the usage error:\n%s", b)
		}
	})
}

// TestActionRefFromPath: when github.action_ref is empty (composite
// actions, actions/runner#2473) the ref is read from the directory the
// runner checked the action out to.
func TestActionRefFromPath(t *testing.T) {
	needTools(t, "bash", "git")
	a := loadAction(t)
	step := a.Runs.Steps[0]
	if step.ID != "resolve" {
		t.Fatalf("first step is %q, want resolve", step.ID)
	}
	tests := []struct{ ref, path, mode, version string }{
		{"v0.1.0", "/src", "release", "v0.1.0"},
		{"", "/home/runner/work/_actions/seclint/seclint/v0.2.0", "release", "v0.2.0"},
		{"", "/home/runner/work/_actions/seclint/seclint/main", "checkout", "main"},
		{"", "/home/runner/work/repo/repo", "checkout", ""},
	}
	for _, tt := range tests {
		out := filepath.Join(t.TempDir(), "out")
		cmd := exec.Command("bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", step.Run)
		cmd.Env = append(os.Environ(), "GITHUB_OUTPUT="+out, "RUNNER_OS=Linux", "RUNNER_ARCH=X64", "RUNNER_TEMP="+t.TempDir(),
			"INPUT_VERSION=", "ACTION_REF="+tt.ref, "ACTION_PATH="+tt.path)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%+v: %v\n%s", tt, err, b)
		}
		b, _ := os.ReadFile(out)
		if !strings.Contains(string(b), "mode="+tt.mode+"\n") || !strings.Contains(string(b), "version="+tt.version+"\n") {
			t.Errorf("%+v: outputs\n%s", tt, b)
		}
	}
}

// TestActionFromCheckout: a branch or commit of the action (no release
// tag) builds the action's own checkout with go install.
func TestActionFromCheckout(t *testing.T) {
	if testing.Short() {
		t.Skip("builds seclint")
	}
	needTools(t, "bash", "git", "go")
	e := newActionEnv(t, t.TempDir())
	e.actionRef = "main"
	r := e.run(t, map[string]string{"path": "infra", "output": "results/seclint.sarif", "args": "--min-severity=HIGH"})
	if r.lastStep != "scan" || r.code != 1 {
		t.Fatalf("ended at step %q with %d, want scan failing with 1:\n%s", r.lastStep, r.code, r.log)
	}
	if strings.Contains(r.log, "Downloading") || r.outputs["findings"] != "1" {
		t.Errorf("outputs %v:\n%s", r.outputs, r.log)
	}
	if _, err := os.Stat(filepath.Join(e.workspace, "results", "seclint.sarif")); err != nil {
		t.Errorf("no SARIF file: %v", err)
	}
}

// validateSARIFFile checks a SARIF file against the OASIS schema in
// testdata/schemas.
func validateSARIFFile(t *testing.T, path string) {
	t.Helper()
	sch, err := jsonschema.NewCompiler().Compile(filepath.Join(schemaDir, "sarif-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s is not JSON: %v", path, err)
	}
	if err := sch.Validate(doc); err != nil {
		t.Errorf("%s does not validate against the SARIF schema: %v", path, err)
	}
}
