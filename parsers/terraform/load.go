package terraform

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"

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

// resource is a resource or data block.
type resource struct {
	mode      resourceMode
	typ, name string
	// addr is the Terraform address and the model ID:
	// "aws_s3_bucket.logs", "data.aws_iam_policy_document.p".
	addr string
	body hcl.Body
	// defRange is the block header, rng the whole block (the header for
	// JSON, which has no block range).
	defRange, rng hcl.Range
	// multi is set when the block has count or for_each.
	// TODO(expansion): expand count/for_each into instances; until then the
	// block is one instance whose count.index and each.* are unknown, and
	// references to it from elsewhere are unknown.
	multi          bool
	count, forEach hcl.Expression
	// none is set when count or for_each is known to create no instance
	// (count = 0, for_each = {}): the resource does not exist.
	none bool
}

type variable struct {
	name     string
	typeExpr hcl.Expression // nil when untyped
	def      hcl.Expression // nil when there is no default
	decl     hcl.Range
}

type local struct {
	name string
	expr hcl.Expression
}

// module is the parsed content of one module directory.
type module struct {
	dir string
	// paths are the files read, in load order.
	paths       []string
	src         map[string][]byte
	variables   []*variable
	locals      []*local
	localByName map[string]*local
	resources   []*resource
	byAddr      map[string]*resource
	moduleCalls map[string]bool
}

var topSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "resource", LabelNames: []string{"type", "name"}},
	{Type: "data", LabelNames: []string{"type", "name"}},
	{Type: "variable", LabelNames: []string{"name"}},
	{Type: "locals"},
	{Type: "module", LabelNames: []string{"name"}},
}}

// loadModule reads and parses the module's files. A file that cannot be
// read or parsed becomes a diagnostic; the blocks of a partly invalid file
// that the errors do not touch are kept, the others dropped, because a block
// that HCL recovered from an error may lack attributes it really has.
func loadModule(dir string, files []string, diags *diagnostics) *module {
	m := &module{
		dir:         dir,
		src:         map[string][]byte{},
		localByName: map[string]*local{},
		byAddr:      map[string]*resource{},
		moduleCalls: map[string]bool{},
	}
	if files == nil {
		files = discover(dir, diags)
	}
	files = loadOrder(files)
	parser := hclparse.NewParser()
	for _, path := range files {
		src, err := readFile(path)
		if err != nil {
			diags.add(model.DiagError, "cannot read file", err.Error(), hcl.Range{Filename: path})
			continue
		}
		m.paths = append(m.paths, path)
		m.src[path] = src
		var f *hcl.File
		var hd hcl.Diagnostics
		if strings.HasSuffix(path, ".json") {
			f, hd = parser.ParseJSON(src, path)
		} else {
			f, hd = parser.ParseHCL(src, path)
		}
		diags.fromHCL("invalid HCL", hd, path, 5)
		if f == nil || f.Body == nil {
			continue
		}
		var errRanges []hcl.Range
		for _, h := range hd {
			if h.Severity == hcl.DiagError {
				r := hcl.Range{Filename: path, End: hcl.Pos{Byte: len(src)}}
				if h.Subject != nil {
					r = *h.Subject
				}
				errRanges = append(errRanges, r)
			}
		}
		m.collect(f.Body, errRanges, isOverride(path), diags)
	}
	return m
}

func discover(dir string, diags *diagnostics) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		diags.add(model.DiagError, "cannot read module directory", err.Error(), hcl.Range{Filename: dir})
		return nil
	}
	var files []string
	for _, e := range entries {
		name := e.Name()
		if e.Type().IsRegular() && (strings.HasSuffix(name, ".tf") || strings.HasSuffix(name, ".tf.json")) {
			files = append(files, filepath.Join(dir, name))
		}
	}
	return files
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
		if len(blk.Labels) != 2 {
			return
		}
		if blk.Type == "resource" && reservedRoots[blk.Labels[0]] {
			return // not a resource type name Terraform accepts (var, local, ...)
		}
		r := &resource{typ: blk.Labels[0], name: blk.Labels[1], body: blk.Body, defRange: blk.DefRange, rng: rng}
		r.addr = r.typ + "." + r.name
		if blk.Type == "data" {
			r.mode = dataResource
			r.addr = "data." + r.addr
		}
		r.count, r.forEach = attrExpr(blk.Body, "count"), attrExpr(blk.Body, "for_each")
		r.multi = r.count != nil || r.forEach != nil
		if prev := m.byAddr[r.addr]; prev != nil {
			duplicate(diags, r.addr, override, blk.DefRange)
			return
		}
		m.byAddr[r.addr] = r
		m.resources = append(m.resources, r)
	case "variable":
		if len(blk.Labels) != 1 {
			return
		}
		v := &variable{name: blk.Labels[0], decl: blk.DefRange}
		v.def = attrExpr(blk.Body, "default")
		v.typeExpr = attrExpr(blk.Body, "type")
		for _, prev := range m.variables {
			if prev.name == v.name {
				duplicate(diags, "var."+v.name, override, blk.DefRange)
				return
			}
		}
		m.variables = append(m.variables, v)
	case "locals":
		for _, a := range justAttributes(blk.Body) {
			if m.localByName[a.Name] != nil {
				duplicate(diags, "local."+a.Name, override, a.NameRange)
				continue
			}
			l := &local{name: a.Name, expr: a.Expr}
			m.localByName[a.Name] = l
			m.locals = append(m.locals, l)
		}
	case "module":
		if len(blk.Labels) == 1 {
			m.moduleCalls[blk.Labels[0]] = true
		}
	}
}

// duplicate reports a second definition. Terraform merges override files
// into the blocks they override; this parser does not yet, so their blocks
// are noted and ignored rather than reported as errors.
func duplicate(diags *diagnostics, what string, override bool, r hcl.Range) {
	if override {
		diags.add(model.DiagNote, "override file not merged",
			fmt.Sprintf("%s is redefined in an override file; override files are not merged yet, so the first definition is used", what), r)
		return
	}
	diags.add(model.DiagWarning, "duplicate definition",
		fmt.Sprintf("%s is defined more than once; the first definition is used", what), r)
}

// attrExpr returns the expression of the attribute name of body, or nil.
func attrExpr(body hcl.Body, name string) hcl.Expression {
	if a := attribute(body, name); a != nil {
		return a.Expr
	}
	return nil
}

// attribute returns the attribute name of body, or nil.
func attribute(body hcl.Body, name string) *hcl.Attribute {
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
	sort.Slice(out, func(i, j int) bool { return out[i].Range.Start.Byte < out[j].Range.Start.Byte })
	return out
}

// sortedAttrs returns the attributes of an HCL body in source order (the
// body holds them in a map).
func sortedAttrs(b *hclsyntax.Body) []*hclsyntax.Attribute {
	out := make([]*hclsyntax.Attribute, 0, len(b.Attributes))
	for _, a := range b.Attributes {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].SrcRange.Start.Byte < out[j].SrcRange.Start.Byte })
	return out
}

// blockBody is a nested block of a body: its body and header range, or, for
// a dynamic block, no body.
type blockBody struct {
	body     hcl.Body // nil for a dynamic block, whose content is unknown
	defRange hcl.Range
	// forEach is the for_each expression of a dynamic block.
	forEach hcl.Expression
}

// nestedBlocks returns the blocks of type typ in body, in source order,
// including dynamic blocks that generate that type.
func nestedBlocks(body hcl.Body, typ string) []blockBody {
	var out []blockBody
	if sb, ok := body.(*hclsyntax.Body); ok {
		for _, blk := range sb.Blocks {
			switch {
			case blk.Type == typ:
				out = append(out, blockBody{body: blk.Body, defRange: blk.DefRange()})
			case blk.Type == "dynamic" && len(blk.Labels) == 1 && blk.Labels[0] == typ:
				bb := blockBody{defRange: blk.DefRange()}
				if a := blk.Body.Attributes["for_each"]; a != nil {
					bb.forEach = a.Expr
				}
				out = append(out, bb)
			}
		}
		return out
	}
	content, _, _ := body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
		{Type: typ},
		{Type: "dynamic", LabelNames: []string{"type"}},
	}})
	if content == nil {
		return nil
	}
	for _, blk := range content.Blocks {
		switch {
		case blk.Type == typ:
			out = append(out, blockBody{body: blk.Body, defRange: blk.DefRange})
		case blk.Type == "dynamic" && blk.Labels[0] == typ:
			out = append(out, blockBody{defRange: blk.DefRange, forEach: attrExpr(blk.Body, "for_each")})
		}
	}
	return out
}
