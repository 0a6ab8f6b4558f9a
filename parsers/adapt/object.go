package adapt

import (
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// Format is the source format an adapter reads. It chooses the key column
// of a Field and what a null value means for locations.
type Format uint8

const (
	Terraform Format = iota + 1
	CloudFormation
)

// Object maps values onto one model object: each setter converts a node,
// stores it, and records the node's location under the object's ID and the
// value's model path, so that a path is spelled once per mapping.
type Object struct {
	ID     string
	Locs   model.Locations
	Format Format
}

// Object returns an Object for the model object id and records at as the
// location of the object itself (path "").
func (f Format) Object(locs model.Locations, id string, at model.Range) Object {
	locs.Set(id, "", at)
	return Object{ID: id, Locs: locs, Format: f}
}

// At records the location of the node n as the model path's and returns n.
// In Terraform an argument set to null is the argument not written, so it
// gets no location; in CloudFormation a property that is written but
// evaluates to nothing (AWS::NoValue, null) keeps the location of what was
// written, where a finding about the missing setting is best shown.
func (o Object) At(path string, n *node.Node) *node.Node {
	if n == nil || (o.Format == Terraform && n.IsNull()) {
		return n
	}
	o.Locs.Set(o.ID, path, Loc(n))
	return n
}

// Set records r as the location of the model path.
func (o Object) Set(path string, r model.Range) { o.Locs.Set(o.ID, path, r) }

// String sets *dst from n and records its location. An absent or null node
// leaves *dst as it was.
func (o Object) String(dst *model.String, path string, n *node.Node) {
	if o.At(path, n).IsNull() {
		return
	}
	*dst = String(n)
}

// Bool sets *dst from n and records its location.
func (o Object) Bool(dst *model.Bool, path string, n *node.Node) {
	if o.At(path, n).IsNull() {
		return
	}
	*dst = Bool(n)
}

// Number sets *dst from n and records its location.
func (o Object) Number(dst *model.Number, path string, n *node.Node) {
	if o.At(path, n).IsNull() {
		return
	}
	*dst = Number(n)
}

// StringList sets *dst from n and records the location of the list and of
// each element (path[i]).
func (o Object) StringList(dst *model.StringList, path string, n *node.Node) {
	if o.At(path, n).IsNull() {
		return
	}
	items, ok := n.Items()
	if !ok {
		*dst = model.UnknownOf[[]model.String]()
		return
	}
	out := make([]model.String, 0, len(items))
	for i, it := range items {
		o.Set(model.ElementPath(path, i), it.Range)
		out = append(out, String(it))
	}
	*dst = model.KnownOf(out)
}

// Apply maps every field of fs that the object's format has, reading each
// from its source key in src.
func (o Object) Apply(src *node.Node, fs []Field) {
	for _, f := range fs {
		keys := f.keys(o.Format)
		if len(keys) == 0 {
			continue
		}
		n, _ := FirstOf(src, keys...)
		if n == nil {
			// Nothing non-null is written; a CloudFormation null still
			// records where it was written.
			n = Get(src, keys[0])
		}
		o.set(f, n)
	}
}

func (o Object) set(f Field, n *node.Node) {
	switch {
	case f.String != nil:
		o.String(f.String, f.Path, n)
		if f.Template != nil && n.IsUnknown() {
			*f.Template = n.Template
		}
	case f.Bool != nil:
		o.Bool(f.Bool, f.Path, n)
	case f.Number != nil:
		o.Number(f.Number, f.Path, n)
	case f.List != nil:
		o.StringList(f.List, f.Path, n)
	}
}
