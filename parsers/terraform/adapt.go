package terraform

import (
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// adapter maps the evaluated module onto the model. Each service has its
// own file (adapt_s3.go, adapt_iam.go); this file holds what they share.
type adapter struct {
	e     *evaluator
	unit  *model.Unit
	model *model.Model
	locs  model.Locations
	nodes map[*resource]*node.Node

	buckets map[string]*model.Bucket
	// logTargets are logging target_bucket nodes, linked to buckets of the
	// scan once all buckets are known.
	logTargets []logTarget
}

type logTarget struct {
	logging *model.Logging
	target  *node.Node
}

func newAdapter(e *evaluator, unit *model.Unit) *adapter {
	return &adapter{
		e:       e,
		unit:    unit,
		model:   unit.Model,
		locs:    unit.Locations,
		nodes:   map[*resource]*node.Node{},
		buckets: map[string]*model.Bucket{},
	}
}

func (a *adapter) run() {
	a.adaptS3()
	a.adaptPolicies()
}

// node returns the node tree of a resource, converting it on first use:
// only the resource types some adapter reads are ever converted.
func (a *adapter) node(r *resource) *node.Node {
	n := a.nodes[r]
	if n == nil {
		n = a.e.resourceNode(r)
		a.nodes[r] = n
	}
	return n
}

// managed returns the managed resources of the given types, in
// declaration order.
func (a *adapter) managed(types ...string) []*resource {
	want := map[string]bool{}
	for _, t := range types {
		want[t] = true
	}
	var out []*resource
	for _, r := range a.e.mod.resources {
		if r.mode == managedResource && !r.none && want[r.typ] {
			out = append(out, r)
		}
	}
	return out
}

// field returns the entry key of a block node. The fields of an unknown
// block (a dynamic block) are unknown, not absent.
func field(n *node.Node, key string) *node.Node {
	switch {
	case n == nil:
		return nil
	case n.Kind == node.Unknown:
		return node.NewUnknown(n.Range, n.Refs...)
	}
	return n.Get(key)
}

// blocks returns the blocks of type key: a list node's elements, or the node
// itself for a single block written as an object (.tf.json) or unknown.
func blocks(n *node.Node, key string) []*node.Node {
	v := field(n, key)
	switch {
	case v == nil || v.Kind == node.Null:
		return nil
	case v.Kind == node.List:
		return v.List
	}
	return []*node.Node{v}
}

// first returns the first block of type key, or nil.
func first(n *node.Node, key string) *node.Node {
	if bs := blocks(n, key); len(bs) > 0 {
		return bs[0]
	}
	return nil
}

// str sets a model string from a node, recording its location; an absent
// or null node leaves it absent.
func (a *adapter) str(dst *model.String, n *node.Node, id, path string) {
	if n.IsNull() {
		return
	}
	*dst = n.AsString()
	a.locs.Set(id, path, n.Range)
}

// boolean sets a model bool from a node, recording its location.
func (a *adapter) boolean(dst *model.Bool, n *node.Node, id, path string) {
	if n.IsNull() {
		return
	}
	*dst = n.AsBool()
	a.locs.Set(id, path, n.Range)
}
