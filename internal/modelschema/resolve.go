package modelschema

import (
	"fmt"
	"strconv"
	"strings"
)

// Resolve checks that an attribute path ("statements[2].principals",
// "public_access_block.block_public_acls", "" for the object itself)
// names a place in the objects of a collection ("aws.s3.buckets"). It
// resolves against the schema, so a field that is absent in a given model
// still resolves. The error names the first segment that does not.
func (r *Result) Resolve(collection, path string) error {
	s := r.Schema
	for name := range strings.SplitSeq(collection, ".") {
		next := r.field(s, name)
		if next == nil {
			return fmt.Errorf("the model has no collection %s", collection)
		}
		s = next
	}
	s = r.items(s)
	if s == nil {
		return fmt.Errorf("%s is not a collection", collection)
	}
	segs, err := splitPath(path)
	if err != nil {
		return err
	}
	done := ""
	for _, seg := range segs {
		var next *Schema
		if seg.index {
			next = r.items(s)
		} else {
			next = r.field(s, seg.name)
		}
		if next == nil {
			at := "the object"
			if done != "" {
				at = done
			}
			return fmt.Errorf("%s has no %s", at, seg)
		}
		done += seg.String()
		s = next
	}
	return nil
}

type segment struct {
	name  string
	index bool
}

func (s segment) String() string {
	if s.index {
		return "[" + s.name + "]"
	}
	return "." + s.name
}

// splitPath splits "a.b[2].c" into a, b, [2], c.
func splitPath(p string) ([]segment, error) {
	var out []segment
	for p != "" {
		switch p[0] {
		case '.':
			p = p[1:]
		case '[':
			end := strings.IndexByte(p, ']')
			if end < 0 {
				return nil, fmt.Errorf("unclosed [ in path")
			}
			if _, err := strconv.Atoi(p[1:end]); err != nil {
				return nil, fmt.Errorf("index %q is not a number", p[1:end])
			}
			out = append(out, segment{name: p[1:end], index: true})
			p = p[end+1:]
			continue
		}
		end := strings.IndexAny(p, ".[")
		if end < 0 {
			end = len(p)
		}
		if end == 0 {
			return nil, fmt.Errorf("empty segment in path")
		}
		out = append(out, segment{name: p[:end]})
		p = p[end:]
	}
	return out, nil
}

// deref follows a $ref to its definition.
func (r *Result) deref(s *Schema) *Schema {
	for s != nil && s.Ref != "" {
		s = r.Schema.Definitions[strings.TrimPrefix(s.Ref, "#/definitions/")]
	}
	return s
}

// branches are the alternatives of a schema: its anyOf members (a
// model.Value's known form and the unknown marker), or itself.
func (r *Result) branches(s *Schema) []*Schema {
	s = r.deref(s)
	if s == nil {
		return nil
	}
	if len(s.AnyOf) == 0 {
		return []*Schema{s}
	}
	var out []*Schema
	for _, b := range s.AnyOf {
		out = append(out, r.branches(b)...)
	}
	return out
}

// field is the schema of property name of s, or nil.
func (r *Result) field(s *Schema, name string) *Schema {
	for _, b := range r.branches(s) {
		if p, ok := b.Properties[name]; ok {
			return p
		}
		if ap, ok := b.AdditionalProperties.(*Schema); ok {
			return ap
		}
	}
	return nil
}

// items is the schema of the elements of s, or nil when s is no array.
func (r *Result) items(s *Schema) *Schema {
	for _, b := range r.branches(s) {
		if b.Items != nil {
			return b.Items
		}
	}
	return nil
}
