package terraform

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// policyDocument returns the JSON-shaped node tree that an instance of an
// aws_iam_policy_document data source renders, built from its blocks so
// that every element points at the attribute that wrote it. The tree is
// built once per instance; a data source that (through
// source_policy_documents) includes itself is unknown.
func (e *evaluator) policyDocument(ri *resInst, depth int) *node.Node {
	if ri.doc != nil {
		return ri.doc
	}
	if ri.docBusy {
		return node.NewUnknown(toRange(ri.res.defRange), ri.id)
	}
	ri.docBusy = true
	ri.mi.needAll(ri.mi.mod.bodyDeps(ri.res))
	doc := e.buildPolicyDocument(ri, depth)
	ri.docBusy = false
	ri.doc = doc
	return doc
}

func (e *evaluator) buildPolicyDocument(ri *resInst, depth int) *node.Node {
	r := ri.res
	sc := scope{ri.mi, ri.ctx}
	def := toRange(r.defRange)
	doc := node.NewMap(def)
	doc.Refs = []string{ri.id}
	// The provider writes Version "2012-10-17" unless told otherwise.
	version := e.attrNode(r.body, ri.ctx, "version")
	if version == nil {
		version = node.NewString("2012-10-17", def)
	}
	doc.Set("Version", version)
	if id := e.attrNode(r.body, ri.ctx, "policy_id"); id != nil {
		doc.Set("Id", id)
	}

	var current []*node.Node
	for _, b := range e.blocksOf(r.body, ri.ctx, "statement") {
		if b.body == nil {
			current = append(current, node.NewUnknown(toRange(b.defRange), b.refs...))
			continue
		}
		current = append(current, e.statementNode(b.body, b.ctx, b.defRange))
	}
	sources := e.statementSets(sc, r.body, "source_policy_documents", "source_json", depth)
	overrides := e.statementSets(sc, r.body, "override_policy_documents", "override_json", depth)
	e.checkSids(r.addr, current, sources)
	stmts := mergeStatements(sources, current, overrides, def)

	list := &node.Node{Kind: node.List, Range: def, List: stmts}
	if len(current) > 0 {
		list.Range = current[0].Range
	}
	doc.Set("Statement", list)
	return doc
}

// attrNode is the value node of an attribute, or nil when it is absent or
// null.
func (e *evaluator) attrNode(body hcl.Body, ctx *hcl.EvalContext, name string) *node.Node {
	expr, nameRange := attrAndName(body, name)
	if expr == nil {
		return nil
	}
	n := e.valueNode(ctx, expr)
	if n.Kind == node.Null {
		return nil
	}
	n.KeyRange = toRange(nameRange)
	return n
}

// statementNode renders one statement block as the provider does.
func (e *evaluator) statementNode(body hcl.Body, ctx *hcl.EvalContext, defRange hcl.Range) *node.Node {
	def := toRange(defRange)
	st := node.NewMap(def)
	if sid := e.attrNode(body, ctx, "sid"); sid != nil {
		st.Set("Sid", sid)
	}
	effect := e.attrNode(body, ctx, "effect")
	if effect == nil {
		effect = node.NewString("Allow", def)
	}
	st.Set("Effect", effect)
	for _, f := range [...]struct{ key, attr string }{
		{"Action", "actions"},
		{"NotAction", "not_actions"},
		{"Resource", "resources"},
		{"NotResource", "not_resources"},
	} {
		if n := e.attrNode(body, ctx, f.attr); n != nil {
			st.Set(f.key, n)
		}
	}
	if p := e.principalsNode(body, ctx, "principals"); p != nil {
		st.Set("Principal", p)
	}
	if p := e.principalsNode(body, ctx, "not_principals"); p != nil {
		st.Set("NotPrincipal", p)
	}
	if c := e.conditionNode(body, ctx); c != nil {
		st.Set("Condition", c)
	}
	return st
}

// principalsNode renders principals blocks: {type: identifiers}, blocks of
// the same type merged, and a lone {type "*", identifiers ["*"]} as "*".
func (e *evaluator) principalsNode(body hcl.Body, ctx *hcl.EvalContext, typ string) *node.Node {
	blocks := e.blocksOf(body, ctx, typ)
	if len(blocks) == 0 {
		return nil
	}
	p := node.NewMap(toRange(blocks[0].defRange))
	for _, b := range blocks {
		if b.body == nil {
			return node.NewUnknown(p.Range, b.refs...)
		}
		t, ids := e.attrNode(b.body, b.ctx, "type"), e.attrNode(b.body, b.ctx, "identifiers")
		if t == nil || ids == nil {
			continue // the provider rejects it
		}
		if t.Kind != node.String {
			return node.NewUnknown(p.Range, append(t.Refs, ids.Refs...)...)
		}
		ids.KeyRange = t.Range
		if prev := p.Map[t.Str]; prev != nil {
			p.Map[t.Str] = concatNodes(prev, ids)
		} else {
			p.Set(t.Str, ids)
		}
	}
	if len(blocks) == 1 && len(p.Keys) == 1 && p.Keys[0] == "*" {
		if items, ok := p.Map["*"].Items(); ok && len(items) == 1 && items[0].Kind == node.String && items[0].Str == "*" {
			return node.NewString("*", items[0].Range)
		}
	}
	return p
}

// conditionNode renders condition blocks: {test: {variable: values}}, the
// values of repeated test and variable pairs appended.
func (e *evaluator) conditionNode(body hcl.Body, ctx *hcl.EvalContext) *node.Node {
	blocks := e.blocksOf(body, ctx, "condition")
	if len(blocks) == 0 {
		return nil
	}
	c := node.NewMap(toRange(blocks[0].defRange))
	for _, b := range blocks {
		if b.body == nil {
			return node.NewUnknown(c.Range, b.refs...)
		}
		test, variable, values := e.attrNode(b.body, b.ctx, "test"), e.attrNode(b.body, b.ctx, "variable"), e.attrNode(b.body, b.ctx, "values")
		if test == nil || variable == nil || values == nil {
			continue
		}
		if test.Kind != node.String || variable.Kind != node.String {
			return node.NewUnknown(c.Range, append(test.Refs, variable.Refs...)...)
		}
		op := c.Map[test.Str]
		if op == nil {
			op = node.NewMap(toRange(b.defRange))
			op.KeyRange = test.Range
			c.Set(test.Str, op)
		}
		values.KeyRange = variable.Range
		if prev := op.Map[variable.Str]; prev != nil {
			op.Map[variable.Str] = concatNodes(prev, values)
		} else {
			op.Set(variable.Str, values)
		}
	}
	return c
}

// concatNodes appends the items of b to those of a; unknown when either is.
func concatNodes(a, b *node.Node) *node.Node {
	ai, aok := a.Items()
	bi, bok := b.Items()
	if !aok || !bok {
		return node.NewUnknown(a.Range, append(a.Refs, b.Refs...)...)
	}
	n := &node.Node{Kind: node.List, Range: a.Range, KeyRange: a.KeyRange, Refs: a.Refs}
	n.List = append(append(n.List, ai...), bi...)
	return n
}

// statementSet is the statements of one source or override document, or
// known=false when the document is unknown.
type statementSet struct {
	stmts []*node.Node
	known bool
}

// statementSets reads the documents of a list attribute (and of its legacy
// single-document form).
func (e *evaluator) statementSets(sc scope, body hcl.Body, listAttr, singleAttr string, depth int) []statementSet {
	var out []statementSet
	if expr := attrExpr(body, singleAttr); expr != nil {
		if d := e.policyDoc(sc, expr, depth+1); d.Kind != node.Null {
			out = append(out, statementsOf(d))
		}
	}
	expr := attrExpr(body, listAttr)
	if expr == nil {
		return out
	}
	for _, d := range e.docList(sc, expr, depth+1, false) {
		if d.Kind != node.Null {
			out = append(out, statementsOf(d))
		}
	}
	return out
}

func statementsOf(doc *node.Node) statementSet {
	if doc.Kind != node.Map {
		return statementSet{}
	}
	st := doc.Get("Statement")
	if st == nil {
		return statementSet{known: true}
	}
	items, ok := st.Items()
	return statementSet{stmts: items, known: ok}
}

// mergeStatements applies the provider's merge: the statements of the source
// documents, then the document's own statements, then each override
// document's, where a statement with a Sid replaces the earlier statement
// with the same Sid and any other is appended. What an unknown document
// might add or replace is unknown: one unknown statement is appended, and
// for an unknown override every statement with a Sid becomes unknown.
func mergeStatements(sources []statementSet, current []*node.Node, overrides []statementSet, r model.Range) []*node.Node {
	var out []*node.Node
	unknownSource, unknownOverride := false, false
	for _, s := range sources {
		if !s.known {
			unknownSource = true
			continue
		}
		out = overlay(out, s.stmts)
	}
	out = overlay(out, current)
	for _, o := range overrides {
		if !o.known {
			unknownOverride = true
			continue
		}
		out = overlay(out, o.stmts)
	}
	if unknownSource {
		out = append(out, node.NewUnknown(r))
	}
	if unknownOverride {
		for i, st := range out {
			if _, has := sidOf(st); has {
				out[i] = node.NewUnknown(st.Range, st.Refs...)
			}
		}
		out = append(out, node.NewUnknown(r))
	}
	return out
}

// overlay adds top's statements to base by the Sid rule; statements of one
// document never replace each other, only those of base. A statement whose
// Sid is unknown may replace any statement of base with a Sid, so those
// become unknown.
func overlay(base, top []*node.Node) []*node.Node {
	n := len(base)
	for _, st := range top {
		sid, has := sidOf(st)
		switch {
		case has && sid == "":
			for i, b := range base[:n] {
				if _, bhas := sidOf(b); bhas {
					base[i] = node.NewUnknown(b.Range, b.Refs...)
				}
			}
		case has:
			replaced := false
			for i, b := range base[:n] {
				if bsid, bhas := sidOf(b); bhas && bsid == sid {
					base[i] = st
					replaced = true
					break
				}
			}
			if replaced {
				continue
			}
		}
		base = append(base, st)
	}
	return base
}

// sidOf returns a statement's Sid and whether it has a non-empty one; an
// unknown Sid (or an unknown statement) is reported as has with sid "".
func sidOf(st *node.Node) (string, bool) {
	if st.Kind == node.Unknown {
		return "", true
	}
	s := st.Get("Sid")
	switch {
	case s == nil || s.Kind == node.Null:
		return "", false
	case s.Kind == node.Unknown:
		return "", true
	}
	v, _ := s.Scalar()
	return v, v != ""
}
