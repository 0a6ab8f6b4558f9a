package terraform

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// mergeBodies merges the body of a block of an override file (over) into
// the body of the block it overrides (base), with Terraform's rules: each
// argument of over replaces the argument of the same name; the nested blocks
// of one type in over replace all the blocks of that type in base (a
// dynamic block counts as a block of the type it generates); a lifecycle
// block is merged argument by argument; and count and for_each replace each
// other.
func mergeBodies(base, over hcl.Body) hcl.Body {
	b, ok1 := base.(*hclsyntax.Body)
	o, ok2 := over.(*hclsyntax.Body)
	if ok1 && ok2 {
		return mergeSyntax(b, o)
	}
	return &overrideBody{base: base, over: over}
}

func mergeSyntax(b, o *hclsyntax.Body) *hclsyntax.Body {
	attrs := make(hclsyntax.Attributes, len(b.Attributes)+len(o.Attributes))
	for name, a := range b.Attributes {
		attrs[name] = a
	}
	for name, a := range o.Attributes {
		attrs[name] = a
	}
	if o.Attributes["count"] != nil && o.Attributes["for_each"] == nil {
		delete(attrs, "for_each")
	}
	if o.Attributes["for_each"] != nil && o.Attributes["count"] == nil {
		delete(attrs, "count")
	}

	replaced := map[string]bool{}
	var overLifecycle *hclsyntax.Block
	for _, blk := range o.Blocks {
		if blk.Type == "lifecycle" {
			overLifecycle = blk
			continue
		}
		replaced[generatedType(blk)] = true
	}
	var blocks hclsyntax.Blocks
	for _, blk := range b.Blocks {
		switch {
		case blk.Type == "lifecycle" && overLifecycle != nil:
			merged := *blk
			merged.Body = mergeSyntax(blk.Body, overLifecycle.Body)
			blocks = append(blocks, &merged)
			overLifecycle = nil
		case !replaced[generatedType(blk)]:
			blocks = append(blocks, blk)
		}
	}
	for _, blk := range o.Blocks {
		if blk.Type != "lifecycle" || overLifecycle != nil {
			blocks = append(blocks, blk)
		}
	}
	return &hclsyntax.Body{Attributes: attrs, Blocks: blocks, SrcRange: b.SrcRange, EndRange: b.EndRange}
}

// generatedType is the type of the blocks a block stands for: its own type,
// or the label of a dynamic block.
func generatedType(blk *hclsyntax.Block) string {
	if blk.Type == "dynamic" && len(blk.Labels) == 1 {
		return blk.Labels[0]
	}
	return blk.Type
}

// overrideBody merges bodies of which one at least is JSON, schema by
// schema, since a JSON body cannot be walked without one.
type overrideBody struct {
	base, over hcl.Body
}

func (b *overrideBody) Content(s *hcl.BodySchema) (*hcl.BodyContent, hcl.Diagnostics) {
	c, _, d := b.PartialContent(s)
	return c, d
}

func (b *overrideBody) PartialContent(s *hcl.BodySchema) (*hcl.BodyContent, hcl.Body, hcl.Diagnostics) {
	oc, orest, _ := b.over.PartialContent(s)
	bc, brest, _ := b.base.PartialContent(s)
	out := &hcl.BodyContent{Attributes: hcl.Attributes{}, MissingItemRange: b.base.MissingItemRange()}
	if bc != nil {
		for name, a := range bc.Attributes {
			out.Attributes[name] = a
		}
	}
	overTypes := map[string]bool{}
	if oc != nil {
		for name, a := range oc.Attributes {
			out.Attributes[name] = a
		}
		for _, blk := range oc.Blocks {
			overTypes[blk.Type] = true
		}
	}
	if bc != nil {
		for _, blk := range bc.Blocks {
			if !overTypes[blk.Type] {
				out.Blocks = append(out.Blocks, blk)
			}
		}
	}
	if oc != nil {
		out.Blocks = append(out.Blocks, oc.Blocks...)
	}
	var rest hcl.Body = &overrideBody{base: brest, over: orest}
	if brest == nil || orest == nil {
		rest = b
	}
	return out, rest, nil
}

func (b *overrideBody) JustAttributes() (hcl.Attributes, hcl.Diagnostics) {
	out := hcl.Attributes{}
	ba, _ := b.base.JustAttributes()
	for name, a := range ba {
		out[name] = a
	}
	oa, _ := b.over.JustAttributes()
	for name, a := range oa {
		out[name] = a
	}
	return out, nil
}

func (b *overrideBody) MissingItemRange() hcl.Range { return b.base.MissingItemRange() }
