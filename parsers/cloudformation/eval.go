package cloudformation

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// eval evaluates a YAML node into a node tree: intrinsic functions are
// applied, aliases expanded and scalars typed. keep is false when the value
// is AWS::NoValue, which removes the property or list element holding it.
//
// The node returned for an intrinsic function has the function's range, so a
// finding about a !Sub'd or !If'd value points at the !Sub or the !If.
func (t *template) eval(n *yaml.Node, depth int) (v *node.Node, keep bool) {
	if n == nil {
		return nil, false
	}
	if !t.spend(n, depth) {
		return node.NewUnknown(t.rng(n)), true
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return &node.Node{Kind: node.Null, Range: t.rng(n)}, true
		}
		return t.eval(n.Content[0], depth+1)
	case yaml.AliasNode:
		if n.Alias == nil {
			return node.NewUnknown(t.rng(n)), true
		}
		v, keep := t.eval(n.Alias, depth+1)
		if v != nil {
			// The value is read where the alias is used.
			v.Range = t.rng(n)
		}
		return v, keep
	}
	if name, ok := shortTagFunc(n); ok {
		arg := untagged(n)
		return t.call(name, n, &arg, depth+1)
	}
	switch n.Kind {
	case yaml.ScalarNode:
		// A value written in the template is a literal; a dynamic
		// reference is unknown, and a Ref or function builds its own node.
		v := t.scalar(n)
		v.Literal = v.Kind != node.Unknown && v.Kind != node.Null
		return v, true
	case yaml.SequenceNode:
		return t.list(n, depth), true
	case yaml.MappingNode:
		if isFunc(n) {
			key, _ := keyText(n.Content[0])
			return t.call(key, n, n.Content[1], depth+1)
		}
		return t.mapping(n, depth), true
	}
	return node.NewUnknown(t.rng(n)), true
}

// spend charges a node to the evaluation budget and checks the depth. Once
// either runs out, evaluation is aborted: every further value is unknown and
// the template yields an error diagnostic and no model.
func (t *template) spend(n *yaml.Node, depth int) bool {
	if t.aborted {
		return false
	}
	if depth > maxDepth {
		t.aborted = true
		t.errorf(n, "nesting too deep", "evaluating the template nests more than %d levels (through YAML aliases or intrinsic functions); it is not scanned", maxDepth)
		return false
	}
	return t.charge(n, cost(n))
}

// cost is what visiting a node costs: one unit, plus one per budgetBytes of
// its text, because a scalar's text is scanned on each visit. An alias to a
// long string repeated many times is as expensive as it looks.
func cost(n *yaml.Node) int { return 1 + len(n.Value)/budgetBytes }

// charge takes units from the evaluation budget: node visits, and the nodes
// that functions create (Fn::Split's parts, a list parameter's members).
func (t *template) charge(at *yaml.Node, units int) bool {
	if t.aborted {
		return false
	}
	t.budget -= units
	if t.budget < 0 {
		t.aborted = true
		t.errorf(at, "template too large to evaluate", "expanding its YAML aliases and intrinsic functions would visit too many nodes; it is not scanned")
		return false
	}
	return true
}

// computed returns a string that a function built, or an unknown value when
// it is longer than any value CloudFormation accepts (a template is at most
// 1 MB), which only nested functions over aliases can produce.
func (t *template) computed(fn *yaml.Node, s string, r model.Range) *node.Node {
	if len(s) > maxValueLen {
		return t.tooLong(fn, len(s), r)
	}
	return stringNode(s, r)
}

// tooLong reports a computed value of size bytes, before it is built.
func (t *template) tooLong(fn *yaml.Node, size int, r model.Range) *node.Node {
	t.warnf(fn, "value too long", "the value computed here would have %d bytes, more than a template may hold; it is treated as unknown", size)
	return node.NewUnknown(r)
}

// shortTagFunc returns the intrinsic function a YAML short-form tag names:
// !Ref → Ref, !Condition → Condition, !Sub → Fn::Sub.
func shortTagFunc(n *yaml.Node) (string, bool) {
	tag := n.Tag
	if len(tag) < 2 || tag[0] != '!' || tag[1] == '!' {
		return "", false
	}
	switch tag {
	case "!Ref", "!Condition":
		return tag[1:], true
	}
	return "Fn::" + tag[1:], true
}

// isFunc reports whether n is an intrinsic function call, in short or long form.
func isFunc(n *yaml.Node) bool {
	if _, ok := shortTagFunc(n); ok {
		return true
	}
	if n.Kind == yaml.MappingNode && len(n.Content) == 2 {
		key, ok := keyText(n.Content[0])
		return ok && (key == "Ref" || strings.HasPrefix(key, "Fn::"))
	}
	return false
}

// untagged returns a copy of a tagged node without its tag: the argument of
// a short-form function.
func untagged(n *yaml.Node) yaml.Node {
	arg := *n
	arg.Tag = ""
	arg.Style &^= yaml.TaggedStyle
	return arg
}

func (t *template) scalar(n *yaml.Node) *node.Node {
	r := t.rng(n)
	switch n.ShortTag() {
	case "!!null":
		return &node.Node{Kind: node.Null, Range: r}
	case "!!bool":
		return &node.Node{Kind: node.Bool, Bool: strings.EqualFold(n.Value, "true"), Range: r}
	case "!!int", "!!float":
		// The text is kept: "012345678901" is an account ID, not a number.
		return &node.Node{Kind: node.Number, Str: n.Value, Range: r}
	}
	return stringNode(n.Value, r)
}

// stringNode returns a known string, or an unknown value when the string
// holds a dynamic reference ({{resolve:ssm:...}}, {{resolve:secretsmanager:...}}),
// which CloudFormation replaces at deploy time.
func stringNode(s string, r model.Range) *node.Node {
	if isDynamicReference(s) {
		return node.NewUnknown(r)
	}
	return node.NewString(s, r)
}

// stringValue is stringNode(s, r).AsString(), without making the node.
func stringValue(s string) model.String {
	if isDynamicReference(s) {
		return model.UnknownOf[string]()
	}
	return model.KnownOf(s)
}

func isDynamicReference(s string) bool { return strings.Contains(s, "{{resolve:") }

func (t *template) list(n *yaml.Node, depth int) *node.Node {
	out := &node.Node{Kind: node.List, Range: t.rng(n), List: make([]*node.Node, 0, len(n.Content))}
	for _, c := range n.Content {
		if v, keep := t.eval(c, depth+1); keep && v != nil {
			out.List = append(out.List, v)
		}
	}
	return out
}

func (t *template) mapping(n *yaml.Node, depth int) *node.Node {
	// Sized for the entries written, so that neither the map nor the key
	// list grows entry by entry.
	entries := len(n.Content) / 2
	out := &node.Node{Kind: node.Map, Map: make(map[string]*node.Node, entries), Range: t.rng(n)}
	if entries > 0 {
		out.Keys = make([]string, 0, entries)
	}
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key, ok := keyText(k)
		if !ok {
			continue
		}
		if key == "<<" && k.ShortTag() == "!!merge" {
			merges = append(merges, v)
			continue
		}
		ev, keep := t.eval(v, depth+1)
		if !keep || ev == nil {
			continue
		}
		ev.KeyRange = t.rng(k)
		out.Set(key, ev)
	}
	if merges != nil {
		t.merge(out, n, merges, depth)
	}
	return out
}

// merge adds the entries of YAML merge keys (<<: *base) that the mapping
// does not set itself, earlier sources first, as YAML 1.1 readers (PyYAML,
// used by the AWS CLI and SAM) do.
func (t *template) merge(out *node.Node, n *yaml.Node, merges []*yaml.Node, depth int) {
	set := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if key, ok := keyText(n.Content[i]); ok {
			set[key] = true
		}
	}
	for _, m := range merges {
		srcs := []*yaml.Node{m}
		if d := deref(m); d != nil && d.Kind == yaml.SequenceNode {
			srcs = d.Content
		}
		for _, s := range srcs {
			ev, _ := t.eval(s, depth+1)
			if ev == nil || ev.Kind != node.Map {
				t.warnf(s, "invalid merge key", "a merge key (<<) must name a mapping or a list of mappings; it is ignored")
				continue
			}
			for _, key := range ev.Keys {
				if !set[key] {
					set[key] = true
					out.Set(key, ev.Map[key])
				}
			}
		}
	}
}
