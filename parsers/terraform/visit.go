package terraform

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// visitAll is hclsyntax.VisitAll: it calls fn for n and every node below it,
// parents first, children in the same order, and ignores fn's diagnostics.
// VisitAll allocates a closure and a slice of diagnostics for every node;
// the walks over every expression of a module are frequent enough for that
// to matter. A node type it does not know is walked by VisitAll.
func visitAll(n hclsyntax.Node, fn hclsyntax.VisitFunc) {
	switch x := n.(type) {
	case *hclsyntax.LiteralValueExpr, *hclsyntax.ScopeTraversalExpr, *hclsyntax.AnonSymbolExpr, *hclsyntax.ExprSyntaxError:
		fn(n)
	case *hclsyntax.FunctionCallExpr:
		fn(n)
		for _, a := range x.Args {
			visitAll(a, fn)
		}
	case *hclsyntax.TemplateExpr:
		fn(n)
		for _, p := range x.Parts {
			visitAll(p, fn)
		}
	case *hclsyntax.TemplateWrapExpr:
		fn(n)
		visitAll(x.Wrapped, fn)
	case *hclsyntax.TemplateJoinExpr:
		fn(n)
		visitAll(x.Tuple, fn)
	case *hclsyntax.ParenthesesExpr:
		fn(n)
		visitAll(x.Expression, fn)
	case *hclsyntax.RelativeTraversalExpr:
		fn(n)
		visitAll(x.Source, fn)
	case *hclsyntax.ConditionalExpr:
		fn(n)
		visitAll(x.Condition, fn)
		visitAll(x.TrueResult, fn)
		visitAll(x.FalseResult, fn)
	case *hclsyntax.IndexExpr:
		fn(n)
		visitAll(x.Collection, fn)
		visitAll(x.Key, fn)
	case *hclsyntax.TupleConsExpr:
		fn(n)
		for _, e := range x.Exprs {
			visitAll(e, fn)
		}
	case *hclsyntax.ObjectConsExpr:
		fn(n)
		for _, item := range x.Items {
			visitAll(item.KeyExpr, fn)
			visitAll(item.ValueExpr, fn)
		}
	case *hclsyntax.ObjectConsKeyExpr:
		fn(n)
		// As its walkChildNodes: the wrapped expression is a child only
		// when the key is not read as a literal name.
		if hcl.ExprAsKeyword(x.Wrapped) == "" {
			visitAll(x.Wrapped, fn)
		}
	case *hclsyntax.SplatExpr:
		fn(n)
		visitAll(x.Source, fn)
		visitAll(x.Each, fn)
	case *hclsyntax.BinaryOpExpr:
		fn(n)
		visitAll(x.LHS, fn)
		visitAll(x.RHS, fn)
	case *hclsyntax.UnaryOpExpr:
		fn(n)
		visitAll(x.Val, fn)
	case *hclsyntax.ForExpr:
		fn(n)
		visitAll(x.CollExpr, fn)
		// As its walkChildNodes: the other expressions are children
		// within the scope of the iteration symbols.
		names := map[string]struct{}{}
		if x.KeyVar != "" {
			names[x.KeyVar] = struct{}{}
		}
		if x.ValVar != "" {
			names[x.ValVar] = struct{}{}
		}
		if x.KeyExpr != nil {
			visitAll(hclsyntax.ChildScope{LocalNames: names, Expr: x.KeyExpr}, fn)
		}
		visitAll(hclsyntax.ChildScope{LocalNames: names, Expr: x.ValExpr}, fn)
		if x.CondExpr != nil {
			visitAll(hclsyntax.ChildScope{LocalNames: names, Expr: x.CondExpr}, fn)
		}
	case hclsyntax.ChildScope:
		fn(n)
		visitAll(x.Expr, fn)
	default:
		// The structural nodes and any type added later.
		_ = hclsyntax.VisitAll(n, func(c hclsyntax.Node) hcl.Diagnostics {
			fn(c)
			return nil
		})
	}
}
