package terraform

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/seclint/seclint/parsers/node"
)

// TestOraclePolicyDocuments renders the merged aws_iam_policy_document data
// sources of testdata/oracle_policydoc as the AWS provider does in
// terraform plan (data sources of that type are read during plan, offline),
// and requires seclint's documents to be the same: the same statements in
// the same order, each with the same elements. Sets (actions, resources,
// identifiers, condition values) are compared as sets, and a list of one as
// its item, since the provider writes both forms.
func TestOraclePolicyDocuments(t *testing.T) {
	if os.Getenv("SECLINT_TF_ORACLE") == "" {
		t.Skip("set SECLINT_TF_ORACLE=1 to compare the evaluator with terraform plan")
	}
	o := newOracle(t)
	dir, err := filepath.Abs(filepath.Join("testdata", "oracle_policydoc"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := o.plan(t, dir, dir)
	if err != nil {
		t.Fatal(err)
	}
	var plan struct {
		PlannedValues struct {
			Outputs map[string]struct {
				Value string `json:"value"`
			} `json:"outputs"`
		} `json:"planned_values"`
	}
	if err := json.Unmarshal(out, &plan); err != nil {
		t.Fatal(err)
	}
	// The documents are read by outputs only, which the walk skips.
	unit, e := parseModule(dir, nil, Options{walkAll: true})
	noErrors(t, unit)
	docs := map[string]*node.Node{}
	for _, ri := range e.resInsts {
		if ri.res.typ == "aws_iam_policy_document" {
			docs[ri.res.name] = e.policyDocument(ri, 0)
		}
	}
	if len(plan.PlannedValues.Outputs) == 0 {
		t.Fatal("the plan has no outputs")
	}
	for name, out := range plan.PlannedValues.Outputs {
		var tf any
		if err := json.Unmarshal([]byte(out.Value), &tf); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		doc := docs[name]
		if doc == nil {
			t.Errorf("%s: seclint has no document", name)
			continue
		}
		got, want := canonical(nodeValue(doc)), canonical(tf)
		if !reflect.DeepEqual(got, want) {
			g, _ := json.Marshal(got)
			w, _ := json.Marshal(want)
			t.Errorf("%s:\nseclint   %s\nterraform %s", name, g, w)
		}
	}
}

// nodeValue is a node tree as the value encoding/json would decode from
// its JSON; an unknown part is "<unknown>", which no provider output holds.
func nodeValue(n *node.Node) any {
	switch n.Kind {
	case node.Map:
		m := map[string]any{}
		for _, k := range n.Keys {
			m[k] = nodeValue(n.Map[k])
		}
		return m
	case node.List:
		l := make([]any, 0, len(n.List))
		for _, it := range n.List {
			l = append(l, nodeValue(it))
		}
		return l
	case node.Null:
		return nil
	}
	if s, ok := n.Scalar(); ok {
		return s
	}
	return "<unknown>"
}

// canonical makes the two renderings comparable: a list of one is its
// item, and a list of strings is sorted, except the Statement list, whose
// order is the merge's.
func canonical(v any) any {
	switch v := v.(type) {
	case map[string]any:
		m := map[string]any{}
		for k, x := range v {
			if k == "Statement" {
				if l, ok := x.([]any); ok {
					st := make([]any, len(l))
					for i, s := range l {
						st[i] = canonical(s)
					}
					m[k] = st
					continue
				}
			}
			m[k] = canonical(x)
		}
		return m
	case []any:
		if len(v) == 1 {
			return canonical(v[0])
		}
		strs := make([]string, 0, len(v))
		for _, x := range v {
			s, ok := x.(string)
			if !ok {
				l := make([]any, len(v))
				for i, y := range v {
					l[i] = canonical(y)
				}
				return l
			}
			strs = append(strs, s)
		}
		sort.Strings(strs)
		l := make([]any, len(strs))
		for i, s := range strs {
			l[i] = s
		}
		return l
	}
	return v
}
