// Package model is the one model every parser fills and every rule reads.
//
// The Go types here are marshalled to JSON and handed to the Rego rules as
// `input`. Every scalar the rules read is a Value, which is in one of three
// states: absent (not written, so AWS's default applies), known (a literal, or
// something the parser could evaluate), or unknown (an unset variable, an
// attribute only known after apply, an unresolvable intrinsic). Rules must
// never fire on an unknown value; policies/lib gives them the predicates that
// make that easy.
package model

import (
	"encoding/json"
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
// {"__unknown__": true} when unknown, and omitted (with `omitzero`) when absent.
type Value[T any] struct {
	State State
	V     T
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
