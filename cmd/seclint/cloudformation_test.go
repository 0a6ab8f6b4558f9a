package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// scanFindings runs a scan from the repository root and returns its findings
// as "file:line rule-id".
func scanFindings(t *testing.T, args ...string) []string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), append([]string{"-f", "json"}, args...), &stdout, &stderr)
	if code == exitUsage {
		t.Fatalf("exit 2: %s", stderr.String())
	}
	var doc struct {
		Findings []struct {
			RuleID   string `json:"rule_id"`
			Location struct {
				File      string `json:"file"`
				StartLine int    `json:"start_line"`
			} `json:"location"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, stdout.String())
	}
	out := []string{}
	for _, f := range doc.Findings {
		out = append(out, fmt.Sprintf("%s:%d %s", f.Location.File, f.Location.StartLine, f.RuleID))
	}
	sort.Strings(out)
	return out
}

// A bucket that exists only in prod and an !If that is public only in prod:
// nothing by default, both at their lines with Env=prod (from the flag or a
// parameters file).
func TestCloudFormationParametersDecide(t *testing.T) {
	t.Chdir("../..")
	const tpl = "testdata/cloudformation/conditional_acl.yaml"
	args := []string{"--enable", "aws-s3-public-acl"}
	if got := scanFindings(t, append(args, tpl)...); len(got) != 0 {
		t.Errorf("default parameters: %v, want no finding", got)
	}
	want := []string{tpl + ":15 aws-s3-public-acl", tpl + ":19 aws-s3-public-acl"}
	if got := scanFindings(t, append(args, "--cfn-param", "Env=prod", tpl)...); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Env=prod: %v, want %v", got, want)
	}
	params := filepath.Join(t.TempDir(), "prod.json")
	if err := os.WriteFile(params, []byte(`[{"ParameterKey": "Env", "ParameterValue": "prod"}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := scanFindings(t, append(args, "--cfn-params", params, tpl)...); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("--cfn-params: %v, want %v", got, want)
	}
	// The flag wins over the file.
	if got := scanFindings(t, append(args, "--cfn-params", params, "--cfn-param", "Env=dev", tpl)...); len(got) != 0 {
		t.Errorf("--cfn-param Env=dev over the file: %v, want none", got)
	}
}

// A nested stack is read through its parent, with the parameters the parent
// passes, and reported once.
func TestNestedStackThroughParent(t *testing.T) {
	t.Chdir("../..")
	const dir = "testdata/cloudformation/nested"
	args := []string{"--enable", "aws-s3-public-acl"}
	if got := scanFindings(t, append(args, dir)...); len(got) != 0 {
		t.Errorf("dev: %v, want none (the parent passes Private)", got)
	}
	want := []string{dir + "/storage.yaml:10 aws-s3-public-acl"}
	if got := scanFindings(t, append(args, "--cfn-param", "Env=prod", dir)...); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("prod: %v, want %v", got, want)
	}
}
