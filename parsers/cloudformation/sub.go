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
	// b builds the value; tb its template (node.Node's Template), the same
	// text with each unknown part replaced by its own template, for as long
	// as every unknown part has one.
	var b, tb strings.Builder
	var refs []string
	// parts are the value's parts (node.Node's Parts) for when it is
	// unknown: what is known of it stays readable.
	var parts [][]model.Part
	known, templated := true, true
	lit := func(s string) {
		b.WriteString(s)
		tb.WriteString(escapeTemplate(s))
		parts = append(parts, []model.Part{{Text: s}})
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
			if b.Len()+len(txt) > maxValueLen {
				return t.tooLong(fn, b.Len()+len(txt)+len(s), r)
			}
			lit(txt)
		} else {
			known = false
			refs = append(refs, refsOf(v)...)
			templated = templated && v.IsUnknown() && v.Template != ""
			tb.WriteString(v.Template)
			if ps, ok := v.StringParts(); ok {
				parts = append(parts, ps)
			} else {
				parts = append(parts, []model.Part{{Unknown: true, Refs: refsOf(v)}})
			}
		}
	}
	if !known {
		u := node.NewUnknown(r, refsOf(&node.Node{Refs: refs})...)
		if templated && tb.Len() <= maxValueLen {
			u.Template = tb.String()
		}
		if b.Len() <= maxValueLen {
			u.Parts = node.Concat(parts...)
		}
		return u
	}
	return t.computed(fn, b.String(), r)
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
