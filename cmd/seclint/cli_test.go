package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Tests of the command-line contract of issue 14: each case asserts the
// message a user sees and the exit code.

const publicBucket = "resource \"aws_s3_bucket_acl\" \"a\" {\n  bucket = \"x\"\n  acl    = \"public-read\"\n}\n"

// jsonFindings returns "file suppressed=bool" for each finding of a JSON report.
func jsonFindings(t *testing.T, out string) []string {
	t.Helper()
	var doc struct {
		Findings []struct {
			Location struct {
				File string `json:"file"`
			} `json:"location"`
			Suppressed bool `json:"suppressed"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	var got []string
	for _, f := range doc.Findings {
		got = append(got, filepath.ToSlash(f.Location.File)+map[bool]string{true: " suppressed", false: ""}[f.Suppressed])
	}
	sort.Strings(got)
	return got
}

// Item 1: the globs of .seclint.yaml are relative to the config file, so
// `cd infra && seclint .` and `seclint infra` agree.
func TestConfigGlobsRelativeToConfigFile(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"infra/main.tf":        publicBucket,
		"infra/legacy/main.tf": publicBucket,
		"infra/old/main.tf":    publicBucket,
		"infra/.seclint.yaml": "rules:\n  enable: [aws-s3-public-acl]\nexclude: [\"./legacy/**\"]\n" +
			"ignore:\n  - paths: [\"old/**\"]\n    rules: [aws-s3-public-acl]\n    reason: going away\n",
	})
	code, out, errOut := runIn(t, dir, "-f", "json", "infra")
	if code != exitFindings {
		t.Fatalf("seclint infra: exit %d, want 1: %s", code, errOut)
	}
	fromParent := jsonFindings(t, out)
	want := []string{"infra/main.tf", "infra/old/main.tf suppressed"}
	if strings.Join(fromParent, "|") != strings.Join(want, "|") {
		t.Errorf("seclint infra: findings %q, want %q", fromParent, want)
	}
	for _, args := range [][]string{{"-f", "json", "."}, {"-f", "json", "--config", filepath.Join(dir, "infra", ".seclint.yaml"), "."}} {
		code, out, errOut = runIn(t, filepath.Join(dir, "infra"), args...)
		if code != exitFindings {
			t.Fatalf("cd infra && seclint %q: exit %d, want 1: %s", args, code, errOut)
		}
		var inside []string
		for _, f := range jsonFindings(t, out) {
			inside = append(inside, "infra/"+f)
		}
		if strings.Join(inside, "|") != strings.Join(want, "|") {
			t.Errorf("cd infra && seclint %q: findings %q, want %q", args, inside, want)
		}
	}
}

// Item 2: a .tfvars file named on the command line (a commit that changes
// only it) is scanned as the input of its module.
func TestNamedVarFileScansItsModule(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"main.tf": "variable \"acl\" {\n  type    = string\n  default = \"private\"\n}\n\n" +
			"resource \"aws_s3_bucket_acl\" \"a\" {\n  bucket = \"x\"\n  acl    = var.acl\n}\n",
		"env/prod.tfvars":    "acl = \"public-read\"\n",
		"env/dev.tfvars":     "acl = \"private\"\n",
		"lost/x/lost.tfvars": "acl = \"public-read\"\n",
	})
	for _, tt := range []struct {
		file string
		code int
		want []string
	}{
		{"env/prod.tfvars", exitFindings, []string{"main.tf:8:", "aws-s3-public-acl", "env/prod.tfvars:1:1  note  variable values applied to module . (the working directory)", "1 file,"}},
		{"env/dev.tfvars", exitOK, []string{"variable values applied to module .", "0 findings"}},
		{"lost/x/lost.tfvars", exitOK, []string{"lost/x/lost.tfvars:1:1  warning  variable file not applied to any module: no .tf files in lost/x or its parent directory"}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			code, out, errOut := runIn(t, dir, "--enable", "aws-s3-public-acl", "--no-color", tt.file)
			if code != tt.code {
				t.Errorf("exit %d, want %d: %s%s", code, tt.code, out, errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output does not contain %q:\n%s", w, out)
				}
			}
		})
	}
}

// Item 3: --exclude holds for a local module that a scanned module calls.
func TestExcludeCalledModule(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"main.tf":               "module \"site\" {\n  source = \"./modules/site\"\n}\n",
		"modules/site/main.tf":  publicBucket,
		"modules/other/main.tf": publicBucket,
	})
	for _, tt := range []struct {
		name    string
		args    []string
		code    int
		want    []string
		notWant string
	}{
		{"not excluded", []string{"."}, exitFindings, []string{"modules/site/main.tf:3:", "modules/other/main.tf:3:"}, ""},
		{"excluded", []string{"--exclude", "modules/site/**", "."}, exitFindings, []string{"modules/other/main.tf:3:"}, "modules/site"},
		{"./ form", []string{"--exclude", "./modules/**", "./"}, exitOK, []string{"0 findings"}, "modules/"},
		{"named file", []string{"--exclude", "modules/**", "main.tf"}, exitOK, []string{"0 findings"}, "modules/"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runIn(t, dir, append([]string{"--enable", "aws-s3-public-acl"}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d: %s%s", code, tt.code, out, errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output does not contain %q:\n%s", w, out)
				}
			}
			if tt.notWant != "" && strings.Contains(out, tt.notWant) {
				t.Errorf("output names the excluded %s:\n%s", tt.notWant, out)
			}
		})
	}
}

// Item 4: typos in the config file are errors naming the file and line,
// in the file's terms (no Go type names); .seclint.yml is found too.
func TestConfigTypos(t *testing.T) {
	for _, tt := range []struct {
		name, file, cfg string
		code            int
		want            string
	}{
		{"unknown disable", ".seclint.yaml", "rules:\n  disable:\n    - aws-s3-versoning\n", exitUsage, ".seclint.yaml:3: rules.disable: unknown rule ID \"aws-s3-versoning\" (see `seclint rules`)"},
		{"unknown enable", ".seclint.yaml", "rules:\n  enable: [aws-s3-public-acl, aws-nope]\n", exitUsage, ".seclint.yaml:2: rules.enable: unknown rule ID \"aws-nope\""},
		{"unknown severity", ".seclint.yaml", "rules:\n  severity:\n    aws-s3-public-ac: LOW\n", exitUsage, ".seclint.yaml:3: rules.severity: unknown rule ID \"aws-s3-public-ac\""},
		{"unknown ignore", ".seclint.yaml", "ignore:\n  - paths: [\"x/**\"]\n    rules: [\"*\", aws-s3-publicacl]\n", exitUsage, ".seclint.yaml:3: ignore.rules: unknown rule ID \"aws-s3-publicacl\""},
		{"wrong type", ".seclint.yaml", "rules:\n  disable: aws-s3-versioning\n", exitUsage, ".seclint.yaml: line 2: want a list, got a string"},
		{"yml found", ".seclint.yml", "rules:\n  enable: [aws-s3-versioning]\n", exitOK, "0 findings"},
		{"yml read", ".seclint.yml", "fail_on: SEVERE\n", exitUsage, ".seclint.yml: fail_on: \"SEVERE\" is not CRITICAL, HIGH, MEDIUM or LOW"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{"main.tf": publicBucket, tt.file: tt.cfg})
			code, out, errOut := runIn(t, dir, ".")
			if code != tt.code || !strings.Contains(out+errOut, tt.want) {
				t.Errorf("exit %d, output %q: want %d and %q", code, out+errOut, tt.code, tt.want)
			}
			for _, goName := range []string{"[]string", "!!str", "map["} {
				if strings.Contains(errOut, goName) {
					t.Errorf("error shows %q: %s", goName, errOut)
				}
			}
		})
	}
}

// Item 5: a malformed ignore comment is a warning naming file and line and
// showing the accepted form; it suppresses nothing.
func TestMalformedIgnoreCommentWarns(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"main.tf": strings.Replace(publicBucket, `"public-read"`, `"public-read" # seclint:ignore aws-s3-public-acl because legacy`, 1)})
	code, out, errOut := runIn(t, dir, "--enable", "aws-s3-public-acl", "--no-color", ".")
	want := "main.tf:3:26  warning  malformed ignore comment: put the reason after --; the comment suppresses nothing. The accepted form is: # seclint:ignore RULE-ID[,RULE-ID...] [until=YYYY-MM-DD] [-- reason]"
	if code != exitFindings || !strings.Contains(out, want) || !strings.Contains(out, "aws-s3-public-acl") {
		t.Errorf("exit %d, output %s%s: want 1, the finding and %q", code, out, errOut, want)
	}
}

// Item 6: a Ref or Fn::GetAtt to a name the template does not declare is an
// error at its line (CloudFormation rejects the template), and messages
// quote values in CloudFormation's spelling.
func TestCloudFormationUndefinedRefAndSpelling(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"template.yaml": `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: PublicRead
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref SiteBucket
      PolicyDocument:
        Statement:
          - Effect: Deny
            Principal: "*"
            Action: s3:*
            Resource: !GetAtt Site.Arn
`})
	code, out, errOut := runIn(t, dir, "--enable", "aws-s3-public-acl", "--no-color", ".")
	for _, want := range []string{
		`template.yaml:6:22  HIGH  aws-s3-public-acl  Bucket Site has the public canned ACL "PublicRead"`,
		"template.yaml:10:15  error  undefined reference: Ref SiteBucket: the template declares no parameter or resource SiteBucket, so CloudFormation rejects it",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output does not contain %q:\n%s%s", want, out, errOut)
		}
	}
	if code != exitFindings || strings.Contains(out, "public-read") || strings.Contains(out, "Site.Arn") {
		t.Errorf("exit %d (want 1), or the API spelling, or an error on the declared Site:\n%s", code, out)
	}
}

// Item 7: command-line conventions.
func TestCommandLineConventions(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"main.tf": publicBucket, "legacy/main.tf": publicBucket})
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // substring of stdout
		stderr string // stderr is exactly this
	}{
		{"--help", []string{"--help"}, exitOK, "Exit codes: 0 no finding", ""},
		{"-h", []string{"-h"}, exitOK, "seclint help [COMMAND]", ""},
		{"help", []string{"help"}, exitOK, "Usage:\n  seclint [flags] [PATH...]", ""},
		{"help rules", []string{"help", "rules"}, exitOK, "Usage: seclint rules [-f|--format text|json|markdown]", ""},
		{"help explain", []string{"help", "explain"}, exitOK, "Usage: seclint explain [--policy DIR] RULE-ID", ""},
		{"help test", []string{"help", "test"}, exitOK, "Usage: seclint test [--run REGEX] [-v] [DIR...]", ""},
		{"test --help", []string{"test", "--help"}, exitOK, "Runs the Rego tests (*_test.rego)", ""},
		{"help version", []string{"help", "version"}, exitOK, "Usage: seclint version", ""},
		{"help unknown", []string{"help", "scna"}, exitUsage, "", "seclint: help \"scna\": no such command; the commands are explain, help, rules, test, version (without one, seclint scans)\n"},
		{"rules --help", []string{"rules", "--help"}, exitOK, "Lists every rule seclint runs.", ""},
		{"explain --help", []string{"explain", "--help"}, exitOK, "Usage: seclint explain [--policy DIR] RULE-ID", ""},
		{"version --help", []string{"version", "-h"}, exitOK, "Usage: seclint version", ""},
		{"--version", []string{"--version"}, exitOK, "seclint ", ""},
		{"--version after a flag", []string{"-q", "--version"}, exitOK, "seclint ", ""},
		{"unknown flag", []string{"--nope"}, exitUsage, "", "seclint: unknown flag: --nope\nRun 'seclint --help' for usage.\n"},
		{"unknown flag of rules", []string{"rules", "--nope"}, exitUsage, "", "seclint: unknown flag: --nope\nRun 'seclint rules --help' for usage.\n"},
		{"rules -f json", []string{"rules", "-f", "json"}, exitOK, `"id": "aws-s3-public-acl"`, ""},
		{"rules -f JSON", []string{"rules", "-f", "JSON"}, exitOK, `"id": "aws-s3-public-acl"`, ""},
		{"-f JSON", []string{"-f", "JSON", "--enable", "aws-s3-public-acl", "."}, exitFindings, `"rule_id": "aws-s3-public-acl"`, ""},
		{"missing --var-file", []string{"--var-file", "prod.tfvars", "."}, exitUsage, "", "seclint: --var-file prod.tfvars: no such file\n"},
		{"bad --color", []string{"--color", "sometimes", "."}, exitUsage, "", "seclint: --color \"sometimes\": want auto, always or never\n"},
		{"--color=always", []string{"--color=always", "--enable", "aws-s3-public-acl", "main.tf"}, exitFindings, "\x1b[", ""},
		{"./ excludes as without", []string{"--exclude", "./legacy/**", "--enable", "aws-s3-public-acl", "./"}, exitFindings, "1 finding ", ""},
		{"excludes without ./", []string{"--exclude", "legacy/**", "--enable", "aws-s3-public-acl", "./"}, exitFindings, "1 finding ", ""},
		{"excludes ./ of a ./ path", []string{"--exclude", "./legacy", "--enable", "aws-s3-public-acl", "."}, exitFindings, "1 finding ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runIn(t, dir, tt.args...)
			if code != tt.code || !strings.Contains(out, tt.stdout) || errOut != tt.stderr {
				t.Errorf("exit %d, stdout %q, stderr %q; want %d, stdout with %q, stderr %q", code, truncate(out), errOut, tt.code, tt.stdout, tt.stderr)
			}
			if strings.Count(out, "Exit codes:") > 1 {
				t.Errorf("help printed twice")
			}
			if tt.name == "--color=never" && strings.Contains(out, "\x1b[") {
				t.Errorf("colour with --color=never")
			}
		})
	}
}

func truncate(s string) string {
	if len(s) > 400 {
		return s[:400] + "..."
	}
	return s
}

// Item 7: -o alone infers the format from the extension, and
// --write-baseline writes the file, prints one line and exits 0.
func TestOutputInferenceAndWriteBaseline(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"main.tf": publicBucket})
	code, out, errOut := runIn(t, dir, "--enable", "aws-s3-public-acl", "-o", "out.sarif", ".")
	sarif, err := os.ReadFile(filepath.Join(dir, "out.sarif"))
	if code != exitFindings || out != "" || errOut != "" || err != nil || !strings.Contains(string(sarif), `"version": "2.1.0"`) {
		t.Errorf("-o out.sarif: exit %d, stdout %q, stderr %q, file %.80q (%v); want 1, nothing on stdout, SARIF in the file", code, out, errOut, sarif, err)
	}
	code, out, errOut = runIn(t, dir, "--enable", "aws-s3-public-acl", "--write-baseline", "base.json", ".")
	if code != exitOK || out != "seclint: recorded 1 finding in base.json\n" || errOut != "" {
		t.Errorf("--write-baseline: exit %d, stdout %q, stderr %q; want 0 and one line", code, out, errOut)
	}
	if code, _, _ := runIn(t, dir, "--enable", "aws-s3-public-acl", "--baseline", "base.json", "."); code != exitOK {
		t.Errorf("--baseline of the written file: exit %d, want 0", code)
	}
}

// Item 8: -q prints findings only; --diagnostics filters by level; notes of
// one kind are summed up in one line unless --diagnostics all.
func TestDiagnosticsLevels(t *testing.T) {
	dir := t.TempDir()
	module := "module \"vpc\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n}\n" + publicBucket
	writeFiles(t, dir, map[string]string{
		"a/main.tf": module + "# seclint: ignore aws-s3-public-acl\n",
		"b/main.tf": module,
	})
	const (
		finding = "a/main.tf:6:12  HIGH  aws-s3-public-acl"
		warning = "a/main.tf:8:1  warning  malformed ignore comment"
		noteA   = "a/main.tf:2:12  note  module not available"
		noteB   = "b/main.tf:2:12  note  module not available"
		summed  = "a/main.tf  note  module not available: module.vpc"
		more    = "(and 1 more like it, in 2 files in all; --diagnostics all lists them)"
	)
	for _, tt := range []struct {
		name      string
		args      []string
		want, not []string
	}{
		{"default", nil, []string{finding, warning, summed, more}, []string{noteA, noteB}},
		{"-q", []string{"-q"}, []string{finding}, []string{"warning", "note", "findings ("}},
		{"all", []string{"--diagnostics", "all"}, []string{finding, warning, noteA, noteB}, []string{more}},
		{"warning", []string{"--diagnostics", "warning"}, []string{finding, warning}, []string{"note"}},
		{"error", []string{"--diagnostics", "error"}, []string{finding}, []string{"warning", "note"}},
		{"-q with a level", []string{"-q", "--diagnostics", "warning"}, []string{finding, warning}, []string{"note"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"--enable", "aws-s3-public-acl", "--no-color"}, tt.args...)
			code, out, errOut := runIn(t, dir, append(args, ".")...)
			if code != exitFindings || errOut != "" {
				t.Errorf("exit %d, stderr %q; want 1 and nothing", code, errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output does not contain %q:\n%s", w, out)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(out, n) {
					t.Errorf("output contains %q:\n%s", n, out)
				}
			}
		})
	}
	if code, _, errOut := runIn(t, dir, "--diagnostics", "some", "."); code != exitUsage || errOut != "seclint: --diagnostics \"some\": want error, warning or all\n" {
		t.Errorf("--diagnostics some: exit %d, stderr %q", code, errOut)
	}
}

// Item 9: --sort severity puts the most severe findings first, and the
// summary counts errors and warnings.
func TestSortBySeverityAndSummary(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a/main.tf": "resource \"aws_s3_bucket\" \"a\" {\n  bucket = \"a\"\n}\n", // LOW findings only
		"b/main.tf": publicBucket + "# seclint:ignore:aws-s3-versioning\n",       // HIGH, and a warning
		"c/bad.tf":  "resource \"aws_s3_bucket\" \"c\" {\n  bucket = \n}\n",      // an error
	})
	args := []string{"--enable", "aws-s3-public-acl,aws-s3-versioning", "--no-color"}
	code, out, _ := runIn(t, dir, append(args, "--sort", "severity", ".")...)
	high := strings.Index(out, "b/main.tf:3:12  HIGH")
	low := strings.Index(out, "a/main.tf:1:1  LOW  aws-s3-versioning")
	if code != exitFindings || high < 0 || low < 0 || high > low {
		t.Errorf("--sort severity: exit %d; want 1 and the HIGH finding before the LOW one:\n%s", code, out)
	}
	if !strings.Contains(out, "── b/main.tf (1 finding)") || !strings.Contains(out, "── a/main.tf (1 finding)") {
		t.Errorf("--sort severity: file headers do not count what follows them:\n%s", out)
	}
	if !strings.Contains(out, "2 findings (0 CRITICAL, 1 HIGH, 0 MEDIUM, 1 LOW), 1 error, 1 warning, ") {
		t.Errorf("summary does not count errors and warnings:\n%s", out)
	}
	_, byFile, _ := runIn(t, dir, append(args, ".")...)
	if strings.Index(byFile, "a/main.tf:1:1  LOW") > strings.Index(byFile, "b/main.tf:3:12  HIGH") {
		t.Errorf("default order is not by file:\n%s", byFile)
	}
	if code, _, errOut := runIn(t, dir, "--sort", "rule", "."); code != exitUsage || errOut != "seclint: --sort \"rule\": want file or severity\n" {
		t.Errorf("--sort rule: exit %d, stderr %q", code, errOut)
	}
}

// Item 11: YAML/JSON files named on the command line (pre-commit passes
// every changed file) that are neither templates nor policies are skipped
// without a message, and counted in the summary.
func TestNamedNonTemplatesSkipped(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"main.tf":                  publicBucket,
		".github/workflows/ci.yml": "on: push\njobs: {}\n",
		"package.json":             "{\"name\": \"x\"}\n",
	})
	code, out, errOut := runIn(t, dir, "--enable", "aws-s3-public-acl", "--no-color", "main.tf", ".github/workflows/ci.yml", "package.json")
	want := "1 file (2 named YAML/JSON files skipped: neither templates nor policies), 1 resource, 1 finding "
	if code != exitFindings || errOut != "" || !strings.Contains(out, want) || strings.Contains(out, "warning") || strings.Contains(out, "ci.yml:") {
		t.Errorf("exit %d, stderr %q, output:\n%s\nwant 1 and the summary %q, no message per file", code, errOut, out, want)
	}
	code, out, _ = runIn(t, dir, "--no-color", "package.json")
	if code != exitOK || !strings.Contains(out, "0 files (1 named YAML/JSON file skipped: neither templates nor policies)") {
		t.Errorf("only a skipped file: exit %d, output:\n%s", code, out)
	}
}

// Item 12: an empty directory, or one with nothing to scan, says so in one
// line and exits 0; in JSON the warning is a diagnostic.
func TestNothingToScan(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"docs/README.md":          "# docs\n",
		"empty/.keep":             "",
		"compose/compose.yml":     "services:\n  web:\n    image: nginx\n",
		"cfn/bucket.yaml":         "Resources:\n  B:\n    Type: AWS::S3::Bucket\n",
		"cfn/docker-compose.yaml": "services: {}\n",
	})
	// A directory of YAML that is neither template nor policy has nothing
	// to scan either; one with a template among such files does.
	code, out, errOut := runIn(t, dir, "--no-color", "cfn")
	if strings.Contains(out+errOut, "no Terraform, CloudFormation or policy files found") {
		t.Errorf("cfn: exit %d, output %q, stderr %q: a template was found, want no warning", code, out, errOut)
	}
	for _, sub := range []string{"docs", "empty", "compose"} {
		code, out, errOut := runIn(t, dir, "--no-color", sub)
		want := sub + "  warning  no Terraform, CloudFormation or policy files found: nothing under this path was scanned; check the path and --exclude\n"
		if code != exitOK || out != want || errOut != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want 0 and %q", sub, code, out, errOut, want)
		}
	}
	code, out, _ = runIn(t, dir, "-f", "json", "empty")
	if code != exitOK || !strings.Contains(out, `"severity": "warning"`) || !strings.Contains(out, "no Terraform, CloudFormation or policy files found") {
		t.Errorf("-f json: exit %d, output %s", code, out)
	}
}

// Item 4: a --var or --cfn-param that nothing scanned declares is a
// warning; a --var value that does not convert to the variable's type is an
// error at the variable, as Terraform reports it.
func TestInputTypos(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"tf/main.tf":           "variable \"public\" {\n  type = bool\n}\n\nvariable \"acl\" {\n  default = \"private\"\n}\n",
		"tf/json/main.tf.json": "{\"variable\": {\"from_json\": {}}}\n",
		"cfn/template.yaml":    "Parameters:\n  Env:\n    Type: String\nResources:\n  B:\n    Type: AWS::S3::Bucket\n",
	})
	for _, tt := range []struct {
		name string
		args []string
		code int
		want []string
		not  []string
	}{
		{"declared", []string{"--var", "acl=x", "--var", "from_json=y", "--var", "public=true", "--cfn-param", "Env=prod", "--cfn-param", "AWS::Region=eu-west-1"}, exitOK, []string{"0 findings"}, []string{"warning", "error"}},
		{"undeclared", []string{"--var", "acll=x", "--cfn-param", "Envv=prod"}, exitOK, []string{
			"-  warning  --var acll: no scanned Terraform module declares it: the value is not used; check the name and the paths scanned",
			"-  warning  --cfn-param Envv: no scanned CloudFormation template declares it",
			"2 warnings",
		}, nil},
		{"wrong type", []string{"--var", "public=yes"}, exitFindings, []string{
			"tf/main.tf:1:1  error  Invalid value for input variable: Unsuitable value for var.public set using --var \"public=...\": a bool is required",
		}, []string{"warning"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runIn(t, dir, append(append([]string{"--no-color", "--enable", "aws-s3-public-acl"}, tt.args...), ".")...)
			if code != tt.code {
				t.Errorf("exit %d, want %d: %s%s", code, tt.code, out, errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output does not contain %q:\n%s", w, out)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(out, n) {
					t.Errorf("output contains %q:\n%s", n, out)
				}
			}
		})
	}
}

// Item 2: the config file's terraform.root_var_files maps var files to root
// modules: the roots are scanned with them, and a named var file listed
// there is applied to those roots.
func TestRootVarFilesMapping(t *testing.T) {
	dir := t.TempDir()
	module := "variable \"acl\" {\n  default = \"private\"\n}\n\nresource \"aws_s3_bucket_acl\" \"a\" {\n  bucket = \"x\"\n  acl    = var.acl\n}\n"
	writeFiles(t, dir, map[string]string{
		"infra/main.tf":      module,
		"other/main.tf":      module,
		"vars/prod.tfvars":   "acl = \"public-read\"\n",
		"vars/unused.tfvars": "acl = \"public-read\"\n",
		".seclint.yaml":      "rules:\n  enable: [aws-s3-public-acl]\nterraform:\n  root_var_files:\n    infra: [vars/prod.tfvars]\n",
		"sub/.seclint.yaml":  "terraform:\n  root_var_files:\n    x: [missing.tfvars]\n",
		"sub/x/main.tf":      module,
		"vars/README.md":     "",
	})
	for _, tt := range []struct {
		name string
		args []string
		code int
		want []string
		not  string
	}{
		{"named", []string{"vars/prod.tfvars"}, exitFindings, []string{"infra/main.tf:7:12", "vars/prod.tfvars:1:1  note  variable values applied to module infra: the config file's terraform.root_var_files maps this file to it"}, "other/"},
		{"walked", []string{"."}, exitFindings, []string{"infra/main.tf:7:12", "1 finding "}, "other/main.tf:7"},
		{"unmapped", []string{"vars/unused.tfvars"}, exitOK, []string{"vars/unused.tfvars:1:1  warning  variable file not applied to any module: no .tf files in vars or its parent directory; map it to its modules in the config file's terraform.root_var_files"}, "infra/"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runIn(t, dir, append([]string{"--no-color"}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d: %s%s", code, tt.code, out, errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output does not contain %q:\n%s", w, out)
				}
			}
			if strings.Contains(out, tt.not) {
				t.Errorf("output contains %q:\n%s", tt.not, out)
			}
		})
	}
	code, _, errOut := runIn(t, filepath.Join(dir, "sub"), ".")
	if want := "seclint: .seclint.yaml: terraform.root_var_files: missing.tfvars: no such file\n"; code != exitUsage || errOut != want {
		t.Errorf("missing mapped var file: exit %d, stderr %q; want 2 and %q", code, errOut, want)
	}
}
