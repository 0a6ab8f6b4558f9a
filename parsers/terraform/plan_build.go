package terraform

import (
	"fmt"
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
	p.e.insts = append(p.e.insts, p.e.root)
	for _, mi := range p.insts {
		if mi != p.e.root {
			p.e.insts = append(p.e.insts, mi)
		}
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
		ctx:       &hcl.EvalContext{Variables: map[string]cty.Value{}, Functions: p.e.funcs},
		vars:      map[string]cty.Value{},
		locals:    map[string]cty.Value{},
		outputs:   map[string]cty.Value{},
		res:       map[string]*resState{},
		calls:     map[string]*callState{},
		typeVals:  map[string]map[string]cty.Value{},
		dataVals:  map[string]map[string]cty.Value{},
		modVals:   map[string]cty.Value{},
		state:     map[string]visitState{},
		dirty:     map[string]bool{},
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
	mi.providers[key] = ref
	if mi != p.e.root && p.e.root.providers[key] == nil {
		p.e.root.providers[key] = ref
	}
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

// unionKeys are the keys of a values object and those after_unknown adds.
func unionKeys(values, unknown *node.Node) []string {
	var keys []string
	seen := map[string]bool{}
	for _, n := range []*node.Node{values, unknown} {
		if n == nil || n.Kind != node.Map {
			continue
		}
		for _, k := range n.Keys {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	return keys
}

func unknownAt(u *node.Node, key string) *node.Node {
	if u == nil || u.Kind != node.Map {
		return nil
	}
	return u.Get(key)
}

// isExprNode reports whether a configuration node is one expression
// ({references, constant_value}) rather than the body of a nested block.
func isExprNode(c *node.Node) bool {
	if c == nil || c.Kind != node.Map || len(c.Keys) == 0 {
		return false
	}
	for _, k := range c.Keys {
		if k != "references" && k != "constant_value" {
			return false
		}
	}
	return true
}

// value builds the value of one attribute (or part of one) from its
// planned value v, its after_unknown u and its configuration c. A part
// that is only known after apply is unknown when the configuration sets
// it, and null (absent) when the provider computes it on its own; marks
// are the references of the configuration expression that sets it.
func (p *plan) value(mi *modInst, key string, v, u, c *node.Node, marks cty.ValueMarks) cty.Value {
	if isExprNode(c) {
		marks = mergeMarks(marks, refMarks(p.resolveRefs(mi, key, jsonStrings(c.Get("references")))...))
	}
	if u != nil && u.Kind == node.Bool && u.Bool {
		if c == nil {
			return cty.NullVal(cty.DynamicPseudoType)
		}
		return cty.DynamicVal.WithMarks(marks)
	}
	if v == nil || v.Kind == node.Null {
		return cty.NullVal(cty.DynamicPseudoType).WithMarks(marks)
	}
	switch v.Kind {
	case node.String, node.Number, node.Bool:
		return jsonValue(v).WithMarks(marks)
	case node.List:
		elems := make([]cty.Value, len(v.List))
		for i, el := range v.List {
			var ue *node.Node
			if u != nil && u.Kind == node.List && i < len(u.List) {
				ue = u.List[i]
			}
			elems[i] = p.value(mi, key, el, ue, subConfig(c, i), marks)
		}
		if len(elems) == 0 {
			return cty.EmptyTupleVal.WithMarks(marks)
		}
		return cty.TupleVal(elems)
	case node.Map:
		attrs := map[string]cty.Value{}
		for _, k := range unionKeys(v, u) {
			var sub *node.Node
			if isExprNode(c) {
				sub = c
			} else {
				sub = c.Get(k)
			}
			val := p.value(mi, key, v.Get(k), unknownAt(u, k), sub, marks)
			attrs[k] = val
		}
		return objectOrEmpty(attrs).WithMarks(marks)
	}
	return cty.DynamicVal.WithMarks(marks)
}

// subConfig is the configuration of element i of a list: the same
// expression, or the i-th nested block.
func subConfig(c *node.Node, i int) *node.Node {
	switch {
	case c == nil || isExprNode(c):
		return c
	case c.Kind == node.List && i < len(c.List):
		return c.List[i]
	case c.Kind == node.List && len(c.List) > 0:
		return c.List[0]
	}
	return nil
}

func mergeMarks(a, b cty.ValueMarks) cty.ValueMarks {
	if len(b) == 0 {
		return a
	}
	out := cty.ValueMarks{}
	for m := range a {
		out[m] = struct{}{}
	}
	for m := range b {
		out[m] = struct{}{}
	}
	return out
}

// jsonValue converts a JSON node to a cty value.
func jsonValue(n *node.Node) cty.Value {
	switch n.Kind {
	case node.String:
		return cty.StringVal(n.Str)
	case node.Number:
		if v, err := cty.ParseNumberVal(n.Str); err == nil {
			return v
		}
	case node.Bool:
		return cty.BoolVal(n.Bool)
	case node.List:
		if len(n.List) == 0 {
			return cty.EmptyTupleVal
		}
		elems := make([]cty.Value, len(n.List))
		for i, el := range n.List {
			elems[i] = jsonValue(el)
		}
		return cty.TupleVal(elems)
	case node.Map:
		attrs := map[string]cty.Value{}
		for _, k := range n.Keys {
			attrs[k] = jsonValue(n.Map[k])
		}
		return objectOrEmpty(attrs)
	case node.Null:
		return cty.NullVal(cty.DynamicPseudoType)
	}
	return cty.DynamicVal
}

// resolveRefs turns the references of a configuration expression of the
// module instance mi into the IDs of the objects they name: resource
// instances (the one with the same key as the referring instance when the
// reference has no key and the resource several instances), data sources,
// module calls; a variable of a called module is followed to the
// references of the argument the call passes.
func (p *plan) resolveRefs(mi *modInst, key string, refs []string) []string {
	var out []string
	for _, r := range refs {
		t, hd := hclsyntax.ParseTraversalAbs([]byte(r), "", hcl.InitialPos)
		if hd.HasErrors() || len(t) < 2 {
			continue
		}
		switch root := t.RootName(); root {
		case "var":
			out = append(out, p.varRefs(mi, secondName(t))...)
		case "local", "each", "count", "path", "terraform", "self":
		case "module":
			out = append(out, mi.prefix+"module."+secondName(t)+indexOf(t, 2))
		case "data":
			if len(t) >= 3 {
				if n, ok := t[2].(hcl.TraverseAttr); ok {
					out = append(out, mi.prefix+"data."+secondName(t)+"."+n.Name+indexOf(t, 3))
				}
			}
		default:
			base := mi.prefix + root + "." + secondName(t)
			if k := indexOf(t, 2); k != "" {
				out = append(out, base+k)
				continue
			}
			out = append(out, p.instancesOf(base, key)...)
		}
	}
	return dedupe(out)
}

// indexOf returns the instance key written at step i of t, or "".
func indexOf(t hcl.Traversal, i int) string {
	if i < len(t) {
		if ix, ok := t[i].(hcl.TraverseIndex); ok {
			return instanceKey(ix.Key)
		}
	}
	return ""
}

// instancesOf returns the IDs of the instances of the resource at base:
// itself, the one with key when there is one, else all of them.
func (p *plan) instancesOf(base, key string) []string {
	if p.ids[base] {
		return []string{base}
	}
	if key != "" && p.ids[base+key] {
		return []string{base + key}
	}
	var out []string
	for id := range p.ids {
		if strings.HasPrefix(id, base+"[") {
			out = append(out, id)
		}
	}
	return out
}

// varRefs follows a variable of a called module to the references of the
// argument its call passes.
func (p *plan) varRefs(mi *modInst, name string) []string {
	if mi.parent == nil {
		return nil
	}
	names := modulePath(mi.path)
	if len(names) == 0 {
		return nil
	}
	call := p.configModule(mi.parent.path).Get("module_calls").Get(names[len(names)-1])
	refs := jsonStrings(call.Get("expressions").Get(name).Get("references"))
	return p.resolveRefs(mi.parent, "", refs)
}

// callerAccounts returns the account IDs of the aws_caller_identity data
// sources the plan read.
func (p *plan) callerAccounts() []string {
	var out []string
	var walk func(mod *node.Node)
	walk = func(mod *node.Node) {
		if mod == nil {
			return
		}
		if rs := mod.Get("resources"); rs != nil {
			for _, r := range rs.List {
				if typ, _ := r.Get("type").Scalar(); typ != "aws_caller_identity" {
					continue
				}
				if id, ok := r.Get("values").Get("account_id").Scalar(); ok && id != "" {
					out = append(out, id)
				}
			}
		}
		if cms := mod.Get("child_modules"); cms != nil {
			for _, c := range cms.List {
				walk(c)
			}
		}
	}
	walk(p.doc.Get("prior_state").Get("values").Get("root_module"))
	return dedupe(out)
}

// String describes a plan resource, for diagnostics.
func (pr planResource) String() string { return fmt.Sprintf("%s (%s)", pr.addr, pr.typ) }
