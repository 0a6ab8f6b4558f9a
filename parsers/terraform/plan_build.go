package terraform

import (
	"path/filepath"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// planRoot is the context variable that holds the values of a plan: each
// attribute of each resource becomes a body attribute whose expression
// reads one element of it, so that the adapters read a plan through the
// same bodies, contexts and node trees as a configuration.
const planRoot = "__plan"

// plan builds the module and resource instances of a plan.
type plan struct {
	path  string
	doc   *node.Node
	opts  Options
	diags *diagnostics
	e     *evaluator
	// unknown holds each resource instance's after_unknown.
	unknown map[string]*node.Node
	// vars are the root module's variable values.
	vars map[string]*node.Node
	// insts are the module instances by address; modRanges where each
	// is written in planned_values.
	insts     map[string]*modInst
	modRanges map[string]model.Range
	// ids are the resource instance addresses of the plan, for resolving
	// references.
	ids map[string]bool
	// values are the values behind planRoot.
	values map[string]cty.Value
	// providers are the provider configurations built, by key.
	providers map[string]*providerRef
}

// planResource is one resource instance of planned_values.
type planResource struct {
	addr, modPath, local string
	mode                 resourceMode
	typ, name            string
	key                  string
	values               *node.Node
	rng                  model.Range
}

func newPlan(path string, doc *node.Node, opts Options, diags *diagnostics) *plan {
	return &plan{
		path:      path,
		doc:       doc,
		opts:      opts,
		diags:     diags,
		e:         newEvaluator(filepath.Dir(path), opts, diags),
		unknown:   map[string]*node.Node{},
		vars:      map[string]*node.Node{},
		insts:     map[string]*modInst{},
		modRanges: map[string]model.Range{},
		ids:       map[string]bool{},
		values:    map[string]cty.Value{},
		providers: map[string]*providerRef{},
	}
}

// build creates the instances.
func (p *plan) build() {
	values := p.doc.Get("planned_values")
	if values == nil {
		values = p.doc.Get("values") // the JSON form of a state
	}
	if rcs := p.doc.Get("resource_changes"); rcs != nil {
		for _, rc := range rcs.List {
			if a := rc.Get("address"); a != nil && a.Kind == node.String {
				p.unknown[a.Str] = rc.Get("change").Get("after_unknown")
			}
		}
	}
	if vars := p.doc.Get("variables"); vars != nil {
		for _, k := range vars.Keys {
			p.vars[k] = vars.Get(k).Get("value")
		}
	}
	var resources []planResource
	p.collect(values.Get("root_module"), &resources)
	for _, r := range resources {
		p.ids[r.addr] = true
	}
	p.e.root = p.instance("")
	for _, r := range resources {
		p.resource(r)
	}
	all := objectOrEmpty(p.values)
	for _, mi := range p.insts {
		mi.ctx.Variables[planRoot] = all
	}
	for _, addr := range sortedNames(p.insts) {
		p.e.insts = append(p.e.insts, p.insts[addr])
	}
}

// collect lists the managed resources of a planned module and its
// children.
func (p *plan) collect(mod *node.Node, out *[]planResource) {
	if mod == nil {
		return
	}
	if a := mod.Get("address"); a != nil && a.Kind == node.String {
		p.modRanges[a.Str] = a.Range
	}
	if rs := mod.Get("resources"); rs != nil {
		for _, r := range rs.List {
			pr, ok := parsePlanResource(r)
			if ok {
				*out = append(*out, pr)
			}
		}
	}
	if cms := mod.Get("child_modules"); cms != nil {
		for _, c := range cms.List {
			p.collect(c, out)
		}
	}
}

func parsePlanResource(r *node.Node) (planResource, bool) {
	addr, _ := r.Get("address").Scalar()
	typ, _ := r.Get("type").Scalar()
	name, _ := r.Get("name").Scalar()
	mode, _ := r.Get("mode").Scalar()
	if addr == "" || typ == "" || name == "" {
		return planResource{}, false
	}
	pr := planResource{addr: addr, typ: typ, name: name, values: r.Get("values"), rng: r.Get("address").Range}
	pr.local = typ + "." + name
	if mode == "data" {
		pr.mode = dataResource
		pr.local = "data." + pr.local
	}
	if idx := r.Get("index"); idx != nil {
		switch idx.Kind {
		case node.Number:
			pr.key = "[" + idx.Str + "]"
		case node.String:
			pr.key = "[" + strconv.Quote(idx.Str) + "]"
		}
	}
	pr.modPath = strings.TrimSuffix(strings.TrimSuffix(addr, pr.local+pr.key), ".")
	return pr, true
}

// instance returns the module instance of a module address, creating it
// and its ancestors.
func (p *plan) instance(addr string) *modInst {
	if mi := p.insts[addr]; mi != nil {
		return mi
	}
	mi := &modInst{
		e:         p.e,
		mod:       &module{dir: filepath.Dir(p.path), byAddr: map[string]*resource{}, varByName: map[string]*variable{}, localByName: map[string]*local{}, outputByName: map[string]*output{}, callByName: map[string]*moduleCall{}},
		path:      addr,
		ctx:       p.e.instanceContext(),
		vars:      map[string]cty.Value{},
		locals:    map[string]cty.Value{},
		outputs:   map[string]cty.Value{},
		res:       map[string]*resState{},
		calls:     map[string]*callState{},
		typeVals:  map[string]map[string]cty.Value{},
		dataVals:  map[string]map[string]cty.Value{},
		modVals:   map[string]cty.Value{},
		modStale:  map[string]bool{},
		state:     map[string]visitState{},
		providers: map[string]*providerRef{},
	}
	if addr != "" {
		mi.prefix = addr + "."
		parentAddr := moduleParent(addr)
		mi.parent = p.instance(parentAddr)
		mi.depth = mi.parent.depth + 1
		mi.chain = append(append([]model.CallSite(nil), mi.parent.chain...), model.CallSite{Message: addr, Range: p.modRanges[addr]})
	}
	p.insts[addr] = mi
	return mi
}

// moduleParent returns the address of the module instance that calls the
// one at addr: module.a["x"].module.b → module.a["x"].
func moduleParent(addr string) string {
	i := strings.LastIndex(addr, ".module.")
	if i < 0 {
		return ""
	}
	return addr[:i]
}

// modulePath strips the instance keys of a module address:
// module.a["x"].module.b → ["a", "b"].
func modulePath(addr string) []string {
	t, hd := hclsyntax.ParseTraversalAbs([]byte(addr), "", hcl.InitialPos)
	if hd.HasErrors() {
		return nil
	}
	var names []string
	for i := 0; i+1 < len(t); i++ {
		if name, ok := stepName(t[i]); ok && name == "module" {
			if n, ok := t[i+1].(hcl.TraverseAttr); ok {
				names = append(names, n.Name)
				i++
			}
		}
	}
	return names
}

func stepName(s hcl.Traverser) (string, bool) {
	switch x := s.(type) {
	case hcl.TraverseRoot:
		return x.Name, true
	case hcl.TraverseAttr:
		return x.Name, true
	}
	return "", false
}

// configModule returns the configuration of the module at a module
// instance address.
func (p *plan) configModule(addr string) *node.Node {
	m := p.doc.Get("configuration").Get("root_module")
	for _, name := range modulePath(addr) {
		m = m.Get("module_calls").Get(name).Get("module")
	}
	return m
}

// resourceConfig returns the configuration of a resource of a module.
func (p *plan) resourceConfig(modAddr, local string) *node.Node {
	rs := p.configModule(modAddr).Get("resources")
	if rs == nil {
		return nil
	}
	for _, r := range rs.List {
		if a, _ := r.Get("address").Scalar(); a == local {
			return r
		}
	}
	return nil
}

// resource creates one resource instance.
func (p *plan) resource(pr planResource) {
	mi := p.instance(pr.modPath)
	cfg := p.resourceConfig(pr.modPath, pr.local)
	r := &resource{mode: pr.mode, typ: pr.typ, name: pr.name, addr: pr.local, defRange: hclRange(pr.rng), rng: hclRange(pr.rng)}
	if key, _ := cfg.Get("provider_config_key").Scalar(); key != "" {
		r.provider = &hclsyntax.ScopeTraversalExpr{Traversal: traversalOf(key), SrcRange: r.defRange}
		p.provider(mi, key)
	}
	r.body = p.body(mi, pr.key, pr.values, p.unknown[pr.addr], cfg.Get("expressions"), r.defRange)
	ri := &resInst{res: r, mi: mi, id: pr.addr, ctx: mi.ctx}
	p.e.resInsts = append(p.e.resInsts, ri)
	p.e.byID[ri.id] = ri
}

// traversalOf reads "aws.west" as a traversal.
func traversalOf(key string) hcl.Traversal {
	var t hcl.Traversal
	for i, part := range strings.Split(key, ".") {
		if i == 0 {
			t = append(t, hcl.TraverseRoot{Name: part})
		} else {
			t = append(t, hcl.TraverseAttr{Name: part})
		}
	}
	return t
}

// provider makes the provider configuration key of the plan's
// configuration available to the instance, with its region and
// allowed_account_ids.
func (p *plan) provider(mi *modInst, key string) {
	if mi.providers[key] != nil {
		return
	}
	if ref := p.providers[key]; ref != nil {
		mi.providers[key] = ref
		return
	}
	cfg := p.doc.Get("configuration").Get("provider_config").Get(key)
	if cfg == nil {
		return
	}
	name, _ := cfg.Get("name").Scalar()
	alias, _ := cfg.Get("alias").Scalar()
	attrs := hclsyntax.Attributes{}
	for i, attr := range []string{"region", "allowed_account_ids"} {
		x := cfg.Get("expressions").Get(attr)
		if x == nil {
			continue
		}
		rng := hclRange(x.Range)
		rng.Start.Byte = i
		attrs[attr] = &hclsyntax.Attribute{Name: attr, Expr: p.leaf(p.configValue(x), rng), SrcRange: rng, NameRange: rng}
	}
	b := &providerBlock{name: name, alias: alias, body: &hclsyntax.Body{Attributes: attrs}, defRange: hclRange(cfg.Range)}
	ref := &providerRef{inst: p.e.root, block: b}
	p.providers[key] = ref
	mi.providers[key] = ref
	p.e.root.mod.providers = append(p.e.root.mod.providers, b)
}

// configValue is the value of a configuration expression of the root
// module's provider: its constant, or the value of the root variable it
// reads; unknown otherwise.
func (p *plan) configValue(x *node.Node) cty.Value {
	if c := x.Get("constant_value"); c != nil {
		return jsonValue(c)
	}
	refs := jsonStrings(x.Get("references"))
	if len(refs) == 1 && strings.HasPrefix(refs[0], "var.") {
		if v := p.vars[strings.TrimPrefix(refs[0], "var.")]; v != nil {
			return jsonValue(v)
		}
	}
	return cty.DynamicVal
}

// leaf returns an expression that reads v from the plan's values.
func (p *plan) leaf(v cty.Value, rng hcl.Range) hclsyntax.Expression {
	name := "v" + strconv.Itoa(len(p.values))
	p.values[name] = v
	return &hclsyntax.ScopeTraversalExpr{
		Traversal: hcl.Traversal{hcl.TraverseRoot{Name: planRoot, SrcRange: rng}, hcl.TraverseAttr{Name: name, SrcRange: rng}},
		SrcRange:  rng,
	}
}

// body builds the body of a resource instance: one attribute per value,
// and per configured attribute only known after apply.
func (p *plan) body(mi *modInst, key string, values, unknown, exprs *node.Node, def hcl.Range) *hclsyntax.Body {
	body := &hclsyntax.Body{Attributes: hclsyntax.Attributes{}, SrcRange: def, EndRange: def}
	for i, k := range unionKeys(values, unknown) {
		v, u, c := values.Get(k), unknownAt(unknown, k), exprs.Get(k)
		val := p.value(mi, key, v, u, c, nil)
		if u2, _ := val.Unmark(); u2.IsNull() && v == nil {
			continue // computed and not configured: absent, as in the configuration
		}
		rng := def
		nameRng := def
		switch {
		case v != nil:
			rng, nameRng = hclRange(v.Range), hclRange(v.KeyRange)
		case c != nil:
			rng, nameRng = hclRange(c.Range), hclRange(c.KeyRange)
		}
		rng.Start.Byte, nameRng.Start.Byte = i, i
		body.Attributes[k] = &hclsyntax.Attribute{Name: k, Expr: p.leaf(val, rng), SrcRange: rng, NameRange: nameRng}
	}
	return body
}
