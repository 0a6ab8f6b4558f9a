package terraform

import (
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/seclint/seclint/parsers/model"
)

// modInst is one instance of a module: the root module, or one instance
// of a module call (module.bucket["reports"]). Each has its own variables,
// locals, resources and evaluation context; the module's configuration is
// shared.
//
// Evaluation is demand-driven: visit evaluates a variable, local, output,
// resource or module call once, after visiting what its expressions read,
// so the order of declarations never matters. What sits on a reference
// cycle (which Terraform rejects) reads the unknown it started as.
type modInst struct {
	e      *evaluator
	mod    *module
	parent *modInst
	call   *moduleCall
	// path is the instance's address ("" for the root,
	// `module.a["x"].module.b`), prefix the same followed by a dot.
	path, prefix string
	// callCtx is the parent's context with the count.index or each.* of
	// this instance of the call: the inputs are evaluated in it.
	callCtx *hcl.EvalContext
	// chain is the module calls leading here, outermost first.
	chain []model.CallSite
	depth int

	ctx     *hcl.EvalContext
	vars    map[string]cty.Value
	locals  map[string]cty.Value
	outputs map[string]cty.Value
	res     map[string]*resState
	calls   map[string]*callState
	// typeVals and modVals hold the objects the context offers per
	// resource type (and "data") and per module call.
	typeVals map[string]map[string]cty.Value
	dataVals map[string]map[string]cty.Value
	modVals  map[string]cty.Value
	state    map[string]visitState
	// dirty are the roots of the context whose values changed since the
	// context was last rebuilt (sync).
	dirty map[string]bool
	// providers maps a provider key ("aws", "aws.west") to the
	// configuration resources of this instance use.
	providers map[string]*providerRef
}

type visitState uint8

const (
	unvisited visitState = iota
	visiting
	visited
)

// newInstance creates a module instance; for a child, callCtx holds the
// count.index or each.* of the instance and key its instance key ("" or
// `["x"]`, `[0]`).
func (e *evaluator) newInstance(mod *module, parent *modInst, call *moduleCall, callCtx *hcl.EvalContext, key string) *modInst {
	e.nInsts++
	mi := &modInst{
		e:        e,
		mod:      mod,
		parent:   parent,
		call:     call,
		callCtx:  callCtx,
		vars:     map[string]cty.Value{},
		locals:   map[string]cty.Value{},
		outputs:  map[string]cty.Value{},
		res:      map[string]*resState{},
		calls:    map[string]*callState{},
		typeVals: map[string]map[string]cty.Value{},
		dataVals: map[string]map[string]cty.Value{},
		modVals:  map[string]cty.Value{},
		state:    map[string]visitState{},
		dirty:    map[string]bool{},
	}
	if parent != nil {
		mi.path = parent.prefix + "module." + call.name + key
		mi.prefix = mi.path + "."
		mi.depth = parent.depth + 1
		mi.chain = append(append([]model.CallSite(nil), parent.chain...), model.CallSite{
			Message: mi.path,
			Range:   toRange(call.rng),
		})
	}
	mi.providers = mi.resolveProviders()
	mi.buildContext()
	if parent == nil {
		for name, v := range e.rootVariables(mod) {
			mi.vars[name] = v
			mi.state["var."+name] = visited
		}
		mi.setRoot("var")
	}
	return mi
}

// buildContext creates the evaluation context. Everything the module
// declares starts unknown and is filled in as it is evaluated.
func (mi *modInst) buildContext() {
	mi.ctx = &hcl.EvalContext{Variables: map[string]cty.Value{}, Functions: mi.e.funcs}
	for _, v := range mi.mod.variables {
		mi.vars[v.name] = cty.DynamicVal
	}
	for _, l := range mi.mod.locals {
		mi.locals[l.name] = cty.DynamicVal
	}
	for _, c := range mi.mod.calls {
		mi.modVals[c.name] = cty.DynamicVal
	}
	for _, r := range mi.mod.resources {
		vals := mi.typeVals
		if r.mode == dataResource {
			vals = mi.dataVals
		}
		if vals[r.typ] == nil {
			vals[r.typ] = map[string]cty.Value{}
		}
		vals[r.typ][r.name] = cty.DynamicVal
	}
	mi.setRoot("var")
	mi.setRoot("local")
	mi.setRoot("module")
	mi.setRoot("data")
	for typ := range mi.typeVals {
		mi.setRoot(typ)
	}
	v := mi.ctx.Variables
	v["path"] = cty.ObjectVal(map[string]cty.Value{
		"module": cty.StringVal(mi.e.relPath(mi.mod.dir)),
		"root":   cty.StringVal("."),
		// The working directory of a later terraform run is not known here.
		"cwd": cty.UnknownVal(cty.String),
	})
	v["terraform"] = cty.ObjectVal(map[string]cty.Value{"workspace": cty.StringVal("default")})
}

// relPath is a module directory as Terraform's path.module gives it:
// relative to the root module's directory, "." for the root itself.
func (e *evaluator) relPath(dir string) string {
	rel, err := filepath.Rel(e.rootDir, dir)
	if err != nil {
		return filepath.ToSlash(dir)
	}
	return filepath.ToSlash(rel)
}

// setRoot notes that a root variable of the context (var, local, module,
// data or a resource type) changed. The context is rebuilt lazily (sync),
// before the next evaluation: building a cty object costs as much as it
// has attributes, and a module with hundreds of variables would otherwise
// rebuild var.* hundreds of times.
func (mi *modInst) setRoot(root string) {
	mi.dirty[root] = true
}

// sync rebuilds the roots of the context that changed.
func (mi *modInst) sync() {
	for root := range mi.dirty {
		mi.buildRoot(root)
	}
	clear(mi.dirty)
}

// buildRoot rebuilds one root variable of the context.
func (mi *modInst) buildRoot(root string) {
	switch root {
	case "var":
		mi.ctx.Variables["var"] = objectOrEmpty(mi.vars)
	case "local":
		mi.ctx.Variables["local"] = objectOrEmpty(mi.locals)
	case "module":
		mi.ctx.Variables["module"] = objectOrEmpty(mi.modVals)
	case "data":
		types := map[string]cty.Value{}
		for typ, names := range mi.dataVals {
			types[typ] = cty.ObjectVal(names)
		}
		mi.ctx.Variables["data"] = objectOrEmpty(types)
	default:
		mi.ctx.Variables[root] = objectOrEmpty(mi.typeVals[root])
	}
}

func objectOrEmpty(m map[string]cty.Value) cty.Value {
	if len(m) == 0 {
		return cty.EmptyObjectVal
	}
	return cty.ObjectVal(m)
}

// walk evaluates everything the instance declares (outputs only when read)
// and then the instances of its module calls.
func (mi *modInst) walk() {
	for _, v := range mi.mod.variables {
		mi.visit("var." + v.name)
	}
	for _, l := range mi.mod.locals {
		mi.visit("local." + l.name)
	}
	for _, r := range mi.mod.resources {
		mi.visit(r.addr)
	}
	for _, c := range mi.mod.calls {
		mi.visit("module." + c.name)
		for _, child := range mi.calls[c.name].insts {
			child.walk()
		}
	}
}

// visit evaluates a variable, local, output, resource or module call of
// the instance once.
func (mi *modInst) visit(key string) {
	if mi.state[key] != unvisited {
		// Done, or on a cycle: a cycle member reads the unknown it started as.
		return
	}
	mi.state[key] = visiting
	kind, name, _ := strings.Cut(key, ".")
	switch kind {
	case "var":
		if mi.mod.varByName[name] != nil {
			mi.evalVariable(name)
		}
	case "local":
		if l := mi.mod.localByName[name]; l != nil {
			mi.locals[name] = mi.eval(l.expr, mi.ctx)
			mi.setRoot("local")
		}
	case "output":
		mi.evalOutput(name)
	case "module":
		if c := mi.mod.callByName[name]; c != nil {
			mi.evalCall(c)
		}
	default:
		if r := mi.mod.byAddr[key]; r != nil {
			mi.evalResource(r)
		}
	}
	mi.state[key] = visited
}

// eval evaluates expr in ctx, a context of this instance, after visiting
// everything it reads.
func (mi *modInst) eval(expr hcl.Expression, ctx *hcl.EvalContext) cty.Value {
	if expr == nil {
		return cty.NullVal(cty.DynamicPseudoType)
	}
	mi.needAll(expr.Variables())
	return mi.e.evalIn(ctx, expr)
}

// needAll visits what the traversals read, and brings the context up to
// date: every evaluation in a context of the instance comes after it.
func (mi *modInst) needAll(ts []hcl.Traversal) {
	for _, t := range ts {
		mi.need(t)
	}
	mi.sync()
}

// need visits what one traversal reads.
func (mi *modInst) need(t hcl.Traversal) {
	switch root := t.RootName(); root {
	case "var":
		if name := secondName(t); name != "" {
			mi.visit("var." + name)
		}
	case "local":
		if name := secondName(t); name != "" {
			mi.visit("local." + name)
		}
	case "module":
		mi.needModule(t)
	case "count", "each", "self", "path", "terraform":
	default:
		if addr, _ := mi.mod.resourceOf(t); addr != "" {
			mi.visit(addr)
		}
	}
}

// needModule visits a module call and the outputs of its instances that t
// reads: module.NAME.OUT, module.NAME[KEY].OUT, or all of them.
func (mi *modInst) needModule(t hcl.Traversal) {
	name := secondName(t)
	if mi.mod.callByName[name] == nil {
		return
	}
	mi.visit("module." + name)
	cs := mi.calls[name]
	if cs == nil {
		return
	}
	rest := t[2:]
	insts := cs.insts
	if len(rest) > 0 {
		if idx, ok := rest[0].(hcl.TraverseIndex); ok {
			rest = rest[1:]
			if k := instanceKey(idx.Key); k != "" {
				insts = nil
				for _, child := range cs.insts {
					if strings.HasSuffix(child.path, k) {
						insts = append(insts, child)
					}
				}
			}
		}
	}
	out := ""
	if len(rest) > 0 {
		if a, ok := rest[0].(hcl.TraverseAttr); ok {
			out = a.Name
		}
	}
	for _, child := range insts {
		if out != "" {
			child.visit("output." + out)
			continue
		}
		for _, o := range child.mod.outputs {
			child.visit("output." + o.name)
		}
	}
}

// evalOutput evaluates an output and offers it to the parent.
func (mi *modInst) evalOutput(name string) {
	o := mi.mod.outputByName[name]
	if o == nil {
		return
	}
	mi.outputs[name] = mi.eval(o.expr, mi.ctx)
	if mi.parent != nil {
		mi.parent.setModule(mi.call.name)
	}
}

// outputsValue is the object a module instance offers its caller: every
// output it declares, unknown until evaluated.
func (mi *modInst) outputsValue() cty.Value {
	attrs := make(map[string]cty.Value, len(mi.mod.outputs))
	for _, o := range mi.mod.outputs {
		if v, ok := mi.outputs[o.name]; ok {
			attrs[o.name] = v
		} else {
			attrs[o.name] = cty.DynamicVal
		}
	}
	return objectOrEmpty(attrs)
}
