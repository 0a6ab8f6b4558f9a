package cloudformation

import (
	"fmt"
	"strings"
	"testing"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// evalProperty parses src and returns the evaluated property prop of
// resource id, with the diagnostics.
func evalProperty(t *testing.T, src string, opts Options, id, prop string) (*node.Node, []model.Diagnostic) {
	t.Helper()
	li := newLineIndex([]byte(src))
	root, diags := decodeYAML("t.yaml", []byte(src), li)
	if root == nil {
		t.Fatalf("template does not parse: %v", diags)
	}
	tpl := newTemplate("t.yaml", li, opts)
	nodes, ok := tpl.check(root, 0)
	if !ok {
		t.Fatalf("template fails check: %v", tpl.diags)
	}
	tpl.budget = budgetFor(nodes, len(src))
	tpl.hasLoops = strings.Contains(src, forEachPrefix)
	tpl.load(root)
	res := tpl.byID[id]
	if res == nil {
		t.Fatalf("no resource %s", id)
	}
	props := (&adapter{t: tpl}).props(res)
	return get(props, prop), append(diags, tpl.diags...)
}

// show renders a node compactly: "text" for known scalars, unknown[refs],
// [a b] for lists, {k:v} for maps, absent for nil.
func show(n *node.Node) string {
	if n == nil {
		return "absent"
	}
	switch n.Kind {
	case node.Null:
		return "null"
	case node.Unknown:
		return fmt.Sprintf("unknown%v", n.Refs)
	case node.List:
		parts := make([]string, len(n.List))
		for i, it := range n.List {
			parts[i] = show(it)
		}
		return "[" + strings.Join(parts, " ") + "]"
	case node.Map:
		parts := make([]string, len(n.Keys))
		for i, k := range n.Keys {
			parts[i] = k + ":" + show(n.Map[k])
		}
		return "{" + strings.Join(parts, " ") + "}"
	}
	s, _ := n.Scalar()
	return fmt.Sprintf("%q", s)
}

// parseUnit parses src without the recover, so that a panic fails the test.
func parseUnit(path, src string, opts Options) *model.Unit {
	u := model.NewUnit(model.UnitCloudFormation, path)
	u.Files = []string{path}
	parse(u, path, []byte(src), opts)
	u.Model.Normalize()
	return u
}

func errorsOf(diags []model.Diagnostic) []model.Diagnostic {
	var out []model.Diagnostic
	for _, d := range diags {
		if d.Severity == model.DiagError {
			out = append(out, d)
		}
	}
	return out
}
