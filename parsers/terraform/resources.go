package terraform

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/seclint/seclint/parsers/node"
)

// resState is a resource of a module instance, expanded into instances.
type resState struct {
	r     *resource
	exp   expansion
	insts []*resInst
}

// resInst is one instance of a resource or data source.
type resInst struct {
	res *resource
	mi  *modInst
	// id is the full address and the model ID:
	// `module.b["x"].aws_s3_bucket.this[0]`.
	id string
	// ctx is the module instance's context with count.index or each.*.
	ctx *hcl.EvalContext
	// node is the converted body, built on first use (resourceNode).
	node *node.Node
	// doc is the policy document of an aws_iam_policy_document, built on
	// first use; docBusy breaks cycles between documents.
	doc     *node.Node
	docBusy bool
}

// evalResource expands a resource and computes the object each instance
// offers to the expressions that read it: the attributes they read (all
// that it configures when it is read as a whole), with unknown for
// everything else (id, arn and any other computed attribute). A
// configured null is unknown too: the provider may compute a value.
func (mi *modInst) evalResource(r *resource) {
	rs := &resState{r: r}
	mi.res[r.addr] = rs
	rs.exp = mi.expand(r.count, r.forEach, r.addr)
	if (rs.exp.mode == expSingle || rs.exp.mode == expUnknown) && !mi.e.spend(1, r.defRange) {
		// count and for_each spent their instances; a single instance
		// counts too, or a module of many resources called a thousand
		// times would escape the budget. Past it, the resource is left
		// out and reads unknown.
		rs.exp = expansion{mode: expUnknown}
	}
	for i := range rs.exp.keys {
		rs.insts = append(rs.insts, &resInst{
			res: r,
			mi:  mi,
			id:  mi.prefix + r.addr + rs.exp.keyString(i),
			ctx: rs.exp.ctxFor(mi.ctx, i),
		})
	}
	mi.needAll(mi.mod.exposedDeps(r))
	vals := make([]cty.Value, 0, len(rs.insts))
	for _, ri := range rs.insts {
		vals = append(vals, mi.e.exposedValue(ri).Mark(ref(ri.id)))
	}
	v := rs.exp.collect(vals, refMarks(mi.prefix+r.addr))
	byType, declared := mi.typeVals, mi.mod.resNames
	if r.mode == dataResource {
		byType, declared = mi.dataVals, mi.mod.dataNames
	}
	if byType[r.typ] == nil {
		byType[r.typ] = make(map[string]cty.Value, len(declared[r.typ]))
	}
	byType[r.typ][r.name] = v
}

// exposedValue is the object a resource instance offers in the context.
func (e *evaluator) exposedValue(ri *resInst) cty.Value {
	attrs := map[string]cty.Value{"id": cty.DynamicVal, "arn": cty.DynamicVal}
	for _, name := range ri.mi.mod.exposedAttrs(ri.res) {
		v := e.attrValue(ri.res.body, ri.ctx, name)
		if u, _ := v.Unmark(); u.IsNull() {
			v = cty.DynamicVal
		}
		attrs[name] = v
	}
	if v, ok := e.computedValue(ri); ok {
		for name, a := range v {
			attrs[name] = a
		}
	}
	return cty.ObjectVal(attrs)
}

// exposure is what a resource offers in the context: its attributes, and
// the traversals that computing them reads.
type exposure struct {
	attrs []string
	deps  []hcl.Traversal
}

// exposedAttrs are the attributes a resource offers in the context.
func (m *module) exposedAttrs(r *resource) []string { return m.exposure(r).attrs }

// exposedDeps are the traversals that computing the exposed object reads.
func (m *module) exposedDeps(r *resource) []hcl.Traversal { return m.exposure(r).deps }

// exposure computes what a resource offers in the context the first time
// only, as bodyDeps does: most resources are never evaluated. The slices
// are shared: callers must not modify them.
func (m *module) exposure(r *resource) exposure {
	m.varsMu.Lock()
	x, ok := m.exposed[r]
	m.varsMu.Unlock()
	if ok {
		return x
	}
	attrs := m.computeExposedAttrs(r)
	x = exposure{attrs: attrs, deps: m.computeExposedDeps(r, attrs)}
	m.varsMu.Lock()
	if m.exposed == nil {
		m.exposed = map[*resource]exposure{}
	}
	m.exposed[r] = x
	m.varsMu.Unlock()
	return x
}

// computeExposedAttrs lists the attributes a resource offers in the
// context: the ones the module reads, or all it configures when it is read
// whole.
func (m *module) computeExposedAttrs(r *resource) []string {
	seen := map[string]bool{}
	for name := range m.refAttrs[r.addr] {
		seen[name] = true
	}
	if m.whole[r.addr] {
		for _, a := range justAttributes(r.body) {
			if !metaArgs[a.Name] {
				seen[a.Name] = true
			}
		}
		if sb, ok := r.body.(*hclsyntax.Body); ok {
			for _, b := range sb.Blocks {
				if t := generatedType(b); !metaArgs[t] && t != "lifecycle" {
					seen[t] = true
				}
			}
		}
	}
	names := make([]string, 0, len(seen))
	for name := range seen {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// computeExposedDeps lists the traversals that computing the exposed
// object (of attributes attrs) reads, count and for_each included.
func (m *module) computeExposedDeps(r *resource, attrs []string) []hcl.Traversal {
	var out []hcl.Traversal
	for _, e := range []hcl.Expression{r.count, r.forEach} {
		if e != nil {
			out = append(out, e.Variables()...)
		}
	}
	for _, name := range attrs {
		if expr := attrExpr(r.body, name); expr != nil {
			out = append(out, expr.Variables()...)
			continue
		}
		if sb, ok := r.body.(*hclsyntax.Body); ok {
			for _, b := range sb.Blocks {
				if generatedType(b) == name {
					out = append(out, bodyTraversals(b.Body)...)
				}
			}
		}
	}
	return out
}

// bodyDeps are the traversals of the whole body of a resource, walked the
// first time only: most resources are never converted whole. The slice is
// shared: callers must not modify it.
func (m *module) bodyDeps(r *resource) []hcl.Traversal {
	m.varsMu.Lock()
	ts, ok := m.deps[r]
	m.varsMu.Unlock()
	if ok {
		return ts
	}
	// Walked outside the lock, as in traversals.
	ts = bodyTraversals(r.body)
	m.varsMu.Lock()
	if m.deps == nil {
		m.deps = map[*resource][]hcl.Traversal{}
	}
	m.deps[r] = ts
	m.varsMu.Unlock()
	return ts
}

// attrValue is the value of an attribute or nested block type of body;
// unknown when the body does not configure it.
func (e *evaluator) attrValue(body hcl.Body, ctx *hcl.EvalContext, name string) cty.Value {
	if expr := attrExpr(body, name); expr != nil {
		return e.evalIn(ctx, expr)
	}
	if blocks := e.blocksOf(body, ctx, name); len(blocks) > 0 {
		vals := make([]cty.Value, 0, len(blocks))
		for _, b := range blocks {
			if b.body == nil {
				return cty.DynamicVal.WithMarks(refMarks(b.refs...))
			}
			vals = append(vals, e.bodyValue(b.body, b.ctx))
		}
		return cty.TupleVal(vals)
	}
	return cty.DynamicVal
}

// bodyValue is a nested block as an object of its attributes and blocks.
func (e *evaluator) bodyValue(body hcl.Body, ctx *hcl.EvalContext) cty.Value {
	attrs := map[string]cty.Value{}
	for _, a := range justAttributes(body) {
		attrs[a.Name] = e.evalIn(ctx, a.Expr)
	}
	if sb, ok := body.(*hclsyntax.Body); ok {
		for _, b := range sb.Blocks {
			t := generatedType(b)
			if _, done := attrs[t]; !done {
				attrs[t] = e.attrValue(body, ctx, t)
			}
		}
	}
	return objectOrEmpty(attrs)
}

// instanceAt returns the instance of the resource at addr (already
// visited) that an index key selects: without a key, the only instance;
// with one, the instance of that key. The one instance of an unknown
// expansion stands for every key. nil when there is none.
func (mi *modInst) instanceAt(addr string, key cty.Value) *resInst {
	rs := mi.res[addr]
	if rs == nil || len(rs.insts) == 0 {
		return nil
	}
	switch rs.exp.mode {
	case expSingle, expUnknown:
		return rs.insts[0]
	}
	if key == cty.NilVal {
		return nil
	}
	k := instanceKey(key)
	for i, ri := range rs.insts {
		if k != "" && rs.exp.keyString(i) == k {
			return ri
		}
	}
	return nil
}
