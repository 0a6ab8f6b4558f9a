package terraform

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/seclint/seclint/parsers/node"
)

// The values of a plan: planned values, after_unknown and the
// configuration's references, merged into cty values with marks.

// unionKeys are the keys of a values object and those after_unknown adds.
func unionKeys(values, unknown *node.Node) []string {
	var keys []string
	seen := map[string]bool{}
	for _, n := range []*node.Node{values, unknown} {
		if n == nil || n.Kind != node.Map {
			continue
		}
		for _, k := range n.Keys {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	return keys
}

func unknownAt(u *node.Node, key string) *node.Node {
	if u == nil || u.Kind != node.Map {
		return nil
	}
	return u.Get(key)
}

// isExprNode reports whether a configuration node is one expression
// ({references, constant_value}) rather than the body of a nested block.
func isExprNode(c *node.Node) bool {
	if c == nil || c.Kind != node.Map || len(c.Keys) == 0 {
		return false
	}
	for _, k := range c.Keys {
		if k != "references" && k != "constant_value" {
			return false
		}
	}
	return true
}

// value builds the value of one attribute (or part of one) from its
// planned value v, its after_unknown u and its configuration c. A part
// that is only known after apply is unknown when the configuration sets
// it, and null (absent) when the provider computes it on its own; marks
// are the references of the configuration expression that sets it.
func (p *plan) value(mi *modInst, key string, v, u, c *node.Node, marks cty.ValueMarks) cty.Value {
	if isExprNode(c) {
		marks = mergeMarks(marks, refMarks(p.resolveRefs(mi, key, jsonStrings(c.Get("references")))...))
	}
	if u != nil && u.Kind == node.Bool && u.Bool {
		if c == nil {
			return cty.NullVal(cty.DynamicPseudoType)
		}
		return cty.DynamicVal.WithMarks(marks)
	}
	if v == nil || v.Kind == node.Null {
		return cty.NullVal(cty.DynamicPseudoType).WithMarks(marks)
	}
	switch v.Kind {
	case node.String, node.Number, node.Bool:
		return jsonValue(v).WithMarks(marks)
	case node.List:
		elems := make([]cty.Value, len(v.List))
		for i, el := range v.List {
			var ue *node.Node
			if u != nil && u.Kind == node.List && i < len(u.List) {
				ue = u.List[i]
			}
			elems[i] = p.value(mi, key, el, ue, subConfig(c, i), marks)
		}
		if len(elems) == 0 {
			return cty.EmptyTupleVal.WithMarks(marks)
		}
		return cty.TupleVal(elems)
	case node.Map:
		attrs := map[string]cty.Value{}
		for _, k := range unionKeys(v, u) {
			var sub *node.Node
			if isExprNode(c) {
				sub = c
			} else {
				sub = c.Get(k)
			}
			val := p.value(mi, key, v.Get(k), unknownAt(u, k), sub, marks)
			attrs[k] = val
		}
		return objectOrEmpty(attrs).WithMarks(marks)
	}
	return cty.DynamicVal.WithMarks(marks)
}

// subConfig is the configuration of element i of a list: the same
// expression, or the i-th nested block.
func subConfig(c *node.Node, i int) *node.Node {
	switch {
	case c == nil || isExprNode(c):
		return c
	case c.Kind == node.List && i < len(c.List):
		return c.List[i]
	case c.Kind == node.List && len(c.List) > 0:
		return c.List[0]
	}
	return nil
}

func mergeMarks(a, b cty.ValueMarks) cty.ValueMarks {
	if len(b) == 0 {
		return a
	}
	out := cty.ValueMarks{}
	for m := range a {
		out[m] = struct{}{}
	}
	for m := range b {
		out[m] = struct{}{}
	}
	return out
}

// jsonValue converts a JSON node to a cty value.
func jsonValue(n *node.Node) cty.Value {
	switch n.Kind {
	case node.String:
		return cty.StringVal(n.Str)
	case node.Number:
		if v, err := cty.ParseNumberVal(n.Str); err == nil {
			return v
		}
	case node.Bool:
		return cty.BoolVal(n.Bool)
	case node.List:
		if len(n.List) == 0 {
			return cty.EmptyTupleVal
		}
		elems := make([]cty.Value, len(n.List))
		for i, el := range n.List {
			elems[i] = jsonValue(el)
		}
		return cty.TupleVal(elems)
	case node.Map:
		attrs := map[string]cty.Value{}
		for _, k := range n.Keys {
			attrs[k] = jsonValue(n.Map[k])
		}
		return objectOrEmpty(attrs)
	case node.Null:
		return cty.NullVal(cty.DynamicPseudoType)
	}
	return cty.DynamicVal
}

// resolveRefs turns the references of a configuration expression of the
// module instance mi into the IDs of the objects they name: resource
// instances (the one with the same key as the referring instance when the
// reference has no key and the resource several instances), data sources,
// module calls; a variable of a called module is followed to the
// references of the argument the call passes.
func (p *plan) resolveRefs(mi *modInst, key string, refs []string) []string {
	var out []string
	for _, r := range refs {
		t, hd := hclsyntax.ParseTraversalAbs([]byte(r), "", hcl.InitialPos)
		if hd.HasErrors() || len(t) < 2 {
			continue
		}
		switch root := t.RootName(); root {
		case "var":
			out = append(out, p.varRefs(mi, secondName(t))...)
		case "local", "each", "count", "path", "terraform", "self":
		case "module":
			out = append(out, mi.prefix+"module."+secondName(t)+indexOf(t, 2))
		case "data":
			if len(t) >= 3 {
				if n, ok := t[2].(hcl.TraverseAttr); ok {
					out = append(out, mi.prefix+"data."+secondName(t)+"."+n.Name+indexOf(t, 3))
				}
			}
		default:
			base := mi.prefix + root + "." + secondName(t)
			if k := indexOf(t, 2); k != "" {
				out = append(out, base+k)
				continue
			}
			out = append(out, p.instancesOf(base, key)...)
		}
	}
	return dedupe(out)
}

// indexOf returns the instance key written at step i of t, or "".
func indexOf(t hcl.Traversal, i int) string {
	if i < len(t) {
		if ix, ok := t[i].(hcl.TraverseIndex); ok {
			return instanceKey(ix.Key)
		}
	}
	return ""
}

// instancesOf returns the IDs of the instances of the resource at base:
// itself, the one with key when there is one, else all of them.
func (p *plan) instancesOf(base, key string) []string {
	if p.ids[base] {
		return []string{base}
	}
	if key != "" && p.ids[base+key] {
		return []string{base + key}
	}
	var out []string
	for id := range p.ids {
		if strings.HasPrefix(id, base+"[") {
			out = append(out, id)
		}
	}
	return out
}

// varRefs follows a variable of a called module to the references of the
// argument its call passes.
func (p *plan) varRefs(mi *modInst, name string) []string {
	if mi.parent == nil {
		return nil
	}
	names := modulePath(mi.path)
	if len(names) == 0 {
		return nil
	}
	call := p.configModule(mi.parent.path).Get("module_calls").Get(names[len(names)-1])
	refs := jsonStrings(call.Get("expressions").Get(name).Get("references"))
	return p.resolveRefs(mi.parent, "", refs)
}

// callerAccounts returns the account IDs of the aws_caller_identity data
// sources the plan read.
func (p *plan) callerAccounts() []string {
	var out []string
	var walk func(mod *node.Node)
	walk = func(mod *node.Node) {
		if mod == nil {
			return
		}
		if rs := mod.Get("resources"); rs != nil {
			for _, r := range rs.List {
				if typ, _ := r.Get("type").Scalar(); typ != "aws_caller_identity" {
					continue
				}
				if id, ok := r.Get("values").Get("account_id").Scalar(); ok && id != "" {
					out = append(out, id)
				}
			}
		}
		if cms := mod.Get("child_modules"); cms != nil {
			for _, c := range cms.List {
				walk(c)
			}
		}
	}
	walk(p.doc.Get("prior_state").Get("values").Get("root_module"))
	return dedupe(out)
}
