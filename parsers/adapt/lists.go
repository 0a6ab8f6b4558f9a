package adapt

import (
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// ItemStrings returns the string at key of each element of the list n (the
// filter of each repository_filter block, the Filter of each
// RepositoryFilters element): absent for nothing written, unknown when the
// list is unknown (a dynamic block, an intrinsic that cannot be evaluated).
// An element whose value is unknown stays an unknown element.
func ItemStrings(n *node.Node, key string) model.StringList {
	return n.StringListOf(func(it *node.Node) model.String { return String(Get(it, key)) })
}

// NonEmpty reports whether n holds at least one element: false when
// nothing is written or the list is empty, unknown when the list is. A
// hosted zone with VPC associations is private.
func NonEmpty(n *node.Node) model.Bool {
	if n.IsNull() {
		return model.KnownOf(false)
	}
	items, ok := n.Items()
	if !ok {
		return model.UnknownOf[bool]()
	}
	return model.KnownOf(len(items) > 0)
}

// Targets records each element of the list n (of references, ARNs or
// names) as a target, with the format's target function, or the whole
// list as one when its elements are not known; nil when nothing is
// written.
func Targets(n *node.Node, target func(*node.Node) model.Target) []model.Target {
	if n.IsNull() {
		return nil
	}
	items, ok := n.Items()
	if !ok {
		return []model.Target{target(n)}
	}
	out := make([]model.Target, 0, len(items))
	for _, el := range items {
		out = append(out, target(el))
	}
	return out
}
