package cloudformation

import (
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// template is one template being evaluated: its sections, indexed, and the
// evaluation state (memoized conditions, budget, diagnostics).
type template struct {
	path  string
	li    *lineIndex
	opts  Options
	diags []model.Diagnostic

	params     map[string]*param
	paramDecls []paramDecl
	conditions map[string]*yaml.Node
	condMemo   map[string]tri
	condBusy   map[string]bool
	mappings   *yaml.Node
	resources  []*resource
	byID       map[string]*resource

	// budget is the number of nodes evaluation may still visit; aborted is
	// set once it runs out or evaluation nests too deep.
	budget  int
	aborted bool

	// index holds the entries of large mappings that lookups search again
	// and again (Mappings for Fn::FindInMap, Fn::Sub variables).
	index map[*yaml.Node]map[string]*yaml.Node
	// quiet is set once maxDiagnostics warnings and notes are reported.
	quiet bool

	// hasLoops is set when the source mentions Fn::ForEach, so that other
	// templates skip the walk that expands loops.
	hasLoops bool
	// loops counts the Fn::ForEach loops expanded and the resources they
	// generated (reported by tests and benchmarks).
	loops, loopResources int
	// generated marks the keys that loops generated.
	generated map[*yaml.Node]bool
	// origin maps a node that a loop rewrote (a key or !Sub whose
	// identifier it replaced, a !Ref of its identifier) to the node as
	// written, whose source range it keeps.
	origin map[*yaml.Node]*yaml.Node
	// condsIncomplete is set when a loop in Conditions could not be
	// expanded: a condition that is not found may be one it generates.
	condsIncomplete bool
	// languageExtensions is set when the template declares the
	// AWS::LanguageExtensions transform as CloudFormation accepts it: the
	// literal string, as Transform or as an item of the Transform list (not
	// a macro mapping, which that transform does not take, nor a parameter
	// or function).
	languageExtensions bool
	// jsonOrigin maps a string that Fn::ToJsonString built to the value it
	// serialized, so that a policy document keeps its positions.
	jsonOrigin map[*node.Node]*node.Node
	// stacks are the nested stack templates already being read, from the
	// top template down, to stop cycles; root bounds the files they may read.
	stacks []string
	root   string
	// nested counts the nested stack templates read for the unit.
	nested *int
}

// resource is one entry of the Resources section.
type resource struct {
	id       string
	typ      string
	keyRange model.Range
	props    *yaml.Node
	// def is the resource's whole definition (Type, Properties, Metadata, ...).
	def *yaml.Node
	// dropped is set when the resource's Condition is false or unknown, or
	// when a later entry has the same logical ID.
	dropped bool
}

// newTemplate returns a template to load. Its index of parameters and
// resources are made by load, sized for the template.
func newTemplate(path string, li *lineIndex, opts Options) *template {
	return &template{
		path:       path,
		li:         li,
		opts:       opts,
		conditions: map[string]*yaml.Node{},
		condMemo:   map[string]tri{},
		condBusy:   map[string]bool{},
	}
}

// entries returns the number of entries of a mapping (0 for anything else).
func entries(m *yaml.Node) int {
	m = deref(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return 0
	}
	return len(m.Content) / 2
}

// load indexes the sections of the template's top-level mapping.
func (t *template) load(root *yaml.Node) {
	_, params := lookup(root, "Parameters")
	// The indexes are sized for the entries written, so that they do not
	// grow entry by entry (loops may still add resources).
	n := entries(params)
	t.params = make(map[string]*param, n)
	t.paramDecls = make([]paramDecl, 0, n)
	declared := make(map[string]int, n)
	pairs(params, func(name string, k, v *yaml.Node) {
		v = deref(v)
		t.params[name] = t.newParam(name, k, v)
		d := paramDecl{name: name, key: k, decl: v}
		if i, ok := declared[name]; ok {
			// A repeated name was reported by check; the last one is used.
			t.paramDecls[i] = d
			return
		}
		declared[name] = len(t.paramDecls)
		t.paramDecls = append(t.paramDecls, d)
	})
	_, t.mappings = lookup(root, "Mappings")
	t.readTransforms(root)

	// Loops are expanded once parameters and mappings are known (their
	// collections may read them), and before the sections they generate
	// entries of are indexed.
	_, conds := lookup(root, "Conditions")
	t.expandLoops(conds, "Conditions")
	pairs(conds, func(name string, _, v *yaml.Node) {
		t.conditions[name] = v
	})

	rk, res := lookup(root, "Resources")
	if res != nil && res.Kind != yaml.MappingNode {
		t.warnf(rk, "Resources is not a mapping", "the Resources section must map logical IDs to resources; it is ignored")
		return
	}
	t.expandLoops(res, "Resources")
	n = entries(res)
	t.resources = make([]*resource, 0, n)
	t.byID = make(map[string]*resource, n)
	// Parameters, Conditions and Mappings are indexed first: a resource's
	// Condition is evaluated as it is read.
	pairs(res, func(id string, k, v *yaml.Node) {
		if t.generated[k] {
			t.loopResources++
		}
		r := t.newResource(id, k, deref(v))
		if r == nil {
			return
		}
		if prev := t.byID[id]; prev != nil {
			// A duplicate logical ID was reported by check; the last one is used.
			prev.dropped = true
		}
		t.resources = append(t.resources, r)
		t.byID[id] = r
	})
}

func (t *template) newResource(id string, k, v *yaml.Node) *resource {
	if v == nil || v.Kind != yaml.MappingNode {
		t.warnf(k, "resource is not a mapping", "resource %s is ignored", id)
		return nil
	}
	r := &resource{id: id, keyRange: t.rng(k)}
	_, typ := lookup(v, "Type")
	switch {
	case typ != nil && typ.Kind == yaml.MappingNode:
		// {"Rain::Module": "vpc.yml"} and the like: a preprocessor expands
		// it into resources before CloudFormation sees the template.
		t.notef(k, "resource is not expanded", "the Type of %s is a preprocessor directive, not a resource type; it is not scanned", id)
		return nil
	case typ == nil || typ.Kind != yaml.ScalarNode || typ.Value == "":
		t.warnf(k, "resource has no Type", "resource %s has no literal Type and is not scanned", id)
		return nil
	}
	r.typ = typ.Value
	r.def = v
	_, r.props = lookup(v, "Properties")
	if ck, cond := lookup(v, "Condition"); ck != nil {
		r.dropped = !t.resourceCondition(id, ck, cond)
	}
	return r
}

// resourceCondition reports whether a resource with a Condition exists.
// Only a condition known to be true keeps it: one that is false drops it as
// CloudFormation would, and one that cannot be evaluated (it depends on a
// parameter with no value) drops it too, because seclint never guesses. The
// cost is a missed finding on a resource that may not be deployed, not a
// false one.
//
// With the AWS::LanguageExtensions transform the condition name may be
// computed (!FindInMap [..., {DefaultValue: !Ref AWS::NoValue}]), and
// AWS::NoValue means the resource has no condition.
func (t *template) resourceCondition(id string, k, cond *yaml.Node) bool {
	if cond != nil && isFunc(cond) {
		v, keep := t.eval(cond, 0)
		if !keep || v == nil {
			return true
		}
		name, ok := v.Scalar()
		if !ok {
			return false
		}
		return t.condition(name, cond, 0) == triTrue
	}
	if cond == nil || cond.Kind != yaml.ScalarNode {
		t.warnf(k, "invalid resource Condition", "the Condition of %s must be a condition name; the resource is ignored", id)
		return false
	}
	return t.condition(cond.Value, cond, 0) == triTrue
}

// readTransforms reads the Transform section: a name or a list of names
// (a macro with parameters is a mapping; AWS::LanguageExtensions takes
// none, so CloudFormation accepts it only as a literal name).
func (t *template) readTransforms(root *yaml.Node) {
	_, tr := lookup(root, "Transform")
	items := []*yaml.Node{tr}
	if tr != nil && tr.Kind == yaml.SequenceNode {
		items = tr.Content
	}
	for _, it := range items {
		if s, ok := scalarOf(it); ok && s == "AWS::LanguageExtensions" {
			t.languageExtensions = true
		}
	}
}

// rng returns the source range of a node: its start, and for a scalar the
// end of its text on the same line.
func (t *template) rng(n *yaml.Node) model.Range {
	if n == nil {
		return model.Range{}
	}
	if o := t.origin[n]; o != nil {
		n = o
	}
	p := model.Pos{Line: n.Line, Column: n.Column}
	r := model.Range{File: t.path, Start: p, End: p}
	if n.Kind == yaml.ScalarNode {
		r.End.Column += t.li.scalarWidth(n)
	}
	return r
}

// lookup returns the value of an entry of a mapping, like the package's
// lookup, with an index for large mappings.
func (t *template) lookup(m *yaml.Node, key string) *yaml.Node {
	m = deref(m)
	if m == nil || m.Kind != yaml.MappingNode || len(m.Content) < 32 {
		_, v := lookup(m, key)
		return v
	}
	idx, ok := t.index[m]
	if !ok {
		if t.index == nil {
			t.index = map[*yaml.Node]map[string]*yaml.Node{}
		}
		// Later entries overwrite earlier ones: the last of repeated keys wins.
		idx = make(map[string]*yaml.Node, len(m.Content)/2)
		for i := 0; i+1 < len(m.Content); i += 2 {
			if kt, ok := keyText(m.Content[i]); ok {
				idx[kt] = deref(m.Content[i+1])
			}
		}
		t.index[m] = idx
	}
	return idx[key]
}

func (t *template) report(sev model.DiagSeverity, n *yaml.Node, summary, format string, args ...any) {
	t.reportAt(sev, t.rng(n), summary, format, args...)
}

// reportAt reports a diagnostic at r (the start of the file when r is zero).
func (t *template) reportAt(sev model.DiagSeverity, r model.Range, summary, format string, args ...any) {
	if r.IsZero() {
		r = model.Range{File: t.path, Start: model.Pos{Line: 1, Column: 1}, End: model.Pos{Line: 1, Column: 1}}
	}
	if sev != model.DiagError && t.quiet {
		return
	}
	if sev != model.DiagError && len(t.diags) >= maxDiagnostics {
		t.quiet = true
		t.diags = append(t.diags, diag(model.DiagNote, r, "too many diagnostics",
			"further warnings about this file are not reported"))
		return
	}
	t.diags = append(t.diags, diag(sev, r, summary, fmt.Sprintf(format, args...)))
}

func (t *template) errorf(n *yaml.Node, summary, format string, args ...any) {
	t.report(model.DiagError, n, summary, format, args...)
}

func (t *template) warnf(n *yaml.Node, summary, format string, args ...any) {
	t.report(model.DiagWarning, n, summary, format, args...)
}

func (t *template) notef(n *yaml.Node, summary, format string, args ...any) {
	t.report(model.DiagNote, n, summary, format, args...)
}
