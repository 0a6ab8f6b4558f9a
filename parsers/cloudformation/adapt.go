package cloudformation

import (
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// adapter maps the evaluated resources of a template into the model.
type adapter struct {
	t *template
	u *model.Unit
	// buckets are the template's buckets by logical ID, for the links that
	// bucket policies and logging configurations make to them.
	buckets map[string]*model.Bucket
	// logging holds each bucket's log destination until every bucket is known.
	logging []loggingTarget
}

type loggingTarget struct {
	bucket *model.Bucket
	target *node.Node
}

// adapt fills u's model from the template's resources, in source order.
// Resources dropped by their Condition are skipped.
func (t *template) adapt(u *model.Unit) {
	a := &adapter{t: t, u: u, buckets: map[string]*model.Bucket{}}
	// Buckets come first: bucket policies and logging targets link to them.
	for _, r := range t.resources {
		if !r.dropped && r.typ == "AWS::S3::Bucket" {
			a.bucket(r)
		}
	}
	a.linkLogging()
	for _, r := range t.resources {
		if !r.dropped {
			a.policies(r)
		}
	}
}

// props evaluates a resource's Properties: a map, nil when absent, or
// unknown when they come from an intrinsic function that cannot be
// evaluated (or are not a mapping), in which case everything read from them
// is unknown too.
func (a *adapter) props(r *resource) *node.Node {
	if r.props == nil {
		return nil
	}
	v, keep := a.t.eval(r.props, 0)
	switch {
	case !keep || v == nil || v.Kind == node.Null:
		return nil
	case v.Kind != node.Map && v.Kind != node.Unknown:
		return node.NewUnknown(v.Range)
	}
	return v
}

// get returns the entry key of the map n, or nil. The entries of an unknown
// map are unknown, so that a field read through an unresolved intrinsic
// stays unknown instead of becoming absent.
func get(n *node.Node, key string) *node.Node {
	if n.IsUnknown() {
		return &node.Node{Kind: node.Unknown, Range: n.Range, KeyRange: n.KeyRange, Refs: n.Refs}
	}
	return n.Get(key)
}

// index returns element i of the list n, or nil; the elements of an unknown
// list are unknown.
func index(n *node.Node, i int) *node.Node {
	if n.IsUnknown() {
		return &node.Node{Kind: node.Unknown, Range: n.Range, KeyRange: n.KeyRange, Refs: n.Refs}
	}
	if n == nil || n.Kind != node.List || i >= len(n.List) {
		return nil
	}
	return n.List[i]
}

// present reports whether a property is written (and not AWS::NoValue or null).
func present(n *node.Node) bool { return !n.IsNull() }

// loc returns where a finding about the value n points: the key that names
// a block (a mapping or a list), else the value itself, which for a value
// computed by an intrinsic function is that function.
func loc(n *node.Node) model.Range {
	if n == nil {
		return model.Range{}
	}
	if (n.Kind == node.Map || n.Kind == node.List) && !n.KeyRange.IsZero() {
		return n.KeyRange
	}
	return n.Range
}
