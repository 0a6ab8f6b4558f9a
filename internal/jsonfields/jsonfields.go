// Package jsonfields lists the members encoding/json writes for a struct
// type, with its rules. The rule input converter (policies) and the model
// schema generator (internal/modelschema) both walk the model's Go types
// and must agree with encoding/json, and so with each other.
package jsonfields

import (
	"reflect"
	"slices"
	"strings"
)

// Field is one JSON member of a struct, as encoding/json chooses them.
type Field struct {
	// Name is the JSON name: the tag's, else the Go name.
	Name   string
	GoName string
	// Owner is the struct type that declares the field (an embedded
	// struct's, for promoted fields).
	Owner reflect.Type
	// Index leads to the field through embedded structs.
	Index  []int
	Type   reflect.Type
	Tagged bool
	// Options are the tag's options after the name, e.g. "omitempty,string".
	Options string
}

// Has reports whether the field's tag has the option, e.g. "omitzero".
func (f Field) Has(option string) bool {
	for opts := f.Options; opts != ""; {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if o == option {
			return true
		}
	}
	return false
}

// Of lists the JSON members of struct t in encoding/json's order and with
// its rules: exported fields, tag names, fields of embedded structs promoted
// unless a shallower or tagged field of the same name wins, and names that
// collide at equal standing dropped.
func Of(t reflect.Type) []Field {
	type level struct {
		typ   reflect.Type
		index []int
	}
	current := []level{}
	next := []level{{typ: t}}
	var count, nextCount map[reflect.Type]int
	visited := map[reflect.Type]bool{}
	var fields []Field
	for len(next) > 0 {
		current, next = next, current[:0]
		count, nextCount = nextCount, map[reflect.Type]int{}
		for _, l := range current {
			if visited[l.typ] {
				continue
			}
			visited[l.typ] = true
			for i := range l.typ.NumField() {
				sf := l.typ.Field(i)
				if sf.Anonymous {
					ft := sf.Type
					if ft.Kind() == reflect.Pointer {
						ft = ft.Elem()
					}
					if !sf.IsExported() && ft.Kind() != reflect.Struct {
						continue
					}
				} else if !sf.IsExported() {
					continue
				}
				tag := sf.Tag.Get("json")
				if tag == "-" {
					continue
				}
				name, opts, _ := strings.Cut(tag, ",")
				if !validTagName(name) {
					name = ""
				}
				index := append(slices.Clip(l.index), i)
				ft := sf.Type
				if ft.Name() == "" && ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				if name != "" || !sf.Anonymous || ft.Kind() != reflect.Struct {
					f := Field{
						Name:    name,
						GoName:  sf.Name,
						Owner:   l.typ,
						Index:   index,
						Type:    sf.Type,
						Tagged:  name != "",
						Options: opts,
					}
					if f.Name == "" {
						f.Name = sf.Name
					}
					fields = append(fields, f)
					if count[l.typ] > 1 {
						// The same struct embedded twice at one depth: the
						// copy makes the name ambiguous, so it is dropped below.
						fields = append(fields, fields[len(fields)-1])
					}
					continue
				}
				nextCount[ft]++
				if nextCount[ft] == 1 {
					next = append(next, level{typ: ft, index: index})
				}
			}
		}
	}
	slices.SortStableFunc(fields, func(a, b Field) int {
		if c := strings.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		if c := len(a.Index) - len(b.Index); c != 0 {
			return c
		}
		if a.Tagged != b.Tagged {
			if a.Tagged {
				return -1
			}
			return 1
		}
		return slices.Compare(a.Index, b.Index)
	})
	out := fields[:0]
	for i := 0; i < len(fields); {
		j := i + 1
		for j < len(fields) && fields[j].Name == fields[i].Name {
			j++
		}
		// fields[i] dominates unless the next one stands as high.
		if j-i == 1 || len(fields[i].Index) != len(fields[i+1].Index) || fields[i].Tagged != fields[i+1].Tagged {
			out = append(out, fields[i])
		}
		i = j
	}
	slices.SortFunc(out, func(a, b Field) int { return slices.Compare(a.Index, b.Index) })
	return out
}

func validTagName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", r):
		case !isLetterOrDigit(r):
			return false
		}
	}
	return true
}

// isLetterOrDigit is encoding/json's test for the rest of a tag name: an
// ASCII letter or digit, or any non-ASCII character.
func isLetterOrDigit(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r > 127
}
