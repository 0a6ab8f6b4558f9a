package terraform

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// visitAll is hclsyntax.VisitAll: it calls fn for n and every node below it,
// parents first, children in the same order, and ignores fn's diagnostics.
// VisitAll allocates a closure and a slice of diagnostics for every node;
// the walks over every expression of a module are frequent enough for that
// to matter.
func visitAll(n hclsyntax.Node, fn hclsyntax.VisitFunc) {
	walkNodes(n, fn, nil)
}

// syntaxVariables is hclsyntax.Variables (an expression's Variables method),
// the traversals x reads from the root scope, without its allocations per
// node.
func syntaxVariables(x hclsyntax.Expression) []hcl.Traversal {
	var vars []hcl.Traversal
	// The names of the for expressions x is inside, innermost last.
	var scopes []map[string]struct{}
	enter := func(n hclsyntax.Node) hcl.Diagnostics {
		switch n := n.(type) {
		case *hclsyntax.ScopeTraversalExpr:
			name := n.Traversal.RootName()
			for _, names := range scopes {
				if _, local := names[name]; local {
					return nil
				}
			}
			vars = append(vars, n.Traversal)
		case hclsyntax.ChildScope:
			scopes = append(scopes, n.LocalNames)
		}
		return nil
	}
	exit := func(n hclsyntax.Node) {
		if _, ok := n.(hclsyntax.ChildScope); ok {
			scopes = scopes[:len(scopes)-1]
		}
	}
	walkNodes(x, enter, exit)
	return vars
}

// walkNodes is hclsyntax.Walk with enter and exit (which may be nil) as the
// walker, by a type switch over the expression types; a node type it does
// not know is walked by Walk.
func walkNodes(n hclsyntax.Node, enter hclsyntax.VisitFunc, exit func(hclsyntax.Node)) {
	if !knownNode(n) {
		_ = hclsyntax.Walk(n, funcWalker{enter, exit})
		return
	}
	_ = enter(n) // the visit functions of this package report nothing
	// The children in the order of the node's walkChildNodes.
	switch x := n.(type) {
	case *hclsyntax.FunctionCallExpr:
		for _, a := range x.Args {
			walkNodes(a, enter, exit)
		}
	case *hclsyntax.TemplateExpr:
		for _, p := range x.Parts {
			walkNodes(p, enter, exit)
		}
	case *hclsyntax.TemplateWrapExpr:
		walkNodes(x.Wrapped, enter, exit)
	case *hclsyntax.TemplateJoinExpr:
		walkNodes(x.Tuple, enter, exit)
	case *hclsyntax.ParenthesesExpr:
		walkNodes(x.Expression, enter, exit)
	case *hclsyntax.RelativeTraversalExpr:
		walkNodes(x.Source, enter, exit)
	case *hclsyntax.ConditionalExpr:
		walkNodes(x.Condition, enter, exit)
		walkNodes(x.TrueResult, enter, exit)
		walkNodes(x.FalseResult, enter, exit)
	case *hclsyntax.IndexExpr:
		walkNodes(x.Collection, enter, exit)
		walkNodes(x.Key, enter, exit)
	case *hclsyntax.TupleConsExpr:
		for _, e := range x.Exprs {
			walkNodes(e, enter, exit)
		}
	case *hclsyntax.ObjectConsExpr:
		for _, item := range x.Items {
			walkNodes(item.KeyExpr, enter, exit)
			walkNodes(item.ValueExpr, enter, exit)
		}
	case *hclsyntax.ObjectConsKeyExpr:
		// The wrapped expression is a child only when the key is not
		// read as a literal name.
		if hcl.ExprAsKeyword(x.Wrapped) == "" {
			walkNodes(x.Wrapped, enter, exit)
		}
	case *hclsyntax.SplatExpr:
		walkNodes(x.Source, enter, exit)
		walkNodes(x.Each, enter, exit)
	case *hclsyntax.BinaryOpExpr:
		walkNodes(x.LHS, enter, exit)
		walkNodes(x.RHS, enter, exit)
	case *hclsyntax.UnaryOpExpr:
		walkNodes(x.Val, enter, exit)
	case *hclsyntax.ForExpr:
		walkNodes(x.CollExpr, enter, exit)
		// The other expressions are children within the scope of the
		// iteration symbols.
		names := map[string]struct{}{}
		if x.KeyVar != "" {
			names[x.KeyVar] = struct{}{}
		}
		if x.ValVar != "" {
			names[x.ValVar] = struct{}{}
		}
		if x.KeyExpr != nil {
			walkNodes(hclsyntax.ChildScope{LocalNames: names, Expr: x.KeyExpr}, enter, exit)
		}
		walkNodes(hclsyntax.ChildScope{LocalNames: names, Expr: x.ValExpr}, enter, exit)
		if x.CondExpr != nil {
			walkNodes(hclsyntax.ChildScope{LocalNames: names, Expr: x.CondExpr}, enter, exit)
		}
	case hclsyntax.ChildScope:
		walkNodes(x.Expr, enter, exit)
	}
	if exit != nil {
		exit(n)
	}
}

// knownNode reports whether walkNodes knows the children of n: every
// expression type, not the structural nodes (bodies, attributes, blocks).
func knownNode(n hclsyntax.Node) bool {
	switch n.(type) {
	case *hclsyntax.LiteralValueExpr, *hclsyntax.ScopeTraversalExpr, *hclsyntax.AnonSymbolExpr, *hclsyntax.ExprSyntaxError,
		*hclsyntax.FunctionCallExpr, *hclsyntax.TemplateExpr, *hclsyntax.TemplateWrapExpr, *hclsyntax.TemplateJoinExpr,
		*hclsyntax.ParenthesesExpr, *hclsyntax.RelativeTraversalExpr, *hclsyntax.ConditionalExpr, *hclsyntax.IndexExpr,
		*hclsyntax.TupleConsExpr, *hclsyntax.ObjectConsExpr, *hclsyntax.ObjectConsKeyExpr, *hclsyntax.SplatExpr,
		*hclsyntax.BinaryOpExpr, *hclsyntax.UnaryOpExpr, *hclsyntax.ForExpr, hclsyntax.ChildScope:
		return true
	}
	return false
}

// funcWalker is an hclsyntax.Walker of an enter and an exit function.
type funcWalker struct {
	enter hclsyntax.VisitFunc
	exit  func(hclsyntax.Node)
}

func (w funcWalker) Enter(n hclsyntax.Node) hcl.Diagnostics {
	return w.enter(n)
}

func (w funcWalker) Exit(n hclsyntax.Node) hcl.Diagnostics {
	if w.exit != nil {
		w.exit(n)
	}
	return nil
}
