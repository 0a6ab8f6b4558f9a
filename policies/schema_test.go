package policies

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// compileTyped compiles one module as a built-in package (typed against the
// model schema) together with the built-in library.
func compileTyped(t *testing.T, name, src string) ast.Errors {
	t.Helper()
	modules := map[string]*ast.Module{}
	if err := loadFS(builtin, ".", false, modules); err != nil {
		t.Fatal(err)
	}
	m, err := ast.ParseModuleWithOpts(name, src, ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
	if err != nil {
		t.Fatal(err)
	}
	modules[name] = m
	if err := addTypedModules(modules); err != nil {
		t.Fatal(err)
	}
	c, err := newCompiler()
	if err != nil {
		t.Fatal(err)
	}
	c.Compile(modules)
	return c.Errors
}

func TestSchemaTypeChecksBuiltinPackages(t *testing.T) {
	tests := []struct {
		name string
		body string
		// bad is the misspelt ref the compiler must name; "" means the
		// module must compile.
		bad string
	}{
		{"collection", `deny contains b.id if some b in input.aws.s3.buckets`, ""},
		{"misspelt collection", `deny contains b.id if some b in input.aws.s3.bukets`, "input.aws.s3.bukets"},
		{"item field", `deny contains b.id if { some b in input.aws.s3.buckets; not b.logging }`, ""},
		{"misspelt item field", `deny contains b.id if { some b in input.aws.s3.buckets; not b.loging }`, "b.loging"},
		{"indexed item", `deny contains b.id if { b := input.aws.s3.buckets[_]; b.loging }`, "b.loging"},
		{"nested object", `deny contains b.id if { some b in input.aws.s3.buckets; b.logging.target_buket == "x" }`, "b.logging.target_buket"},
		{"nested list", `deny contains p.id if { some p in input.aws.iam.policies; some s in p.statements; some x in s.principals; x.typ == "AWS" }`, "x.typ"},
		{"value list", `deny contains p.id if { some p in input.aws.iam.policies; some s in p.statements; some c in s.conditions; c.key == "aws:SourceIp" }`, ""},
		{"unknown marker", `deny contains b.id if { some b in input.aws.s3.buckets; b.name.__unknown__ }`, ""},
		{"inside a value", `deny contains b.id if { some b in input.aws.s3.buckets; b.name.unknown }`, "b.name.unknown"},
		{"comprehension", `deny contains n if { n := count([b | some b in input.aws.kms.keys; b.rotation]) }`, "b.rotation"},
		{"test module", `test_x if { count(input.aws.s3.buckets_) == 0 with input as {} }`, "input.aws.s3.buckets_"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			const file = "policies/aws/test/x.rego"
			errs := compileTyped(t, file, "package seclint.aws.test.x\n\n"+tt.body+"\n")
			if tt.bad == "" {
				if len(errs) > 0 {
					t.Fatalf("want no error, got %v", errs)
				}
				return
			}
			if len(errs) != 1 {
				t.Fatalf("want one type error on %s, got %v", tt.bad, errs)
			}
			e := errs[0]
			if e.Code != ast.TypeErr || e.Location == nil || e.Location.File != file || e.Location.Row != 3 || !strings.Contains(e.Message, tt.bad) {
				t.Errorf("want a type error at %s:3 naming %s, got %v", file, tt.bad, e)
			}
		})
	}
}

// TestSchemaCustomRulesOptIn: a user's rule is type-checked when its
// METADATA names the model schema, and only then.
func TestSchemaCustomRulesOptIn(t *testing.T) {
	const head = `# METADATA
# title: Bucket check
# custom:
#   id: acme-check
#   severity: LOW
#   kind: security
`
	const body = `package acme.check

deny contains {"resource": b.id, "message": "m"} if {
	some b in input.aws.s3.buckets
	b.loging
}
`
	tests := []struct {
		name, src string
		wantErr   bool
	}{
		{"opted in", head + "# schemas:\n#   - input: schema.model\n" + body, true},
		{"opted in, correct", head + "# schemas:\n#   - input: schema.model\n" + strings.Replace(body, "loging", "logging", 1), false},
		{"not opted in", head + body, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "check.rego"), []byte(tt.src), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := New(context.Background(), Options{Dirs: []string{dir}})
			if !tt.wantErr {
				if err != nil {
					t.Fatalf("want no error, got %v", err)
				}
				return
			}
			want := filepath.Join(dir, "check.rego") + ":13"
			if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "b.loging") {
				t.Fatalf("want a type error at %s naming b.loging, got %v", want, err)
			}
		})
	}
}

// TestTypedModulesCoverEveryPackage: every built-in package is covered,
// and nothing else is.
func TestTypedModulesCoverEveryPackage(t *testing.T) {
	modules := map[string]*ast.Module{}
	if err := loadFS(builtin, ".", false, modules); err != nil {
		t.Fatal(err)
	}
	pkgs := map[string]bool{}
	for _, m := range modules {
		pkgs[m.Package.Path.String()] = true
	}
	typed, err := typedModules(modules)
	if err != nil {
		t.Fatal(err)
	}
	if len(typed) != len(pkgs) {
		t.Errorf("%d typed modules for %d packages", len(typed), len(pkgs))
	}
	for _, m := range typed {
		if !pkgs[m.Package.Path.String()] {
			t.Errorf("typed module for %s, which is not a built-in package", m.Package.Path)
		}
		if len(m.Annotations) != 1 || len(m.Annotations[0].Schemas) != 1 || m.Annotations[0].Schemas[0].Schema.String() != SchemaRef {
			t.Errorf("%s: want one annotation with the schema %s, got %v", m.Package.Path, SchemaRef, m.Annotations)
		}
	}
}

// BenchmarkNew measures engine start-up: parsing, type checking and
// compiling every built-in rule, and preparing the query.
func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(context.Background(), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
