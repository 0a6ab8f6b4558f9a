package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
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

func runIn(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

const publicACL = `resource "aws_s3_bucket" "site" {
  bucket = "site"
}

resource "aws_s3_bucket_acl" "site" {
  bucket = aws_s3_bucket.site.id
  acl    = "public-read" # seclint:ignore aws-s3-public-acl until=%s -- static site until the CloudFront move
}
`

// A suppression with a future until= date suppresses (SARIF suppressions,
// exit 0); with a past date the finding is reported and says it expired.
func TestSuppressionUntil(t *testing.T) {
	for _, tt := range []struct {
		until string
		code  int
	}{{"2999-12-31", exitOK}, {"2001-01-01", exitFindings}} {
		t.Run(tt.until, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{"main.tf": strings.Replace(publicACL, "%s", tt.until, 1)})
			code, out, errOut := runIn(t, dir, "-f", "sarif", "--enable", "aws-s3-public-acl", ".")
			if code != tt.code {
				t.Fatalf("exit %d, want %d: %s", code, tt.code, errOut)
			}
			var doc struct {
				Runs []struct {
					Results []struct {
						Message      struct{ Text string } `json:"message"`
						Suppressions []struct {
							Kind          string `json:"kind"`
							Justification string `json:"justification"`
						} `json:"suppressions"`
					} `json:"results"`
				} `json:"runs"`
			}
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatal(err)
			}
			res := doc.Runs[0].Results
			if len(res) != 1 {
				t.Fatalf("%d results, want 1", len(res))
			}
			if tt.code == exitOK {
				if len(res[0].Suppressions) != 1 || res[0].Suppressions[0].Kind != "inSource" || !strings.Contains(res[0].Suppressions[0].Justification, "CloudFront") {
					t.Errorf("suppressions %+v", res[0].Suppressions)
				}
			} else if len(res[0].Suppressions) != 0 || !strings.Contains(res[0].Message.Text, "expired on 2001-01-01") {
				t.Errorf("expired suppression: %+v", res[0])
			}
			// Text hides suppressed findings unless asked.
			_, text, _ := runIn(t, dir, "--no-color", ".")
			if shown := strings.Contains(text, "aws-s3-public-acl"); shown != (tt.code != exitOK) {
				t.Errorf("text output shows the finding: %v\n%s", shown, text)
			}
			_, text, _ = runIn(t, dir, "--show-suppressed", ".")
			if !strings.Contains(text, "aws-s3-public-acl") {
				t.Errorf("--show-suppressed hides the finding:\n%s", text)
			}
		})
	}
}

func TestReportUnusedIgnores(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"main.tf": "resource \"aws_s3_bucket\" \"b\" { # seclint:ignore aws-s3-public-acl\n  bucket = \"b\"\n}\n"})
	code, out, _ := runIn(t, dir, "--report-unused-ignores", "--enable", "aws-s3-public-acl", ".")
	if code != exitOK || !strings.Contains(out, "main.tf:1:") || !strings.Contains(out, "unused suppression") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

// --write-baseline, then lines inserted above: nothing new, exit 0; then a
// new public bucket: reported, exit 1.
func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	bucket := "resource \"aws_s3_bucket\" \"%s\" {\n  bucket = \"%s\"\n  acl    = \"public-read\"\n}\n"
	one := strings.NewReplacer("%s", "one").Replace(bucket)
	writeFiles(t, dir, map[string]string{"main.tf": one, "cfn.yaml": "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicRead\n"})
	// Recording the baseline is not a check: exit 0.
	if code, _, errOut := runIn(t, dir, "--enable", "aws-s3-public-acl", "--write-baseline", "baseline.json", "."); code != exitOK {
		t.Fatalf("first scan exit %d: %s", code, errOut)
	}
	writeFiles(t, dir, map[string]string{
		"main.tf":  "# a comment\n\n# and another\n" + one,
		"cfn.yaml": "Description: moved down\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicRead\n",
	})
	if code, out, errOut := runIn(t, dir, "--enable", "aws-s3-public-acl", "--baseline", "baseline.json", "."); code != exitOK || !strings.Contains(out, "0 findings") {
		t.Fatalf("after moving lines: exit %d\n%s%s", code, out, errOut)
	}
	writeFiles(t, dir, map[string]string{"main.tf": "# a comment\n\n# and another\n" + one + strings.NewReplacer("%s", "two").Replace(bucket)})
	code, out, _ := runIn(t, dir, "-f", "json", "--enable", "aws-s3-public-acl", "--baseline", "baseline.json", ".")
	if code != exitFindings {
		t.Fatalf("new bucket: exit %d, want 1", code)
	}
	var doc struct {
		Findings []struct {
			Resource      string `json:"resource"`
			BaselineState string `json:"baseline_state"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Findings) != 1 || doc.Findings[0].Resource != "aws_s3_bucket.two" || doc.Findings[0].BaselineState != "new" {
		t.Errorf("findings %+v, want only the new bucket", doc.Findings)
	}
}

func TestConfigFile(t *testing.T) {
	files := map[string]string{
		"main.tf":        "resource \"aws_s3_bucket\" \"a\" {\n  bucket = \"a\"\n  acl    = \"public-read\"\n}\n",
		"legacy/main.tf": "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n  acl    = \"public-read-write\"\n}\n",
	}
	t.Run("severity, path ignores and fail_on", func(t *testing.T) {
		dir := t.TempDir()
		writeFiles(t, dir, files)
		writeFiles(t, dir, map[string]string{".seclint.yaml": `rules:
  enable: [aws-s3-public-acl]
  severity:
    aws-s3-public-acl: LOW
ignore:
  - paths: ["legacy/**"]
    rules: [aws-s3-public-acl]
    reason: decommissioned in Q3
fail_on: MEDIUM
`})
		code, out, errOut := runIn(t, dir, "-f", "json", ".")
		if code != exitOK {
			t.Fatalf("exit %d, want 0 (the only active finding is LOW): %s %s", code, out, errOut)
		}
		var doc struct {
			Findings []struct {
				Severity    string `json:"severity"`
				Suppressed  bool   `json:"suppressed"`
				Suppression struct {
					Kind          string `json:"kind"`
					Justification string `json:"justification"`
				} `json:"suppression"`
			} `json:"findings"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		// Sorted by file: legacy/main.tf (suppressed by the config), then main.tf.
		if len(doc.Findings) != 2 || !doc.Findings[0].Suppressed || doc.Findings[0].Suppression.Kind != "external" || doc.Findings[1].Severity != "LOW" || doc.Findings[1].Suppressed {
			t.Errorf("findings %+v", doc.Findings)
		}
		// A flag beats the config file.
		if code, _, _ := runIn(t, dir, "--fail-on", "LOW", "."); code != exitFindings {
			t.Errorf("--fail-on LOW: exit %d, want 1", code)
		}
	})
	for name, cfg := range map[string]string{
		"unknown key": "rules:\n  enable: []\nfail_onn: HIGH\n",
		"wrong type":  "rules:\n  disable: aws-s3-public-acl\n",
		"bad until":   "ignore:\n  - paths: [\"**\"]\n    rules: [x]\n    until: soon\n",
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, files)
			writeFiles(t, dir, map[string]string{"custom.yaml": cfg})
			code, _, errOut := runIn(t, dir, "--config", "custom.yaml", ".")
			if code != exitUsage || !strings.Contains(errOut, "custom.yaml") || !strings.Contains(errOut, "line") {
				t.Errorf("exit %d, stderr %q: want 2 and an error naming file and line", code, errOut)
			}
		})
	}
}

// A custom rule from examples/custom-policy fires through --policy and
// shows in SARIF with its help.
func TestCustomRuleInSARIF(t *testing.T) {
	t.Chdir("../..")
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"-f", "sarif", "--policy", "examples/custom-policy", "--enable", "acme-s3-bucket-prefix", "examples/custom-policy/testdata"}, &stdout, &stderr)
	if code != exitFindings {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var doc struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID   string `json:"id"`
						Help struct {
							Markdown string `json:"markdown"`
						} `json:"help"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID string `json:"ruleId"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	run0 := doc.Runs[0]
	if len(run0.Results) != 1 || run0.Results[0].RuleID != "acme-s3-bucket-prefix" {
		t.Errorf("results %+v", run0.Results)
	}
	if len(run0.Tool.Driver.Rules) != 1 || !strings.Contains(run0.Tool.Driver.Rules[0].Help.Markdown, "acme-platform-logs") {
		t.Errorf("rules %+v, want the custom rule with its fixed example in the help", run0.Tool.Driver.Rules)
	}
	// It also appears in `seclint rules`.
	stdout.Reset()
	if code := run(context.Background(), []string{"rules", "--policy", "examples/custom-policy"}, &stdout, &stderr); code != exitOK || !strings.Contains(stdout.String(), "acme-s3-bucket-prefix") {
		t.Errorf("rules: exit %d\n%s", code, stdout.String())
	}
}
