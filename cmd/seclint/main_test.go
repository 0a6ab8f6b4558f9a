package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// badExampleFindings reads testdata/examples/bad/EXPECTED: every finding of
// the deliberately insecure example project, as "file:line rule-id" lines.
func badExampleFindings(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("testdata/examples/bad/EXPECTED")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// TestScanBadExampleAllFormats runs the command as a user would, with all
// four formats at once, and checks each output names every finding at its
// line, the SARIF against the SARIF 2.1.0 schema and the JUnit against the XSD.
func TestScanBadExampleAllFormats(t *testing.T) {
	t.Chdir("../..")
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{
		"-f", "text",
		"-f", "json=" + filepath.Join(out, "r.json"),
		"-f", "sarif=" + filepath.Join(out, "r.sarif"),
		"-f", "junit=" + filepath.Join(out, "r.xml"),
		"testdata/examples/bad",
	}, &stdout, &stderr)
	if code != exitFindings {
		t.Fatalf("exit code %d, want %d; stderr: %s", code, exitFindings, stderr.String())
	}
	want := badExampleFindings(t)
	sort.Strings(want)

	t.Run("text", func(t *testing.T) {
		var got []string
		for _, l := range strings.Split(stdout.String(), "\n") {
			f := strings.Fields(l)
			if len(f) >= 3 && strings.Count(f[0], ":") == 2 && strings.HasPrefix(f[2], "aws-") {
				p := strings.Split(f[0], ":")
				got = append(got, fmt.Sprintf("%s:%s %s", p[0], p[1], f[2]))
			}
		}
		compare(t, got, want)
	})
	t.Run("json", func(t *testing.T) {
		var doc struct {
			Findings []struct {
				RuleID   string `json:"rule_id"`
				Location struct {
					File      string `json:"file"`
					StartLine int    `json:"start_line"`
				} `json:"location"`
			} `json:"findings"`
		}
		readJSON(t, filepath.Join(out, "r.json"), &doc)
		var got []string
		for _, f := range doc.Findings {
			got = append(got, fmt.Sprintf("%s:%d %s", f.Location.File, f.Location.StartLine, f.RuleID))
		}
		compare(t, got, want)
	})
	t.Run("sarif", func(t *testing.T) {
		validateSARIF(t, filepath.Join(out, "r.sarif"))
		var doc struct {
			Runs []struct {
				Results []struct {
					RuleID    string `json:"ruleId"`
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct {
								URI       string `json:"uri"`
								URIBaseID string `json:"uriBaseId"`
							} `json:"artifactLocation"`
							Region struct {
								StartLine int `json:"startLine"`
							} `json:"region"`
						} `json:"physicalLocation"`
					} `json:"locations"`
				} `json:"results"`
			} `json:"runs"`
		}
		readJSON(t, filepath.Join(out, "r.sarif"), &doc)
		var got []string
		for _, r := range doc.Runs[0].Results {
			pl := r.Locations[0].PhysicalLocation
			if pl.ArtifactLocation.URIBaseID != "%SRCROOT%" {
				t.Errorf("%s: uriBaseId %q, want %%SRCROOT%%", pl.ArtifactLocation.URI, pl.ArtifactLocation.URIBaseID)
			}
			got = append(got, fmt.Sprintf("%s:%d %s", pl.ArtifactLocation.URI, pl.Region.StartLine, r.RuleID))
		}
		compare(t, got, want)
	})
	t.Run("junit", func(t *testing.T) {
		path := filepath.Join(out, "r.xml")
		validateJUnit(t, path)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Suites []struct {
				Name  string `xml:"name,attr"`
				Cases []struct {
					Failures []struct {
						Message string `xml:"message,attr"`
					} `xml:"failure"`
				} `xml:"testcase"`
			} `xml:"testsuite"`
		}
		if err := xml.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		failures, passed := 0, 0
		for _, s := range doc.Suites {
			for _, c := range s.Cases {
				failures += len(c.Failures)
				if len(c.Failures) == 0 {
					passed++
				}
			}
		}
		if failures != len(want) {
			t.Errorf("JUnit has %d failures, want %d", failures, len(want))
		}
		// The scan builds the passing checks only when an output lists
		// them: JUnit, here one of several formats.
		if passed == 0 {
			t.Error("JUnit lists no passing test case")
		}
	})
}

func TestGoodExampleIsClean(t *testing.T) {
	t.Chdir("../..")
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"-f", "json", "testdata/examples/good"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit code %d, want 0; stdout: %s stderr: %s", code, stdout.String(), stderr.String())
	}
}

func TestRulesJSON(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"rules", "--format", "json"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit code %d: %s", code, stderr.String())
	}
	var rules []map[string]any
	if err := json.Unmarshal(stdout.Bytes(), &rules); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, r := range rules {
		for _, k := range []string{"id", "title", "severity", "kind", "description"} {
			if s, _ := r[k].(string); s == "" {
				t.Errorf("rule %v has no %s", r["id"], k)
			}
		}
		ids[r["id"].(string)] = true
	}
	for _, id := range []string{"aws-s3-public-acl", "aws-s3-block-public-access", "aws-policy-public-principal", "aws-iam-admin-wildcard"} {
		if !ids[id] {
			t.Errorf("rules --format json does not list %s", id)
		}
	}
}

func TestExitCodesAndUsage(t *testing.T) {
	t.Chdir("../..")
	tests := []struct {
		name string
		args []string
		code int
		out  string // substring of stdout+stderr
	}{
		{"help", []string{"--help"}, exitOK, "Exit codes"},
		{"version", []string{"version"}, exitOK, "seclint "},
		{"explain", []string{"explain", "aws-s3-public-acl"}, exitOK, "Fix in CloudFormation"},
		{"explain unknown", []string{"explain", "aws-nope"}, exitUsage, "no rule"},
		{"unknown flag", []string{"--nope"}, exitUsage, "unknown flag"},
		{"bad severity", []string{"--fail-on", "SEVERE", "testdata/examples/good"}, exitUsage, "--fail-on"},
		{"bad format", []string{"-f", "xml", "testdata/examples/good"}, exitUsage, "--format"},
		{"two stdout formats", []string{"-f", "json", "-f", "sarif", "testdata/examples/good"}, exitUsage, "standard output"},
		{"missing path", []string{"testdata/does-not-exist"}, exitUsage, "does-not-exist"},
		{"unknown rule", []string{"--enable", "aws-nope", "testdata/examples/good"}, exitUsage, "unknown rule"},
		{"clean", []string{"testdata/examples/good"}, exitOK, "0 findings"},
		{"fail-on above findings", []string{"--fail-on", "CRITICAL", "--disable", "aws-iam-admin-wildcard,aws-policy-public-principal", "testdata/examples/bad/terraform"}, exitOK, "aws-s3-public-acl"},
		{"min-severity hides", []string{"--min-severity", "CRITICAL", "testdata/examples/bad/terraform"}, exitOK, "0 findings"},
		{"findings", []string{"testdata/examples/bad"}, exitFindings, "aws-s3-public-acl"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), tt.args, &stdout, &stderr)
			all := stdout.String() + stderr.String()
			if code != tt.code {
				t.Errorf("exit code %d, want %d; output:\n%s", code, tt.code, all)
			}
			if !strings.Contains(all, tt.out) {
				t.Errorf("output does not contain %q:\n%s", tt.out, all)
			}
		})
	}
}

func TestDirectoryWithNoIaC(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte("# docs\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"--no-color", dir}, &stdout, &stderr)
	want := dir + "  warning  no Terraform, CloudFormation or policy files found: nothing under this path was scanned; check the path and --exclude\n"
	if code != exitOK || stdout.String() != want || stderr.String() != "" {
		t.Errorf("exit code %d, output %q: want 0 and the one line %q", code, stdout.String(), want)
	}
}

// TestBadInputIsDiagnosed: malformed files are reported with file and line,
// the other files are still scanned, and the exit code is 1.
func TestBadInputIsDiagnosed(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"tf/main.tf":        "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \n}\n",
		"tf/ok.tf":          "resource \"aws_s3_bucket_acl\" \"a\" {\n  bucket = \"x\"\n  acl = \"public-read\"\n}\n",
		"cfn/bad.yaml":      "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: [\n",
		"cfn/bad.json":      "{\"AWSTemplateFormatVersion\": \"2010-09-09\",\n\"Resources\": {,}}\n",
		"policy/bad.json":   "{\"Version\": \"2012-10-17\",\n \"Statement\": [}\n",
		"policy/admin.json": "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}]}\n",
		"bin/blob.tf":       "\x00\x01\x02\xff\xfe",
		"empty/empty.tf":    "",
		"latin1/l.tf":       "# caf\xe9\nresource \"aws_s3_bucket\" \"b\" {}\n",
	}
	for name, src := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, format := range []string{"text", "json", "sarif", "junit"} {
		t.Run(format, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), []string{"-f", format, dir}, &stdout, &stderr)
			if code != exitFindings {
				t.Errorf("exit code %d, want 1; stderr: %s", code, stderr.String())
			}
			out := stdout.String()
			for _, file := range []string{"tf/main.tf", "cfn/bad.yaml", "cfn/bad.json", "policy/bad.json", "bin/blob.tf"} {
				if !strings.Contains(out, file) {
					t.Errorf("%s output does not name %s", format, file)
				}
			}
			// The valid files were still scanned.
			if !strings.Contains(out, "aws-iam-admin-wildcard") {
				t.Errorf("%s output lost the finding in a valid file", format)
			}
		})
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func compare(t *testing.T, got, want []string) {
	t.Helper()
	sort.Strings(got)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings differ\ngot:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

const schemas = "testdata/schemas" // relative to the repository root; sources and licenses in its SOURCES.md

func validateSARIF(t *testing.T, path string) {
	t.Helper()
	// The codeql-action copy of the schema does not compile as it is (see
	// testdata/schemas/SOURCES.md); the reporters' own tests cover it.
	for _, schema := range []string{"sarif-2.1.0.json"} {
		sp := filepath.Join(schemas, schema)
		if _, err := os.Stat(sp); err != nil {
			t.Fatalf("SARIF schema %s not found: the schemas are part of the repository", sp)
		}
		c := jsonschema.NewCompiler()
		sch, err := c.Compile(sp)
		if err != nil {
			t.Fatalf("compiling %s: %v", sp, err)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(doc); err != nil {
			t.Errorf("SARIF does not validate against %s: %v", schema, err)
		}
	}
}

func validateJUnit(t *testing.T, path string) {
	t.Helper()
	xsd := filepath.Join(schemas, "junit.xsd")
	if _, err := os.Stat(xsd); err != nil {
		t.Fatalf("JUnit XSD %s not found: the schemas are part of the repository", xsd)
	}
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("skipping JUnit XSD check: xmllint not installed (apt-get install libxml2-utils)")
	}
	if out, err := exec.Command("xmllint", "--noout", "--schema", xsd, path).CombinedOutput(); err != nil {
		t.Errorf("JUnit does not validate against the XSD: %v\n%s", err, out)
	}
}

// The README's rule table must list every rule seclint ships.
func TestReadmeListsEveryRule(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"rules", "--format", "json"}, &stdout, &stderr); code != exitOK {
		t.Fatal(stderr.String())
	}
	var rules []struct{ ID string }
	if err := json.Unmarshal(stdout.Bytes(), &rules); err != nil {
		t.Fatal(err)
	}
	for _, r := range rules {
		if !bytes.Contains(readme, []byte("| `"+r.ID+"` |")) {
			t.Errorf("README.md's rule table does not list %s", r.ID)
		}
	}
}

// `seclint explain` works for every rule and shows both fixes.
func TestExplainEveryRule(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"rules", "--format", "json"}, &stdout, &stderr); code != exitOK {
		t.Fatal(stderr.String())
	}
	var rules []struct{ ID string }
	if err := json.Unmarshal(stdout.Bytes(), &rules); err != nil {
		t.Fatal(err)
	}
	for _, r := range rules {
		stdout.Reset()
		if code := run(context.Background(), []string{"explain", r.ID}, &stdout, &stderr); code != exitOK {
			t.Errorf("explain %s: exit %d", r.ID, code)
			continue
		}
		for _, want := range []string{r.ID, "Severity:", "Fix in Terraform:", "Fix in CloudFormation:", "```"} {
			if !strings.Contains(stdout.String(), want) {
				t.Errorf("explain %s lacks %q", r.ID, want)
			}
		}
		// Users have the binary and its docs, not the project's
		// internal notes: explain must stand on its own.
		for _, internal := range []string{"RULES.md", "AWS-FACTS", "DESIGN.md", "../shared"} {
			if strings.Contains(stdout.String(), internal) {
				t.Errorf("explain %s refers to %s, which users do not have", r.ID, internal)
			}
		}
	}
}
