// Package model is the one model every parser fills and every rule reads.
//
// The Go types here are marshalled to JSON and handed to the Rego rules as
// `input`. Every scalar the rules read is a Value, which is in one of three
// states: absent (not written, so AWS's default applies), known (a literal, or
// something the parser could evaluate), or unknown (an unset variable, an
// attribute only known after apply, an unresolvable intrinsic). An unknown
// string may be partly known: its Parts keep the known text around the
// unknown parts (arn:${AWS::Partition}:iam::111122223333:root). Rules must
// never fire on an unknown value, nor conclude anything from an unknown
// part; policies/lib gives them the predicates that make that easy and the
// readers of what is known of a partly known string.
package model

import (
	"encoding/json"
	"strings"
)

// State says whether a value was written and whether it could be evaluated.
type State uint8

const (
	// Absent means the source does not set the value.
	Absent State = iota
	// Known means the value was evaluated to a concrete value.
	Known
	// Unknown means the value is set but cannot be known before apply.
	Unknown
)

// UnknownKey is the single key of the JSON object that stands for an unknown
// value in the Rego input. No AWS property or policy key has this name, so an
// unknown value never compares equal to anything a rule tests for.
const UnknownKey = "__unknown__"

var unknownJSON = []byte(`{"` + UnknownKey + `":true}`)

// Value is a scalar or composite value from the source that may be absent or
// unknown. Marshalled to JSON it is the plain value when known, the object
// {"__unknown__": true} when unknown (with "parts" when partly known), and
// omitted (with `omitzero`) when absent.
type Value[T any] struct {
	State State
	V     T
	// Parts is set on an unknown string that is partly known. It is a
	// pointer so that Value stays comparable.
	Parts *Parts
}

// Parts are the pieces of a partly known string in order: known text and
// unknown parts, at least one of each. Two known parts are never adjacent.
type Parts []Part

// Part is one piece of a partly known string: known text, or an unknown part
// (Unknown set) with what the parser knows of where it comes from. An
// unknown part may stand for any text, including none; policies/lib reads
// the known text around it and concludes nothing about it, except that an
// unknown part written alone between two colons of an ARN
// (arn:${AWS::Partition}:iam::...) is that one field, as ARNs are written.
type Part struct {
	// Text is the known text of a known part.
	Text string `json:"text,omitempty"`
	// Unknown marks an unknown part.
	Unknown bool `json:"unknown,omitempty"`
	// Refs are the IDs of the resources an unknown part is computed from
	// (a Terraform reference, a CloudFormation Ref or Fn::GetAtt).
	Refs []string `json:"refs,omitempty"`
	// Attribute, on an unknown part that is one resource's attribute
	// (Refs has that one resource), names it in lower case as written:
	// Terraform's "arn", "id", "bucket", CloudFormation's GetAtt "arn",
	// and "ref" for a CloudFormation Ref of a resource.
	Attribute string `json:"attribute,omitempty"`
}

// String writes the parts as a template, for messages and tests: known
// text as it is, an unknown part as ${refs.attribute}.
func (ps Parts) String() string {
	var b strings.Builder
	for _, p := range ps {
		if !p.Unknown {
			b.WriteString(p.Text)
			continue
		}
		b.WriteString("${")
		b.WriteString(strings.Join(p.Refs, ","))
		b.WriteString(".")
		b.WriteString(p.Attribute)
		b.WriteString("}")
	}
	return b.String()
}

// PartlyKnown returns the unknown string made of parts, or an unknown string
// without parts when parts has no known text or no unknown part. Adjacent
// known parts are merged.
func PartlyKnown(parts []Part) String {
	v := UnknownOf[string]()
	known, unknown := false, false
	for _, p := range parts {
		if p.Unknown {
			unknown = true
		} else if p.Text != "" {
			known = true
		}
	}
	if !known || !unknown {
		return v
	}
	out := make(Parts, 0, len(parts))
	for _, p := range parts {
		if p.Unknown {
			out = append(out, p)
			continue
		}
		if p.Text == "" {
			continue
		}
		if n := len(out); n > 0 && !out[n-1].Unknown {
			out[n-1].Text += p.Text
			continue
		}
		out = append(out, Part{Text: p.Text})
	}
	v.Parts = &out
	return v
}

// KnownOf returns a known value.
func KnownOf[T any](v T) Value[T] { return Value[T]{State: Known, V: v} }

// UnknownOf returns an unknown value.
func UnknownOf[T any]() Value[T] { return Value[T]{State: Unknown} }

// IsZero reports whether the value is absent; `omitzero` uses it.
func (v Value[T]) IsZero() bool { return v.State == Absent }

// IsKnown reports whether the value is known.
func (v Value[T]) IsKnown() bool { return v.State == Known }

// Get returns the value and whether it is known.
func (v Value[T]) Get() (T, bool) { return v.V, v.State == Known }

// MarshalJSON implements json.Marshaler.
func (v Value[T]) MarshalJSON() ([]byte, error) {
	switch v.State {
	case Unknown:
		if v.Parts != nil {
			parts, err := json.Marshal(*v.Parts)
			if err != nil {
				return nil, err
			}
			b := append([]byte(`{"`+UnknownKey+`":true,"parts":`), parts...)
			return append(b, '}'), nil
		}
		return unknownJSON, nil
	case Known:
		return json.Marshal(v.V)
	default:
		return []byte("null"), nil
	}
}

// String, Bool and the list forms are the value types the model uses.
type (
	String     = Value[string]
	Bool       = Value[bool]
	Number     = Value[float64]
	StringList = Value[[]String]
)
