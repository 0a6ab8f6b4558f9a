package terraform

import (
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// stringParts returns the parts (node.Node's Parts) of expr, whose value in
// ctx is an unknown string: for a string template, each interpolation's
// value where known and an unknown part where not, so that
// "arn:${data.aws_partition.current.partition}:iam::${var.account}:root"
// keeps its known text (likewise format with plain %s verbs); for a
// reference to one resource's attribute
// (aws_s3_bucket.b.arn), one unknown part that names it. Nil when nothing
// is known of the value.
func (e *evaluator) stringParts(ctx *hcl.EvalContext, expr hcl.Expression, depth int) []model.Part {
	if depth > 8 {
		return nil
	}
	switch x := e.shape(ctx, expr).(type) {
	case *hclsyntax.TemplateExpr:
		parts := make([][]model.Part, 0, len(x.Parts))
		for _, p := range x.Parts {
			ps, ok := e.templatePart(ctx, p, depth)
			if !ok {
				return nil
			}
			parts = append(parts, ps)
		}
		return node.Concat(parts...)
	case *hclsyntax.FunctionCallExpr:
		if (x.Name == "format" || x.Name == "core::format") && !x.ExpandFinal {
			return e.formatParts(ctx, x, depth)
		}
	case *hclsyntax.ScopeTraversalExpr:
		if parts := e.declaredParts(ctx, x.Traversal, depth); parts != nil {
			return parts
		}
		if !resourceRoot(x.Traversal) {
			return nil
		}
		return attributePart(x.Traversal, refsOf(e.evalIn(ctx, x)))
	}
	return nil
}

// resourceRoot reports whether a traversal starts at a resource or data
// source, whose attribute an unknown part may name.
func resourceRoot(tr hcl.Traversal) bool {
	switch tr.RootName() {
	case "var", "local", "module", "count", "each", "path", "terraform", "self":
		return false
	}
	return true
}

// declaredParts follows a local (local.name) to its expression, and a
// variable of a called module (var.name) to the argument of the call, so
// that a template written there keeps its parts here.
func (e *evaluator) declaredParts(ctx *hcl.EvalContext, tr hcl.Traversal, depth int) []model.Part {
	if inner, sc, ok := e.scope(ctx).standsFor(tr); ok {
		return e.stringParts(sc.ctx, inner, depth+1)
	}
	return nil
}

// templatePart returns the parts of one part of a string template (or one
// argument of format's %s). It returns false for a value that is no
// string, known or not (a list, a null): the template fails, and nothing is
// known of it.
func (e *evaluator) templatePart(ctx *hcl.EvalContext, p hclsyntax.Expression, depth int) ([]model.Part, bool) {
	if lit, ok := p.(*hclsyntax.LiteralValueExpr); ok && lit.Val.Type() == cty.String {
		return []model.Part{{Text: lit.Val.AsString()}}, true
	}
	v := e.evalIn(ctx, p)
	u, marks := v.UnmarkDeep()
	if u.IsKnown() {
		if u.IsNull() {
			return nil, false
		}
		s, err := convert.Convert(u, cty.String)
		if err != nil {
			return nil, false
		}
		return []model.Part{{Text: s.AsString()}}, true
	}
	if ty := u.Type(); ty != cty.DynamicPseudoType && !ty.IsPrimitiveType() {
		// An unknown collection: no string either, once known.
		return nil, false
	}
	if nested := e.stringParts(ctx, p, depth+1); nested != nil {
		return nested, true
	}
	return []model.Part{{Unknown: true, Refs: marksRefs(marks)}}, true
}

// formatParts returns the parts of format(spec, args...) whose spec is a
// known string of text, %% and plain %s verbs only (as ARNs are built:
// format("arn:%s:iam::%s:root", partition, account)): each %s is its
// argument, known or not. Any other verb, flag or width, or a count of
// arguments that does not match, gives nil.
func (e *evaluator) formatParts(ctx *hcl.EvalContext, call *hclsyntax.FunctionCallExpr, depth int) []model.Part {
	if len(call.Args) == 0 {
		return nil
	}
	spec := unmarkDeep(e.evalIn(ctx, call.Args[0]))
	if !spec.IsKnown() || spec.IsNull() || spec.Type() != cty.String {
		return nil
	}
	f := spec.AsString()
	args := call.Args[1:]
	var parts [][]model.Part
	var text strings.Builder
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			text.WriteByte(f[i])
			continue
		}
		if i+1 >= len(f) {
			return nil
		}
		i++
		switch f[i] {
		case '%':
			text.WriteByte('%')
		case 's':
			if len(args) == 0 {
				return nil
			}
			ps, ok := e.templatePart(ctx, args[0], depth)
			if !ok {
				return nil
			}
			args = args[1:]
			parts = append(parts, []model.Part{{Text: text.String()}}, ps)
			text.Reset()
		default:
			return nil
		}
	}
	if len(args) != 0 {
		return nil
	}
	parts = append(parts, []model.Part{{Text: text.String()}})
	return node.Concat(parts...)
}

// attributePart returns the one unknown part of a reference to an attribute
// of one resource or data source instance (aws_s3_bucket.b.arn,
// aws_s3_bucket.b[0].id, data.aws_s3_bucket.x.arn), with refs the value's;
// nil for anything else (a variable, a local, a module output), whose
// attribute is no resource's.
func attributePart(tr hcl.Traversal, refs []string) []model.Part {
	if len(refs) != 1 || len(tr) < 3 || !resourceRoot(tr) {
		return nil
	}
	steps := tr[1:]
	if tr.RootName() == "data" {
		steps = steps[1:]
	}
	// name, an optional instance key, then the attribute.
	if len(steps) == 3 {
		if _, ok := steps[1].(hcl.TraverseIndex); !ok {
			return nil
		}
		steps = []hcl.Traverser{steps[0], steps[2]}
	}
	if len(steps) != 2 {
		return nil
	}
	attr, ok := steps[1].(hcl.TraverseAttr)
	if !ok {
		return nil
	}
	return []model.Part{{Unknown: true, Refs: refs, Attribute: strings.ToLower(attr.Name)}}
}

// markerParts returns the parts of a string of a policy template (see
// templateDoc), split at its markers: its text around them, each marker an
// unknown part with the references of its interpolation. False when s
// holds no marker.
func markerParts(s string, unknownRefs [][]string) ([]model.Part, bool) {
	if !strings.Contains(s, markerStart) {
		return nil, false
	}
	var parts []model.Part
	for rest := s; ; {
		before, after, ok := strings.Cut(rest, markerStart)
		parts = append(parts, model.Part{Text: before})
		if !ok {
			break
		}
		num, tail, _ := strings.Cut(after, markerEnd)
		var refs []string
		if i, err := strconv.Atoi(num); err == nil && i >= 0 && i < len(unknownRefs) {
			refs = unknownRefs[i]
		}
		parts = append(parts, model.Part{Unknown: true, Refs: refs})
		rest = tail
	}
	return parts, true
}

// appendRefs appends the references of parts to refs.
func appendRefs(refs []string, parts []model.Part) []string {
	for _, p := range parts {
		refs = append(refs, p.Refs...)
	}
	return refs
}
