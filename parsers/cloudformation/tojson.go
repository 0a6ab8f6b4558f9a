package cloudformation

import (
	"bytes"
	"encoding/json"
	"regexp"

	"gopkg.in/yaml.v3"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// toJSONString evaluates Fn::ToJsonString (AWS::LanguageExtensions): the
// compact JSON text of an object or array, known when every part of it is.
// The structured value is remembered, so that a policy document written
// this way keeps the positions of its parts.
func (t *template) toJSONString(r model.Range, fn, arg *yaml.Node, depth int) *node.Node {
	v, keep := t.eval(arg, depth+1)
	if !keep || v == nil || v.Kind == node.Unknown {
		return node.NewUnknown(r, refsOf(v)...)
	}
	if v.Kind != node.Map && v.Kind != node.List {
		t.warnf(fn, "invalid Fn::ToJsonString", "Fn::ToJsonString takes an object or an array; its value is treated as unknown")
		return node.NewUnknown(r)
	}
	var b bytes.Buffer
	refs, ok := writeJSON(&b, v, 0)
	if !ok {
		return node.NewUnknown(r, refs...)
	}
	if b.Len() > maxValueLen {
		return t.tooLong(fn, b.Len(), r)
	}
	out := t.computed(fn, b.String(), r)
	if out.Kind == node.String {
		if t.jsonOrigin == nil {
			t.jsonOrigin = map[*node.Node]*node.Node{}
		}
		t.jsonOrigin[out] = v
	}
	return out
}

// writeJSON writes v as compact JSON, keys in source order. It stops at the
// first unknown part (returning the resources it refers to) and once the
// text is longer than any value a template may hold.
func writeJSON(b *bytes.Buffer, v *node.Node, depth int) (refs []string, ok bool) {
	if b.Len() > maxValueLen || depth > maxDepth {
		return nil, false
	}
	switch v.Kind {
	case node.Unknown:
		return v.Refs, false
	case node.Null:
		b.WriteString("null")
	case node.Bool:
		if v.Bool {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case node.Number:
		// YAML numbers such as 012 or 1_000 are not JSON numbers: quote them.
		if isJSONNumber(v.Str) {
			b.WriteString(v.Str)
		} else {
			writeJSONString(b, v.Str)
		}
	case node.String:
		writeJSONString(b, v.Str)
	case node.List:
		b.WriteByte('[')
		for i, it := range v.List {
			if i > 0 {
				b.WriteByte(',')
			}
			if refs, ok := writeJSON(b, it, depth+1); !ok {
				return refs, false
			}
		}
		b.WriteByte(']')
	case node.Map:
		b.WriteByte('{')
		for i, k := range v.Keys {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSONString(b, k)
			b.WriteByte(':')
			if refs, ok := writeJSON(b, v.Map[k], depth+1); !ok {
				return refs, false
			}
		}
		b.WriteByte('}')
	}
	return nil, true
}

// jsonNumberRE is JSON's number grammar.
var jsonNumberRE = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

func isJSONNumber(s string) bool { return jsonNumberRE.MatchString(s) }

// writeJSONString writes s as a JSON string without the HTML escaping of
// encoding/json (CloudFormation writes <, > and & as they are).
func writeJSONString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)       // a string always encodes
	b.Truncate(b.Len() - 1) // Encode appends a newline
}
