package terraform

import (
	"cmp"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// metaArgs are the resource arguments that belong to Terraform, not to the
// resource type; they are not part of the resource's node tree.
var metaArgs = map[string]bool{
	"count": true, "for_each": true, "depends_on": true, "provider": true,
	"provisioner": true, "connection": true,
}

// bodyNode converts a body into a map node: each attribute to its value
// node, each nested block type to a list of block map nodes (dynamic blocks
// expanded; one whose for_each is not known yet is one unknown element),
// and, at the top of a resource, lifecycle to the names it lists. ctx is
// the resource instance's context.
func (e *evaluator) bodyNode(body hcl.Body, ctx *hcl.EvalContext, rng hcl.Range, top bool) *node.Node {
	sb, ok := body.(*hclsyntax.Body)
	if !ok {
		n := node.NewMap(toRange(rng))
		e.jsonBodyNode(n, body, ctx, top)
		return n
	}
	return e.syntaxBodyNode(sb, ctx, rng, top, nil)
}

// syntaxBodyNode converts an HCL body as bodyNode does. With keep, only the
// attributes and the blocks (by the type they generate) it keeps are
// converted: each exactly as in the whole body, since the entries of a body
// are converted independently of each other.
func (e *evaluator) syntaxBodyNode(sb *hclsyntax.Body, ctx *hcl.EvalContext, rng hcl.Range, top bool, keep func(string) bool) *node.Node {
	n := node.NewMap(toRange(rng))
	type entry struct {
		pos  int
		attr *hclsyntax.Attribute
		blk  *hclsyntax.Block
	}
	var entries []entry
	for _, a := range sb.Attributes {
		if keep == nil || keep(a.Name) {
			entries = append(entries, entry{pos: a.SrcRange.Start.Byte, attr: a})
		}
	}
	for _, b := range sb.Blocks {
		if keep == nil || keep(generatedType(b)) {
			entries = append(entries, entry{pos: b.TypeRange.Start.Byte, blk: b})
		}
	}
	slices.SortStableFunc(entries, func(a, b entry) int {
		if c := strings.Compare(entryFile(a.attr, a.blk), entryFile(b.attr, b.blk)); c != 0 {
			return c
		}
		return cmp.Compare(a.pos, b.pos)
	})
	for _, en := range entries {
		if a := en.attr; a != nil {
			if top && metaArgs[a.Name] {
				continue
			}
			child := e.valueNode(ctx, a.Expr)
			child.KeyRange = toRange(a.NameRange)
			n.Set(a.Name, child)
			continue
		}
		b := en.blk
		switch {
		case top && metaArgs[b.Type]:
			continue
		case top && b.Type == "lifecycle":
			n.Set("lifecycle", e.lifecycleNode(b.Body, ctx, b.DefRange()))
			continue
		}
		var generated []block
		if b.Type == "dynamic" {
			if len(b.Labels) != 1 {
				continue
			}
			generated = e.expandDynamic(b.Labels[0], b.Body, ctx, b.DefRange(), b.TypeRange)
		} else {
			generated = []block{{typ: b.Type, body: b.Body, ctx: ctx, defRange: b.DefRange(), typeRange: b.TypeRange}}
		}
		// A dynamic block that generates nothing is no block at all.
		if len(generated) == 0 {
			continue
		}
		typ := generatedType(b)
		list := n.Get(typ)
		if list == nil || list.Kind != node.List {
			list = &node.Node{Kind: node.List, Range: toRange(b.DefRange()), KeyRange: toRange(b.TypeRange)}
			n.Set(typ, list)
		}
		for _, g := range generated {
			list.List = append(list.List, e.blockNode(g))
		}
	}
	return n
}

// entryFile is the file an attribute or block comes from: a body merged
// from an override file holds parts of two files.
func entryFile(a *hclsyntax.Attribute, b *hclsyntax.Block) string {
	if a != nil {
		return a.SrcRange.Filename
	}
	return b.TypeRange.Filename
}

// blockNode converts one nested block.
func (e *evaluator) blockNode(b block) *node.Node {
	if b.body == nil {
		return node.NewUnknown(toRange(b.defRange), b.refs...)
	}
	return e.bodyNode(b.body, b.ctx, b.defRange, false)
}

// jsonBodyNode converts a .tf.json body. Without a schema, JSON cannot tell
// a nested block from an object attribute, so nested blocks appear as map
// nodes (one block) or lists of map nodes; adapters read both.
func (e *evaluator) jsonBodyNode(n *node.Node, body hcl.Body, ctx *hcl.EvalContext, top bool) {
	for _, a := range justAttributes(body) {
		switch {
		case top && metaArgs[a.Name]:
			continue
		case top && a.Name == "lifecycle":
			continue
		case a.Name == "dynamic":
			e.jsonDynamicNodes(n, body, ctx)
			continue
		}
		child := e.valueNode(ctx, a.Expr)
		child.KeyRange = toRange(a.NameRange)
		n.Set(a.Name, child)
	}
}

// jsonDynamicNodes expands the dynamic blocks of a JSON body into lists of
// block nodes.
func (e *evaluator) jsonDynamicNodes(n *node.Node, body hcl.Body, ctx *hcl.EvalContext) {
	content, _, _ := body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "dynamic", LabelNames: []string{"type"}}}})
	if content == nil {
		return
	}
	for _, b := range content.Blocks {
		typ := b.Labels[0]
		generated := e.expandDynamic(typ, b.Body, ctx, b.DefRange, b.TypeRange)
		if len(generated) == 0 {
			continue
		}
		list := n.Get(typ)
		if list == nil || list.Kind != node.List {
			list = &node.Node{Kind: node.List, Range: toRange(b.DefRange), KeyRange: toRange(b.LabelRanges[0])}
			n.Set(typ, list)
		}
		for _, g := range generated {
			list.List = append(list.List, e.blockNode(g))
		}
	}
}

// lifecycleNode keeps the lifecycle arguments rules may read, with
// ignore_changes as the attribute names it lists (they are references, not
// values, so they are not evaluated).
func (e *evaluator) lifecycleNode(body *hclsyntax.Body, ctx *hcl.EvalContext, rng hcl.Range) *node.Node {
	n := node.NewMap(toRange(rng))
	for _, a := range sortedAttrs(body) {
		if a.Name != "ignore_changes" && a.Name != "replace_triggered_by" {
			child := e.valueNode(ctx, a.Expr)
			child.KeyRange = toRange(a.NameRange)
			n.Set(a.Name, child)
			continue
		}
		if hcl.ExprAsKeyword(a.Expr) == "all" {
			n.Set(a.Name, node.NewString("all", toRange(a.Expr.Range())))
			continue
		}
		list := &node.Node{Kind: node.List, Range: toRange(a.Expr.Range()), KeyRange: toRange(a.NameRange)}
		elems, _ := hcl.ExprList(a.Expr)
		for _, el := range elems {
			if t, hd := hcl.AbsTraversalForExpr(el); !hd.HasErrors() {
				list.List = append(list.List, node.NewString(traversalString(t), toRange(el.Range())))
			}
		}
		n.Set(a.Name, list)
	}
	return n
}

func traversalString(t hcl.Traversal) string {
	var sb strings.Builder
	for _, step := range t {
		switch s := step.(type) {
		case hcl.TraverseRoot:
			sb.WriteString(s.Name)
		case hcl.TraverseAttr:
			sb.WriteString("." + s.Name)
		case hcl.TraverseIndex:
			sb.WriteString("[" + formatKey(s.Key) + "]")
		}
	}
	return sb.String()
}

func formatKey(k cty.Value) string {
	if !k.IsKnown() || k.IsNull() {
		return "*"
	}
	if k.Type() == cty.String {
		return `"` + k.AsString() + `"`
	}
	if s, err := convert.Convert(k, cty.String); err == nil {
		return s.AsString()
	}
	return "*"
}

// valueNode evaluates expr and converts the value to a node tree.
func (e *evaluator) valueNode(ctx *hcl.EvalContext, expr hcl.Expression) *node.Node {
	return e.walk(ctx, expr, e.evalIn(ctx, expr), nil)
}

// walk converts v, the value of expr, into a node tree, following the
// expression where it spells out the structure (object and tuple
// constructors, parentheses, a conditional whose condition is known) so
// that every part keeps its own range; parts computed some other way get
// the range of the expression that computed them. Every node's refs are
// the marks of its value and of the values that contain it (parent).
func (e *evaluator) walk(ctx *hcl.EvalContext, expr hcl.Expression, v cty.Value, parent []string) *node.Node {
	expr = e.shape(ctx, expr)
	rng := toRange(expr.Range())
	v, own := unmark(v)
	refs := mergeRefs(parent, own)
	if !v.IsKnown() || v.IsNull() {
		n := walkValue(v, rng, refs, nil)
		if !v.IsKnown() && (v.Type() == cty.String || v.Type() == cty.DynamicPseudoType) {
			// An unknown string may be a name that another resource
			// writes the same way; the linking step matches the two.
			n.Template = e.nameTemplate(ctx, expr)
			// And it may be partly known.
			n.Parts = e.stringParts(ctx, expr, 0)
		}
		return n
	}
	ty := v.Type()
	switch {
	case ty.IsObjectType() || ty.IsMapType():
		if kvs, hd := hcl.ExprMap(expr); !hd.HasErrors() {
			n := node.NewMap(rng)
			n.Refs = refs
			for _, kv := range kvs {
				key, ok := e.keyString(ctx, kv.Key)
				if !ok {
					continue
				}
				sub, ok := element(v, key)
				if !ok {
					continue
				}
				child := e.walk(ctx, kv.Value, sub, refs)
				child.KeyRange = toRange(kv.Key.Range())
				n.Set(key, child)
			}
			// Keys the constructor does not show (a duplicate key it
			// merged, say) still appear, at the constructor's range.
			for it := v.ElementIterator(); it.Next(); {
				k, sub := it.Element()
				if _, done := n.Map[k.AsString()]; !done {
					n.Set(k.AsString(), walkValue(sub, rng, refs, nil))
				}
			}
			return n
		}
	case ty.IsListType() || ty.IsTupleType():
		if elems, hd := hcl.ExprList(expr); !hd.HasErrors() && len(elems) == v.LengthInt() {
			n := &node.Node{Kind: node.List, Range: rng, Refs: refs}
			i := 0
			for it := v.ElementIterator(); it.Next(); i++ {
				_, sub := it.Element()
				n.List = append(n.List, e.walk(ctx, elems[i], sub, refs))
			}
			return n
		}
	}
	// A collection computed by a function (compact([...]), concat(...))
	// still places its strings where they are written, when they are.
	var lits map[string]model.Range
	if ty.IsListType() || ty.IsTupleType() || ty.IsSetType() || ty.IsMapType() || ty.IsObjectType() {
		lits = literalRanges(expr)
	}
	n := walkValue(v, rng, refs, lits)
	if ty.IsPrimitiveType() {
		n.Literal = e.literalExpr(expr)
		if !n.Literal && ty == cty.String {
			// A literal that reached expr through locals or module
			// variables is still one, written where it came from.
			if o, ok := e.literalOrigin(ctx, expr); ok {
				n.Literal = true
				if r := toRange(o.Range()); r != rng {
					n.Origin = r
				}
			}
		}
	}
	return n
}

// literalRanges indexes the string literals written in expr by value, the
// first occurrence of each.
func literalRanges(expr hcl.Expression) map[string]model.Range {
	x, ok := expr.(hclsyntax.Expression)
	if !ok {
		return nil
	}
	m := map[string]model.Range{}
	add := func(v cty.Value, r hcl.Range) {
		if v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
			if _, seen := m[v.AsString()]; !seen {
				m[v.AsString()] = toRange(r)
			}
		}
	}
	visitAll(x, func(n hclsyntax.Node) hcl.Diagnostics {
		switch l := n.(type) {
		case *hclsyntax.TemplateExpr:
			if len(l.Parts) == 1 {
				if lit, ok := l.Parts[0].(*hclsyntax.LiteralValueExpr); ok {
					add(lit.Val, l.SrcRange)
				}
			}
		case *hclsyntax.LiteralValueExpr:
			add(l.Val, l.SrcRange)
		}
		return nil
	})
	return m
}

// shape strips what does not change the structure of a value: parentheses,
// "${...}" around a single interpolation, and a conditional whose condition
// is known.
func (e *evaluator) shape(ctx *hcl.EvalContext, expr hcl.Expression) hcl.Expression {
	for i := 0; i < 100; i++ {
		switch x := expr.(type) {
		case *hclsyntax.ParenthesesExpr:
			expr = x.Expression
		case *hclsyntax.TemplateWrapExpr:
			expr = x.Wrapped
		case *hclsyntax.ConditionalExpr:
			c := unmarkDeep(e.evalIn(ctx, x.Condition))
			if !c.IsKnown() || c.IsNull() {
				return expr
			}
			b, err := convert.Convert(c, cty.Bool)
			if err != nil {
				return expr
			}
			if b.True() {
				expr = x.TrueResult
			} else {
				expr = x.FalseResult
			}
		default:
			return expr
		}
	}
	return expr
}

// keyString evaluates an object constructor key; a bare name is the key
// itself, as in HCL.
func (e *evaluator) keyString(ctx *hcl.EvalContext, key hcl.Expression) (string, bool) {
	k := unmarkDeep(e.evalIn(ctx, key))
	if !k.IsKnown() || k.IsNull() {
		return "", false
	}
	s, err := convert.Convert(k, cty.String)
	if err != nil {
		return "", false
	}
	return s.AsString(), true
}

// element returns the attribute or map element key of v.
func element(v cty.Value, key string) (cty.Value, bool) {
	ty := v.Type()
	switch {
	case ty.IsObjectType():
		if ty.HasAttribute(key) {
			return v.GetAttr(key), true
		}
	case ty.IsMapType():
		k := cty.StringVal(key)
		if h := v.HasIndex(k); h.IsKnown() && h.True() {
			return v.Index(k), true
		}
	}
	return cty.NilVal, false
}

// walkValue converts a value with no expression to follow: every part gets
// range r, except strings found in lits, which get the range of the literal
// that wrote them, and the refs of its marks and of its parents' (refs).
func walkValue(v cty.Value, r model.Range, refs []string, lits map[string]model.Range) *node.Node {
	v, own := unmark(v)
	refs = mergeRefs(refs, own)
	if !v.IsKnown() {
		return node.NewUnknown(r, refs...)
	}
	if v.IsNull() {
		return &node.Node{Kind: node.Null, Range: r, Refs: refs}
	}
	ty := v.Type()
	n := &node.Node{Range: r, Refs: refs}
	switch {
	case ty == cty.String:
		n.Kind, n.Str = node.String, v.AsString()
		if lr, ok := lits[n.Str]; ok {
			n.Range = lr
		}
	case ty == cty.Number:
		n.Kind, n.Str = node.Number, v.AsBigFloat().Text('f', -1)
	case ty == cty.Bool:
		n.Kind, n.Bool = node.Bool, v.True()
	case ty.IsObjectType() || ty.IsMapType():
		n = node.NewMap(r)
		n.Refs = refs
		for it := v.ElementIterator(); it.Next(); {
			k, sub := it.Element()
			n.Set(k.AsString(), walkValue(sub, r, refs, lits))
		}
	case ty.IsListType() || ty.IsTupleType() || ty.IsSetType():
		n.Kind = node.List
		for it := v.ElementIterator(); it.Next(); {
			_, sub := it.Element()
			n.List = append(n.List, walkValue(sub, r, refs, lits))
		}
	default:
		n.Kind = node.Unknown
	}
	return n
}
