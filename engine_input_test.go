package seclint

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/seclint/seclint/policies"
)

// TestRuleInputMatchesJSON checks, on the model of every unit of the
// fixtures and the examples, that the input the engine builds directly is
// the value the JSON encoding of the model decodes to, which is how the
// model's json tags and Value's MarshalJSON define it.
func TestRuleInputMatchesJSON(t *testing.T) {
	ctx := context.Background()
	s, err := NewScanner(ctx, policies.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d, err := discover([]string{"testdata/fixtures", "testdata/examples"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	opts := &Options{Env: []string{}}
	for _, j := range d.jobs {
		m := j.parse(opts).Model.Normalize()
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatalf("%s: %v", j.path, err)
		}
		want, err := ast.ValueFromReader(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", j.path, err)
		}
		got, err := s.engine.Input(m)
		if err != nil {
			t.Fatalf("%s: %v", j.path, err)
		}
		if ast.Compare(got, want) != 0 || got.String() != want.String() {
			t.Errorf("%s: the input differs from the model's JSON:\n got %v\nwant %v", j.path, got, want)
		}
	}
	if len(d.jobs) < 50 {
		t.Errorf("only %d units: the fixtures were not found", len(d.jobs))
	}
}

// TestSkippingRulesKeepsFindings scans the fixtures and the examples once
// evaluating only the rules whose collections a unit fills, and once
// evaluating every rule on every unit: the findings must be the same.
func TestSkippingRulesKeepsFindings(t *testing.T) {
	ctx := context.Background()
	opts := Options{Paths: []string{"testdata/fixtures", "testdata/examples"}}
	var reports [2][]string
	for i, all := range []bool{false, true} {
		s, err := NewScanner(ctx, policies.Options{EvaluateAll: all})
		if err != nil {
			t.Fatal(err)
		}
		rep, err := s.Scan(ctx, opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range rep.Findings {
			reports[i] = append(reports[i], fmt.Sprintf("%s:%d %s %s %s %s", f.Range.File, f.Range.Start.Line, f.RuleID, f.Resource, f.Attribute, f.Message))
		}
	}
	skip, all := reports[0], reports[1]
	if len(all) < 100 {
		t.Fatalf("only %d findings with every rule: the fixtures were not scanned", len(all))
	}
	if fmt.Sprint(skip) != fmt.Sprint(all) {
		t.Errorf("findings differ when rules with empty collections are skipped:\nskipped: %d findings\nall: %d findings", len(skip), len(all))
		seen := map[string]bool{}
		for _, f := range skip {
			seen[f] = true
		}
		for _, f := range all {
			if !seen[f] {
				t.Errorf("lost: %s", f)
			}
		}
	}
}
