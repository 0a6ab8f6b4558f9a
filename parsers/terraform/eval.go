package terraform

import (
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// Limits on what one scan unit may expand to. Real configurations stay far
// below them; a hostile or mistaken one (count = 1e9, a module calling
// itself) must not exhaust memory. Past a limit the values are unknown.
const (
	// maxExpand bounds the instances of one resource, module call or
	// dynamic block.
	maxExpand = 1000
	// maxModuleInstances bounds the module instances of a unit.
	maxModuleInstances = 2000
	// maxDepth bounds the nesting of module calls.
	maxDepth = 16
	// maxExpansions bounds what all expansions of a unit create together
	// (instances and dynamic blocks nest, and their counts multiply).
	maxExpansions = 100000
)

// evaluator evaluates one scan unit: a root module and the module instances
// it calls, with Terraform's semantics and explicit unknowns. It is built
// once per ParseModule call; nothing in it is shared between units.
type evaluator struct {
	opts  Options
	diags *diagnostics
	// rootDir is the root module's directory as the caller gave it; file
	// paths in expressions are relative to it, as Terraform's are to its
	// working directory.
	rootDir string
	// scanRoot is the absolute, symlink-free directory that file functions
	// may read under; scanRootAbs the same before resolving links.
	scanRoot, scanRootAbs string
	// varFiles are the variable files Terraform would load automatically.
	varFiles []string
	// src holds every file read (the modules' and templates), for heredoc
	// columns.
	src        map[string][]byte
	lineStarts map[string][]int
	// modules are the module directories read, by directory.
	modules map[string]*module
	// installed maps module keys ("bucket", "bucket.child") to the
	// directories `terraform init` installed them in, from
	// .terraform/modules/modules.json; nil when there is none.
	installed map[string]string
	// funcs is the function table; stubs for unimplemented functions are
	// added to it as they are found.
	funcs map[string]function.Function
	// curRange is the expression being evaluated, for the diagnostics that
	// functions raise (a file outside the scan root).
	curRange hcl.Range

	root *modInst
	// scopes maps the context of each module instance to the instance, so
	// that an evaluation in it, or in a child of it (count, each, dynamic
	// iterators, a module call's inputs), can bind what it reads (bind).
	scopes map[*hcl.EvalContext]*modInst
	// fileMods maps each configuration file read to its module, whose
	// cache of traversals holds those of the file's expressions
	// (module.traversals); vars caches those of other native expressions
	// (templates).
	fileMods map[string]*module
	vars     map[hclsyntax.Expression][]hcl.Traversal
	// insts are the module instances, resInsts the resource instances of
	// the unit, in a stable order: the root first, then each call's
	// instances depth first, resources in declaration order.
	insts    []*modInst
	resInsts []*resInst
	byID     map[string]*resInst
	// nInsts counts the module instances created, against the limit.
	nInsts int
	// expansions counts the instances and dynamic blocks created.
	expansions int
	// paths holds the path object of each module's instances (pathValue).
	paths map[*module]cty.Value
	// lits caches which locals and module variables hold literals
	// (literal_origin.go).
	lits map[litKey]litOrigin
}

// spend takes n expansions from the unit's budget, and reports whether
// they fit; the first time they do not, a warning says so at r.
func (e *evaluator) spend(n int, r hcl.Range) bool {
	if e.expansions+n > maxExpansions {
		if e.expansions <= maxExpansions {
			e.diags.add(model.DiagWarning, "configuration too large",
				fmt.Sprintf("the configuration expands to more than %d resource instances and dynamic blocks; what exceeds it is treated as unknown", maxExpansions), r)
		}
		e.expansions = maxExpansions + 1
		return false
	}
	e.expansions += n
	return true
}

func newEvaluator(rootDir string, opts Options, diags *diagnostics) *evaluator {
	e := &evaluator{
		opts:       opts,
		diags:      diags,
		rootDir:    rootDir,
		src:        map[string][]byte{},
		lineStarts: map[string][]int{},
		modules:    map[string]*module{},
		byID:       map[string]*resInst{},
		scopes:     map[*hcl.EvalContext]*modInst{},
		fileMods:   map[string]*module{},
		vars:       map[hclsyntax.Expression][]hcl.Traversal{},
	}
	root := opts.ScanRoot
	if root == "" {
		root = rootDir
	}
	e.scanRoot = absReal(root)
	if abs, err := filepath.Abs(root); err == nil {
		e.scanRootAbs = abs
	} else {
		e.scanRootAbs = e.scanRoot
	}
	e.funcs = e.functions()
	e.installed = readInstalledModules(rootDir, diags)
	return e
}

// absReal makes a path absolute and resolves the symbolic links of its
// longest existing prefix: a file that does not exist under a symlinked
// directory still resolves to where it would be (and then is reported as
// unreadable, not as outside the scan root).
func absReal(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	rest := ""
	for dir := abs; ; {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return abs
		}
		rest = filepath.Join(filepath.Base(dir), rest)
		dir = parent
	}
}

// run loads and evaluates the root module in rootDir (files, when given,
// are its files) and everything it calls.
func (e *evaluator) run(files []string) {
	mod := e.opts.Cache.module(e.rootDir, files, e.diags)
	e.addModule(e.rootDir, mod)
	e.root = e.newInstance(mod, nil, nil, nil, "")
	e.root.walk()
	e.order(e.root)
}

// addModule records a loaded module of the unit.
func (e *evaluator) addModule(dir string, m *module) {
	e.modules[dir] = m
	for path, src := range m.src {
		e.src[path] = src
		e.fileMods[path] = m
	}
	e.noteFunctions(m)
}

// order lists the module and resource instances in a stable order.
func (e *evaluator) order(mi *modInst) {
	e.insts = append(e.insts, mi)
	for _, r := range mi.mod.resources {
		if rs := mi.res[r.addr]; rs != nil {
			for _, ri := range rs.insts {
				e.resInsts = append(e.resInsts, ri)
				e.byID[ri.id] = ri
			}
		}
	}
	for _, c := range mi.mod.calls {
		if cs := mi.calls[c.name]; cs != nil {
			for _, child := range cs.insts {
				e.order(child)
			}
		}
	}
}

// evalIn evaluates expr in ctx. The result keeps its marks (the references
// it was computed from, see refs.go). Any error makes the value unknown: an
// error here is a reference to something only known after apply (an
// attribute the configuration does not set, a module output) or a type
// mismatch that Terraform would report, and neither is a value the rules
// may reason about.
func (e *evaluator) evalIn(ctx *hcl.EvalContext, expr hcl.Expression) cty.Value {
	return e.evalWith(ctx, expr, nil)
}

// evalWith is evalIn for a caller that has the traversals of expr
// (variables) already; nil when it has not.
func (e *evaluator) evalWith(ctx *hcl.EvalContext, expr hcl.Expression, ts []hcl.Traversal) (val cty.Value) {
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
	e.bind(ctx, expr, ts)
	v, hd := expr.Value(ctx)
	if hd.HasErrors() {
		e.noteUnknownFunctions(hd)
		return cty.DynamicVal.WithMarks(errorMarks(v))
	}
	return v
}

// bind sets in the module instance context that ctx is, or descends from,
// the values expr reads (its traversals ts, when not nil). Contexts of no
// instance (a plan's, a template's) hold all their values already.
func (e *evaluator) bind(ctx *hcl.EvalContext, expr hcl.Expression, ts []hcl.Traversal) {
	if mi := e.scope(ctx); mi != nil {
		if ts == nil {
			ts = e.variables(expr)
		}
		mi.bind(ts)
	}
}

// scope returns the module instance whose context ctx is, or descends
// from; nil for a context of no instance.
func (e *evaluator) scope(ctx *hcl.EvalContext) *modInst {
	// An instance's context is the child of builtinContext that is the
	// root of its descendants.
	for c := ctx; c != nil; c = c.Parent() {
		if mi, ok := e.scopes[c]; ok {
			return mi
		}
	}
	return nil
}

// variables returns the traversals expr reads, from a cache for a native
// expression (all of them are pointers, so they can be map keys): its
// module's, shared by the units of the scan, when it is in a module's
// file. The slice is shared: callers must not modify it.
func (e *evaluator) variables(expr hcl.Expression) []hcl.Traversal {
	x, ok := expr.(hclsyntax.Expression)
	if !ok {
		return expr.Variables()
	}
	if m := e.fileMods[x.Range().Filename]; m != nil {
		return m.traversals(x)
	}
	if ts, ok := e.vars[x]; ok {
		return ts
	}
	ts := syntaxVariables(x)
	e.vars[x] = ts
	return ts
}

// errorMarks keeps the references of a value that failed to evaluate, when
// HCL returned one, so an unknown still links to what it was computed from.
func errorMarks(v cty.Value) cty.ValueMarks {
	if v == cty.NilVal {
		return nil
	}
	_, marks := v.UnmarkDeep()
	return marks
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

// noteFunctions stubs the unimplemented functions a module calls.
func (e *evaluator) noteFunctions(m *module) {
	for _, f := range m.functions {
		e.noteFunction(f.name, f.rng)
	}
}

// managed returns the managed resource instances of the given types, in
// order. Every type must be one the walk evaluates (readTypes).
func (e *evaluator) managed(types ...string) []*resInst {
	checkReadTypes(types)
	want := map[string]bool{}
	for _, t := range types {
		want[t] = true
	}
	var out []*resInst
	for _, ri := range e.resInsts {
		if ri.res.mode == managedResource && want[ri.res.typ] {
			out = append(out, ri)
		}
	}
	return out
}

// sortedNames returns the keys of a map in order.
func sortedNames[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// resourceNode is the node tree of a resource instance, converted on first
// use.
func (e *evaluator) resourceNode(ri *resInst) *node.Node {
	if ri.node == nil {
		ri.mi.needAll(ri.mi.mod.bodyDeps(ri.res))
		ri.node = e.bodyNode(ri.res.body, ri.ctx, ri.res.defRange, true)
	}
	return ri.node
}

// resourceFields is the node tree of a resource instance with only the
// top-level attributes and blocks named in names, each converted as resourceNode
// converts it, after visiting only what they read: an adapter that reads a
// few arguments of a large resource neither converts nor evaluates the
// rest. A JSON body, whose attributes cannot be told from blocks without
// the whole of it, is converted whole. The tree is not cached; a resource
// type read this way should have no other reader.
func (e *evaluator) resourceFields(ri *resInst, names ...string) *node.Node {
	sb, ok := ri.res.body.(*hclsyntax.Body)
	if ri.node != nil || !ok {
		return e.resourceNode(ri)
	}
	ri.needFields(names...)
	return e.syntaxBodyNode(sb, ri.ctx, ri.res.defRange, true, fieldKeeper(names))
}

// needFields visits what the named top-level attributes and blocks of a
// resource instance read (all its body reads, for a JSON body).
func (ri *resInst) needFields(names ...string) {
	sb, ok := ri.res.body.(*hclsyntax.Body)
	if !ok {
		ri.mi.needAll(ri.mi.mod.bodyDeps(ri.res))
		return
	}
	ri.mi.needAll(fieldTraversals(sb, fieldKeeper(names)))
}

// fieldKeeper keeps the names given.
func fieldKeeper(names []string) func(string) bool {
	return func(name string) bool { return slices.Contains(names, name) }
}
