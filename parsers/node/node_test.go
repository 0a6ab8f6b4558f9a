package node

import (
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

func TestConversionsKeepTheThreeStates(t *testing.T) {
	r := model.Range{File: "f", Start: model.Pos{Line: 1, Column: 1}}
	m := NewMap(r)
	m.Set("s", NewString("x", r))
	m.Set("b", NewString("TRUE", r))
	m.Set("u", NewUnknown(r, "aws_s3_bucket.b"))
	m.Set("l", &Node{Kind: List, List: []*Node{NewString("a", r), NewUnknown(r)}})
	m.Set("m", NewMap(r))
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"string", m.Get("s").AsString(), model.KnownOf("x")},
		{"absent", m.Get("missing").AsString(), model.String{}},
		{"unknown", m.Get("u").AsString(), model.UnknownOf[string]()},
		{"a map is not a string", m.Get("m").AsString(), model.UnknownOf[string]()},
		{"bool from text, any case", m.Get("b").AsBool(), model.KnownOf(true)},
		{"a non-boolean string is unknown", m.Get("s").AsBool(), model.UnknownOf[bool]()},
		{"unknown list", m.Get("u").AsStringList().State, model.Unknown},
		{"scalar as list", len(m.Get("s").AsStringList().V), 1},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, tt.got, tt.want)
		}
	}
	l := m.Get("l").AsStringList()
	if l.State != model.Known || l.V[0] != model.KnownOf("a") || l.V[1].State != model.Unknown {
		t.Errorf("mixed list: %+v", l)
	}
	if m.Get("u").Refs[0] != "aws_s3_bucket.b" || m.Get("s").Get("nested") != nil || (*Node)(nil).Get("x") != nil {
		t.Error("Refs or nil-safe Get broken")
	}
	m.Set("s", NewString("y", r))
	if len(m.Keys) != 5 || m.Get("s").Str != "y" {
		t.Errorf("Set must replace in place: keys %v", m.Keys)
	}
}
