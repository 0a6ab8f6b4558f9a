// Package modelschema derives a JSON schema and a Markdown reference of the
// seclint model (parsers/model, Rego's `input`) from its Go types and their
// doc comments. It follows any struct the model reaches, so adding a field or
// a type to the model needs nothing here: regenerate with
//
//	go run ./internal/gen
//
// The schema is what OPA's type checker uses to reject a misspelt field in a
// rule, so every object is closed (additionalProperties: false), and a
// model.Value[T] is the union of T and the unknown marker object.
package modelschema

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/seclint/seclint/internal/jsonfields"
	"github.com/seclint/seclint/parsers/model"
)

// Schema is the subset of JSON Schema (draft-07) the generator writes.
// Field order here is the order of keys in the output file.
type Schema struct {
	Schema               string             `json:"$schema,omitempty"`
	Ref                  string             `json:"$ref,omitempty"`
	Title                string             `json:"title,omitempty"`
	Description          string             `json:"description,omitempty"`
	Type                 any                `json:"type,omitempty"`
	Properties           map[string]*Schema `json:"properties,omitempty"`
	Required             []string           `json:"required,omitempty"`
	AdditionalProperties any                `json:"additionalProperties,omitempty"`
	Items                *Schema            `json:"items,omitempty"`
	AnyOf                []*Schema          `json:"anyOf,omitempty"`
	Definitions          map[string]*Schema `json:"definitions,omitempty"`
}

// unknownDef is the definition name of the object that stands for an
// unknown value (model.UnknownKey).
const unknownDef = "unknown"

// Field is one JSON property of an object type, in Go declaration order.
type Field struct {
	// Name is the JSON name.
	Name string
	// Type is a short human description of the type, with Markdown links
	// to other object types.
	Type     string
	Doc      string
	Required bool
}

// Object is one struct type of the model.
type Object struct {
	Name   string
	Doc    string
	Fields []Field
	// Paths are where the object occurs in the input, e.g.
	// "input.aws.s3.buckets[_]".
	Paths []string
}

// Result is what Generate derives from the model.
type Result struct {
	Schema *Schema
	// Objects are the model's struct types in order of first appearance
	// (depth first from Model).
	Objects []*Object
}

type generator struct {
	docs    *Docs
	defs    map[string]*Schema
	objects map[string]*Object
	types   map[string]reflect.Type
	order   []*Object
}

// Generate builds the schema and the object reference of model.Model,
// taking descriptions from docs (see ParseDocs); with nil docs, the schema
// has no descriptions, which is all a type checker needs.
func Generate(docs *Docs) (*Result, error) {
	g := &generator{docs: docs, defs: map[string]*Schema{}, objects: map[string]*Object{}, types: map[string]reflect.Type{}}
	g.defs[unknownDef] = &Schema{
		Description: "An unknown value: set in the source, but only known at deploy time. Rules never fire on it. A partly known string also has its parts.",
		Type:        "object",
		Properties:  map[string]*Schema{model.UnknownKey: {Type: "boolean"}},
		Required:    []string{model.UnknownKey},

		AdditionalProperties: false,
	}
	root, err := g.schemaOf(reflect.TypeFor[model.Model](), "input")
	if err != nil {
		return nil, err
	}
	// A partly known string is the unknown object with its parts
	// (model.Value's Parts).
	parts, err := g.schemaOf(reflect.TypeFor[model.Parts](), "(a partly known string).parts")
	if err != nil {
		return nil, err
	}
	parts.Description = "The known and unknown parts of a partly known string, in order."
	g.defs[unknownDef].Properties["parts"] = parts
	top := g.defs[root.Ref[len("#/definitions/"):]]
	out := *top
	out.Schema = "http://json-schema.org/draft-07/schema#"
	out.Title = "seclint model"
	out.Description = "Rego's input: the model of one scan unit (generated from parsers/model by go run ./internal/gen; do not edit). " + top.Description
	out.Definitions = g.defs
	return &Result{Schema: &out, Objects: g.order}, nil
}

// JSON returns the schema as indented JSON with a final newline.
func (r *Result) JSON() ([]byte, error) {
	b, err := json.MarshalIndent(r.Schema, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encoding schema: %w", err)
	}
	return append(b, '\n'), nil
}

var valueType = reflect.TypeFor[model.Value[int]]()

// isValue reports whether t is an instance of the generic model.Value.
func isValue(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t.PkgPath() == valueType.PkgPath() &&
		strings.HasPrefix(t.Name(), "Value[")
}

// schemaOf returns the schema of a Go type; path is where a value of the
// type sits in the input, for the reference's "found at" lines.
func (g *generator) schemaOf(t reflect.Type, path string) (*Schema, error) {
	if isValue(t) {
		v, ok := t.FieldByName("V")
		if !ok {
			return nil, fmt.Errorf("%s has no field V", t)
		}
		inner, err := g.schemaOf(v.Type, path)
		if err != nil {
			return nil, err
		}
		return &Schema{AnyOf: []*Schema{inner, {Ref: "#/definitions/" + unknownDef}}}, nil
	}
	switch t.Kind() {
	case reflect.Pointer:
		return g.schemaOf(t.Elem(), path)
	case reflect.String:
		return &Schema{Type: "string"}, nil
	case reflect.Bool:
		return &Schema{Type: "boolean"}, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return &Schema{Type: "integer"}, nil
	case reflect.Float32, reflect.Float64:
		return &Schema{Type: "number"}, nil
	case reflect.Slice, reflect.Array:
		items, err := g.schemaOf(t.Elem(), path+"[_]")
		if err != nil {
			return nil, err
		}
		return &Schema{Type: "array", Items: items}, nil
	case reflect.Map:
		if t.Key().Kind() != reflect.String {
			return nil, fmt.Errorf("map %s: only string keys have a JSON form", t)
		}
		elem, err := g.schemaOf(t.Elem(), path+"[_]")
		if err != nil {
			return nil, err
		}
		return &Schema{Type: "object", AdditionalProperties: elem}, nil
	case reflect.Interface:
		return &Schema{}, nil
	case reflect.Struct:
		return g.object(t, path)
	}
	return nil, fmt.Errorf("type %s (%s) has no JSON schema", t, t.Kind())
}

// object returns a reference to the definition of struct type t, building
// it on first use.
func (g *generator) object(t reflect.Type, path string) (*Schema, error) {
	name := t.Name()
	if name == "" {
		return nil, fmt.Errorf("anonymous struct at %s: give it a named type so it can be documented", path)
	}
	ref := &Schema{Ref: "#/definitions/" + name}
	if prev, ok := g.types[name]; ok {
		if prev != t {
			return nil, fmt.Errorf("two types are named %s: %s and %s", name, prev, t)
		}
		if o := g.objects[name]; !slices.Contains(o.Paths, path) {
			o.Paths = append(o.Paths, path)
		}
		return ref, nil
	}
	g.types[name] = t
	obj := &Object{Name: name, Doc: g.docs.Type(name), Paths: []string{path}}
	g.objects[name] = obj
	g.order = append(g.order, obj)
	def := &Schema{Description: obj.Doc, Type: "object", Properties: map[string]*Schema{}, AdditionalProperties: false}
	g.defs[name] = def
	for _, f := range jsonfields.Of(t) {
		s, err := g.schemaOf(f.Type, path+"."+f.Name)
		if err != nil {
			return nil, fmt.Errorf("%s.%s: %w", name, f.GoName, err)
		}
		doc := g.docs.Field(f.Owner.Name(), f.GoName)
		if doc == "" {
			// An undocumented field of a documented type says what the type is.
			doc = g.docs.Type(namedElem(f.Type))
		}
		omit := f.Has("omitempty") || f.Has("omitzero")
		if s.Ref == "" {
			s.Description = doc
		}
		// A nil slice, map or pointer marshals as null unless omitted; say so,
		// and keep the array type first so OPA types it as an array.
		if !omit && nilable(f.Type) && s.Type == "array" {
			s.Type = []string{"array", "null"}
		}
		def.Properties[f.Name] = s
		required := !omit && !nilable(f.Type)
		if required {
			def.Required = append(def.Required, f.Name)
		}
		obj.Fields = append(obj.Fields, Field{Name: f.Name, Type: typeText(f.Type), Doc: doc, Required: required})
	}
	return ref, nil
}

func nilable(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		return true
	}
	return false
}

// namedElem is the name of the struct a field's type holds, if any.
func namedElem(t reflect.Type) string {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	if isValue(t) {
		return ""
	}
	return t.Name()
}

// typeText describes a type for the reference, e.g. "array of [Bucket](#bucket)".
func typeText(t reflect.Type) string {
	if isValue(t) {
		v, _ := t.FieldByName("V")
		return "value of " + typeText(v.Type)
	}
	switch t.Kind() {
	case reflect.Pointer:
		return typeText(t.Elem())
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "integer"
	case reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Slice, reflect.Array:
		return "array of " + typeText(t.Elem())
	case reflect.Map:
		return "object of " + typeText(t.Elem())
	case reflect.Struct:
		return fmt.Sprintf("[%s](#%s)", t.Name(), strings.ToLower(t.Name()))
	}
	return "any"
}
