package node

import (
	"reflect"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

func TestStringPartsAndConcat(t *testing.T) {
	r := model.Range{File: "f", Start: model.Pos{Line: 1, Column: 1}}
	attr := NewAttribute(r, "Bucket", "arn")
	known := NewString("x", r)
	plain := NewUnknown(r, "Res")
	got := Concat(mustParts(t, attr), []model.Part{{Text: "/"}}, mustParts(t, known), mustParts(t, plain))
	want := []model.Part{
		{Unknown: true, Refs: []string{"Bucket"}, Attribute: "arn"},
		{Text: "/x"},
		{Unknown: true, Refs: []string{"Res"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Concat = %+v, want %+v", got, want)
	}
	if Concat([]model.Part{{Text: "a"}}, []model.Part{{Text: "b"}}) != nil {
		t.Error("all known text is no partly known string")
	}
	many := make([][]model.Part, 0, 2*maxParts)
	for range maxParts {
		many = append(many, []model.Part{{Text: "a"}}, []model.Part{{Unknown: true}})
	}
	if Concat(many...) != nil {
		t.Error("more than maxParts parts are kept")
	}
	if _, ok := NewMap(r).StringParts(); ok {
		t.Error("a map is no part of a string")
	}
	if v := attr.AsString(); v.Parts != nil || v.State != model.Unknown {
		t.Errorf("a lone attribute is plainly unknown as a string: %+v", v)
	}
	if v := attr.AsReference(); v.Parts == nil || (*v.Parts)[0].Attribute != "arn" {
		t.Errorf("a lone attribute keeps its part as a reference: %+v", v)
	}
}

func mustParts(t *testing.T, n *Node) []model.Part {
	t.Helper()
	ps, ok := n.StringParts()
	if !ok {
		t.Fatalf("%+v has no string parts", n)
	}
	return ps
}
