package seclint

// Input discovery and editing for the metamorphic test (metamorphic_test.go):
// which inputs of a Terraform module or CloudFormation template are known
// (variable defaults, tfvars values, parameter defaults), which of them
// decide how many resources exist, and how to make one of them unknown in a
// copy of the files.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"gopkg.in/yaml.v3"
)

// input is one known input of a unit, and the edits that make it unknown.
type input struct {
	name  string // as printed: "var.x" or "Parameters.X"
	edits []edit
	// declares is the model ID of the input's own declaration when the
	// model has one (a template parameter), else "".
	declares string
}

// edit removes one value from one file; path is relative to the group root.
type edit struct {
	path string
	kind editKind
	name string
}

type editKind int

const (
	removeTFDefault  editKind = iota // variable "name" { default = ... }
	removeTFVarsKey                  // name = ... in a .tfvars(.json) file
	removeCFNDefault                 // Parameters.name.Default
)

// tfModule is what the test needs to know about one Terraform module directory.
type tfModule struct {
	dir string // relative to the group root
	// defaults maps a variable with a default to the files declaring it.
	defaults map[string][]string
	// tfvars maps a variable to the automatically loaded .tfvars files setting it.
	tfvars map[string][]string
	locals map[string]hcl.Expression
	// multiplicity are the count and for_each expressions of the module's
	// resources, data sources, module calls and dynamic blocks.
	multiplicity []hcl.Expression
	calls        []tfCall
	// deciding are the variables whose value can change how many instances
	// of something exist.
	deciding map[string]bool
}

type tfCall struct {
	source string // a local source, resolved relative to the group root
	args   map[string]hcl.Expression
}

var (
	rootSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
		{Type: "variable", LabelNames: []string{"name"}},
		{Type: "locals"},
		{Type: "resource", LabelNames: []string{"type", "name"}},
		{Type: "data", LabelNames: []string{"type", "name"}},
		{Type: "module", LabelNames: []string{"name"}},
	}}
	defaultSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "default"}}}
	countSchema   = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "count"}, {Name: "for_each"}}}
)

// isAutoTFVars reports whether Terraform loads the file without being told.
func isAutoTFVars(name string) bool {
	switch name {
	case "terraform.tfvars", "terraform.tfvars.json":
		return true
	}
	return strings.HasSuffix(name, ".auto.tfvars") || strings.HasSuffix(name, ".auto.tfvars.json")
}

// readTFModule reads the .tf, .tf.json and automatic .tfvars files of dir
// (root/dir on disk).
func readTFModule(root, dir string) (*tfModule, error) {
	m := &tfModule{dir: dir, defaults: map[string][]string{}, tfvars: map[string][]string{}, locals: map[string]hcl.Expression{}}
	ents, err := os.ReadDir(filepath.Join(root, dir))
	if err != nil {
		return nil, err
	}
	p := hclparse.NewParser()
	for _, e := range ents {
		name := e.Name()
		rel := filepath.Join(dir, name)
		abs := filepath.Join(root, rel)
		if e.IsDir() {
			continue
		}
		if isAutoTFVars(name) {
			attrs, err := tfvarsKeys(abs)
			if err != nil {
				return nil, err
			}
			for _, k := range attrs {
				m.tfvars[k] = append(m.tfvars[k], rel)
			}
			continue
		}
		if !isTerraform(name) {
			continue
		}
		var f *hcl.File
		var diags hcl.Diagnostics
		if strings.HasSuffix(name, ".json") {
			f, diags = p.ParseJSONFile(abs)
		} else {
			f, diags = p.ParseHCLFile(abs)
		}
		if diags.HasErrors() {
			return nil, fmt.Errorf("%s: %s", rel, diags.Error())
		}
		// Partial: the test only reads the blocks it knows; the parser under
		// test reports everything else.
		content, _, _ := f.Body.PartialContent(rootSchema)
		for _, b := range content.Blocks {
			switch b.Type {
			case "variable":
				c, _, _ := b.Body.PartialContent(defaultSchema)
				if _, ok := c.Attributes["default"]; ok {
					m.defaults[b.Labels[0]] = append(m.defaults[b.Labels[0]], rel)
				}
			case "locals":
				attrs, _ := b.Body.JustAttributes()
				for n, a := range attrs {
					m.locals[n] = a.Expr
				}
			case "resource", "data":
				m.multiplicity = append(m.multiplicity, countExprs(b.Body)...)
			case "module":
				attrs, _ := b.Body.JustAttributes()
				call := tfCall{args: map[string]hcl.Expression{}}
				for n, a := range attrs {
					switch n {
					case "count", "for_each":
						m.multiplicity = append(m.multiplicity, a.Expr)
					case "source":
						v, d := a.Expr.Value(nil)
						if !d.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
							if s := v.AsString(); strings.HasPrefix(s, "./") || strings.HasPrefix(s, "../") {
								call.source = filepath.Join(dir, s)
							}
						}
					default:
						call.args[n] = a.Expr
					}
				}
				if call.source != "" {
					m.calls = append(m.calls, call)
				}
			}
		}
	}
	return m, nil
}

// countExprs returns the count and for_each of a resource body and the
// for_each of its dynamic blocks at any depth (a nested block of unknown
// multiplicity is, like a resource, checked as one instance).
func countExprs(body hcl.Body) []hcl.Expression {
	var out []hcl.Expression
	c, _, _ := body.PartialContent(countSchema)
	for _, a := range c.Attributes {
		out = append(out, a.Expr)
	}
	sb, ok := body.(*hclsyntax.Body)
	if !ok {
		return out // JSON syntax: dynamic blocks are not looked into
	}
	var walk func(*hclsyntax.Body)
	walk = func(b *hclsyntax.Body) {
		for _, blk := range b.Blocks {
			if blk.Type == "dynamic" {
				if a, ok := blk.Body.Attributes["for_each"]; ok {
					out = append(out, a.Expr)
				}
			}
			walk(blk.Body)
		}
	}
	walk(sb)
	return out
}

// refs returns the variables and locals an expression references.
func refs(e hcl.Expression) (vars, locals []string) {
	for _, tr := range e.Variables() {
		if len(tr) < 2 {
			continue
		}
		a, ok := tr[1].(hcl.TraverseAttr)
		if !ok {
			continue
		}
		switch tr.RootName() {
		case "var":
			vars = append(vars, a.Name)
		case "local":
			locals = append(locals, a.Name)
		}
	}
	return vars, locals
}

// varsReached returns the variables that the expressions reference,
// directly or through locals (transitively).
func (m *tfModule) varsReached(exprs []hcl.Expression) map[string]bool {
	out := map[string]bool{}
	seen := map[string]bool{}
	queue := exprs
	for len(queue) > 0 {
		e := queue[0]
		queue = queue[1:]
		vs, ls := refs(e)
		for _, v := range vs {
			out[v] = true
		}
		for _, l := range ls {
			if le, ok := m.locals[l]; ok && !seen[l] {
				seen[l] = true
				queue = append(queue, le)
			}
		}
	}
	return out
}

// markDeciding computes, for every module, the variables that decide
// multiplicity: those its own count/for_each expressions reach, and those
// reaching the arguments of a local module call that decide the called
// module's multiplicity (to a fixed point, as calls can chain).
func markDeciding(mods map[string]*tfModule) {
	for _, m := range mods {
		m.deciding = m.varsReached(m.multiplicity)
	}
	for changed := true; changed; {
		changed = false
		for _, m := range mods {
			for _, c := range m.calls {
				callee := mods[c.source]
				if callee == nil {
					continue
				}
				var exprs []hcl.Expression
				for arg, e := range c.args {
					if callee.deciding[arg] {
						exprs = append(exprs, e)
					}
				}
				for v := range m.varsReached(exprs) {
					if !m.deciding[v] {
						m.deciding[v] = true
						changed = true
					}
				}
			}
		}
	}
}

// inputs returns the module's known inputs that do not decide multiplicity,
// sorted, and the names of those left out because they do.
func (m *tfModule) inputs() (in []input, excluded []string) {
	names := map[string]bool{}
	for n := range m.defaults {
		names[n] = true
	}
	for n := range m.tfvars {
		names[n] = true
	}
	for _, n := range sortedKeys(names) {
		if m.deciding[n] {
			excluded = append(excluded, "var."+n)
			continue
		}
		i := input{name: "var." + n}
		for _, f := range m.defaults[n] {
			i.edits = append(i.edits, edit{path: f, kind: removeTFDefault, name: n})
		}
		for _, f := range m.tfvars[n] {
			i.edits = append(i.edits, edit{path: f, kind: removeTFVarsKey, name: n})
		}
		in = append(in, i)
	}
	return in, excluded
}

func tfvarsKeys(path string) ([]string, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if strings.HasSuffix(path, ".json") {
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(src, &obj); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		return keys, nil
	}
	f, diags := hclsyntax.ParseConfig(src, path, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, fmt.Errorf("%s: %s", path, diags.Error())
	}
	var keys []string
	for k := range f.Body.(*hclsyntax.Body).Attributes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys, nil
}

// cfnTemplate is what the test needs to know about one template.
type cfnTemplate struct {
	path     string // relative to the group root
	defaults []string
	deciding map[string]bool
}

// readCFNTemplate finds the parameters with defaults and those that decide
// whether (or how often) a resource exists: the parameters referenced by a
// condition that a resource's Condition names, directly or through other
// conditions, and by the collection of an Fn::ForEach. Conditions used only
// in Fn::If choose values, so their parameters stay in the property.
func readCFNTemplate(root, rel string) (*cfnTemplate, error) {
	src, err := os.ReadFile(filepath.Join(root, rel))
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", rel, err)
	}
	t := &cfnTemplate{path: rel, deciding: map[string]bool{}}
	if len(doc.Content) == 0 {
		return t, nil
	}
	top := doc.Content[0]
	for _, p := range mappingPairs(mapGet(top, "Parameters")) {
		if mapGet(p[1], "Default") != nil {
			t.defaults = append(t.defaults, p[0].Value)
		}
	}
	sort.Strings(t.defaults)

	conds := map[string]*yaml.Node{}
	for _, p := range mappingPairs(mapGet(top, "Conditions")) {
		conds[p[0].Value] = p[1]
	}
	var queue []string
	var roots []*yaml.Node
	for _, p := range mappingPairs(mapGet(top, "Resources")) {
		if strings.HasPrefix(p[0].Value, "Fn::ForEach::") && p[1].Kind == yaml.SequenceNode && len(p[1].Content) > 1 {
			roots = append(roots, p[1].Content[1])
			continue
		}
		if c := mapGet(p[1], "Condition"); c != nil && c.Kind == yaml.ScalarNode {
			queue = append(queue, c.Value)
		}
	}
	used := map[string]bool{}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if used[c] || conds[c] == nil {
			continue
		}
		used[c] = true
		roots = append(roots, conds[c])
		queue = append(queue, cfnRefs(conds[c], nil, "Condition")...)
	}
	for _, r := range roots {
		for _, p := range cfnRefs(r, nil, "Ref") {
			t.deciding[p] = true
		}
	}
	return t, nil
}

func (t *cfnTemplate) inputs() (in []input, excluded []string) {
	for _, n := range t.defaults {
		if t.deciding[n] {
			excluded = append(excluded, "Parameters."+n)
			continue
		}
		in = append(in, input{name: "Parameters." + n, declares: n, edits: []edit{{path: t.path, kind: removeCFNDefault, name: n}}})
	}
	return in, excluded
}

var subRef = regexp.MustCompile(`\$\{([A-Za-z0-9_]+)\}`)

// cfnRefs collects the names that a node references through kind: "Ref"
// (Ref, !Ref and the ${Name} of Fn::Sub) or "Condition" (Condition and
// !Condition).
func cfnRefs(n *yaml.Node, out []string, kind string) []string {
	if n == nil {
		return out
	}
	if n.Alias != nil {
		return cfnRefs(n.Alias, out, kind)
	}
	switch {
	case n.Tag == "!"+kind && n.Kind == yaml.ScalarNode:
		return append(out, n.Value)
	case kind == "Ref" && n.Tag == "!Sub":
		return subRefs(n, out)
	}
	if n.Kind == yaml.MappingNode {
		for _, p := range mappingPairs(n) {
			switch {
			case p[0].Value == kind && p[1].Kind == yaml.ScalarNode:
				out = append(out, p[1].Value)
			case kind == "Ref" && p[0].Value == "Fn::Sub":
				out = subRefs(p[1], out)
			default:
				out = cfnRefs(p[1], out, kind)
			}
		}
		return out
	}
	for _, c := range n.Content {
		out = cfnRefs(c, out, kind)
	}
	return out
}

func subRefs(n *yaml.Node, out []string) []string {
	if n.Kind == yaml.ScalarNode {
		for _, m := range subRef.FindAllStringSubmatch(n.Value, -1) {
			out = append(out, m[1])
		}
		return out
	}
	for _, c := range n.Content {
		out = subRefs(c, out)
	}
	return out
}

func mapGet(n *yaml.Node, key string) *yaml.Node {
	for _, p := range mappingPairs(n) {
		if p[0].Value == key {
			return p[1]
		}
	}
	return nil
}

func mappingPairs(n *yaml.Node) [][2]*yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	out := make([][2]*yaml.Node, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		out = append(out, [2]*yaml.Node{n.Content[i], n.Content[i+1]})
	}
	return out
}

// apply performs the edit on the copy of the group under root.
func (e edit) apply(root string) error {
	path := filepath.Join(root, e.path)
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var out []byte
	switch {
	case e.kind == removeCFNDefault && strings.HasSuffix(path, ".json"):
		out, err = editJSON(src, func(doc map[string]any) bool {
			p, _ := doc["Parameters"].(map[string]any)
			decl, _ := p[e.name].(map[string]any)
			_, ok := decl["Default"]
			delete(decl, "Default")
			return ok
		})
	case e.kind == removeCFNDefault:
		out, err = removeYAMLDefault(src, e.name)
	case strings.HasSuffix(path, ".json") && e.kind == removeTFVarsKey:
		out, err = editJSON(src, func(doc map[string]any) bool {
			_, ok := doc[e.name]
			delete(doc, e.name)
			return ok
		})
	case strings.HasSuffix(path, ".json"): // a .tf.json variable block
		out, err = editJSON(src, func(doc map[string]any) bool {
			found := false
			for _, vars := range asObjects(doc["variable"]) {
				decl := asObjects(vars[e.name])
				for _, d := range decl {
					if _, ok := d["default"]; ok {
						delete(d, "default")
						found = true
					}
				}
			}
			return found
		})
	default:
		out, err = editHCL(src, path, e)
	}
	if err != nil {
		return fmt.Errorf("%s: removing %s: %w", e.path, e.name, err)
	}
	return os.WriteFile(path, out, 0o644)
}

// asObjects reads a JSON value that Terraform's JSON syntax allows as one
// object or a list of objects.
func asObjects(v any) []map[string]any {
	switch v := v.(type) {
	case map[string]any:
		return []map[string]any{v}
	case []any:
		var out []map[string]any
		for _, x := range v {
			if o, ok := x.(map[string]any); ok {
				out = append(out, o)
			}
		}
		return out
	}
	return nil
}

// editJSON decodes, edits and re-encodes a JSON document. Key order and
// layout change, so findings are compared without their lines.
func editJSON(src []byte, f func(map[string]any) bool) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber() // keep numbers exactly as written
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	if !f(doc) {
		return nil, fmt.Errorf("not found")
	}
	return json.MarshalIndent(doc, "", "  ")
}

// editHCL blanks the attribute out with spaces, keeping line breaks, so
// every other position in the file stays where it was. (hclwrite would do
// the edit too, but it needs go-cmp, which go.mod does not list.)
func editHCL(src []byte, path string, e edit) ([]byte, error) {
	f, diags := hclsyntax.ParseConfig(src, path, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, diags
	}
	body := f.Body.(*hclsyntax.Body)
	var attrs []*hclsyntax.Attribute
	if e.kind == removeTFVarsKey {
		if a, ok := body.Attributes[e.name]; ok {
			attrs = append(attrs, a)
		}
	} else {
		for _, b := range body.Blocks {
			if b.Type == "variable" && len(b.Labels) == 1 && b.Labels[0] == e.name {
				if a, ok := b.Body.Attributes["default"]; ok {
					attrs = append(attrs, a)
				}
			}
		}
	}
	if len(attrs) == 0 {
		return nil, fmt.Errorf("not found")
	}
	out := bytes.Clone(src)
	for _, a := range attrs {
		for i := a.SrcRange.Start.Byte; i < a.SrcRange.End.Byte; i++ {
			if out[i] != '\n' && out[i] != '\r' {
				out[i] = ' '
			}
		}
	}
	return out, nil
}

func removeYAMLDefault(src []byte, name string) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return nil, fmt.Errorf("empty document")
	}
	decl := mapGet(mapGet(doc.Content[0], "Parameters"), name)
	if decl == nil || decl.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("no parameter")
	}
	for i := 0; i+1 < len(decl.Content); i += 2 {
		if decl.Content[i].Value == "Default" {
			decl.Content = append(decl.Content[:i], decl.Content[i+2:]...)
			var buf bytes.Buffer
			enc := yaml.NewEncoder(&buf)
			enc.SetIndent(2)
			if err := enc.Encode(&doc); err != nil {
				return nil, err
			}
			return buf.Bytes(), enc.Close()
		}
	}
	return nil, fmt.Errorf("no Default")
}
