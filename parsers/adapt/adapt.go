// Package adapt is the vocabulary that the Terraform and CloudFormation
// adapters share to map a node tree (parsers/node) onto the model: field
// access that keeps unknowns unknown, conversion to the model's three-state
// values with the coercions both formats accept, literal detection, lookup
// of the object a value points to, and an Object that sets a model value and
// records its location in one call.
//
// A resource type is its model struct, a table of Fields that names each
// model path once beside its source key in each format (fields.go), and
// per format only what the table cannot say.
package adapt

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// Get returns the value at the nested keys of n, or nil when a key is
// absent. Below an unknown value every key is unknown too, carrying the
// unknown value's range and references, so that a field read through an
// unresolved expression (a dynamic block, an intrinsic function) stays
// unknown instead of becoming absent.
func Get(n *node.Node, keys ...string) *node.Node {
	for _, k := range keys {
		switch {
		case n == nil:
			return nil
		case n.Kind == node.Unknown:
			return &node.Node{Kind: node.Unknown, Range: n.Range, KeyRange: n.KeyRange, Refs: n.Refs}
		}
		n = n.Get(k)
	}
	return n
}

// FirstOf returns the first of the keys of n whose value is written and not
// null, with that key; or nil and "" when none is. Providers offer several
// spellings of one setting (value, insecure_value, value_wo), of which at
// most one is written.
func FirstOf(n *node.Node, keys ...string) (*node.Node, string) {
	for _, k := range keys {
		if v := Get(n, k); !v.IsNull() {
			return v, k
		}
	}
	return nil, ""
}

// Loc returns where a finding about the value n points: the key that names
// a block (a mapping or a list) when the parser recorded one, else the value
// itself, which for a computed value is its expression.
func Loc(n *node.Node) model.Range {
	if n == nil {
		return model.Range{}
	}
	if (n.Kind == node.Map || n.Kind == node.List) && !n.KeyRange.IsZero() {
		return n.KeyRange
	}
	return n.Range
}

// String converts n to a model string: absent for null, unknown for unknown
// values and for lists and maps, known text for scalars.
func String(n *node.Node) model.String { return n.AsString() }

// Bool converts n to a model bool. The strings "true" and "false" (in any
// case) are booleans: CloudFormation passes every parameter as a string and
// both formats accept them.
func Bool(n *node.Node) model.Bool { return n.AsBool() }

// Number converts n to a model number: absent for null, known for a number
// or a string holding one (CloudFormation parameters are strings), unknown
// for anything else.
func Number(n *node.Node) model.Number {
	switch {
	case n.IsNull():
		return model.Number{}
	case n.Kind == node.Number || n.Kind == node.String:
		if f, err := strconv.ParseFloat(strings.TrimSpace(n.Str), 64); err == nil {
			return model.KnownOf(f)
		}
	}
	return model.UnknownOf[float64]()
}

// StringList converts a string-or-list node to a model string list.
func StringList(n *node.Node) model.StringList { return n.AsStringList() }

// Literal reports whether n is a known scalar written as a literal in the
// source: not computed from a variable, parameter, reference or dynamic
// reference. Rules about secrets in code read it.
func Literal(n *node.Node) bool {
	return n != nil && n.Literal && n.Kind != node.Unknown && n.Kind != node.Null
}

// TextLength is the length in characters of a known scalar, absent
// otherwise.
func TextLength(n *node.Node) model.Number {
	s, ok := n.Scalar()
	if !ok {
		return model.Number{}
	}
	return model.KnownOf(float64(utf8.RuneCountInString(s)))
}
