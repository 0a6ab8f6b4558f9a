package cloudformation

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// sub evaluates Fn::Sub in its two forms, "text" and [text, {vars}]. The
// result is known only when every ${...} is; otherwise it is unknown and
// records the resources it refers to.
func (t *template) sub(r model.Range, fn, arg *yaml.Node, depth int) *node.Node {
	var textNode, vars *yaml.Node
	switch {
	case arg.Kind == yaml.ScalarNode:
		textNode = arg
	case arg.Kind == yaml.SequenceNode && (len(arg.Content) == 1 || len(arg.Content) == 2):
		textNode = arg.Content[0]
		if len(arg.Content) == 2 {
			vars = deref(arg.Content[1])
		}
	default:
		t.warnf(fn, "invalid Fn::Sub", "Fn::Sub takes a string or a list of a string and a mapping; its value is treated as unknown")
		return node.NewUnknown(r)
	}
	s, tv, ok := t.text(textNode, depth)
	if !ok {
		return node.NewUnknown(r, refsOf(tv)...)
	}
	// The text's pieces in order: known text (written, or a variable's
	// known value), and the variables whose value is not known. Variables
	// are evaluated in order, up to the first that makes the value too long.
	type piece struct {
		text string
		v    *node.Node // a variable whose value is not known, or nil
	}
	// Each ${...} makes a piece, and so does the text before it and after
	// the last (a ${!Literal} or an unclosed ${ makes more).
	pieces := make([]piece, 0, 2*strings.Count(s, "${")+1)
	size := 0 // bytes of known text
	known := true
	lit := func(s string) {
		pieces = append(pieces, piece{text: s})
		size += len(s)
	}
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			lit(s)
			break
		}
		lit(s[:i])
		s = s[i+2:]
		if strings.HasPrefix(s, "!") {
			// ${!Literal} is the text ${Literal}.
			lit("${")
			s = s[1:]
			continue
		}
		j := strings.IndexByte(s, '}')
		if j < 0 {
			lit("${")
			lit(s)
			break
		}
		name := strings.TrimSpace(s[:j])
		s = s[j+1:]
		v := t.subVar(name, fn, vars, r, depth)
		if txt, ok := v.Scalar(); ok {
			if size+len(txt) > maxValueLen {
				return t.tooLong(fn, size+len(txt)+len(s), r)
			}
			lit(txt)
		} else {
			known = false
			pieces = append(pieces, piece{v: v})
		}
	}
	if known {
		var b strings.Builder
		b.Grow(size)
		for _, p := range pieces {
			b.WriteString(p.text)
		}
		return t.computed(fn, b.String(), r)
	}
	// The value is unknown. Its parts (node.Node's Parts) keep what is
	// known of it readable; its template (node.Node's Template) is the same
	// text with each unknown part replaced by its own template, for as long
	// as every unknown part has one.
	var unknowns []*node.Node
	parts := make([]model.Part, 0, len(pieces))
	templated := true
	for _, p := range pieces {
		if p.v == nil {
			parts = append(parts, model.Part{Text: p.text})
			continue
		}
		unknowns = append(unknowns, p.v)
		templated = templated && p.v.IsUnknown() && p.v.Template != ""
		if ps, ok := p.v.StringParts(); ok {
			parts = append(parts, ps...)
		} else {
			parts = append(parts, model.Part{Unknown: true, Refs: refsOf(p.v)})
		}
	}
	u := node.NewUnknown(r, refsOf(unknowns...)...)
	if templated {
		var tb strings.Builder
		for _, p := range pieces {
			if p.v == nil {
				tb.WriteString(escapeTemplate(p.text))
			} else {
				tb.WriteString(p.v.Template)
			}
		}
		if tb.Len() <= maxValueLen {
			u.Template = tb.String()
		}
	}
	if size <= maxValueLen {
		u.Parts = node.Concat(parts)
	}
	return u
}

// subVar returns the value of ${name} in a Sub: a variable of the Sub, a
// parameter, a pseudo parameter, a resource (unknown), or Res.Attr (an
// unknown attribute of Res).
func (t *template) subVar(name string, fn, vars *yaml.Node, r model.Range, depth int) *node.Node {
	if v := t.lookup(vars, name); v != nil {
		ev, keep := t.eval(v, depth+1)
		if !keep || ev == nil {
			return node.NewUnknown(r)
		}
		return ev
	}
	if id, attr, ok := strings.Cut(name, "."); ok {
		return node.NewAttribute(r, id, strings.ToLower(attr))
	}
	v, keep := t.refName(name, fn, r)
	if !keep || v == nil {
		return node.NewUnknown(r)
	}
	return v
}

// paramTemplate is the template (node.Node's Template) of an unknown
// parameter or pseudo parameter: its name as a Sub writes it. A parameter
// has one value in the whole template, pseudo parameters included.
func paramTemplate(name string) string { return "${" + name + "}" }

// escapeTemplate writes known text into a template: "$" is doubled, so that
// known text can never read as a parameter's ${Name}, and two templates
// are equal only when their known texts and parameters are.
func escapeTemplate(s string) string { return strings.ReplaceAll(s, "$", "$$") }
