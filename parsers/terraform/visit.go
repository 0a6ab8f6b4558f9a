package terraform

import (
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// visitAll is hclsyntax.VisitAll: it calls fn for n and every node below it,
// parents first, children in the same order, and ignores fn's diagnostics.
// VisitAll allocates a closure and a slice of diagnostics for every node;
// the walks over every expression of a module are frequent enough for that
// to matter.
func visitAll(n hclsyntax.Node, fn hclsyntax.VisitFunc) {
	walkNodes(n, funcVisitor(fn))
}

// syntaxVariables is hclsyntax.Variables (an expression's Variables method),
// the traversals x reads from the root scope, without its allocations per
// node.
func syntaxVariables(x hclsyntax.Expression) []hcl.Traversal {
	var c varCollector
	walkNodes(x, &c)
	return c.vars
}

// varCollector collects the traversals of the root scope: those whose root
// is not an iteration symbol of an enclosing for expression.
type varCollector struct {
	vars []hcl.Traversal
	// bound are the symbols of the enclosing for expressions, innermost
	// last; scopes the length of bound when each was entered.
	bound  []string
	scopes []int
}

func (c *varCollector) enter(n hclsyntax.Node) {
	if x, ok := n.(*hclsyntax.ScopeTraversalExpr); ok && !slices.Contains(c.bound, x.Traversal.RootName()) {
		c.vars = append(c.vars, x.Traversal)
	}
}

func (c *varCollector) exit(hclsyntax.Node) {}

func (c *varCollector) enterScope(key, value string, _ hclsyntax.Expression) {
	c.scopes = append(c.scopes, len(c.bound))
	for _, name := range [...]string{key, value} {
		if name != "" {
			c.bound = append(c.bound, name)
		}
	}
}

func (c *varCollector) exitScope() {
	c.bound = c.bound[:c.scopes[len(c.scopes)-1]]
	c.scopes = c.scopes[:len(c.scopes)-1]
}

// nodeVisitor is what walkNodes calls: enter before a node's children, exit
// after them, and enterScope and exitScope around each expression of a for
// expression that its key and value symbols ("" when absent) are bound in
// (hclsyntax's ChildScope). A visitor, not closures: a closure passed down
// the walk is a heap allocation per walk.
type nodeVisitor interface {
	enter(hclsyntax.Node)
	exit(hclsyntax.Node)
	enterScope(key, value string, child hclsyntax.Expression)
	exitScope()
}

// funcVisitor is the visitor of visitAll, which visits a scope as the
// ChildScope node hclsyntax.VisitAll visits.
type funcVisitor hclsyntax.VisitFunc

func (f funcVisitor) enter(n hclsyntax.Node) { _ = f(n) } // the visit functions of this package report nothing
func (funcVisitor) exit(hclsyntax.Node)      {}
func (funcVisitor) exitScope()               {}

func (f funcVisitor) enterScope(key, value string, child hclsyntax.Expression) {
	names := map[string]struct{}{}
	for _, name := range [...]string{key, value} {
		if name != "" {
			names[name] = struct{}{}
		}
	}
	_ = f(hclsyntax.ChildScope{LocalNames: names, Expr: child})
}

// walkNodes is hclsyntax.Walk with v as the walker, by a type switch over
// the expression types; a node type it does not know is walked by Walk.
func walkNodes(n hclsyntax.Node, v nodeVisitor) {
	if !knownNode(n) {
		_ = hclsyntax.Walk(n, walker{v})
		return
	}
	v.enter(n)
	// The children in the order of the node's walkChildNodes.
	switch x := n.(type) {
	case *hclsyntax.FunctionCallExpr:
		for _, a := range x.Args {
			walkNodes(a, v)
		}
	case *hclsyntax.TemplateExpr:
		for _, p := range x.Parts {
			walkNodes(p, v)
		}
	case *hclsyntax.TemplateWrapExpr:
		walkNodes(x.Wrapped, v)
	case *hclsyntax.TemplateJoinExpr:
		walkNodes(x.Tuple, v)
	case *hclsyntax.ParenthesesExpr:
		walkNodes(x.Expression, v)
	case *hclsyntax.RelativeTraversalExpr:
		walkNodes(x.Source, v)
	case *hclsyntax.ConditionalExpr:
		walkNodes(x.Condition, v)
		walkNodes(x.TrueResult, v)
		walkNodes(x.FalseResult, v)
	case *hclsyntax.IndexExpr:
		walkNodes(x.Collection, v)
		walkNodes(x.Key, v)
	case *hclsyntax.TupleConsExpr:
		for _, e := range x.Exprs {
			walkNodes(e, v)
		}
	case *hclsyntax.ObjectConsExpr:
		for _, item := range x.Items {
			walkNodes(item.KeyExpr, v)
			walkNodes(item.ValueExpr, v)
		}
	case *hclsyntax.ObjectConsKeyExpr:
		// The wrapped expression is a child only when the key is not
		// read as a literal name.
		if hcl.ExprAsKeyword(x.Wrapped) == "" {
			walkNodes(x.Wrapped, v)
		}
	case *hclsyntax.SplatExpr:
		walkNodes(x.Source, v)
		walkNodes(x.Each, v)
	case *hclsyntax.BinaryOpExpr:
		walkNodes(x.LHS, v)
		walkNodes(x.RHS, v)
	case *hclsyntax.UnaryOpExpr:
		walkNodes(x.Val, v)
	case *hclsyntax.ForExpr:
		walkNodes(x.CollExpr, v)
		// The other expressions are children within the scope of the
		// iteration symbols.
		for _, child := range [...]hclsyntax.Expression{x.KeyExpr, x.ValExpr, x.CondExpr} {
			if child != nil {
				v.enterScope(x.KeyVar, x.ValVar, child)
				walkNodes(child, v)
				v.exitScope()
			}
		}
	}
	v.exit(n)
}

// knownNode reports whether walkNodes knows the children of n: every
// expression type, not the structural nodes (bodies, attributes, blocks).
func knownNode(n hclsyntax.Node) bool {
	switch n.(type) {
	case *hclsyntax.LiteralValueExpr, *hclsyntax.ScopeTraversalExpr, *hclsyntax.AnonSymbolExpr, *hclsyntax.ExprSyntaxError,
		*hclsyntax.FunctionCallExpr, *hclsyntax.TemplateExpr, *hclsyntax.TemplateWrapExpr, *hclsyntax.TemplateJoinExpr,
		*hclsyntax.ParenthesesExpr, *hclsyntax.RelativeTraversalExpr, *hclsyntax.ConditionalExpr, *hclsyntax.IndexExpr,
		*hclsyntax.TupleConsExpr, *hclsyntax.ObjectConsExpr, *hclsyntax.ObjectConsKeyExpr, *hclsyntax.SplatExpr,
		*hclsyntax.BinaryOpExpr, *hclsyntax.UnaryOpExpr, *hclsyntax.ForExpr:
		return true
	}
	return false
}

// walker is the hclsyntax.Walker of a visitor, for the nodes walkNodes
// leaves to hclsyntax.Walk, which brackets a for expression's scope with
// ChildScope nodes.
type walker struct{ v nodeVisitor }

func (w walker) Enter(n hclsyntax.Node) hcl.Diagnostics {
	if cs, ok := n.(hclsyntax.ChildScope); ok {
		var names [2]string // a for expression binds a key and a value
		i := 0
		for name := range cs.LocalNames {
			if i < len(names) {
				names[i] = name
				i++
			}
		}
		w.v.enterScope(names[0], names[1], cs.Expr)
		return nil
	}
	w.v.enter(n)
	return nil
}

func (w walker) Exit(n hclsyntax.Node) hcl.Diagnostics {
	if _, ok := n.(hclsyntax.ChildScope); ok {
		w.v.exitScope()
		return nil
	}
	w.v.exit(n)
	return nil
}
