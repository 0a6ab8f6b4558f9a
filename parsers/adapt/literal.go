package adapt

import (
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// LiteralAt reports whether n is written as a literal (Literal) and, when
// the literal is written elsewhere than where the object uses it (a
// Terraform local or module call argument, a CloudFormation parameter's
// Default: n.Origin), records the model path's location at the literal,
// where it is fixed, and the use in uses, which findings carry as a
// related location. uses may be nil.
func (o Object) LiteralAt(uses model.Locations, path string, n *node.Node) bool {
	if !Literal(n) {
		return false
	}
	if !n.Origin.IsZero() {
		if uses != nil {
			uses.Set(o.ID, path, Loc(n))
		}
		o.Set(path, n.Origin)
	}
	return true
}
