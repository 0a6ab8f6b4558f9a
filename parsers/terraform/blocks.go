package terraform

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// block is one nested block of a body, after dynamic blocks are expanded
// the way hcl/v2/ext/dynblock expands them: each element of a dynamic
// block's for_each generates its content block, evaluated in a context
// where the iterator (the block type, or the iterator argument) holds the
// element's key and value.
type block struct {
	typ string
	// body is nil for the one block that stands for a dynamic block whose
	// for_each is not known: what it generates is unknown.
	body hcl.Body
	ctx  *hcl.EvalContext
	// defRange is the block's header (the dynamic block's for generated
	// blocks), typeRange its type keyword.
	defRange, typeRange hcl.Range
	// refs are those of an unknown for_each.
	refs []string
}

// blocksOf returns the blocks of type typ in body, in source order, dynamic
// blocks expanded in ctx.
func (e *evaluator) blocksOf(body hcl.Body, ctx *hcl.EvalContext, typ string) []block {
	if body == nil {
		return nil
	}
	if sb, ok := body.(*hclsyntax.Body); ok {
		var out []block
		for _, b := range sb.Blocks {
			switch {
			case b.Type == typ:
				out = append(out, block{typ: typ, body: b.Body, ctx: ctx, defRange: b.DefRange(), typeRange: b.TypeRange})
			case b.Type == "dynamic" && len(b.Labels) == 1 && b.Labels[0] == typ:
				out = append(out, e.expandDynamic(typ, b.Body, ctx, b.DefRange(), b.TypeRange)...)
			}
		}
		return out
	}
	content, _, _ := body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
		{Type: typ},
		{Type: "dynamic", LabelNames: []string{"type"}},
	}})
	if content == nil {
		return nil
	}
	var out []block
	for _, b := range content.Blocks {
		switch {
		case b.Type == typ:
			out = append(out, block{typ: typ, body: b.Body, ctx: ctx, defRange: b.DefRange, typeRange: b.TypeRange})
		case b.Type == "dynamic" && b.Labels[0] == typ:
			out = append(out, e.expandDynamic(typ, b.Body, ctx, b.DefRange, b.TypeRange)...)
		}
	}
	return out
}

var dynamicSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "for_each"}, {Name: "iterator"}, {Name: "labels"}},
	Blocks:     []hcl.BlockHeaderSchema{{Type: "content"}},
}

// expandDynamic expands one dynamic block. A for_each that is not known
// gives one unknown block; so does one with too many elements.
func (e *evaluator) expandDynamic(typ string, body hcl.Body, ctx *hcl.EvalContext, defRange, typeRange hcl.Range) []block {
	forEach, iterator, contents := dynamicParts(body)
	if forEach == nil || len(contents) == 0 {
		return nil // Terraform rejects it
	}
	unknown := func(marks cty.ValueMarks) []block {
		return []block{{typ: typ, ctx: ctx, defRange: defRange, typeRange: typeRange, refs: marksRefs(marks)}}
	}
	iter := typ
	if iterator != nil {
		if kw := hcl.ExprAsKeyword(iterator); kw != "" {
			iter = kw
		}
	}
	v, marks := e.evalIn(ctx, forEach).Unmark()
	if !v.IsKnown() || v.IsNull() || !v.CanIterateElements() {
		return unknown(marks)
	}
	if v.LengthInt() > maxExpand || !e.spend(v.LengthInt(), defRange) {
		return unknown(marks)
	}
	var out []block
	for it := v.ElementIterator(); it.Next(); {
		k, el := it.Element()
		child := ctx.NewChild()
		child.Variables = map[string]cty.Value{iter: cty.ObjectVal(map[string]cty.Value{
			"key":   k.WithMarks(marks),
			"value": el.WithMarks(marks),
		})}
		for _, c := range contents {
			out = append(out, block{typ: typ, body: c, ctx: child, defRange: defRange, typeRange: typeRange})
		}
	}
	return out
}

// dynamicParts returns the for_each and iterator expressions of a dynamic
// block's body (nil when absent) and the bodies of its content blocks, as
// PartialContent(dynamicSchema) finds them. A body of the syntax tree is
// read directly, without the maps and the copy of the body PartialContent
// makes: it hides nothing, and PartialContent leaves out a content block
// with labels.
func dynamicParts(body hcl.Body) (forEach, iterator hcl.Expression, contents []hcl.Body) {
	if sb, ok := body.(*hclsyntax.Body); ok {
		if a := sb.Attributes["for_each"]; a != nil {
			forEach = a.Expr
		}
		if a := sb.Attributes["iterator"]; a != nil {
			iterator = a.Expr
		}
		for _, b := range sb.Blocks {
			if b.Type == "content" && len(b.Labels) == 0 {
				contents = append(contents, b.Body)
			}
		}
		return forEach, iterator, contents
	}
	content, _, _ := body.PartialContent(dynamicSchema)
	if content == nil {
		return nil, nil, nil
	}
	if a := content.Attributes["for_each"]; a != nil {
		forEach = a.Expr
	}
	if a := content.Attributes["iterator"]; a != nil {
		iterator = a.Expr
	}
	for _, b := range content.Blocks {
		contents = append(contents, b.Body)
	}
	return forEach, iterator, contents
}
