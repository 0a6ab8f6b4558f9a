package terraform

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"

	"github.com/seclint/seclint/parsers/model"
)

// writeModule writes files (name → source; a name may be a path such as
// "child/main.tf") into a new temporary directory.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// parseSrc parses a one-file module main.tf.
func parseSrc(t *testing.T, src string) (*model.Unit, string) {
	t.Helper()
	dir := writeModule(t, map[string]string{"main.tf": src})
	return ParseModule(dir, nil, Options{}), filepath.Join(dir, "main.tf")
}

// evalResult is what tests of the evaluator read: the root instance's
// variables and locals, without marks.
type evalResult struct {
	e      *evaluator
	vars   map[string]cty.Value
	locals map[string]cty.Value
}

// evalModule loads and evaluates a root module, for tests of the evaluator.
func evalModule(t *testing.T, dir string, opts Options) (*evalResult, *model.Unit) {
	t.Helper()
	unit := model.NewUnit(model.UnitTerraform, dir)
	diags := &diagnostics{unit: unit}
	opts.walkAll = true
	e := newEvaluator(dir, opts, diags)
	e.run(nil)
	r := &evalResult{e: e, vars: map[string]cty.Value{}, locals: map[string]cty.Value{}}
	for k, v := range e.root.vars {
		r.vars[k] = unmarkDeep(v)
	}
	for k, v := range e.root.locals {
		r.locals[k] = unmarkDeep(v)
	}
	return r, unit
}

// lineOf returns the 1-based line of the n-th (from 1) occurrence of substr
// in src.
func lineOf(t *testing.T, src, substr string, n int) int {
	t.Helper()
	off := 0
	for i := 0; i < n; i++ {
		j := strings.Index(src[off:], substr)
		if j < 0 {
			t.Fatalf("%q occurs fewer than %d times", substr, n)
		}
		off += j + len(substr)
	}
	return strings.Count(src[:off-len(substr)], "\n") + 1
}

// wantLine checks that the location of (id, path) starts on line.
func wantLine(t *testing.T, u *model.Unit, id, path string, line int) {
	t.Helper()
	r, ok := u.Locations[id][path]
	if !ok {
		t.Errorf("no location for %s %q; have %v", id, path, locPaths(u, id))
		return
	}
	if r.Start.Line != line {
		t.Errorf("location of %s %q is line %d, want %d", id, path, r.Start.Line, line)
	}
}

func locPaths(u *model.Unit, id string) []string {
	var out []string
	for p := range u.Locations[id] {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// noErrors fails on error and warning diagnostics.
func noErrors(t *testing.T, u *model.Unit) {
	t.Helper()
	for _, d := range u.Diagnostics {
		if d.Severity != model.DiagNote {
			t.Errorf("unexpected diagnostic: %s", d.Error())
		}
	}
}

func bucketByID(t *testing.T, u *model.Unit, id string) *model.Bucket {
	t.Helper()
	for _, b := range u.Model.AWS.S3.Buckets {
		if b.ID == id {
			return b
		}
	}
	t.Fatalf("no bucket %s", id)
	return nil
}

func policyByID(t *testing.T, u *model.Unit, id string) *model.Policy {
	t.Helper()
	for _, p := range u.Model.AWS.IAM.Policies {
		if p.ID == id {
			return p
		}
	}
	var ids []string
	for _, p := range u.Model.AWS.IAM.Policies {
		ids = append(ids, p.ID)
	}
	t.Fatalf("no policy %s; have %v", id, ids)
	return nil
}

// strs returns the known strings of a list, "?" for unknown elements, and
// nil with ok=false when the list itself is unknown.
func strs(l model.StringList) ([]string, bool) {
	items, ok := l.Get()
	if !ok {
		return nil, false
	}
	out := []string{}
	for _, s := range items {
		if v, ok := s.Get(); ok {
			out = append(out, v)
		} else {
			out = append(out, "?")
		}
	}
	return out, true
}
