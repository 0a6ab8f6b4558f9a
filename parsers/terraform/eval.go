package terraform

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// evaluator holds the evaluation state of one module. It is built once per
// ParseModule call; nothing in it is shared between modules.
type evaluator struct {
	mod   *module
	opts  Options
	diags *diagnostics
	ctx   *hcl.EvalContext
	// funcs is the function table of ctx; stubs for unimplemented
	// functions are added to it as they are found.
	funcs map[string]function.Function

	vars   map[string]cty.Value
	locals map[string]cty.Value
	// localRefs are the resource addresses each local is computed from,
	// through other locals too, so that `bucket = local.id` still links.
	localRefs map[string][]string
	// res holds the value each resource exposes in the context, by address.
	res    map[string]cty.Value
	byRoot map[string][]*resource
	// refAttrs are the attributes of each resource that some expression of
	// the module reads; whole marks resources read as a whole object.
	refAttrs map[string]map[string]bool
	whole    map[string]bool
	state    map[string]visitState

	// curRange is the expression being evaluated, for the diagnostics that
	// functions raise (a file outside the module).
	curRange hcl.Range

	// docs caches the policy documents built from aws_iam_policy_document
	// data sources; docBusy breaks reference cycles between them.
	docs    map[string]*node.Node
	docBusy map[string]bool
	// lineStarts indexes the lines of source files for heredoc columns.
	lineStarts map[string][]int
}

type visitState uint8

const (
	unvisited visitState = iota
	visiting
	visited
)

// roots that are not resource types.
var reservedRoots = map[string]bool{
	"var": true, "local": true, "module": true, "data": true, "count": true,
	"each": true, "self": true, "path": true, "terraform": true,
}

func newEvaluator(mod *module, opts Options, diags *diagnostics) *evaluator {
	return &evaluator{
		mod:        mod,
		opts:       opts,
		diags:      diags,
		locals:     map[string]cty.Value{},
		localRefs:  map[string][]string{},
		res:        map[string]cty.Value{},
		byRoot:     map[string][]*resource{},
		refAttrs:   map[string]map[string]bool{},
		whole:      map[string]bool{},
		state:      map[string]visitState{},
		docs:       map[string]*node.Node{},
		docBusy:    map[string]bool{},
		lineStarts: map[string][]int{},
	}
}

// run evaluates variables, then locals and the resource objects that other
// expressions read, each after what it depends on. The result equals that of
// iterating to a fixpoint (locals may refer to each other in any order), in
// one pass; what sits on a reference cycle stays unknown.
func (e *evaluator) run() {
	e.funcs = e.functions()
	e.scan()
	e.vars = e.variableValues(e.opts)
	for _, l := range e.mod.locals {
		e.locals[l.name] = cty.DynamicVal
	}
	for _, r := range e.mod.resources {
		e.res[r.addr] = cty.DynamicVal
		root := r.typ
		if r.mode == dataResource {
			root = "data"
		}
		e.byRoot[root] = append(e.byRoot[root], r)
	}
	e.buildContext()
	for _, l := range e.mod.locals {
		e.visit("local." + l.name)
	}
	for _, r := range e.mod.resources {
		e.visit(r.addr)
	}
	for _, r := range e.mod.resources {
		r.none = e.noInstances(r)
	}
}

// noInstances reports whether count or for_each is known to create no
// instance of r. A conditional resource switched off by a variable's
// default must not be checked as if it existed.
func (e *evaluator) noInstances(r *resource) bool {
	if r.count != nil {
		v, err := convert.Convert(e.eval(r.count), cty.Number)
		if err != nil || !v.IsKnown() || v.IsNull() {
			return false
		}
		return v.LessThanOrEqualTo(cty.Zero).True()
	}
	if r.forEach != nil {
		v := e.eval(r.forEach)
		if !v.IsKnown() || v.IsNull() || !v.CanIterateElements() {
			return false
		}
		return v.LengthInt() == 0
	}
	return false
}

// scan walks every expression that may be evaluated, to find the functions
// that need a stub and the resource attributes that the context must offer.
func (e *evaluator) scan() {
	walk := func(n any) {
		switch x := n.(type) {
		case *hclsyntax.Body:
			visitBody(x, e.scanNode)
		case hclsyntax.Node:
			_ = hclsyntax.VisitAll(x, e.scanNode)
		case hcl.Expression:
			for _, t := range x.Variables() {
				e.noteTraversal(t)
			}
		case hcl.Body:
			for _, a := range justAttributes(x) {
				for _, t := range a.Expr.Variables() {
					e.noteTraversal(t)
				}
			}
		}
	}
	for _, l := range e.mod.locals {
		walk(l.expr)
	}
	for _, r := range e.mod.resources {
		walk(r.body)
	}
}

// scanNode is the hclsyntax.VisitFunc of scan.
func (e *evaluator) scanNode(n hclsyntax.Node) hcl.Diagnostics {
	switch x := n.(type) {
	case *hclsyntax.FunctionCallExpr:
		e.noteFunction(x.Name, x.NameRange)
	case *hclsyntax.ScopeTraversalExpr:
		e.noteTraversal(x.Traversal)
	}
	return nil
}

// noteTraversal records which attribute of which resource t reads.
func (e *evaluator) noteTraversal(t hcl.Traversal) {
	addr, rest := e.resourceOf(t)
	if addr == "" {
		return
	}
	// Skip an instance key: aws_x.y[0].attr.
	if len(rest) > 0 {
		if _, ok := rest[0].(hcl.TraverseIndex); ok {
			rest = rest[1:]
		}
	}
	if len(rest) == 0 {
		e.whole[addr] = true
		return
	}
	name, ok := rest[0].(hcl.TraverseAttr)
	if !ok {
		e.whole[addr] = true
		return
	}
	if e.refAttrs[addr] == nil {
		e.refAttrs[addr] = map[string]bool{}
	}
	e.refAttrs[addr][name.Name] = true
}

// resourceOf returns the address of the resource of this module that t
// refers to, and the rest of t after the address.
func (e *evaluator) resourceOf(t hcl.Traversal) (string, hcl.Traversal) {
	if len(t) < 2 {
		return "", nil
	}
	root := t.RootName()
	var addr string
	var rest hcl.Traversal
	switch {
	case root == "data":
		if len(t) < 3 {
			return "", nil
		}
		typ, ok1 := t[1].(hcl.TraverseAttr)
		name, ok2 := t[2].(hcl.TraverseAttr)
		if !ok1 || !ok2 {
			return "", nil
		}
		addr, rest = "data."+typ.Name+"."+name.Name, t[3:]
	case reservedRoots[root]:
		return "", nil
	default:
		name, ok := t[1].(hcl.TraverseAttr)
		if !ok {
			return "", nil
		}
		addr, rest = root+"."+name.Name, t[2:]
	}
	if e.mod.byAddr[addr] == nil {
		return "", nil
	}
	return addr, rest
}

// secondName returns the name after the root of t (local.NAME,
// module.NAME, data.TYPE), or "".
func secondName(t hcl.Traversal) string {
	if len(t) > 1 {
		if a, ok := t[1].(hcl.TraverseAttr); ok {
			return a.Name
		}
	}
	return ""
}

// buildContext creates the evaluation context with every root variable;
// locals and resources start unknown and are filled as they are evaluated.
func (e *evaluator) buildContext() {
	e.ctx = &hcl.EvalContext{Variables: map[string]cty.Value{}, Functions: e.funcs}
	v := e.ctx.Variables
	v["var"] = objectOrEmpty(e.vars)
	mods := map[string]cty.Value{}
	for name := range e.mod.moduleCalls {
		mods[name] = cty.DynamicVal
	}
	v["module"] = objectOrEmpty(mods)
	// TODO(expansion): count.index and each.* are unknown until count and
	// for_each are expanded into instances.
	v["count"] = cty.ObjectVal(map[string]cty.Value{"index": cty.UnknownVal(cty.Number)})
	v["each"] = cty.ObjectVal(map[string]cty.Value{"key": cty.UnknownVal(cty.String), "value": cty.DynamicVal})
	v["self"] = cty.DynamicVal
	v["path"] = cty.ObjectVal(map[string]cty.Value{
		"module": cty.StringVal(e.mod.dir),
		"root":   cty.StringVal(e.mod.dir),
		// The working directory of a later terraform run is not known here.
		"cwd": cty.UnknownVal(cty.String),
	})
	v["terraform"] = cty.ObjectVal(map[string]cty.Value{"workspace": cty.StringVal("default")})
	e.setRoot("local")
	for root := range e.byRoot {
		e.setRoot(root)
	}
}

// setRoot rebuilds one root variable of the context after a value in it
// changed.
func (e *evaluator) setRoot(root string) {
	switch root {
	case "local":
		e.ctx.Variables["local"] = objectOrEmpty(e.locals)
	case "data":
		byType := map[string]map[string]cty.Value{}
		for _, r := range e.byRoot["data"] {
			if byType[r.typ] == nil {
				byType[r.typ] = map[string]cty.Value{}
			}
			byType[r.typ][r.name] = e.res[r.addr]
		}
		types := map[string]cty.Value{}
		for typ, names := range byType {
			types[typ] = cty.ObjectVal(names)
		}
		e.ctx.Variables["data"] = objectOrEmpty(types)
	default:
		names := map[string]cty.Value{}
		for _, r := range e.byRoot[root] {
			names[r.name] = e.res[r.addr]
		}
		e.ctx.Variables[root] = objectOrEmpty(names)
	}
}

func objectOrEmpty(m map[string]cty.Value) cty.Value {
	if len(m) == 0 {
		return cty.EmptyObjectVal
	}
	return cty.ObjectVal(m)
}

// visit evaluates the local or resource key after everything it reads.
func (e *evaluator) visit(key string) {
	if e.state[key] != unvisited {
		// Done, or on a cycle: a cycle member reads the unknown it started as.
		return
	}
	e.state[key] = visiting
	for _, t := range e.dependencies(key) {
		switch {
		case t.RootName() == "local":
			if name := secondName(t); name != "" && e.mod.localByName[name] != nil {
				e.visit("local." + name)
			}
		default:
			if addr, _ := e.resourceOf(t); addr != "" {
				e.visit(addr)
			}
		}
	}
	e.evaluate(key)
	e.state[key] = visited
}

// dependencies are the traversals that evaluating key reads.
func (e *evaluator) dependencies(key string) []hcl.Traversal {
	if name, ok := strings.CutPrefix(key, "local."); ok {
		return e.mod.localByName[name].expr.Variables()
	}
	r := e.mod.byAddr[key]
	if r.multi {
		return nil
	}
	var out []hcl.Traversal
	for _, name := range e.exposedAttrs(r) {
		if expr := attrExpr(r.body, name); expr != nil {
			out = append(out, expr.Variables()...)
			continue
		}
		for _, b := range nestedBlocks(r.body, name) {
			if b.body != nil {
				out = append(out, bodyTraversals(b.body)...)
			}
		}
	}
	return out
}

func bodyTraversals(body hcl.Body) []hcl.Traversal {
	var out []hcl.Traversal
	if sb, ok := body.(*hclsyntax.Body); ok {
		visitBody(sb, func(n hclsyntax.Node) hcl.Diagnostics {
			if x, ok := n.(*hclsyntax.ScopeTraversalExpr); ok {
				out = append(out, x.Traversal)
			}
			return nil
		})
		return out
	}
	for _, a := range justAttributes(body) {
		out = append(out, a.Expr.Variables()...)
	}
	return out
}

// visitBody is hclsyntax.VisitAll over a body in source order (VisitAll
// visits a body's attributes in map order, and what is found first decides
// where a diagnostic points).
func visitBody(b *hclsyntax.Body, fn hclsyntax.VisitFunc) {
	for _, a := range sortedAttrs(b) {
		_ = hclsyntax.VisitAll(a.Expr, fn)
	}
	for _, blk := range b.Blocks {
		visitBody(blk.Body, fn)
	}
}

// exposedAttrs are the attributes a resource offers in the context: the
// ones the module reads, or all it configures when it is read whole.
func (e *evaluator) exposedAttrs(r *resource) []string {
	var names []string
	if e.whole[r.addr] {
		seen := map[string]bool{}
		for _, a := range justAttributes(r.body) {
			seen[a.Name] = true
		}
		if sb, ok := r.body.(*hclsyntax.Body); ok {
			for _, b := range sb.Blocks {
				if b.Type != "dynamic" {
					seen[b.Type] = true
				}
			}
		}
		for name := range e.refAttrs[r.addr] {
			seen[name] = true
		}
		for name := range seen {
			names = append(names, name)
		}
	} else {
		for name := range e.refAttrs[r.addr] {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

// evaluate computes the value of a local, or the object a resource exposes:
// its configured attributes, and unknown for everything else it is read for
// (id, arn and any other computed attribute). A resource with count or
// for_each is unknown as a whole for now.
func (e *evaluator) evaluate(key string) {
	if name, ok := strings.CutPrefix(key, "local."); ok {
		l := e.mod.localByName[name]
		e.locals[name] = e.eval(l.expr)
		e.localRefs[name] = e.refsOf(l.expr)
		e.setRoot("local")
		return
	}
	r := e.mod.byAddr[key]
	if r.multi {
		return
	}
	attrs := map[string]cty.Value{"id": cty.DynamicVal, "arn": cty.DynamicVal}
	for _, name := range e.exposedAttrs(r) {
		attrs[name] = e.attrValue(r.body, name)
	}
	e.res[r.addr] = cty.ObjectVal(attrs)
	if r.mode == dataResource {
		e.setRoot("data")
	} else {
		e.setRoot(r.typ)
	}
}

// attrValue is the value of an attribute or nested block type of body;
// unknown when the body does not configure it.
func (e *evaluator) attrValue(body hcl.Body, name string) cty.Value {
	if expr := attrExpr(body, name); expr != nil {
		return e.eval(expr)
	}
	if blocks := nestedBlocks(body, name); len(blocks) > 0 {
		vals := make([]cty.Value, 0, len(blocks))
		for _, b := range blocks {
			if b.body == nil {
				return cty.DynamicVal
			}
			vals = append(vals, e.bodyValue(b.body))
		}
		return cty.TupleVal(vals)
	}
	return cty.DynamicVal
}

// bodyValue is a nested block as an object of its attributes and blocks.
func (e *evaluator) bodyValue(body hcl.Body) cty.Value {
	attrs := map[string]cty.Value{}
	for _, a := range justAttributes(body) {
		attrs[a.Name] = e.eval(a.Expr)
	}
	if sb, ok := body.(*hclsyntax.Body); ok {
		for _, b := range sb.Blocks {
			if _, done := attrs[b.Type]; !done && b.Type != "dynamic" {
				attrs[b.Type] = e.attrValue(body, b.Type)
			}
		}
	}
	return objectOrEmpty(attrs)
}

// eval evaluates expr in the module's context.
func (e *evaluator) eval(expr hcl.Expression) cty.Value {
	return e.evalIn(e.ctx, expr)
}

// evalIn evaluates expr. Any error makes the value unknown: an error here
// is a reference to something only known after apply (an attribute the
// configuration does not set, a module output) or a type mismatch that
// Terraform would report, and neither is a value the rules may reason about.
func (e *evaluator) evalIn(ctx *hcl.EvalContext, expr hcl.Expression) (val cty.Value) {
	if expr == nil {
		return cty.NullVal(cty.DynamicPseudoType)
	}
	prev := e.curRange
	e.curRange = expr.Range()
	defer func() {
		e.curRange = prev
		// Functions of the libraries may panic on inputs their authors did
		// not foresee; that must not end the scan.
		if r := recover(); r != nil {
			e.diags.add(model.DiagWarning, "internal error", fmt.Sprintf("evaluating the expression failed: %v", r), expr.Range())
			val = cty.DynamicVal
		}
	}()
	v, hd := expr.Value(ctx)
	if hd.HasErrors() {
		e.noteUnknownFunctions(hd)
		return cty.DynamicVal
	}
	v, _ = v.UnmarkDeep()
	return v
}

// noteUnknownFunctions handles calls the scan could not see (in .tf.json
// strings): the function gets a stub, so the next evaluation is unknown only
// where it is called, and a note.
func (e *evaluator) noteUnknownFunctions(hd hcl.Diagnostics) {
	for _, h := range hd {
		if h.Summary != "Call to unknown function" || h.Subject == nil {
			continue
		}
		_, rest, ok := strings.Cut(h.Detail, `function named "`)
		if !ok {
			continue
		}
		if name, _, ok := strings.Cut(rest, `"`); ok {
			e.noteFunction(name, *h.Subject)
		}
	}
}

// refsOf returns the addresses of the resources, data sources and module
// calls of this module that expr is computed from, in order of appearance.
func (e *evaluator) refsOf(expr hcl.Expression) []string {
	if expr == nil {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	add := func(addrs ...string) {
		for _, a := range addrs {
			if !seen[a] {
				seen[a] = true
				out = append(out, a)
			}
		}
	}
	for _, t := range expr.Variables() {
		switch t.RootName() {
		case "local":
			add(e.localRefs[secondName(t)]...)
		case "module":
			if name := secondName(t); e.mod.moduleCalls[name] {
				add("module." + name)
			}
		default:
			if addr, _ := e.resourceOf(t); addr != "" {
				add(addr)
			}
		}
	}
	return out
}
