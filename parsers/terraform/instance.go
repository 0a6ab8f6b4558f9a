package terraform

import (
	"path/filepath"
	"slices"
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
	// typeVals, dataVals and modVals hold the value of each resource (by
	// type and name), data source and module call; a resource or data
	// source is entered when it is evaluated (rootName reads one declared
	// but not evaluated yet unknown). The context holds none of them until
	// an expression reads them (bind).
	typeVals map[string]map[string]cty.Value
	dataVals map[string]map[string]cty.Value
	modVals  map[string]cty.Value
	// modStale are the module calls whose modVals entry is out of date: an
	// output of one of their instances changed since it was built.
	modStale map[string]bool
	state    map[string]visitState
	// singles holds the object of each variable, local and resource read
	// alone under its root, once its value is final (singleValue).
	singles map[rootRef]cty.Value
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
		e:       e,
		mod:     mod,
		parent:  parent,
		call:    call,
		callCtx: callCtx,
		// Sized for what buildContext and walk enter, without growing;
		// vars and locals hold only what was evaluated (rootName).
		vars:     map[string]cty.Value{},
		locals:   map[string]cty.Value{},
		outputs:  map[string]cty.Value{},
		res:      make(map[string]*resState, len(mod.resources)),
		calls:    make(map[string]*callState, len(mod.calls)),
		typeVals: map[string]map[string]cty.Value{},
		dataVals: map[string]map[string]cty.Value{},
		modVals:  make(map[string]cty.Value, len(mod.calls)),
		modStale: map[string]bool{},
		state:    make(map[string]visitState, len(mod.variables)+len(mod.locals)+len(mod.resources)+len(mod.calls)),
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
	}
	return mi
}

// buildContext creates the evaluation context. Everything the module
// declares starts unknown and is filled in as it is evaluated (variables
// and locals not evaluated yet are absent: rootName reads them unknown). The context
// holds only path and terraform; the other roots are set just before each
// evaluation, from the references of the expression (bind).
func (mi *modInst) buildContext() {
	mi.ctx = mi.e.instanceContext()
	mi.e.scopes[mi.ctx] = mi
	for _, c := range mi.mod.calls {
		mi.modVals[c.name] = cty.DynamicVal
	}
	v := mi.ctx.Variables
	v["path"] = mi.e.pathValue(mi.mod)
	v["terraform"] = terraformValue
}

// terraformValue is the terraform object of every module instance.
var terraformValue = cty.ObjectVal(map[string]cty.Value{"workspace": cty.StringVal("default")})

// pathValue is the path object of the instances of a module, the same for
// all of them.
func (e *evaluator) pathValue(m *module) cty.Value {
	if v, ok := e.paths[m]; ok {
		return v
	}
	v := cty.ObjectVal(map[string]cty.Value{
		"module": cty.StringVal(e.relPath(m.dir)),
		"root":   cty.StringVal("."),
		// The working directory of a later terraform run is not known here.
		"cwd": cty.UnknownVal(cty.String),
	})
	if e.paths == nil {
		e.paths = map[*module]cty.Value{}
	}
	e.paths[m] = v
	return v
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

func objectOrEmpty(m map[string]cty.Value) cty.Value {
	if len(m) == 0 {
		return cty.EmptyObjectVal
	}
	return cty.ObjectVal(m)
}

// walk evaluates the resources of the instance that the adapters read and
// then the instances of its module calls. Everything else (variables,
// locals, outputs, other resources) is evaluated when one of those reads it.
func (mi *modInst) walk() {
	if mi.e.opts.walkAll {
		for _, v := range mi.mod.variables {
			mi.visit(v.key)
		}
		for _, l := range mi.mod.locals {
			mi.visit(l.key)
		}
	}
	for _, r := range mi.mod.resources {
		if mi.e.opts.walkAll || walked(r) {
			mi.visit(r.addr)
		}
	}
	for _, c := range mi.mod.calls {
		mi.visit(c.key)
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
	ts := mi.e.variables(expr)
	mi.needAll(ts)
	return mi.e.evalWith(ctx, expr, ts)
}

// needAll visits what the traversals read: every evaluation in a context
// of the instance comes after it.
func (mi *modInst) needAll(ts []hcl.Traversal) {
	for _, t := range ts {
		mi.need(t)
	}
}

// need visits what one traversal reads.
func (mi *modInst) need(t hcl.Traversal) {
	switch root := t.RootName(); root {
	// The keys are the declarations' own: a key built here would be a new
	// string on every reference. An undeclared name has nothing to visit.
	case "var":
		if v := mi.mod.varByName[secondName(t)]; v != nil {
			mi.visit(v.key)
		}
	case "local":
		if l := mi.mod.localByName[secondName(t)]; l != nil {
			mi.visit(l.key)
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
	c := mi.mod.callByName[name]
	if c == nil {
		return
	}
	mi.visit(c.key)
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
			if o := child.mod.outputByName[out]; o != nil {
				child.visit(o.key)
			}
			continue
		}
		for _, o := range child.mod.outputs {
			child.visit(o.key)
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

// bind sets, in the instance's context, the root variables that the
// traversals of one expression read, each an object of only the names
// they read (var.x, local.y, module.m, data.t.n, t.n), as Terraform's
// lang.Scope builds a context from ReferencesInExpr. The cost of an
// evaluation then follows its references, not the size of the module.
// Roots the expression does not read keep whatever an earlier evaluation
// left in them; it does not read them. A reference Terraform rejects (a
// root or a resource type without a name) reads unknown.
func (mi *modInst) bind(ts []hcl.Traversal) {
	if len(ts) == 0 {
		return
	}
	// Most expressions read a few names: they are collected in a slice on
	// the stack, not in maps, and grouped by root after sorting.
	var buf [8]rootRef
	refs := buf[:0]
	var data *binding
	for _, t := range ts {
		root := t.RootName()
		switch root {
		case "var", "local", "module":
		case "data":
			if data == nil {
				data = &binding{}
			}
			mi.bindData(data, t)
			continue
		default:
			if mi.mod.resNames[root] == nil {
				// Not a resource type of the module: count, each, path,
				// an iterator of a child context, or an undeclared name
				// that is to fail as it does in Terraform.
				continue
			}
		}
		refs = append(refs, rootRef{root, secondName(t)})
	}
	if len(refs) > 1 {
		slices.SortFunc(refs, func(a, b rootRef) int {
			if c := strings.Compare(a.root, b.root); c != 0 {
				return c
			}
			return strings.Compare(a.name, b.name)
		})
	}
	for i := 0; i < len(refs); {
		j := i + 1
		for j < len(refs) && refs[j].root == refs[i].root {
			j++
		}
		mi.ctx.Variables[refs[i].root] = mi.rootValue(refs[i:j])
		i = j
	}
	if data != nil {
		mi.ctx.Variables["data"] = data.dataValue()
	}
}

// rootRef is a name read under a root variable ("" for the root alone).
type rootRef struct{ root, name string }

// rootValue is the object bound to one root: the names refs (sorted, all
// of the same root) read. A read of the root without a name makes it
// unknown as a whole.
func (mi *modInst) rootValue(refs []rootRef) cty.Value {
	if refs[0].name == "" {
		return cty.DynamicVal // sorted first: read without a name
	}
	root := refs[0].root
	if refs[len(refs)-1].name == refs[0].name {
		return mi.singleValue(root, refs[0].name)
	}
	attrs := make(map[string]cty.Value, len(refs))
	for _, r := range refs {
		if v, ok := mi.rootName(root, r.name); ok {
			attrs[r.name] = v
		}
	}
	return objectOrEmpty(attrs)
}

// rootName is the value of root.name; ok is false for a name the module
// does not declare, which is left out of the object so that reading it
// fails as in Terraform.
func (mi *modInst) rootName(root, name string) (cty.Value, bool) {
	var v cty.Value
	var ok bool
	switch root {
	case "var":
		if v, ok = mi.vars[name]; !ok && mi.mod.varByName[name] != nil {
			v, ok = cty.DynamicVal, true // not evaluated yet
		}
	case "local":
		if v, ok = mi.locals[name]; !ok && mi.mod.localByName[name] != nil {
			v, ok = cty.DynamicVal, true
		}
	case "module":
		v, ok = mi.moduleValue(name)
	default:
		if v, ok = mi.typeVals[root][name]; !ok && mi.mod.resNames[root][name] != nil {
			v, ok = cty.DynamicVal, true
		}
	}
	return v, ok
}

// singleValue is the object of a root read with one name. A variable,
// local or resource is set once, when it is visited, so its object is
// built once and then shared by every expression that reads it alone;
// module.NAME changes as the outputs of the call are evaluated, and an
// entry not yet visited may still change, so those are built each time.
func (mi *modInst) singleValue(root, name string) cty.Value {
	k := rootRef{root, name}
	if v, ok := mi.singles[k]; ok {
		return v
	}
	v, ok := mi.rootName(root, name)
	obj := cty.EmptyObjectVal
	if ok {
		obj = cty.ObjectVal(map[string]cty.Value{name: v})
	}
	if root != "module" && mi.state[root+"."+name] == visited {
		if mi.singles == nil {
			mi.singles = map[rootRef]cty.Value{}
		}
		mi.singles[k] = obj
	}
	return obj
}

// bindData adds a data.TYPE.NAME reference to b.
func (mi *modInst) bindData(b *binding, t hcl.Traversal) {
	typ := secondName(t)
	if typ == "" {
		b.dataWhole = true
		b.dataTypes(typ)
		return
	}
	names := mi.mod.dataNames[typ]
	attrs := b.dataTypes(typ)
	if names == nil {
		return // not a declared type
	}
	if len(t) < 3 {
		b.dataPartial[typ] = true
		return
	}
	name, ok := t[2].(hcl.TraverseAttr)
	if !ok {
		b.dataPartial[typ] = true
		return
	}
	if v, ok := mi.dataVals[typ][name.Name]; ok {
		attrs[name.Name] = v
	} else if names[name.Name] != nil {
		attrs[name.Name] = cty.DynamicVal // not evaluated yet
	}
}

// binding collects the data sources one expression reads.
type binding struct {
	// data maps a data source type to the names read; dataPartial are
	// types read without a name, dataWhole a read of data alone.
	data        map[string]map[string]cty.Value
	dataPartial map[string]bool
	dataWhole   bool
}

// dataTypes returns the names read under data.TYPE, creating the entry.
func (b *binding) dataTypes(typ string) map[string]cty.Value {
	if b.data == nil {
		b.data = map[string]map[string]cty.Value{}
		b.dataPartial = map[string]bool{}
	}
	if typ == "" {
		return nil
	}
	attrs := b.data[typ]
	if attrs == nil {
		attrs = map[string]cty.Value{}
		b.data[typ] = attrs
	}
	return attrs
}

// dataValue is the data root of the binding.
func (b *binding) dataValue() cty.Value {
	if b.dataWhole {
		return cty.DynamicVal
	}
	types := make(map[string]cty.Value, len(b.data))
	for typ, names := range b.data {
		if b.dataPartial[typ] {
			types[typ] = cty.DynamicVal
			continue
		}
		types[typ] = objectOrEmpty(names)
	}
	return objectOrEmpty(types)
}
