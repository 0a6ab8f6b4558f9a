package terraform

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/seclint/seclint/parsers/model"
)

// maxFileSize bounds what is read into memory: real Terraform files are far
// smaller, and a huge file in a module directory is not configuration.
const maxFileSize = 32 << 20

type resourceMode uint8

const (
	managedResource resourceMode = iota
	dataResource
)

// resource is a resource or data block: configuration, shared by every
// instance of every module instance that uses the module.
type resource struct {
	mode      resourceMode
	typ, name string
	// addr is the address within the module: "aws_s3_bucket.logs",
	// "data.aws_iam_policy_document.p".
	addr string
	body hcl.Body
	// defRange is the block header, rng the whole block (the header for
	// JSON, which has no block range).
	defRange, rng  hcl.Range
	count, forEach hcl.Expression
	// provider is the provider meta-argument (aws.west), or nil.
	provider hcl.Expression
}

type variable struct {
	name     string
	key      string         // "var.NAME", the instance's visit key (modInst.visit)
	typeExpr hcl.Expression // nil when untyped
	def      hcl.Expression // nil when there is no default
	nullable hcl.Expression // nil when not written (nullable)
	decl     hcl.Range
	src      hcl.Body
}

type local struct {
	name string
	key  string // "local.NAME"
	expr hcl.Expression
}

type output struct {
	name string
	key  string         // "output.NAME"
	expr hcl.Expression // nil when the block has no value
}

// moduleCall is a module block.
type moduleCall struct {
	name string
	key  string // "module.NAME"
	// source is the source argument, which Terraform requires to be a
	// literal string; "" when it is missing or not a literal.
	source      string
	sourceRange hcl.Range
	body        hcl.Body
	count       hcl.Expression
	forEach     hcl.Expression
	providers   hcl.Expression
	defRange    hcl.Range
	// rng is the whole block, from its first line: findings inside the
	// module carry it, and an ignore comment above the block covers them.
	rng hcl.Range
}

// providerBlock is a provider configuration block.
type providerBlock struct {
	name, alias string
	body        hcl.Body
	defRange    hcl.Range
}

// key is how resources and module calls name the configuration:
// "aws" or "aws.west".
func (p *providerBlock) key() string {
	if p.alias == "" {
		return p.name
	}
	return p.name + "." + p.alias
}

// module is the parsed content of one module directory. It is read once
// per scan unit, however many times it is called.
type module struct {
	dir string
	// paths are the files read, in load order, and src their content.
	paths        []string
	src          map[string][]byte
	variables    []*variable
	varByName    map[string]*variable
	locals       []*local
	localByName  map[string]*local
	outputs      []*output
	outputByName map[string]*output
	resources    []*resource
	byAddr       map[string]*resource
	calls        []*moduleCall
	callByName   map[string]*moduleCall
	providers    []*providerBlock
	// resNames and dataNames are the managed resources and the data
	// sources by type and name (declareNames).
	resNames, dataNames map[string]map[string]*resource

	// What the module's expressions read, found by scan (scan.go).
	refAttrs map[string]map[string]bool
	whole    map[string]bool
	// functions are the functions called, with the first call's range.
	functions []calledFunc

	// vars caches the traversals of the module's native expressions
	// (traversals): an expression is evaluated once per instance of its
	// block, in every unit that calls the module, and walking it for its
	// references costs about as much as evaluating it. The units of a scan
	// share a module and evaluate it concurrently, hence the lock.
	varsMu sync.Mutex
	vars   map[hclsyntax.Expression][]hcl.Traversal
	// deps caches the traversals of each resource's whole body (bodyDeps),
	// exposed what each resource offers in the context (exposure), and
	// decls the decoded type constraints of the variables (varDecl), under
	// varsMu likewise: computed for what is evaluated, on first use.
	deps    map[*resource][]hcl.Traversal
	exposed map[*resource]exposure
	decls   map[string]*varDecl
}

// traversals returns the traversals x reads (its Variables), walking it
// the first time only. The slice is shared: callers must not modify it.
func (m *module) traversals(x hclsyntax.Expression) []hcl.Traversal {
	m.varsMu.Lock()
	ts, ok := m.vars[x]
	m.varsMu.Unlock()
	if ok {
		return ts
	}
	// Walked outside the lock: another unit may walk x at the same time,
	// and the two results are equal.
	ts = syntaxVariables(x)
	m.varsMu.Lock()
	if m.vars == nil {
		m.vars = map[hclsyntax.Expression][]hcl.Traversal{}
	}
	m.vars[x] = ts
	m.varsMu.Unlock()
	return ts
}

type calledFunc struct {
	name string
	rng  hcl.Range
}

var topSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "resource", LabelNames: []string{"type", "name"}},
	{Type: "data", LabelNames: []string{"type", "name"}},
	{Type: "variable", LabelNames: []string{"name"}},
	{Type: "locals"},
	{Type: "output", LabelNames: []string{"name"}},
	{Type: "module", LabelNames: []string{"name"}},
	{Type: "provider", LabelNames: []string{"name"}},
}}

// loadModule reads and parses the module's files. A file that cannot be
// read or parsed becomes a diagnostic; the blocks of a partly invalid file
// that the errors do not touch are kept, the others dropped, because a block
// that HCL recovered from an error may lack attributes it really has.
// Override files are merged into the blocks they override, as Terraform
// does (override.go).
func loadModule(dir string, files []string, cache *Cache, diags *diagnostics) *module {
	m := &module{
		dir:          dir,
		src:          map[string][]byte{},
		varByName:    map[string]*variable{},
		localByName:  map[string]*local{},
		outputByName: map[string]*output{},
		byAddr:       map[string]*resource{},
		callByName:   map[string]*moduleCall{},
	}
	if files == nil {
		files = discover(dir, diags)
	}
	files = loadOrder(files)
	for _, path := range files {
		text, f, hd, err := cache.parse(path)
		if err != nil {
			diags.add(model.DiagError, "cannot read file", err.Error(), hcl.Range{Filename: path})
			continue
		}
		m.paths = append(m.paths, path)
		m.src[path] = text
		diags.fromHCL("invalid HCL", hd, path, 5)
		if f == nil || f.Body == nil {
			continue
		}
		var errRanges []hcl.Range
		for _, h := range hd {
			if h.Severity == hcl.DiagError {
				r := hcl.Range{Filename: path, End: hcl.Pos{Byte: len(text)}}
				if h.Subject != nil {
					r = *h.Subject
				}
				errRanges = append(errRanges, r)
			}
		}
		m.collect(f.Body, errRanges, isOverride(path), diags)
	}
	m.declareNames()
	m.scan()
	return m
}

// declareNames indexes the resource names by type, for the instances of
// the module to tell a declared resource not evaluated yet (unknown) from
// an undeclared one.
func (m *module) declareNames() {
	m.resNames = map[string]map[string]*resource{}
	m.dataNames = map[string]map[string]*resource{}
	for _, r := range m.resources {
		names := m.resNames
		if r.mode == dataResource {
			names = m.dataNames
		}
		if names[r.typ] == nil {
			names[r.typ] = map[string]*resource{}
		}
		names[r.typ][r.name] = r
	}
}

func discover(dir string, diags *diagnostics) []string {
	files, err := moduleFiles(dir)
	if err != nil {
		diags.add(model.DiagError, "cannot read module directory", err.Error(), hcl.Range{Filename: dir})
	}
	return files
}

// moduleFiles lists the .tf and .tf.json files of a module directory.
func moduleFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		name := e.Name()
		if e.Type().IsRegular() && isConfigFile(name) {
			files = append(files, filepath.Join(dir, name))
		}
	}
	return files, nil
}

func isConfigFile(name string) bool {
	return strings.HasSuffix(name, ".tf") || strings.HasSuffix(name, ".tf.json")
}

// loadOrder sorts files the way Terraform reads them: by name, with override
// files after all the others.
func loadOrder(files []string) []string {
	out := append([]string(nil), files...)
	sort.SliceStable(out, func(i, j int) bool {
		oi, oj := isOverride(out[i]), isOverride(out[j])
		if oi != oj {
			return oj
		}
		return out[i] < out[j]
	})
	return out
}

func isOverride(path string) bool {
	base := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(path), ".json"), ".tf")
	return base == "override" || strings.HasSuffix(base, "_override")
}

func readFile(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if info.Size() > maxFileSize {
		return nil, fmt.Errorf("%s is larger than %d MiB", path, maxFileSize>>20)
	}
	return os.ReadFile(path)
}

func overlapsAny(r hcl.Range, errs []hcl.Range) bool {
	for _, e := range errs {
		if e.Filename == r.Filename && e.Start.Byte <= r.End.Byte && r.Start.Byte <= e.End.Byte {
			return true
		}
	}
	return false
}

// collect records the top-level blocks of one file.
func (m *module) collect(body hcl.Body, errRanges []hcl.Range, override bool, diags *diagnostics) {
	if sb, ok := body.(*hclsyntax.Body); ok {
		for _, blk := range sb.Blocks {
			if overlapsAny(blk.Range(), errRanges) {
				continue
			}
			m.collectBlock(blk.AsHCLBlock(), blk.Range(), override, diags)
		}
		return
	}
	content, _, _ := body.PartialContent(topSchema)
	if content == nil {
		return
	}
	for _, blk := range content.Blocks {
		if overlapsAny(blk.DefRange, errRanges) {
			continue
		}
		m.collectBlock(blk, blk.DefRange, override, diags)
	}
}

func (m *module) collectBlock(blk *hcl.Block, rng hcl.Range, override bool, diags *diagnostics) {
	switch blk.Type {
	case "resource", "data":
		m.collectResource(blk, rng, override, diags)
	case "variable":
		if len(blk.Labels) != 1 {
			return
		}
		v := &variable{name: blk.Labels[0], key: "var." + blk.Labels[0], decl: blk.DefRange}
		if prev := m.varByName[v.name]; prev != nil {
			if override {
				prev.setBody(mergeBodies(prev.body(), blk.Body))
				return
			}
			duplicate(diags, "var."+v.name, blk.DefRange)
			return
		}
		if override {
			missingBase(diags, "variable", v.name, blk.DefRange)
			return
		}
		v.setBody(blk.Body)
		m.varByName[v.name] = v
		m.variables = append(m.variables, v)
	case "locals":
		for _, a := range justAttributes(blk.Body) {
			if prev := m.localByName[a.Name]; prev != nil {
				if override {
					prev.expr = a.Expr
					continue
				}
				duplicate(diags, "local."+a.Name, a.NameRange)
				continue
			}
			// An override file may add locals: Terraform merges locals by
			// name and accepts new ones.
			l := &local{name: a.Name, key: "local." + a.Name, expr: a.Expr}
			m.localByName[a.Name] = l
			m.locals = append(m.locals, l)
		}
	case "output":
		if len(blk.Labels) != 1 {
			return
		}
		name := blk.Labels[0]
		if prev := m.outputByName[name]; prev != nil {
			if override {
				if e := attrExpr(blk.Body, "value"); e != nil {
					prev.expr = e
				}
				return
			}
			duplicate(diags, "output."+name, blk.DefRange)
			return
		}
		if override {
			missingBase(diags, "output", name, blk.DefRange)
			return
		}
		o := &output{name: name, key: "output." + name, expr: attrExpr(blk.Body, "value")}
		m.outputByName[name] = o
		m.outputs = append(m.outputs, o)
	case "module":
		m.collectCall(blk, rng, override, diags)
	case "provider":
		if len(blk.Labels) != 1 {
			return
		}
		p := &providerBlock{name: blk.Labels[0], body: blk.Body, defRange: blk.DefRange}
		p.alias = literalString(attrExpr(blk.Body, "alias"))
		for _, prev := range m.providers {
			if prev.key() != p.key() {
				continue
			}
			if override {
				prev.body = mergeBodies(prev.body, blk.Body)
				return
			}
			duplicate(diags, "provider "+p.key(), blk.DefRange)
			return
		}
		if override {
			missingBase(diags, "provider", p.key(), blk.DefRange)
			return
		}
		m.providers = append(m.providers, p)
	}
}

func (m *module) collectResource(blk *hcl.Block, rng hcl.Range, override bool, diags *diagnostics) {
	if len(blk.Labels) != 2 {
		return
	}
	if blk.Type == "resource" && reservedRoots[blk.Labels[0]] {
		return // not a resource type name Terraform accepts (var, local, ...)
	}
	r := &resource{typ: blk.Labels[0], name: blk.Labels[1], defRange: blk.DefRange, rng: rng}
	r.addr = r.typ + "." + r.name
	if blk.Type == "data" {
		r.mode = dataResource
		r.addr = "data." + r.addr
	}
	if prev := m.byAddr[r.addr]; prev != nil {
		if override {
			prev.setBody(mergeBodies(prev.body, blk.Body))
			return
		}
		duplicate(diags, r.addr, blk.DefRange)
		return
	}
	if override {
		missingBase(diags, blk.Type, r.addr, blk.DefRange)
		return
	}
	r.setBody(blk.Body)
	m.byAddr[r.addr] = r
	m.resources = append(m.resources, r)
}

func (r *resource) setBody(body hcl.Body) {
	r.body = body
	r.count, r.forEach = attrExpr(body, "count"), attrExpr(body, "for_each")
	r.provider = attrExpr(body, "provider")
}

func (m *module) collectCall(blk *hcl.Block, rng hcl.Range, override bool, diags *diagnostics) {
	if len(blk.Labels) != 1 {
		return
	}
	name := blk.Labels[0]
	if prev := m.callByName[name]; prev != nil {
		if override {
			prev.setBody(mergeBodies(prev.body, blk.Body))
			return
		}
		duplicate(diags, "module."+name, blk.DefRange)
		return
	}
	if override {
		missingBase(diags, "module", name, blk.DefRange)
		return
	}
	c := &moduleCall{name: name, key: "module." + name, defRange: blk.DefRange, rng: rng}
	c.setBody(blk.Body)
	m.callByName[name] = c
	m.calls = append(m.calls, c)
}

func (c *moduleCall) setBody(body hcl.Body) {
	c.body = body
	c.count, c.forEach = attrExpr(body, "count"), attrExpr(body, "for_each")
	c.providers = attrExpr(body, "providers")
	c.source, c.sourceRange = "", c.defRange
	if a := attribute(body, "source"); a != nil {
		c.source = literalString(a.Expr)
		c.sourceRange = a.Expr.Range()
	}
}

// body and setBody let override files merge into a variable block.
func (v *variable) body() hcl.Body { return v.src }

func (v *variable) setBody(body hcl.Body) {
	v.src = body
	v.def = attrExpr(body, "default")
	v.typeExpr = attrExpr(body, "type")
	v.nullable = attrExpr(body, "nullable")
}

// literalString is the value of an expression that must be a constant
// string (a module source, a provider alias), or "".
func literalString(expr hcl.Expression) string {
	if expr == nil {
		return ""
	}
	v, hd := expr.Value(nil)
	if hd.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return ""
	}
	return v.AsString()
}

// duplicate reports a second definition outside override files, which
// Terraform rejects; the first definition is used.
func duplicate(diags *diagnostics, what string, r hcl.Range) {
	diags.add(model.DiagWarning, "duplicate definition",
		fmt.Sprintf("%s is defined more than once; the first definition is used", what), r)
}

// missingBase reports an override block with nothing to override, which
// Terraform rejects; the block is ignored.
func missingBase(diags *diagnostics, kind, what string, r hcl.Range) {
	diags.add(model.DiagWarning, "override without a base block",
		fmt.Sprintf("the override file defines %s %s, which no other file of the module defines; it is ignored", kind, what), r)
}

// attrExpr returns the expression of the attribute name of body, or nil.
func attrExpr(body hcl.Body, name string) hcl.Expression {
	if sb, ok := body.(*hclsyntax.Body); ok {
		// The expression alone: attribute would copy the attribute.
		if a := sb.Attributes[name]; a != nil {
			return a.Expr
		}
		return nil
	}
	if a := attribute(body, name); a != nil {
		return a.Expr
	}
	return nil
}

// attrAndName returns the expression of the attribute name of body and the
// range of its name, without copying the attribute as attribute does; a nil
// expression when there is none.
func attrAndName(body hcl.Body, name string) (hcl.Expression, hcl.Range) {
	if sb, ok := body.(*hclsyntax.Body); ok {
		if a := sb.Attributes[name]; a != nil {
			return a.Expr, a.NameRange
		}
		return nil, hcl.Range{}
	}
	if a := attribute(body, name); a != nil {
		return a.Expr, a.NameRange
	}
	return nil, hcl.Range{}
}

// attribute returns the attribute name of body, or nil.
func attribute(body hcl.Body, name string) *hcl.Attribute {
	if body == nil {
		return nil
	}
	if sb, ok := body.(*hclsyntax.Body); ok {
		if a := sb.Attributes[name]; a != nil {
			return a.AsHCLAttribute()
		}
		return nil
	}
	content, _, _ := body.PartialContent(&hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: name}}})
	if content == nil {
		return nil
	}
	return content.Attributes[name]
}

// justAttributes returns a body's attributes in source order, ignoring the
// errors of bodies that also hold blocks.
func justAttributes(body hcl.Body) []*hcl.Attribute {
	var out []*hcl.Attribute
	if sb, ok := body.(*hclsyntax.Body); ok {
		for _, a := range sortedAttrs(sb) {
			out = append(out, a.AsHCLAttribute())
		}
		return out
	}
	attrs, _ := body.JustAttributes()
	for _, a := range attrs {
		out = append(out, a)
	}
	slices.SortFunc(out, func(x, y *hcl.Attribute) int {
		return bySourcePosition(x.Range, y.Range)
	})
	return out
}

// sortedAttrs returns the attributes of an HCL body in source order (the
// body holds them in a map).
func sortedAttrs(b *hclsyntax.Body) []*hclsyntax.Attribute {
	out := make([]*hclsyntax.Attribute, 0, len(b.Attributes))
	for _, a := range b.Attributes {
		out = append(out, a)
	}
	// slices.SortFunc, not sort.Slice, whose reflection and closure cost
	// allocations on every body the evaluation reads.
	slices.SortFunc(out, func(x, y *hclsyntax.Attribute) int {
		return bySourcePosition(x.SrcRange, y.SrcRange)
	})
	return out
}

// bySourcePosition orders ranges by file, then by position in it.
func bySourcePosition(a, b hcl.Range) int {
	if c := strings.Compare(a.Filename, b.Filename); c != 0 {
		return c
	}
	return cmp.Compare(a.Start.Byte, b.Start.Byte)
}
