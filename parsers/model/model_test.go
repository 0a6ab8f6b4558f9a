package model

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestValueMarshalsThreeStates(t *testing.T) {
	type obj struct {
		A String     `json:"a,omitzero"`
		B Bool       `json:"b,omitzero"`
		L StringList `json:"l,omitzero"`
	}
	tests := []struct {
		name string
		in   obj
		want string
	}{
		{"absent is omitted", obj{}, `{}`},
		{"known is the plain value", obj{A: KnownOf("public-read"), B: KnownOf(false)}, `{"a":"public-read","b":false}`},
		{"unknown is the marker object", obj{A: UnknownOf[string](), B: UnknownOf[bool]()}, `{"a":{"__unknown__":true},"b":{"__unknown__":true}}`},
		{"lists mix known and unknown", obj{L: KnownOf([]String{KnownOf("*"), UnknownOf[string]()})}, `{"l":["*",{"__unknown__":true}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tt.want {
				t.Errorf("got %s, want %s", b, tt.want)
			}
		})
	}
}

func TestLocationsLookupFallsBackToEnclosingPath(t *testing.T) {
	l := Locations{}
	obj := Range{File: "main.tf", Start: Pos{Line: 1, Column: 1}}
	block := Range{File: "main.tf", Start: Pos{Line: 5, Column: 3}}
	attr := Range{File: "main.tf", Start: Pos{Line: 6, Column: 5}}
	l.Set("b", "", obj)
	l.Set("b", "public_access_block", block)
	l.Set("b", "public_access_block.block_public_acls", attr)
	l.Set("b", "ignored", Range{})
	for _, tt := range []struct {
		path string
		want Range
	}{
		{"public_access_block.block_public_acls", attr},
		{"public_access_block.ignore_public_acls", block},
		{"statements[3].actions[1]", obj},
		{"", obj},
		{"ignored", obj},
	} {
		if got, ok := l.Lookup("b", tt.path); !ok || got != tt.want {
			t.Errorf("Lookup(%q) = %v, %v; want %v", tt.path, got, ok, tt.want)
		}
	}
	if _, ok := l.Lookup("missing", ""); ok {
		t.Error("Lookup of an unknown object succeeded")
	}
}

func TestNormalizeFillsCollections(t *testing.T) {
	m := (&Model{}).Normalize()
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	// Every collection is an empty list, never null or missing: rules
	// iterate them without guards. Checked by walking the document, so
	// that each new service does not rewrite one expected string.
	for _, c := range m.Collections() {
		v := doc
		for _, step := range strings.Split(c.Name, ".") {
			obj, _ := v.(map[string]any)
			v = obj[step]
		}
		if l, ok := v.([]any); !ok || len(l) != 0 {
			t.Errorf("%s = %v, want []", c.Name, v)
		}
	}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch x := v.(type) {
		case nil:
			t.Errorf("%s is null", path)
		case map[string]any:
			for k, e := range x {
				walk(path+"."+k, e)
			}
		}
	}
	walk("input", doc)
}
