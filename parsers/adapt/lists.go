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
