package main

import (
	"strings"
	"testing"
)

// TestFailOnNone: --fail-on none (or fail_on: none in the config file) never
// fails on findings; a file that does not parse still fails the run.
func TestFailOnNone(t *testing.T) {
	const public = "resource \"aws_s3_bucket_acl\" \"site\" {\n  bucket = \"site\"\n  acl    = \"public-read-write\"\n}\n"
	tests := []struct {
		name  string
		files map[string]string
		args  []string
		want  int
	}{
		{"none", map[string]string{"main.tf": public}, []string{"--fail-on", "none", "."}, exitOK},
		{"None, any case", map[string]string{"main.tf": public}, []string{"--fail-on", "None", "."}, exitOK},
		{"LOW fails", map[string]string{"main.tf": public}, []string{"--fail-on", "LOW", "."}, exitFindings},
		{"config none", map[string]string{"main.tf": public, ".seclint.yaml": "fail_on: none\n"}, []string{"."}, exitOK},
		{"flag wins over config", map[string]string{"main.tf": public, ".seclint.yaml": "fail_on: none\n"}, []string{"--fail-on", "HIGH", "."}, exitFindings},
		{"parse error still fails", map[string]string{"main.tf": public, "bad.tf": "resource \"aws_s3_bucket\" \"x\" {\n"}, []string{"--fail-on", "none", "."}, exitFindings},
		{"unknown value", map[string]string{"main.tf": public}, []string{"--fail-on", "never", "."}, exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			code, stdout, stderr := runIn(t, dir, append([]string{"-q"}, tt.args...)...)
			if code != tt.want {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.want, stdout, stderr)
			}
			if tt.want == exitOK && !strings.Contains(stdout, "aws-s3-public-acl") {
				t.Errorf("the finding is not reported:\n%s", stdout)
			}
			if tt.want == exitUsage && !strings.Contains(stderr, "none") {
				t.Errorf("the usage error does not offer none: %s", stderr)
			}
		})
	}
}
