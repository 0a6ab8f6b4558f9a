package terraform

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/seclint/seclint/parsers/node"
)

// docList reads a list of policy documents (source_policy_documents,
// override_policy_documents) by its structure, so that each document is
// read by policyDoc and keeps the positions of its statements:
//
//   - [a, b, ...]: each element a document;
//   - compact(L): the documents of L that are not null or empty;
//   - concat(L1, L2, ...): the documents of each list in turn;
//   - flatten(L): the documents of L, with nested lists flattened;
//   - tolist(L): L;
//   - data.aws_iam_policy_document.X[*].json: the document of each
//     instance of X (one when its count is not known, as for any resource
//     of unknown multiplicity);
//   - local.X, and var.X in a called module: the expression they stand for;
//   - a conditional whose condition is known: the branch taken.
//
// A list built some other way is evaluated (docValues): its known strings
// are parsed as JSON at the range of the expression. A document that may
// be anything is an unknown node; a null or empty one a null node. In
// flat (inside flatten) an element that is itself a list of documents
// contributes its documents.
func (e *evaluator) docList(sc scope, expr hcl.Expression, depth int, flat bool) []*node.Node {
	if docs, ok := e.structuredDocs(sc, expr, depth, flat); ok {
		return docs
	}
	return e.docValues(unmarkDeep(e.evalIn(sc.ctx, expr)), expr.Range(), flat)
}

// structuredDocs is docList for the forms it follows; false for others.
func (e *evaluator) structuredDocs(sc scope, expr hcl.Expression, depth int, flat bool) ([]*node.Node, bool) {
	if depth > maxPolicyDepth || expr == nil {
		return nil, false
	}
	sc.needs(expr)
	x := e.shape(sc.ctx, expr)
	switch t := x.(type) {
	case *hclsyntax.TupleConsExpr:
		var out []*node.Node
		for _, el := range t.Exprs {
			if flat {
				if docs, ok := e.nestedList(sc, el, depth+1); ok {
					out = append(out, docs...)
					continue
				}
			}
			out = append(out, e.policyDoc(sc, el, depth+1))
		}
		return out, true
	case *hclsyntax.FunctionCallExpr:
		if t.ExpandFinal {
			return nil, false
		}
		switch name := strings.TrimPrefix(t.Name, "core::"); {
		case name == "compact" && len(t.Args) == 1:
			docs := e.docList(sc, t.Args[0], depth+1, flat)
			out := docs[:0:0]
			for _, d := range docs {
				if d.Kind != node.Null {
					out = append(out, d)
				}
			}
			return out, true
		case name == "concat":
			var out []*node.Node
			for _, a := range t.Args {
				out = append(out, e.docList(sc, a, depth+1, flat)...)
			}
			return out, true
		case (name == "flatten" || name == "tolist") && len(t.Args) == 1:
			return e.docList(sc, t.Args[0], depth+1, flat || name == "flatten"), true
		}
	case *hclsyntax.SplatExpr:
		return e.splatDocs(sc, t, depth+1)
	case *hclsyntax.ScopeTraversalExpr:
		if inner, isc, ok := sc.mi.standsFor(t.Traversal); ok {
			return e.docList(isc, inner, depth+1, flat), true
		}
	}
	// JSON syntax (.tf.json): a list is a JSON array.
	if _, native := x.(hclsyntax.Expression); !native {
		if elems, hd := hcl.ExprList(x); !hd.HasErrors() {
			out := make([]*node.Node, 0, len(elems))
			for _, el := range elems {
				out = append(out, e.policyDoc(sc, el, depth+1))
			}
			return out, true
		}
	}
	return nil, false
}

// nestedList reads el as a list of documents when it is one (inside
// flatten): when its value is a list, tuple or set, known or not.
func (e *evaluator) nestedList(sc scope, el hcl.Expression, depth int) ([]*node.Node, bool) {
	if !isListType(unmarkDeep(e.evalIn(sc.ctx, el)).Type()) {
		return nil, false
	}
	return e.docList(sc, el, depth, true), true
}

func isListType(ty cty.Type) bool {
	return ty.IsListType() || ty.IsTupleType() || ty.IsSetType()
}

// docValues reads v, the value of a list of documents written at r: each
// known string is parsed as JSON with the range r; an element that is not
// known is an unknown document, and so is the whole list when it is not
// known. In flat, nested lists are flattened.
func (e *evaluator) docValues(v cty.Value, r hcl.Range, flat bool) []*node.Node {
	switch {
	case !v.IsKnown():
		return []*node.Node{node.NewUnknown(toRange(r))}
	case v.IsNull() || !v.CanIterateElements() || v.Type().IsMapType() || v.Type().IsObjectType():
		return nil
	}
	var out []*node.Node
	for it := v.ElementIterator(); it.Next(); {
		_, el := it.Element()
		if flat && isListType(el.Type()) {
			out = append(out, e.docValues(el, r, flat)...)
			continue
		}
		if el.IsKnown() && el.IsNull() {
			continue
		}
		s, ok := templateString(el)
		if !ok {
			out = append(out, node.NewUnknown(toRange(r)))
			continue
		}
		out = append(out, e.jsonDoc(s, constantMap(r), r))
	}
	return out
}

// splatDocs reads data.aws_iam_policy_document.X[*].json (or
// .minified_json): one document per instance of X.
func (e *evaluator) splatDocs(sc scope, s *hclsyntax.SplatExpr, depth int) ([]*node.Node, bool) {
	src, ok := s.Source.(*hclsyntax.ScopeTraversalExpr)
	each, ok2 := s.Each.(*hclsyntax.RelativeTraversalExpr)
	if !ok || !ok2 || sc.mi == nil || len(each.Traversal) != 1 {
		return nil, false
	}
	if a, ok := each.Traversal[0].(hcl.TraverseAttr); !ok || (a.Name != "json" && a.Name != "minified_json") {
		return nil, false
	}
	mi := sc.mi
	addr, rest := mi.mod.resourceOf(src.Traversal)
	if addr == "" || len(rest) != 0 || secondName(src.Traversal) != "aws_iam_policy_document" {
		return nil, false
	}
	mi.visit(addr)
	rs := mi.res[addr]
	if rs == nil {
		return nil, false
	}
	if rs.exp.mode == expForEach {
		return nil, false // a splat of a map of instances is not a list of them
	}
	out := make([]*node.Node, 0, len(rs.insts))
	for _, ri := range rs.insts {
		out = append(out, e.policyDocument(ri, depth+1))
	}
	return out, true
}

// standsFor returns the expression that local.X, or var.X of a called
// module, stands for in the instance mi, with the scope to read it in:
// the local's in mi, the call's argument in the calling instance.
func (mi *modInst) standsFor(tr hcl.Traversal) (hcl.Expression, scope, bool) {
	if mi == nil || len(tr) != 2 {
		return nil, scope{}, false
	}
	switch tr.RootName() {
	case "local":
		if l := mi.mod.localByName[secondName(tr)]; l != nil {
			return l.expr, scope{mi, mi.ctx}, true
		}
	case "var":
		if mi.parent == nil {
			return nil, scope{}, false
		}
		if arg := attrExpr(mi.call.body, secondName(tr)); arg != nil {
			return arg, scope{mi.parent, mi.callCtx}, true
		}
	}
	return nil, scope{}, false
}
