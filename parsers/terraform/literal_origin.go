package terraform

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// A value written as a literal stays a literal when it travels through a
// local or a module variable: `password = local.db_password` with
// `db_password = "Winter2024!"`, or a module call's `password =
// "Winter2024!"` read by the module's resource as var.password, is a
// secret in the code as much as the literal written on the resource. What
// comes from a root module's variables (their defaults, tfvars files,
// --var, TF_VAR_*) is an input that whoever deploys sets, not a literal,
// and so is a child module's variable that the call leaves to its default.

// litKey names an expression of one module instance whose literal-ness
// is cached: a local's or a module call argument's, or an entry of one.
type litKey struct {
	ctx  *hcl.EvalContext
	expr hcl.Expression
}

// litOrigin is what the literal analysis found for an expression: whether
// its value is a literal, and the expression that writes it.
type litOrigin struct {
	expr hcl.Expression
	ok   bool
}

// literalOrigin reports whether expr, evaluated in ctx, is a literal that
// reaches it through locals or module variables, and where that literal
// is written: the literal itself when expr reads one local or variable
// (through attributes or indexes of a constructor when it can be
// followed), else expr, built of literals only. It is false for an
// expression that literalExpr already accepts, and for one that reads
// anything but locals and child module variables that are literals.
func (e *evaluator) literalOrigin(ctx *hcl.EvalContext, expr hcl.Expression) (hcl.Expression, bool) {
	mi := e.scope(ctx)
	if mi == nil || expr == nil || len(e.variables(expr)) == 0 {
		return nil, false
	}
	return mi.literalIn(ctx, expr)
}

// literalIn is literalOrigin for an expression of the instance mi,
// evaluated in ctx (mi's context or a child of it). A conditional whose
// condition is known is followed into the branch it takes.
func (mi *modInst) literalIn(ctx *hcl.EvalContext, expr hcl.Expression) (hcl.Expression, bool) {
	expr = mi.e.shape(ctx, expr)
	if mi.e.literalExpr(expr) {
		return expr, true
	}
	x, ok := expr.(hclsyntax.Expression)
	if !ok {
		// .tf.json hides function calls in strings: not followed.
		return nil, false
	}
	ts := mi.e.variables(expr)
	for _, t := range ts {
		if root := t.RootName(); root != "local" && root != "var" {
			// Only locals and variables may be literals (referenced);
			// the cheap test first.
			return nil, false
		}
	}
	if callsFileFunction(x) {
		return nil, false
	}
	var origin hcl.Expression
	for _, t := range ts {
		o := mi.referenced(t)
		if !o.ok {
			return nil, false
		}
		origin = o.expr
	}
	// shape took off parentheses and "${...}".
	if _, one := x.(*hclsyntax.ScopeTraversalExpr); one && len(ts) == 1 {
		return origin, true
	}
	return expr, true
}

// referenced returns whether what the traversal t of mi reads is a
// literal, and where it is written: a local's expression (read in mi) or a
// child module variable's argument (read in the calling instance), and
// within it the entry that t selects, as far as constructors go.
// Anything else (a root module variable, a resource, count, each) is no
// literal; nor is a variable that its call leaves to its default.
func (mi *modInst) referenced(t hcl.Traversal) litOrigin {
	name := secondName(t)
	in, ctx, expr := mi, mi.ctx, hcl.Expression(nil)
	switch t.RootName() {
	case "local":
		if l := mi.mod.localByName[name]; l != nil {
			expr = l.expr
		}
	case "var":
		if mi.parent != nil && mi.mod.varByName[name] != nil {
			// A null argument leaves the variable to its default.
			if arg := attribute(mi.call.body, name); arg != nil && !isNullLiteral(arg.Expr) {
				in, ctx, expr = mi.parent, mi.callCtx, arg.Expr
			}
		}
	}
	if expr == nil {
		return litOrigin{}
	}
	return in.literalOf(ctx, follow(expr, t[2:]))
}

// literalOf is literalIn cached per context and expression. A reference
// cycle reads "not a literal".
func (mi *modInst) literalOf(ctx *hcl.EvalContext, expr hcl.Expression) litOrigin {
	e := mi.e
	k := litKey{ctx, expr}
	if o, done := e.lits[k]; done {
		return o
	}
	if e.lits == nil {
		e.lits = map[litKey]litOrigin{}
	}
	e.lits[k] = litOrigin{}
	var o litOrigin
	o.expr, o.ok = mi.literalIn(ctx, expr)
	e.lits[k] = o
	return o
}

// follow descends from a literal expression along the attribute and index
// steps of a traversal (local.creds.db reads the db entry of an object
// constructor), as far as the constructors go.
func follow(expr hcl.Expression, steps hcl.Traversal) hcl.Expression {
	for _, st := range steps {
		var key cty.Value
		switch s := st.(type) {
		case hcl.TraverseAttr:
			key = cty.StringVal(s.Name)
		case hcl.TraverseIndex:
			key = s.Key
		default:
			return expr
		}
		next := consItem(expr, key)
		if next == nil {
			return expr
		}
		expr = next
	}
	return expr
}

// consItem returns the constructor item of expr that key selects, or nil.
func consItem(expr hcl.Expression, key cty.Value) hcl.Expression {
	switch c := expr.(type) {
	case *hclsyntax.ObjectConsExpr:
		if key.Type() != cty.String || !key.IsKnown() {
			return nil
		}
		for _, it := range c.Items {
			k, diags := it.KeyExpr.Value(nil)
			if !diags.HasErrors() && k.Type() == cty.String && k.IsKnown() && !k.IsNull() && k.AsString() == key.AsString() {
				return it.ValueExpr
			}
		}
	case *hclsyntax.TupleConsExpr:
		if key.Type() != cty.Number || !key.IsKnown() {
			return nil
		}
		if i, acc := key.AsBigFloat().Int64(); acc == 0 && i >= 0 && int(i) < len(c.Exprs) {
			return c.Exprs[i]
		}
	}
	return nil
}

// isNullLiteral reports whether expr is written as null.
func isNullLiteral(expr hcl.Expression) bool {
	lit, ok := expr.(*hclsyntax.LiteralValueExpr)
	return ok && lit.Val.IsNull()
}
