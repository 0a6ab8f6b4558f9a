package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestOutputDoesNotDependOnJobs scans the fixtures and the examples with
// several --jobs values: the JSON, SARIF and quiet text outputs must be the
// same bytes. (The text summary and JUnit carry the scan's duration, so they
// are left out.)
func TestOutputDoesNotDependOnJobs(t *testing.T) {
	t.Chdir("../..")
	formats := []string{"json", "sarif", "text"}
	var first map[string][]byte
	for _, jobs := range []int{1, 2, 8} {
		dir := t.TempDir()
		args := []string{"-j", strconv.Itoa(jobs), "-q", "--no-color"}
		for _, f := range formats {
			args = append(args, "-f", f+"="+filepath.Join(dir, f))
		}
		args = append(args, "testdata/fixtures", "testdata/examples")
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), args, &stdout, &stderr); code != exitFindings {
			t.Fatalf("-j %d: exit code %d, want %d; stderr: %s", jobs, code, exitFindings, stderr.String())
		}
		out := map[string][]byte{}
		for _, f := range formats {
			b, err := os.ReadFile(filepath.Join(dir, f))
			if err != nil {
				t.Fatal(err)
			}
			if len(b) < 1000 {
				t.Fatalf("-j %d: %s output is only %d bytes: %s", jobs, f, len(b), b)
			}
			out[f] = b
		}
		if first == nil {
			first = out
			continue
		}
		for _, f := range formats {
			if !bytes.Equal(out[f], first[f]) {
				t.Errorf("-j %d: %s output differs from -j 1 (%d bytes, %d with -j 1)", jobs, f, len(out[f]), len(first[f]))
			}
		}
	}
}
