package policies

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const acmeRule = `# METADATA
# title: Buckets need a name
# custom:
#   id: acme-bucket-name
#   severity: LOW
#   kind: security
# schemas:
#   - input: schema.model
package acme.bucket_name

import data.acme.helpers
import data.seclint.lib

deny contains finding if {
	some b in input.aws.s3.buckets
	helpers.unnamed(b)
	finding := lib.finding(b, "name", "no name")
}
`

const helperLib = `# METADATA
# custom:
#   library: true
package acme.helpers

unnamed(b) if not b.name
`

const customTests = `package acme.bucket_name_test

import data.acme.bucket_name

test_fires if {
	count(bucket_name.deny) == 1 with input as {"aws": {"s3": {"buckets": [{"id": "b"}]}}}
}

test_named_does_not_fire if {
	count(bucket_name.deny) == 0 with input as {"aws": {"s3": {"buckets": [{"id": "b", "name": "x"}]}}}
}

test_wrong if {
	print("checking", 1)
	count(bucket_name.deny) == 5 with input as {"aws": {"s3": {"buckets": [{"id": "b"}]}}}
}
`

// ruleHeader is the METADATA and package of a rule acme-x, for a body.
const ruleHeader = "# METADATA\n# title: X\n# custom:\n#   id: acme-x\n#   severity: LOW\n#   kind: security\npackage acme.x\n\n"

func writeDir(t *testing.T, files map[string]string) string {
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
	return dir
}

// A .rego file under --policy that is neither a rule nor a declared library
// is an error naming it, not a file silently compiled and never run.
func TestPolicyDirNeedsRuleMetadata(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		err   string // "" = loads
	}{
		{"rule and library", map[string]string{"rule.rego": acmeRule, "lib/helpers.rego": helperLib}, ""},
		{"tests need no METADATA", map[string]string{"rule.rego": acmeRule, "lib/helpers.rego": helperLib, "rule_test.rego": customTests}, ""},
		{"no METADATA", map[string]string{"rule.rego": acmeRule, "lib/helpers.rego": "package acme.helpers\n\nunnamed(b) if not b.name\n"}, "helpers.rego: no METADATA"},
		{"METADATA without custom.id", map[string]string{"rule.rego": acmeRule, "lib/helpers.rego": "# METADATA\n# title: helpers\npackage acme.helpers\n\nunnamed(b) if not b.name\n"}, "helpers.rego: its METADATA has no custom.id"},
		{"rule-scoped METADATA only", map[string]string{"x.rego": "package acme.x\n\n# METADATA\n# title: a rule's own\ndeny contains 1 if false\n"}, "x.rego: no METADATA"},
		// A rule package without its deny set once silenced every rule of
		// the units it was evaluated on: all their findings were lost.
		{"rule without deny", map[string]string{"rule.rego": acmeRule, "lib/helpers.rego": helperLib, "x.rego": ruleHeader + "violation contains 1 if true\n"}, "x.rego: rule acme-x has no deny set"},
		{"deny is not a set", map[string]string{"x.rego": ruleHeader + "deny := {\"resource\": \"r\", \"message\": \"m\"}\n"}, "x.rego: rule acme-x has no deny set"},
		{"deny is a function", map[string]string{"x.rego": ruleHeader + "deny(x) := x\n"}, "x.rego: rule acme-x has no deny set"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeDir(t, tt.files)
			_, err := New(t.Context(), Options{Dirs: []string{dir}})
			switch {
			case tt.err == "" && err != nil:
				t.Fatalf("New: %v", err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err) || !strings.Contains(err.Error(), dir)):
				t.Fatalf("New: error %v, want one naming %s/...%s", err, dir, tt.err)
			}
		})
	}
}

func TestRunTests(t *testing.T) {
	dir := writeDir(t, map[string]string{"rule.rego": acmeRule, "lib/helpers.rego": helperLib, "rule_test.rego": customTests})
	results, err := RunTests(t.Context(), []string{dir}, "")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]TestResult{}
	for _, r := range results {
		got[strings.TrimPrefix(r.Name, "data.acme.bucket_name_test.")] = r
	}
	if len(got) != 3 {
		t.Fatalf("results %+v, want 3 tests", results)
	}
	if r := got["test_fires"]; r.Fail || r.Err != nil || r.File != filepath.Join(dir, "rule_test.rego") || r.Line != 5 {
		t.Errorf("test_fires: %+v", r)
	}
	if r := got["test_named_does_not_fire"]; r.Fail || r.Err != nil {
		t.Errorf("test_named_does_not_fire: %+v", r)
	}
	if r := got["test_wrong"]; !r.Fail || !strings.Contains(string(r.Output), "checking 1") {
		t.Errorf("test_wrong passed or printed nothing: %+v", r)
	}

	filtered, err := RunTests(t.Context(), []string{dir}, "named")
	if err != nil || len(filtered) != 1 {
		t.Errorf("run=named: %+v, %v", filtered, err)
	}
}

func TestRunTestsErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		err   string
	}{
		{"no tests", map[string]string{"rule.rego": acmeRule, "lib/helpers.rego": helperLib}, "no Rego tests"},
		{"rule without METADATA", map[string]string{"rule.rego": "package acme.x\n\ndeny contains 1 if false\n", "rule_test.rego": "package acme.x_test\n\ntest_x if true\n"}, "rule.rego: no METADATA"},
		// The rule opts in to the model schema: a misspelt field fails to compile.
		{"type error", map[string]string{"rule.rego": strings.Replace(acmeRule, "input.aws.s3.buckets", "input.aws.s3.bukets", 1), "lib/helpers.rego": helperLib, "rule_test.rego": customTests}, "bukets"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeDir(t, tt.files)
			_, err := RunTests(t.Context(), []string{dir}, "")
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Fatalf("error %v, want one with %q", err, tt.err)
			}
		})
	}
}

// A user's module is named by its path as written, which can be a built-in
// module's: under --policy policies, policies/lib/values.rego is a user's
// file and must not replace the built-in library of that name.
func TestPolicyDirCannotReplaceBuiltinModules(t *testing.T) {
	t.Chdir(writeDir(t, map[string]string{"policies/rule.rego": acmeRule, "policies/lib/values.rego": helperLib}))
	e, err := New(t.Context(), Options{Dirs: []string{"policies"}})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	if m := e.compiler.Modules["policies/lib/values.rego"]; m == nil || m.Package.Path.String() != "data.seclint.lib" {
		t.Errorf("the built-in policies/lib/values.rego is %v", m)
	}
	helpers := 0
	for _, m := range e.compiler.Modules {
		if m.Package.Path.String() == "data.acme.helpers" {
			helpers++
		}
	}
	if helpers != 1 {
		t.Errorf("the user's library compiled %d times, want once", helpers)
	}
	// The same directory named twice is loaded once.
	if _, err := New(t.Context(), Options{Dirs: []string{"policies", "policies"}}); err != nil {
		t.Errorf("New with a directory named twice: %v", err)
	}
}

// seclint test loads the built-in library beside a user's files, which can
// take one of its modules' names too.
func TestRunTestsKeepsBuiltinModules(t *testing.T) {
	t.Chdir(writeDir(t, map[string]string{"policies/rule.rego": acmeRule, "policies/lib/values.rego": helperLib, "policies/rule_test.rego": customTests}))
	results, err := RunTests(t.Context(), []string{"policies"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != 3 {
		t.Errorf("results %+v, want 3 tests", results)
	}
}
