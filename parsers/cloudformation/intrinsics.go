package cloudformation

import (
	"encoding/base64"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// call applies the intrinsic function name, written at fn, to arg.
func (t *template) call(name string, fn, arg *yaml.Node, depth int) (*node.Node, bool) {
	r := t.rng(fn)
	arg = deref(arg)
	switch name {
	case "Ref":
		return t.ref(r, fn, arg, depth)
	case "Fn::GetAtt":
		return t.getAtt(r, arg, depth), true
	case "Fn::Sub":
		return t.sub(r, fn, arg, depth), true
	case "Fn::Join":
		return t.join(r, fn, arg, depth), true
	case "Fn::Select":
		return t.selectFn(r, fn, arg, depth), true
	case "Fn::Split":
		return t.split(r, fn, arg, depth), true
	case "Fn::FindInMap":
		return t.findInMap(r, fn, arg, depth)
	case "Fn::Base64":
		return t.base64(r, fn, arg, depth), true
	case "Fn::If":
		return t.ifFn(r, fn, arg, depth)
	case "Fn::Length":
		v, _ := t.eval(arg, depth)
		if v != nil && v.Kind == node.List {
			return &node.Node{Kind: node.Number, Str: strconv.Itoa(len(v.List)), Range: r}, true
		}
		return node.NewUnknown(r, refsOf(v)...), true
	case "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not", "Condition":
		switch t.condFunc(name, fn, arg, depth) {
		case triTrue:
			return &node.Node{Kind: node.Bool, Bool: true, Range: r}, true
		case triFalse:
			return &node.Node{Kind: node.Bool, Bool: false, Range: r}, true
		}
		return node.NewUnknown(r), true
	case "Fn::Cidr":
		return t.cidr(r, fn, arg, depth), true
	case "Fn::ToJsonString":
		return t.toJSONString(r, fn, arg, depth), true
	case "Fn::GetAZs", "Fn::ImportValue", "Fn::Transform", "Fn::GetStackOutput":
		// Known only at deploy time (the account's zones, another stack's
		// exports and outputs), or computed by a macro.
		return node.NewUnknown(r), true
	}
	if strings.HasPrefix(name, forEachPrefix) {
		// A loop where loops are not expanded (Outputs, Metadata): what
		// it generates is not scanned.
		return node.NewUnknown(r), true
	}
	t.warnf(fn, "unsupported intrinsic function", "%s is not an intrinsic function seclint knows; its value is treated as unknown", name)
	return node.NewUnknown(r), true
}

// args returns the arguments of a function that takes a list of lo to hi
// of them, or reports the misuse.
func (t *template) args(fn, arg *yaml.Node, name string, lo, hi int) ([]*yaml.Node, bool) {
	arg = deref(arg)
	if arg == nil || arg.Kind != yaml.SequenceNode || len(arg.Content) < lo || len(arg.Content) > hi {
		if lo == hi {
			t.warnf(fn, "invalid "+name, "%s takes a list of %d arguments; its value is treated as unknown", name, lo)
		} else {
			t.warnf(fn, "invalid "+name, "%s takes a list of %d to %d arguments; its value is treated as unknown", name, lo, hi)
		}
		return nil, false
	}
	return arg.Content, true
}

// text evaluates n and returns its text when it is a known scalar, along
// with the evaluated node.
func (t *template) text(n *yaml.Node, depth int) (string, *node.Node, bool) {
	v, keep := t.eval(n, depth+1)
	if !keep || v == nil {
		return "", nil, false
	}
	s, ok := v.Scalar()
	return s, v, ok
}

func (t *template) ref(r model.Range, fn, arg *yaml.Node, depth int) (*node.Node, bool) {
	name, _, ok := t.text(arg, depth)
	if !ok || name == "" {
		t.warnf(fn, "invalid Ref", "Ref takes the name of a parameter or resource; its value is treated as unknown")
		return node.NewUnknown(r), true
	}
	return t.refName(name, fn, r)
}

// refName returns what Ref name evaluates to: a parameter's value, a pseudo
// parameter's (when given), nothing for AWS::NoValue, and for a resource an
// unknown value that records the resource so adapters can link to it.
func (t *template) refName(name string, at *yaml.Node, r model.Range) (*node.Node, bool) {
	switch {
	case name == "AWS::NoValue":
		return nil, false
	case t.params[name] != nil:
		p := t.params[name]
		if !t.charge(at, len(p.items)) {
			return node.NewUnknown(r), true
		}
		v := p.node(r)
		if v.IsUnknown() {
			v.Template = paramTemplate(name)
		}
		return v, true
	case isPseudo(name):
		v := t.pseudo(name, r)
		if v.IsUnknown() {
			v.Template = paramTemplate(name)
		}
		return v, true
	}
	// A resource of the template, or one a transform generates (SAM's
	// MyFunctionRole): either way, its value is only known after deploy.
	return node.NewAttribute(r, name, "ref"), true
}

func (t *template) getAtt(r model.Range, arg *yaml.Node, depth int) *node.Node {
	var id, attr string
	switch arg.Kind {
	case yaml.ScalarNode:
		id, attr, _ = strings.Cut(arg.Value, ".")
	case yaml.SequenceNode:
		if len(arg.Content) > 0 {
			id, _, _ = t.text(arg.Content[0], depth)
		}
		if len(arg.Content) > 1 {
			attr, _, _ = t.text(arg.Content[1], depth)
		}
	}
	if id == "" {
		return node.NewUnknown(r)
	}
	return node.NewAttribute(r, id, strings.ToLower(attr))
}

func (t *template) join(r model.Range, fn, arg *yaml.Node, depth int) *node.Node {
	args, ok := t.args(fn, arg, "Fn::Join", 2, 2)
	if !ok {
		return node.NewUnknown(r)
	}
	delim, _, delimOK := t.text(args[0], depth)
	list, _ := t.eval(args[1], depth+1)
	if list == nil || list.Kind != node.List {
		return node.NewUnknown(r, refsOf(list)...)
	}
	parts := make([]string, 0, len(list.List))
	known := delimOK
	// pieces are the value's parts (node.Node's Parts) for when it is
	// unknown, while every element can be a part of a string.
	pieces := make([][]model.Part, 0, 2*len(list.List))
	// templates are the parts' templates (node.Node's Template): the known
	// ones escaped, the unknown ones their own, while every one has one.
	templates := make([]string, 0, len(list.List))
	for _, it := range list.List {
		s, ok := it.Scalar()
		switch {
		case ok:
			templates = append(templates, escapeTemplate(s))
		case it.IsUnknown() && it.Template != "":
			templates = append(templates, it.Template)
		default:
			templates = nil
		}
		if !ok {
			known = false
		}
		parts = append(parts, s)
		if ps, isPart := it.StringParts(); isPart && pieces != nil {
			if len(pieces) > 0 {
				pieces = append(pieces, []model.Part{{Text: delim}})
			}
			pieces = append(pieces, ps)
		} else {
			pieces = nil
		}
	}
	if !known {
		u := node.NewUnknown(r, refsOf(list)...)
		if delimOK && len(templates) == len(parts) {
			u.Template = strings.Join(templates, escapeTemplate(delim))
		}
		if delimOK && pieces != nil && len(list.List) <= maxValueLen {
			u.Parts = node.Concat(pieces...)
		}
		return u
	}
	size := len(delim) * len(parts)
	for _, p := range parts {
		size += len(p)
	}
	if size > maxValueLen {
		return t.tooLong(fn, size, r)
	}
	return t.computed(fn, strings.Join(parts, delim), r)
}

func (t *template) selectFn(r model.Range, fn, arg *yaml.Node, depth int) *node.Node {
	args, ok := t.args(fn, arg, "Fn::Select", 2, 2)
	if !ok {
		return node.NewUnknown(r)
	}
	idxText, idxNode, idxOK := t.text(args[0], depth)
	list, _ := t.eval(args[1], depth+1)
	if !idxOK || list == nil || list.Kind != node.List {
		return node.NewUnknown(r, refsOf(idxNode, list)...)
	}
	i, err := strconv.Atoi(idxText)
	if err != nil || i < 0 || i >= len(list.List) {
		t.warnf(fn, "invalid Fn::Select", "index %q is not in the list of %d elements; the value is treated as unknown", idxText, len(list.List))
		return node.NewUnknown(r, refsOf(list)...)
	}
	el := *list.List[i]
	el.Range, el.KeyRange = r, model.Range{}
	return &el
}

func (t *template) split(r model.Range, fn, arg *yaml.Node, depth int) *node.Node {
	args, ok := t.args(fn, arg, "Fn::Split", 2, 2)
	if !ok {
		return node.NewUnknown(r)
	}
	delim, _, delimOK := t.text(args[0], depth)
	s, src, ok := t.text(args[1], depth)
	if !delimOK || !ok || delim == "" {
		return node.NewUnknown(r, refsOf(src)...)
	}
	if !t.charge(fn, strings.Count(s, delim)) {
		return node.NewUnknown(r)
	}
	parts := strings.Split(s, delim)
	out := &node.Node{Kind: node.List, Range: r, List: make([]*node.Node, 0, len(parts))}
	for _, p := range parts {
		out.List = append(out.List, node.NewString(p, r))
	}
	return out
}

func (t *template) findInMap(r model.Range, fn, arg *yaml.Node, depth int) (*node.Node, bool) {
	args, ok := t.args(fn, arg, "Fn::FindInMap", 3, 4)
	if !ok {
		return node.NewUnknown(r), true
	}
	var keys [3]string
	var isKnown [3]bool
	var refs []string
	known := true
	for i := range keys {
		s, v, ok := t.text(args[i], depth)
		keys[i], isKnown[i] = s, ok
		if !ok {
			known = false
			refs = append(refs, refsOf(v)...)
		}
	}
	var def *yaml.Node
	if len(args) == 4 {
		// The AWS::LanguageExtensions form: [Map, Key1, Key2, {DefaultValue: x}].
		_, def = lookup(args[3], "DefaultValue")
	}
	var v *yaml.Node
	if known {
		v = t.lookup(t.lookup(t.lookup(t.mappings, keys[0]), keys[1]), keys[2])
		if v == nil {
			v = def
		}
	} else if v = t.onlyValue(fn, keys, isKnown, def); v == nil {
		return node.NewUnknown(r, refs...), true
	}
	if v == nil {
		t.warnf(fn, "invalid Fn::FindInMap", "Mappings has no entry %s/%s/%s; the value is treated as unknown", keys[0], keys[1], keys[2])
		return node.NewUnknown(r), true
	}
	ev, keep := t.eval(v, depth+1)
	if ev != nil {
		ev.Range = r
	}
	return ev, keep
}

// onlyValue returns the value of a Fn::FindInMap whose keys are not all
// known, when that value is the same whatever they are: CloudFormation
// fails the stack when the keys name no entry, so when every entry that the
// known keys leave holds the same value (a mapping with one environment, a
// setting equal in every region), that is its value in every stack that
// deploys. It is not a guess: with two different values, or a DefaultValue
// that differs, the result is nil and the value stays unknown.
func (t *template) onlyValue(fn *yaml.Node, keys [3]string, known [3]bool, def *yaml.Node) *yaml.Node {
	cands := []*yaml.Node{t.mappings}
	for i := range keys {
		var next []*yaml.Node
		for _, m := range cands {
			m = deref(m)
			if m == nil || m.Kind != yaml.MappingNode {
				continue
			}
			if known[i] {
				if v := t.lookup(m, keys[i]); v != nil {
					next = append(next, v)
				}
				continue
			}
			if !t.charge(fn, len(m.Content)/2) {
				return nil
			}
			for j := 1; j < len(m.Content); j += 2 {
				next = append(next, deref(m.Content[j]))
			}
		}
		cands = next
	}
	if def != nil {
		cands = append(cands, deref(def))
	}
	if len(cands) == 0 {
		return nil
	}
	for _, c := range cands[1:] {
		if !t.sameYAML(fn, cands[0], c, 0) {
			return nil
		}
	}
	return cands[0]
}

// sameYAML reports whether two nodes hold the same value as written.
func (t *template) sameYAML(at, a, b *yaml.Node, depth int) bool {
	a, b = deref(a), deref(b)
	switch {
	case a == b:
		return true
	case a == nil || b == nil || a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value ||
		len(a.Content) != len(b.Content) || depth > maxDepth || !t.charge(at, 1):
		return false
	}
	for i := range a.Content {
		if !t.sameYAML(at, a.Content[i], b.Content[i], depth+1) {
			return false
		}
	}
	return true
}

// base64 returns the Base64 encoding of a known string, as CloudFormation
// does: the model holds what AWS receives.
func (t *template) base64(r model.Range, fn, arg *yaml.Node, depth int) *node.Node {
	s, v, ok := t.text(arg, depth)
	if !ok {
		return node.NewUnknown(r, refsOf(v)...)
	}
	if size := base64.StdEncoding.EncodedLen(len(s)); size > maxValueLen {
		return t.tooLong(fn, size, r)
	}
	return t.computed(fn, base64.StdEncoding.EncodeToString([]byte(s)), r)
}

// ifFn chooses a branch by its condition. When the condition is unknown,
// so is the value; it still records the resources both branches refer to.
func (t *template) ifFn(r model.Range, fn, arg *yaml.Node, depth int) (*node.Node, bool) {
	args, ok := t.args(fn, arg, "Fn::If", 3, 3)
	if !ok {
		return node.NewUnknown(r), true
	}
	name := deref(args[0])
	if name == nil || name.Kind != yaml.ScalarNode {
		t.warnf(fn, "invalid Fn::If", "the first argument of Fn::If must be a condition name; the value is treated as unknown")
		return node.NewUnknown(r), true
	}
	var branch *yaml.Node
	switch t.condition(name.Value, name, depth) {
	case triTrue:
		branch = args[1]
	case triFalse:
		branch = args[2]
	default:
		a, _ := t.eval(args[1], depth+1)
		b, _ := t.eval(args[2], depth+1)
		return node.NewUnknown(r, refsOf(a, b)...), true
	}
	v, keep := t.eval(branch, depth+1)
	if v != nil {
		v.Range = r
	}
	return v, keep
}

// refsOf returns the resources the nodes were computed from: their own Refs
// and those of their list elements (a Join's parts), without duplicates.
func refsOf(ns ...*node.Node) []string {
	var out []string
	seen := map[string]bool{}
	add := func(refs []string) {
		for _, r := range refs {
			if !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	for _, n := range ns {
		if n == nil {
			continue
		}
		add(n.Refs)
		if n.Kind == node.List {
			for _, it := range n.List {
				add(it.Refs)
			}
		}
	}
	return out
}
