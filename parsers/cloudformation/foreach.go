package cloudformation

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/seclint/seclint/parsers/node"
)

// Fn::ForEach (AWS::LanguageExtensions transform) is expanded on the YAML
// tree before the sections it may appear in (Conditions, Resources with the
// properties of each resource) are indexed:
//
//	Fn::ForEach::Loop: [Identifier, Collection, {OutputKey: OutputValue}]
//
// becomes one copy of {OutputKey: OutputValue} per element of the
// collection, in which ${Identifier} and &{Identifier} (the element with
// its non-alphanumeric characters removed) are replaced in mapping keys and
// in Fn::Sub strings, and Ref Identifier is replaced by the element, as the
// transform does. Copies keep the positions of the fragment they come from,
// so a finding on a generated resource points at the loop's template.
//
// A loop whose collection is not known (a list parameter with no value) is
// not expanded: the number of entries it generates is not known, and
// seclint does not guess. Outputs are not read, so their loops are left.
// A template that uses Fn::ForEach without declaring the transform is
// rejected by CloudFormation: its loops are reported as errors instead.

const forEachPrefix = "Fn::ForEach::"

// maxLoopItems bounds the collection of one Fn::ForEach. CloudFormation
// accepts at most 500 resources per template; a collection of a million
// literal items would otherwise become a million resources (about 10 GB
// through the rules). Nested loops are bounded by the evaluation budget.
const maxLoopItems = 1000

// expandLoops expands the loops of a section (a mapping) and of every
// mapping below it.
func (t *template) expandLoops(section *yaml.Node, name string) {
	if !t.hasLoops || section == nil {
		return
	}
	t.expandIn(section, name, 0)
}

// expandIn walks n, expanding the loops of every mapping it finds. Aliases
// are not followed: the node they name is walked where it is defined.
func (t *template) expandIn(n *yaml.Node, section string, depth int) {
	if t.aborted || n == nil {
		return
	}
	if depth > maxDepth {
		t.aborted = true
		t.errorf(n, "nesting too deep", "expanding Fn::ForEach nests more than %d levels; the template is not scanned", maxDepth)
		return
	}
	switch n.Kind {
	case yaml.SequenceNode:
		for _, c := range n.Content {
			t.expandIn(c, section, depth+1)
		}
	case yaml.MappingNode:
		if !hasLoop(n) {
			for i := 1; i < len(n.Content); i += 2 {
				t.expandIn(n.Content[i], section, depth+1)
			}
			return
		}
		n.Content = t.expandMapping(n, section, depth)
	}
}

func hasLoop(m *yaml.Node) bool {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k, ok := keyText(m.Content[i]); ok && strings.HasPrefix(k, forEachPrefix) {
			return true
		}
	}
	return false
}

// expandMapping returns the entries of m with each loop replaced by the
// entries it generates (themselves expanded: a fragment may hold loops).
func (t *template) expandMapping(m *yaml.Node, section string, depth int) []*yaml.Node {
	out := make([]*yaml.Node, 0, len(m.Content))
	seen := map[string]bool{}
	add := func(k, v *yaml.Node) {
		if kt, ok := keyText(k); ok {
			if seen[kt] && t.generated[k] {
				t.warnf(k, "duplicate key", "Fn::ForEach generates %q more than once; the last one is used", kt)
			}
			seen[kt] = true
		}
		out = append(out, k, v)
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		kt, _ := keyText(k)
		if !strings.HasPrefix(kt, forEachPrefix) {
			t.expandIn(v, section, depth+1)
			add(k, v)
			continue
		}
		for _, frag := range t.forEach(kt, k, deref(v), section, depth) {
			// The copies are new mappings: expand their own loops.
			frag.Content = t.expandMapping(frag, section, depth+1)
			for j := 0; j+1 < len(frag.Content); j += 2 {
				t.markGenerated(frag.Content[j])
				add(frag.Content[j], frag.Content[j+1])
			}
		}
	}
	return out
}

func (t *template) markGenerated(k *yaml.Node) {
	if t.generated == nil {
		t.generated = map[*yaml.Node]bool{}
	}
	t.generated[k] = true
}

// forEach returns one copy of a loop's fragment per element of its
// collection, or none when the loop is invalid or its collection unknown.
func (t *template) forEach(name string, k, v *yaml.Node, section string, depth int) []*yaml.Node {
	// Without the transform CloudFormation rejects the template (Fn::ForEach,
	// CloudFormation template reference): what the loop would generate is
	// not a resource of any stack, so it is not expanded, and each loop is
	// an error where it is written.
	if !t.languageExtensions {
		t.errorf(k, "Fn::ForEach without AWS::LanguageExtensions",
			"CloudFormation rejects %s: Fn::ForEach needs Transform: AWS::LanguageExtensions at the top level of the template (a literal string, alone or in the Transform list); the loop is not expanded and the entries it would generate are not scanned", name)
		t.incomplete(section)
		return nil
	}
	if v == nil || v.Kind != yaml.SequenceNode || len(v.Content) != 3 {
		t.warnf(k, "invalid Fn::ForEach", "%s takes a list of an identifier, a collection and a mapping; it is ignored", name)
		t.incomplete(section)
		return nil
	}
	ident, ok := scalarOf(v.Content[0])
	frag := deref(v.Content[2])
	if !ok || ident == "" || frag == nil || frag.Kind != yaml.MappingNode {
		t.warnf(k, "invalid Fn::ForEach", "%s takes a list of an identifier, a collection and a mapping; it is ignored", name)
		t.incomplete(section)
		return nil
	}
	items, ok := t.collection(v.Content[1], depth)
	if !ok {
		t.notef(k, "Fn::ForEach not expanded", "the collection of %s is not known (it depends on a parameter with no value, or is not a list of strings); the entries it generates are not scanned", name)
		t.incomplete(section)
		return nil
	}
	if len(items) > maxLoopItems {
		t.warnf(k, "Fn::ForEach too large", "the collection of %s has %d items, more than the %d seclint expands; the entries it generates are not scanned", name, len(items), maxLoopItems)
		t.incomplete(section)
		return nil
	}
	t.loops++
	out := make([]*yaml.Node, 0, len(items))
	for _, it := range items {
		c := t.substitute(frag, ident, it, depth+1)
		if t.aborted {
			return nil
		}
		out = append(out, c)
	}
	return out
}

func (t *template) incomplete(section string) {
	if section == "Conditions" {
		t.condsIncomplete = true
	}
}

// collection evaluates a loop's collection: a list, a Ref to a list
// parameter, a Fn::FindInMap, ... Every element must be a known scalar.
func (t *template) collection(n *yaml.Node, depth int) ([]string, bool) {
	v, keep := t.eval(n, depth+1)
	if !keep || v == nil || v.Kind != node.List {
		return nil, false
	}
	out := make([]string, 0, len(v.List))
	for _, it := range v.List {
		s, ok := it.Scalar()
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// substitute returns a copy of n with the loop's identifier replaced by
// value. Aliases are shared, not copied. Every copied node is charged to
// the evaluation budget, so nested loops over large collections stop.
func (t *template) substitute(n *yaml.Node, ident, value string, depth int) *yaml.Node {
	if n == nil || n.Kind == yaml.AliasNode || !t.charge(n, cost(n)) {
		return n
	}
	if depth > maxDepth {
		t.aborted = true
		t.errorf(n, "nesting too deep", "expanding Fn::ForEach nests more than %d levels; the template is not scanned", maxDepth)
		return n
	}
	c := *n
	switch n.Kind {
	case yaml.ScalarNode:
		switch n.Tag {
		case "!Ref":
			if n.Value == ident {
				return t.replaced(n, value)
			}
		case "!Sub":
			c.Value = replaceIdent(n.Value, ident, value)
			t.rewrote(&c, n)
		}
		return &c
	case yaml.SequenceNode:
		c.Content = make([]*yaml.Node, len(n.Content))
		for i, e := range n.Content {
			if i == 0 && n.Tag == "!Sub" {
				c.Content[i] = t.subText(e, ident, value)
				continue
			}
			c.Content[i] = t.substitute(e, ident, value, depth+1)
		}
		return &c
	case yaml.MappingNode:
		if len(n.Content) == 2 && n.Tag != "!Sub" {
			key, _ := keyText(n.Content[0])
			arg := deref(n.Content[1])
			switch {
			case key == "Ref" && arg != nil && arg.Kind == yaml.ScalarNode && arg.Value == ident:
				return t.replaced(n, value)
			case key == "Fn::Sub" && arg != nil && arg.Kind == yaml.ScalarNode:
				c.Content = []*yaml.Node{n.Content[0], t.subText(arg, ident, value)}
				return &c
			case key == "Fn::Sub" && arg != nil && arg.Kind == yaml.SequenceNode && len(arg.Content) > 0:
				list := *arg
				list.Content = make([]*yaml.Node, len(arg.Content))
				list.Content[0] = t.subText(arg.Content[0], ident, value)
				for i := 1; i < len(arg.Content); i++ {
					list.Content[i] = t.substitute(arg.Content[i], ident, value, depth+1)
				}
				c.Content = []*yaml.Node{n.Content[0], &list}
				return &c
			}
		}
		c.Content = make([]*yaml.Node, len(n.Content))
		for i := 0; i+1 < len(n.Content); i += 2 {
			c.Content[i] = t.key(n.Content[i], ident, value)
			c.Content[i+1] = t.substitute(n.Content[i+1], ident, value, depth+1)
		}
		return &c
	}
	return &c
}

// key returns a mapping key with the identifier replaced: keys are an
// implicit Fn::Sub of the loop identifiers.
func (t *template) key(k *yaml.Node, ident, value string) *yaml.Node {
	if k.Kind != yaml.ScalarNode || !strings.Contains(k.Value, "{"+ident+"}") {
		return k
	}
	c := *k
	c.Value = replaceIdent(k.Value, ident, value)
	t.rewrote(&c, k)
	return &c
}

// subText returns the text of a Fn::Sub with the identifier replaced.
func (t *template) subText(n *yaml.Node, ident, value string) *yaml.Node {
	n = deref(n)
	if n == nil || n.Kind != yaml.ScalarNode {
		return n
	}
	c := *n
	c.Value = replaceIdent(n.Value, ident, value)
	t.rewrote(&c, n)
	return &c
}

// replaced returns the string a Ref to the identifier becomes, placed where
// the Ref is written.
func (t *template) replaced(ref *yaml.Node, value string) *yaml.Node {
	c := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: value, Line: ref.Line, Column: ref.Column}
	t.rewrote(c, ref)
	return c
}

// rewrote records that c replaces the written node n, whose range it keeps.
func (t *template) rewrote(c, n *yaml.Node) {
	if c.Value == n.Value && c.Kind == n.Kind {
		return
	}
	if t.origin == nil {
		t.origin = map[*yaml.Node]*yaml.Node{}
	}
	if o := t.origin[n]; o != nil {
		n = o
	}
	t.origin[c] = n
}

// replaceIdent replaces ${ident} by value and &{ident} by value without its
// non-alphanumeric characters (which logical IDs cannot hold).
func replaceIdent(s, ident, value string) string {
	s = strings.ReplaceAll(s, "${"+ident+"}", value)
	if strings.Contains(s, "&{"+ident+"}") {
		s = strings.ReplaceAll(s, "&{"+ident+"}", alphanumeric(value))
	}
	return s
}

func alphanumeric(s string) string {
	return strings.Map(func(r rune) rune {
		if (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			return r
		}
		return -1
	}, s)
}
