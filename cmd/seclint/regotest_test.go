package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestRegoTestCommand: seclint test runs users' Rego tests with seclint's
// library, fails on a failing test naming its file and line, and refuses a
// .rego file that is not a rule.
func TestRegoTestCommand(t *testing.T) {
	const rule = "# METADATA\n# title: t\n# custom:\n#   id: acme-x\n#   severity: LOW\n#   kind: security\npackage acme.x\n\nimport data.seclint.lib\n\ndeny contains f if {\n\tsome b in input.aws.s3.buckets\n\tnot b.name\n\tf := lib.finding(b, \"name\", \"no name\")\n}\n"
	const tests = "package acme.x_test\n\nimport data.acme.x\n\ntest_fires if {\n\tcount(x.deny) == 1 with input as {\"aws\": {\"s3\": {\"buckets\": [{\"id\": \"b\"}]}}}\n}\n\ntest_wrong if {\n\tcount(x.deny) == 0 with input as {\"aws\": {\"s3\": {\"buckets\": [{\"id\": \"b\"}]}}}\n}\n"
	tcs := []struct {
		name     string
		files    map[string]string
		args     []string
		code     int
		want     []string // in stdout (or stderr for usage errors)
		wantNot  []string
		repoRoot bool
	}{
		{"the example", nil, []string{"test", "examples/custom-policy"}, exitOK, []string{"PASS: 2/2"}, []string{"FAIL"}, true},
		{"verbose", nil, []string{"test", "-v", "examples/custom-policy"}, exitOK, []string{"PASS  examples/custom-policy/bucket_naming_test.rego:7: data.acme.s3.bucket_prefix_test.test_unprefixed_name_fires"}, nil, true},
		{"a failing test", map[string]string{"rules/x.rego": rule, "rules/x_test.rego": tests}, []string{"test", "rules"}, exitFindings,
			[]string{"FAIL  " + filepath.Join("rules", "x_test.rego") + ":9: data.acme.x_test.test_wrong", "FAIL: 1/2"}, []string{"test_fires"}, false},
		{"--run", map[string]string{"rules/x.rego": rule, "rules/x_test.rego": tests}, []string{"test", "--run", "fires", "rules"}, exitOK, []string{"PASS: 1/1"}, nil, false},
		{"not a rule", map[string]string{"rules/x.rego": "package acme.x\n\ndeny contains 1 if false\n", "rules/x_test.rego": "package acme.x_test\n\ntest_a if true\n"}, []string{"test", "rules"}, exitUsage,
			[]string{filepath.Join("rules", "x.rego") + ": no METADATA"}, nil, false},
		{"no tests", map[string]string{"rules/x.rego": rule}, []string{"test", "rules"}, exitUsage, []string{"no Rego tests"}, nil, false},
		{"explain a custom rule", nil, []string{"explain", "--policy", "examples/custom-policy", "acme-s3-bucket-prefix"}, exitOK,
			[]string{"acme-s3-bucket-prefix — S3 bucket names must carry the team prefix", "Custom rule, from --policy examples/custom-policy", "Fix in Terraform:"}, nil, true},
		{"explain a custom rule without --policy", nil, []string{"explain", "acme-s3-bucket-prefix"}, exitUsage, []string{"--policy DIR"}, nil, true},
		{"explain a built-in rule with --policy", nil, []string{"explain", "--policy", "examples/custom-policy", "aws-s3-public-acl"}, exitOK, []string{"aws-s3-public-acl — "}, []string{"Custom rule"}, true},
	}
	for _, tc := range tcs {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if tc.repoRoot {
				t.Chdir("../..")
			} else {
				dir := t.TempDir()
				writeFiles(t, dir, tc.files)
				t.Chdir(dir)
			}
			code := run(t.Context(), tc.args, &stdout, &stderr)
			out := stdout.String() + stderr.String()
			if code != tc.code {
				t.Fatalf("exit %d, want %d:\n%s", code, tc.code, out)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tc.wantNot {
				if strings.Contains(out, w) {
					t.Errorf("output has %q:\n%s", w, out)
				}
			}
		})
	}
}
