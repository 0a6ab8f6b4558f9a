// Package node is the positioned value tree that parsers build between the
// source syntax and the model: a JSON-like value whose every part carries its
// source range and may be unknown. Terraform (cty values walked beside their
// HCL expressions), CloudFormation (evaluated yaml.v3 nodes) and policy JSON
// all produce it, so the code that maps values into the model — the policy
// document decoder above all — is written once.
package node

import (
	"strconv"

	"github.com/seclint/seclint/parsers/model"
)

// Kind is the kind of a Node.
type Kind uint8

const (
	Null Kind = iota
	Unknown
	String
	Number
	Bool
	List
	Map
)

// Node is one value with its source range.
type Node struct {
	Kind Kind
	Bool bool
	// Literal is set on a known scalar written as a literal in the source:
	// no variable, parameter, reference, dynamic reference or
	// interpolation of anything but literals, and no function that reads
	// a file. Rules about secrets in code read it; a value computed from
	// a variable that has a default, or from a CloudFormation parameter,
	// is not a literal. (The small fields come first: packed together
	// they keep a Node within a smaller allocation size class.)
	Literal bool
	// Str holds String values and the source text of Number values.
	Str  string
	List []*Node
	// Keys keeps map keys in source order; Map holds the entries.
	Keys []string
	Map  map[string]*Node
	// Range is the value's range; KeyRange is the range of the key that names
	// it when it is a map entry (used when a finding is about the entry).
	Range    model.Range
	KeyRange model.Range
	// Refs are the IDs of the resources the value was computed from (a
	// Terraform reference, a CloudFormation Ref or GetAtt), so adapters can
	// link resources even when the value itself is unknown.
	Refs []string
	// Origin is where the literal is written when that is not Range: a
	// Terraform local or a literal argument of a module call the value
	// travelled through, a CloudFormation parameter's Default. Zero when
	// the literal is written at Range itself.
	Origin model.Range
	// Template is set on an unknown value that a parser can name by how it
	// is computed: two unknown values of one scan unit with the same
	// non-empty Template are equal, because they are the same computation
	// over the same unknown inputs (a Terraform expression over variables
	// and locals in one module instance, a CloudFormation Sub over
	// parameters). The linking step matches a bucket's unknown name with a
	// target written the same way through it; its text is the parser's.
	Template string
	// Parts are set on an unknown string that is partly known (a Terraform
	// string template or a CloudFormation Sub or Join with known text
	// around unknown parts); see model.Parts.
	Parts []model.Part
}

// NewMap returns an empty map node.
func NewMap(r model.Range) *Node { return &Node{Kind: Map, Map: map[string]*Node{}, Range: r} }

// NewString returns a known string node.
func NewString(s string, r model.Range) *Node { return &Node{Kind: String, Str: s, Range: r} }

// NewUnknown returns an unknown node.
func NewUnknown(r model.Range, refs ...string) *Node {
	return &Node{Kind: Unknown, Range: r, Refs: refs}
}

// Set adds or replaces a map entry, keeping the first position of the key.
func (n *Node) Set(key string, v *Node) {
	if _, ok := n.Map[key]; !ok {
		n.Keys = append(n.Keys, key)
	}
	n.Map[key] = v
}

// Get returns a map entry, or nil when n is not a map or lacks the key.
// Get on a nil node returns nil, so lookups chain: n.Get("a").Get("b").
func (n *Node) Get(key string) *Node {
	if n == nil || n.Kind != Map {
		return nil
	}
	return n.Map[key]
}

// IsUnknown reports whether n is present and unknown.
func (n *Node) IsUnknown() bool { return n != nil && n.Kind == Unknown }

// IsNull reports whether n is absent or null.
func (n *Node) IsNull() bool { return n == nil || n.Kind == Null }

// Scalar returns the text of a string, number or bool node.
func (n *Node) Scalar() (string, bool) {
	if n == nil {
		return "", false
	}
	switch n.Kind {
	case String, Number:
		return n.Str, true
	case Bool:
		return strconv.FormatBool(n.Bool), true
	}
	return "", false
}

// AsString converts n to a model string: absent for null, unknown for
// unknown (partly known with its Parts), known for scalars, and unknown for lists and maps (a type error in
// the source is not a value the rules can reason about).
func (n *Node) AsString() model.String {
	switch {
	case n.IsNull():
		return model.String{}
	case n.Kind == Unknown && len(n.Parts) > 0:
		return model.PartlyKnown(n.Parts)
	case n.Kind == Unknown:
		return model.UnknownOf[string]()
	}
	if s, ok := n.Scalar(); ok {
		return model.KnownOf(s)
	}
	return model.UnknownOf[string]()
}

// AsBool converts n to a model bool. Strings "true" and "false" are accepted
// in any case, as CloudFormation and Terraform both accept them.
func (n *Node) AsBool() model.Bool {
	switch {
	case n.IsNull():
		return model.Bool{}
	case n.Kind == Bool:
		return model.KnownOf(n.Bool)
	case n.Kind == String:
		if b, err := strconv.ParseBool(n.Str); err == nil {
			return model.KnownOf(b)
		}
	}
	return model.UnknownOf[bool]()
}

// Items returns the elements of a list, or n itself as a one-element list for
// a scalar (policy documents and CloudFormation accept a string where a list
// of strings is expected). It returns ok=false when n is unknown.
func (n *Node) Items() (items []*Node, ok bool) {
	switch {
	case n.IsNull():
		return nil, true
	case n.Kind == Unknown:
		return nil, false
	case n.Kind == List:
		return n.List, true
	}
	return []*Node{n}, true
}

// AsStringList converts a string-or-list node to a model string list.
func (n *Node) AsStringList() model.StringList {
	return n.StringListOf((*Node).AsString)
}

// StringListOf converts each element of a string-or-list node with item:
// absent when nothing is written, unknown when the list itself is unknown
// (a dynamic block, an intrinsic that cannot be evaluated); an element
// that is unknown stays an unknown element.
func (n *Node) StringListOf(item func(*Node) model.String) model.StringList {
	if n.IsNull() {
		return model.StringList{}
	}
	items, ok := n.Items()
	if !ok {
		return model.UnknownOf[[]model.String]()
	}
	out := make([]model.String, 0, len(items))
	for _, it := range items {
		out = append(out, item(it))
	}
	return model.KnownOf(out)
}

// RangeOr returns n's range, or fallback when n is nil or has none.
func (n *Node) RangeOr(fallback model.Range) model.Range {
	if n == nil || n.Range.Start.Line == 0 {
		return fallback
	}
	return n.Range
}
