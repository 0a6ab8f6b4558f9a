package terraform

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// roots that are not resource types.
var reservedRoots = map[string]bool{
	"var": true, "local": true, "module": true, "data": true, "count": true,
	"each": true, "self": true, "path": true, "terraform": true,
}

// scan walks every expression of the module once, to find the functions
// that need a stub and the resource attributes that the evaluation context
// must offer (an attribute a resource does not configure is unknown, but it
// must exist in the object for a reference to it to evaluate at all).
func (m *module) scan() {
	m.refAttrs = map[string]map[string]bool{}
	m.whole = map[string]bool{}
	seenFn := map[string]bool{}
	visit := func(n hclsyntax.Node) hcl.Diagnostics { //nolint:unparam // an hclsyntax.VisitFunc
		switch x := n.(type) {
		case *hclsyntax.FunctionCallExpr:
			if !seenFn[x.Name] {
				seenFn[x.Name] = true
				m.functions = append(m.functions, calledFunc{name: x.Name, rng: x.NameRange})
			}
		case *hclsyntax.ScopeTraversalExpr:
			m.noteTraversal(x.Traversal)
		}
		return nil
	}
	walkExpr := func(expr hcl.Expression) {
		if expr == nil {
			return
		}
		if x, ok := expr.(hclsyntax.Expression); ok {
			visitAll(x, visit)
			return
		}
		for _, t := range expr.Variables() {
			m.noteTraversal(t)
		}
	}
	walkBody := func(body hcl.Body) {
		if sb, ok := body.(*hclsyntax.Body); ok {
			visitBody(sb, visit)
			return
		}
		for _, t := range bodyTraversals(body) {
			m.noteTraversal(t)
		}
	}
	for _, l := range m.locals {
		walkExpr(l.expr)
	}
	for _, o := range m.outputs {
		walkExpr(o.expr)
	}
	for _, r := range m.resources {
		walkBody(r.body)
	}
	for _, c := range m.calls {
		walkBody(c.body)
	}
	for _, p := range m.providers {
		walkBody(p.body)
	}
}

// noteTraversal records which attribute of which resource t reads.
func (m *module) noteTraversal(t hcl.Traversal) {
	addr, rest := m.resourceOf(t)
	if addr == "" {
		return
	}
	// Skip an instance key: aws_x.y[0].attr.
	if len(rest) > 0 {
		if _, ok := rest[0].(hcl.TraverseIndex); ok {
			rest = rest[1:]
		}
	}
	if len(rest) == 0 {
		m.whole[addr] = true
		return
	}
	name, ok := rest[0].(hcl.TraverseAttr)
	if !ok {
		m.whole[addr] = true
		return
	}
	if m.refAttrs[addr] == nil {
		m.refAttrs[addr] = map[string]bool{}
	}
	m.refAttrs[addr][name.Name] = true
}

// resourceOf returns the address of the resource of this module that t
// refers to, and the rest of t after the address.
func (m *module) resourceOf(t hcl.Traversal) (string, hcl.Traversal) {
	if len(t) < 2 {
		return "", nil
	}
	// Looked up by type and name, not by an address built here: a new
	// string for every reference.
	root := t.RootName()
	var r *resource
	var rest hcl.Traversal
	switch {
	case root == "data":
		if len(t) < 3 {
			return "", nil
		}
		typ, ok1 := t[1].(hcl.TraverseAttr)
		name, ok2 := t[2].(hcl.TraverseAttr)
		if !ok1 || !ok2 {
			return "", nil
		}
		r, rest = m.dataNames[typ.Name][name.Name], t[3:]
	case reservedRoots[root]:
		return "", nil
	default:
		name, ok := t[1].(hcl.TraverseAttr)
		if !ok {
			return "", nil
		}
		r, rest = m.resNames[root][name.Name], t[2:]
	}
	if r == nil {
		return "", nil
	}
	return r.addr, rest
}

// secondName returns the name after the root of t (local.NAME,
// module.NAME, data.TYPE), or "".
func secondName(t hcl.Traversal) string {
	if len(t) > 1 {
		if a, ok := t[1].(hcl.TraverseAttr); ok {
			return a.Name
		}
	}
	return ""
}

// bodyTraversals are the traversals of every expression of a body,
// nested blocks included.
func bodyTraversals(body hcl.Body) []hcl.Traversal {
	var out []hcl.Traversal
	if sb, ok := body.(*hclsyntax.Body); ok {
		visitBody(sb, func(n hclsyntax.Node) hcl.Diagnostics {
			if x, ok := n.(*hclsyntax.ScopeTraversalExpr); ok {
				out = append(out, x.Traversal)
			}
			return nil
		})
		return out
	}
	for _, a := range justAttributes(body) {
		out = append(out, a.Expr.Variables()...)
	}
	return out
}

// fieldTraversals are the traversals of the attributes and blocks (by the
// type they generate) of a body that keep keeps, in bodyTraversals' order.
func fieldTraversals(sb *hclsyntax.Body, keep func(string) bool) []hcl.Traversal {
	var out []hcl.Traversal
	collect := func(n hclsyntax.Node) hcl.Diagnostics {
		if x, ok := n.(*hclsyntax.ScopeTraversalExpr); ok {
			out = append(out, x.Traversal)
		}
		return nil
	}
	for _, a := range sortedAttrs(sb) {
		if keep(a.Name) {
			visitAll(a.Expr, collect)
		}
	}
	for _, blk := range sb.Blocks {
		if keep(generatedType(blk)) {
			visitBody(blk.Body, collect)
		}
	}
	return out
}

// visitBody is visitAll over a body in source order (hclsyntax.VisitAll
// visits a body's attributes in map order, and what is found first decides
// where a diagnostic points).
func visitBody(b *hclsyntax.Body, fn hclsyntax.VisitFunc) {
	for _, a := range sortedAttrs(b) {
		visitAll(a.Expr, fn)
	}
	for _, blk := range b.Blocks {
		visitBody(blk.Body, fn)
	}
}
