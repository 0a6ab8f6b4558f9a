package policies

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/tester"
)

// TestResult is the outcome of one of a user's Rego tests.
type TestResult struct {
	// Name is the test's full name, e.g. data.acme.s3.bucket_prefix_test.test_fires.
	Name string
	// File and Line locate the test.
	File     string
	Line     int
	Fail     bool
	Err      error
	Duration time.Duration
	// Output is what the test printed with print().
	Output []byte
}

// RunTests runs the Rego tests (*_test.rego) under dirs as `opa test` would,
// together with the rules beside them and seclint's library (data.seclint.lib),
// compiled with the model schema: a rule or test that opts in with
// `schemas: [{input: schema.model}]` is type-checked against the model. The
// rules must follow the --policy contract (METADATA with custom.id). run,
// when not empty, is a regular expression that selects tests by name.
func RunTests(ctx context.Context, dirs []string, run string) ([]TestResult, error) {
	modules := Library()
	builtins := maps.Clone(modules)
	tests := 0
	for _, dir := range dirs {
		if err := loadPolicyDir(dir, modules, builtins); err != nil {
			return nil, err
		}
		n, err := loadTests(dir, modules)
		if err != nil {
			return nil, err
		}
		tests += n
	}
	if tests == 0 {
		return nil, fmt.Errorf("no Rego tests (*_test.rego) in %s", strings.Join(dirs, ", "))
	}
	compiler, err := newCompiler()
	if err != nil {
		return nil, err
	}
	runner := tester.NewRunner().SetCompiler(compiler.WithEnablePrintStatements(true)).
		SetModules(modules).CapturePrintOutput(true).EnableTracing(false)
	if run != "" {
		runner = runner.Filter(run)
	}
	ch, err := runner.RunTests(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("compiling rules and tests: %w", err)
	}
	var out []TestResult
	for r := range ch {
		tr := TestResult{Name: r.Package + "." + r.Name, Fail: r.Fail, Err: r.Error, Duration: r.Duration, Output: r.Output}
		if r.Location != nil {
			tr.File, tr.Line = r.Location.File, r.Location.Row
		}
		out = append(out, tr)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	return out, nil
}

// loadTests parses the *_test.rego files under dir into modules and returns
// how many there were.
func loadTests(dir string, modules map[string]*ast.Module) (int, error) {
	n := 0
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("reading tests: %w", err)
		}
		if d.IsDir() || !strings.HasSuffix(p, "_test.rego") {
			return nil
		}
		name := filepath.Join(dir, p)
		src, err := os.ReadFile(name)
		if err != nil {
			return fmt.Errorf("reading tests: %w", err)
		}
		m, err := ast.ParseModuleWithOpts(name, string(src), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			return fmt.Errorf("parsing tests: %w", err)
		}
		modules[name] = m
		n++
		return nil
	})
	return n, err
}
