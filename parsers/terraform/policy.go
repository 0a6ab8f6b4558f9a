package terraform

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// maxPolicyDepth bounds how far policyDoc follows locals, variables,
// outputs and nested documents (source_policy_documents of
// source_policy_documents ...).
const maxPolicyDepth = 16

// scope is where an expression is evaluated: a module instance and a
// context of it (the instance's own, or a resource instance's with its
// count.index and each.*). Inside a templatefile template there is no
// module instance.
type scope struct {
	mi  *modInst
	ctx *hcl.EvalContext
}

// needs visits what expr reads, so that evaluating it sees final values.
// Its traversals come from the cache of evaluated expressions (variables).
func (sc scope) needs(expr hcl.Expression) {
	if sc.mi != nil && expr != nil {
		sc.mi.needAll(sc.mi.e.variables(expr))
	}
}

// policyDoc converts an attribute that holds a policy document (a JSON
// string) into a JSON-shaped node tree whose every element has its own
// source range and may be unknown on its own. How depends on how the string
// is written:
//
//   - jsonencode(EXPR): EXPR's value, walked beside EXPR;
//   - a heredoc or quoted template: the JSON text parsed with positions,
//     interpolations that are unknown becoming unknown leaves;
//   - data.aws_iam_policy_document.X.json: the tree of that data source;
//   - local.X: whatever the local holds, by these same rules;
//   - var.X in a called module: the argument the call passes, in the
//     calling module; module.X.OUT: the output's expression in the module;
//   - file(...) and templatefile(...) of a JSON file: positions in that file;
//   - anything else: the evaluated string parsed with the expression's range.
//
// A null or empty document is a null node: the resource has no policy.
func (e *evaluator) policyDoc(sc scope, expr hcl.Expression, depth int) *node.Node {
	sc.needs(expr)
	if t, ok := e.jsonTemplate(expr); ok {
		expr = t
	}
	x := e.shape(sc.ctx, expr)
	if depth > maxPolicyDepth {
		return e.valueDoc(sc, x)
	}
	switch t := x.(type) {
	case *hclsyntax.FunctionCallExpr:
		if t.ExpandFinal {
			break
		}
		switch strings.TrimPrefix(t.Name, "core::") {
		case "jsonencode":
			if len(t.Args) == 1 {
				return e.valueNode(sc.ctx, t.Args[0])
			}
		case "file":
			if len(t.Args) == 1 {
				return e.fileDoc(sc, t)
			}
		case "templatefile":
			if len(t.Args) == 2 {
				return e.templateFileDoc(sc, t)
			}
		case "coalesce":
			// coalesce(var.policy, data.aws_iam_policy_document.x.json):
			// the first document that is not null or empty, read by these
			// rules; an unknown one before it might be either.
			for _, arg := range t.Args {
				d := e.policyDoc(sc, arg, depth+1)
				if d.Kind != node.Null {
					return d
				}
			}
			return &node.Node{Kind: node.Null, Range: toRange(t.Range())}
		}
	case *hclsyntax.TemplateExpr:
		return e.templateDoc(sc, t)
	case *hclsyntax.ScopeTraversalExpr:
		if d := e.referencedDoc(sc, t.Traversal, nil, depth); d != nil {
			return d
		}
	case *hclsyntax.RelativeTraversalExpr:
		// data.aws_iam_policy_document.x[count.index].json and the like.
		if ix, ok := t.Source.(*hclsyntax.IndexExpr); ok {
			if st, ok := ix.Collection.(*hclsyntax.ScopeTraversalExpr); ok {
				tr := append(append(hcl.Traversal(nil), st.Traversal...), hcl.TraverseIndex{})
				if d := e.referencedDoc(sc, tr, ix.Key, depth, t.Traversal...); d != nil {
					return d
				}
			}
		}
	}
	return e.valueDoc(sc, x)
}

// referencedDoc follows a reference to where the document is written.
// When key is set, the last step of tr is an index whose key is that
// expression; rest follows it. It returns nil when the reference is not one
// it can follow.
func (e *evaluator) referencedDoc(sc scope, tr hcl.Traversal, key hcl.Expression, depth int, rest ...hcl.Traverser) *node.Node {
	mi := sc.mi
	if mi == nil {
		return nil // a templatefile template has no references
	}
	full := append(append(hcl.Traversal(nil), tr...), rest...)
	switch tr.RootName() {
	case "data":
		addr, after := mi.mod.resourceOf(full)
		if addr == "" || secondName(full) != "aws_iam_policy_document" {
			return nil
		}
		var idx cty.Value
		if len(after) > 0 {
			if ix, ok := after[0].(hcl.TraverseIndex); ok {
				idx = ix.Key
				if key != nil {
					idx = unmarkDeep(e.evalIn(sc.ctx, key))
				}
				after = after[1:]
			}
		}
		if len(after) != 1 {
			return nil
		}
		if a, ok := after[0].(hcl.TraverseAttr); !ok || (a.Name != "json" && a.Name != "minified_json") {
			return nil
		}
		mi.visit(addr)
		ri := mi.instanceAt(addr, idx)
		if ri == nil {
			return nil
		}
		return e.policyDocument(ri, depth+1)
	case "local":
		if key != nil || len(tr) != 2 {
			return nil
		}
		if l := mi.mod.localByName[secondName(tr)]; l != nil {
			return e.policyDoc(scope{mi, mi.ctx}, l.expr, depth+1)
		}
	case "var":
		if key != nil || len(tr) != 2 || mi.parent == nil {
			return nil
		}
		if arg := attrExpr(mi.call.body, secondName(tr)); arg != nil {
			return e.policyDoc(scope{mi.parent, mi.callCtx}, arg, depth+1)
		}
	case "module":
		return e.outputDoc(mi, full, depth)
	}
	return nil
}

// outputDoc follows module.NAME.OUT (or module.NAME[KEY].OUT) to the
// output's expression, when it names one instance.
func (e *evaluator) outputDoc(mi *modInst, tr hcl.Traversal, depth int) *node.Node {
	name := secondName(tr)
	c := mi.mod.callByName[name]
	if c == nil {
		return nil
	}
	mi.visit(c.key)
	cs := mi.calls[name]
	if cs == nil || cs.unavailable {
		return nil
	}
	rest := tr[2:]
	insts := cs.insts
	if len(rest) > 0 {
		if ix, ok := rest[0].(hcl.TraverseIndex); ok {
			k := instanceKey(ix.Key)
			insts = nil
			for _, child := range cs.insts {
				if k != "" && strings.HasSuffix(child.path, k) {
					insts = append(insts, child)
				}
			}
			rest = rest[1:]
		}
	}
	if len(insts) != 1 || len(rest) != 1 {
		return nil
	}
	a, ok := rest[0].(hcl.TraverseAttr)
	if !ok {
		return nil
	}
	child := insts[0]
	o := child.mod.outputByName[a.Name]
	if o == nil || o.expr == nil {
		return nil
	}
	return e.policyDoc(scope{child, child.ctx}, o.expr, depth+1)
}

// valueDoc evaluates expr and parses the string; every element gets the
// expression's range, as the text has no positions of its own.
func (e *evaluator) valueDoc(sc scope, expr hcl.Expression) *node.Node {
	sc.needs(expr)
	v, refs := unmark(e.evalIn(sc.ctx, expr))
	r := toRange(expr.Range())
	switch {
	case !v.IsKnown():
		return node.NewUnknown(r, mergeRefs(refs, refsOf(v))...)
	case v.IsNull():
		return &node.Node{Kind: node.Null, Range: r}
	case v.Type() == cty.String:
		doc := e.jsonDoc(v.AsString(), constantMap(expr.Range()), expr.Range())
		addRefs(doc, refs)
		return doc
	}
	// Not a string (Terraform would reject it); its structure is still the
	// best reading of what was meant.
	return e.walk(sc.ctx, expr, v, refs)
}

// addRefs adds refs to every node of a tree: a document parsed from a
// string computed from references is computed from them in every part.
func addRefs(n *node.Node, refs []string) {
	if len(refs) == 0 || n == nil {
		return
	}
	n.Refs = mergeRefs(n.Refs, refs)
	for _, c := range n.List {
		addRefs(c, refs)
	}
	for _, k := range n.Keys {
		addRefs(n.Map[k], refs)
	}
}

// jsonDoc parses a policy text. Invalid JSON is reported as a warning and
// kept as a string node, which the decoder reads as a document without
// statements.
func (e *evaluator) jsonDoc(text string, at func(start, end int) model.Range, r hcl.Range) *node.Node {
	if strings.TrimSpace(text) == "" {
		return &node.Node{Kind: node.Null, Range: toRange(r)}
	}
	doc, err := decodeJSON(text, at)
	if err != nil {
		e.diags.add(model.DiagWarning, "invalid policy JSON",
			fmt.Sprintf("the policy document is not valid JSON: %v", err), r)
		return node.NewString(text, toRange(r))
	}
	return doc
}

// fileDoc reads file(PATH) and parses it with positions in that file.
func (e *evaluator) fileDoc(sc scope, call *hclsyntax.FunctionCallExpr) *node.Node {
	p, refs := unmark(e.evalIn(sc.ctx, call.Args[0]))
	if !p.IsKnown() || p.IsNull() || p.Type() != cty.String {
		return e.valueDoc(sc, call)
	}
	prev := e.curRange
	e.curRange = call.Range()
	src, path, ok := e.readTextFile("file", p.AsString())
	e.curRange = prev
	if !ok {
		return node.NewUnknown(toRange(call.Range()), refs...)
	}
	m := &textMap{}
	m.add(0, src, hcl.Range{
		Filename: path,
		Start:    hcl.InitialPos,
		End:      hcl.Pos{Line: 1 + strings.Count(src, "\n"), Column: 1},
	}, true)
	return e.jsonDoc(src, m.at, call.Range())
}

// templateFileDoc parses templatefile(PATH, VARS) as a template, with
// positions in the template file.
func (e *evaluator) templateFileDoc(sc scope, call *hclsyntax.FunctionCallExpr) *node.Node {
	p, refs := unmark(e.evalIn(sc.ctx, call.Args[0]))
	vars := e.evalIn(sc.ctx, call.Args[1])
	if !p.IsKnown() || p.IsNull() || p.Type() != cty.String {
		return e.valueDoc(sc, call)
	}
	tctx, ok := e.templateContext(vars)
	if !ok {
		return e.valueDoc(sc, call)
	}
	prev := e.curRange
	e.curRange = call.Range()
	tmpl, ok := e.parseTemplateFile(p.AsString())
	e.curRange = prev
	if !ok {
		return node.NewUnknown(toRange(call.Range()), refs...)
	}
	return e.policyDoc(scope{ctx: tctx}, tmpl, maxPolicyDepth)
}

// Unknown interpolations are replaced in the text by a marker that no real
// document contains (DEL is valid inside a JSON string), numbered so that
// each unknown leaf keeps the references of its interpolation.
const (
	markerStart = "\x7fseclint-unknown-"
	markerEnd   = "\x7f"
)

// templateDoc assembles a template's text part by part, replaces unknown
// parts by markers, and parses the JSON with positions. Each string holding
// a marker becomes an unknown leaf, so one unknown ARN does not make the
// whole document unknown.
func (e *evaluator) templateDoc(sc scope, tmpl *hclsyntax.TemplateExpr) *node.Node {
	var sb strings.Builder
	m := &textMap{line: e.sourceLine}
	var unknownRefs [][]string
	inString := false
	for _, part := range tmpl.Parts {
		start := sb.Len()
		if lit, ok := part.(*hclsyntax.LiteralValueExpr); ok && lit.Val.Type() == cty.String && lit.Val.IsKnown() && !lit.Val.IsNull() {
			s := lit.Val.AsString()
			sb.WriteString(s)
			m.add(start, s, lit.SrcRange, true)
			inString = scanJSONString(s, inString)
			continue
		}
		pv, partRefs := unmark(e.evalIn(sc.ctx, part))
		partRefs = mergeRefs(partRefs, refsOf(pv))
		s, ok := templateString(pv)
		if !ok {
			s = markerStart + strconv.Itoa(len(unknownRefs)) + markerEnd
			if !inString {
				// An unknown value in place of a JSON value, not inside
				// a string: quote it so the rest still parses.
				s = `"` + s + `"`
			}
			unknownRefs = append(unknownRefs, partRefs)
			sb.WriteString(s)
			m.add(start, s, part.Range(), false)
			continue
		}
		sb.WriteString(s)
		m.add(start, s, part.Range(), false)
		inString = scanJSONString(s, inString)
	}
	text := sb.String()
	if len(unknownRefs) == 0 {
		return e.jsonDoc(text, m.at, tmpl.Range())
	}
	doc, err := decodeJSON(text, m.at)
	if err != nil {
		// Unknown parts that are not plain values (a generated list of
		// statements, say) leave text that only parses once known.
		var refs []string
		for _, r := range unknownRefs {
			refs = append(refs, r...)
		}
		return node.NewUnknown(toRange(tmpl.Range()), dedupe(refs)...)
	}
	return replaceMarkers(doc, unknownRefs)
}

// templateString renders an interpolated value as a template would.
func templateString(v cty.Value) (string, bool) {
	v = unmarkDeep(v)
	if !v.IsWhollyKnown() || v.IsNull() {
		return "", false
	}
	s, err := convert.Convert(v, cty.String)
	if err != nil || s.IsNull() {
		return "", false
	}
	return s.AsString(), true
}

// scanJSONString tracks whether the end of s is inside a JSON string,
// given whether its start is.
func scanJSONString(s string, in bool) bool {
	for i := 0; i < len(s); i++ {
		switch {
		case in && s[i] == '\\':
			i++
		case s[i] == '"':
			in = !in
		}
	}
	return in
}

// replaceMarkers turns every string holding a marker into an unknown node,
// and every map with a marker in a key (a condition key that is not known,
// say) into an unknown node as a whole.
func replaceMarkers(n *node.Node, unknownRefs [][]string) *node.Node {
	switch n.Kind {
	case node.String:
		if parts, ok := markerParts(n.Str, unknownRefs); ok {
			u := node.NewUnknown(n.Range, dedupe(appendRefs(nil, parts))...)
			u.Parts = node.Concat(parts)
			return u
		}
	case node.List:
		for i, it := range n.List {
			n.List[i] = replaceMarkers(it, unknownRefs)
		}
	case node.Map:
		var keyRefs []string
		unknownKey := false
		for _, k := range n.Keys {
			if parts, ok := markerParts(k, unknownRefs); ok {
				unknownKey = true
				keyRefs = appendRefs(keyRefs, parts)
			}
		}
		if unknownKey {
			u := node.NewUnknown(n.Range, dedupe(keyRefs)...)
			u.KeyRange = n.KeyRange
			return u
		}
		for _, k := range n.Keys {
			kr := n.Map[k].KeyRange
			n.Map[k] = replaceMarkers(n.Map[k], unknownRefs)
			n.Map[k].KeyRange = kr
		}
	}
	return n
}

func dedupe(s []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// jsonTemplate parses the string of a .tf.json expression as the template
// it is, so that a policy written in .tf.json is followed like one written
// in HCL ("${data.aws_iam_policy_document.p.json}", "${jsonencode(...)}").
func (e *evaluator) jsonTemplate(expr hcl.Expression) (hclsyntax.Expression, bool) {
	if _, native := expr.(hclsyntax.Expression); native || expr == nil {
		return nil, false
	}
	r := expr.Range()
	src := e.src[r.Filename]
	if r.Start.Byte < 0 || r.End.Byte > len(src) || r.Start.Byte >= r.End.Byte || src[r.Start.Byte] != '"' {
		return nil, false
	}
	var text string
	if err := json.Unmarshal(src[r.Start.Byte:r.End.Byte], &text); err != nil {
		return nil, false
	}
	start := hcl.Pos{Line: r.Start.Line, Column: r.Start.Column + 1, Byte: r.Start.Byte + 1}
	tmpl, hd := hclsyntax.ParseTemplate([]byte(text), r.Filename, start)
	if hd.HasErrors() {
		return nil, false
	}
	return tmpl, true
}
