package seclint

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/seclint/seclint/policies"
)

// TestCustomPolicyExample loads examples/custom-policy the way --policy
// does, runs its Rego tests against seclint's library, and scans its
// testdata: the documented example must keep working.
func TestCustomPolicyExample(t *testing.T) {
	const dir = "examples/custom-policy"
	ctx := context.Background()
	s, err := NewScanner(ctx, policies.Options{Dirs: []string{dir}, Enable: []string{"acme-s3-bucket-prefix"}})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := s.Scan(ctx, Options{Paths: []string{dir + "/testdata"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) != 1 || rep.Findings[0].Resource != "aws_s3_bucket.logs" || rep.Findings[0].Range.Start.Line != 2 {
		t.Errorf("findings %+v, want aws_s3_bucket.logs at line 2", rep.Findings)
	}
	if r := rep.Rules; len(r) != 1 || !r[0].Custom || !strings.Contains(r[0].Remediation.Terraform, "acme-platform-logs") {
		t.Errorf("rules %+v", r)
	}

	modules := map[string]*ast.Module{}
	for _, name := range []string{"bucket_naming.rego", "bucket_naming_test.rego"} {
		src, err := os.ReadFile(dir + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		m, err := ast.ParseModuleWithOpts(name, string(src), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			t.Fatal(err)
		}
		modules[name] = m
	}
	for name, m := range policies.Library() {
		modules[name] = m
	}
	// The example opts in to type checking against the model schema, so
	// its tests are compiled with it.
	compiler, err := policies.NewCompiler()
	if err != nil {
		t.Fatal(err)
	}
	ch, err := tester.NewRunner().SetCompiler(compiler).SetModules(modules).RunTests(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for r := range ch {
		if !strings.HasPrefix(r.Package, "data.acme") {
			continue
		}
		n++
		if r.Fail || r.Error != nil {
			t.Errorf("%s: failed: %v", r.Name, r.Error)
		}
	}
	if n != 2 {
		t.Errorf("%d example tests ran, want 2", n)
	}
}
