// Package cloudformation reads CloudFormation templates (YAML or JSON,
// including SAM templates) into the seclint model.
//
// goformation's intrinsic processing turns unknown values into wrong known
// ones (a Ref to a resource becomes "", a false Condition is ignored), which
// is exactly what a security linter must not do. So templates are read with
// yaml.v3, which keeps positions, and intrinsic functions, parameters and
// conditions are evaluated here into node trees whose values are known,
// absent or unknown. A value that depends on anything unknown is unknown: it
// is never guessed, so rules never fire on it.
//
// Beyond plain CloudFormation, the package expands Fn::ForEach and
// evaluates Fn::ToJsonString (AWS::LanguageExtensions), maps SAM functions
// and state machines to the execution roles and policies the SAM
// transform creates, reads the templates of nested stacks that are local
// files into the same unit, and reads seclint ignore entries from resource
// Metadata into the unit's suppressions. LoadParamsFile reads the
// parameter files of --cfn-params.
package cloudformation

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/seclint/seclint/parsers/link"
	"github.com/seclint/seclint/parsers/model"
)

// Options are the inputs a template is evaluated with.
type Options struct {
	// Params are --cfn-param K=V values (and those of --cfn-params files,
	// see LoadParamsFile). They override parameter defaults and also give
	// pseudo parameters such as "AWS::AccountId" and "AWS::Region", which
	// are unknown otherwise. A value not among a parameter's AllowedValues
	// is an error diagnostic, and the parameter is then unknown.
	Params map[string]string
	// Root is the directory that the templates of nested stacks (a local
	// TemplateURL) must be in: the scan root. When empty, it is the
	// directory of the template.
	Root string

	// unknownParams are parameters of a nested stack's template that the
	// parent passes a value it cannot evaluate; allUnknown is set when the
	// parent's whole Parameters property is unknown. Their defaults do not
	// apply.
	unknownParams map[string]bool
	allUnknown    bool
}

// Limits that keep hostile input from exhausting the stack, memory or time.
const (
	// maxDepth bounds the nesting of the document and of evaluation (through
	// aliases and intrinsic functions). Real templates nest a few dozen levels.
	maxDepth = 1000
	// Evaluation may spend budgetPerNode units per node of the document (and
	// per budgetBytes of its text), plus budgetBase: enough for any real use
	// of YAML aliases, while a "billion laughs" document stops after a
	// fraction of a second.
	budgetPerNode = 10
	budgetBytes   = 64
	budgetBase    = 100_000
	// maxValueLen bounds the strings that functions compute (Fn::Join over
	// aliases could otherwise build gigabytes).
	maxValueLen = 1 << 20
	// maxDiagnostics bounds the warnings and notes of one file.
	maxDiagnostics = 100
)

// budgetFor returns the evaluation budget of a document of nodes nodes and
// size bytes.
func budgetFor(nodes, size int) int {
	return budgetBase + budgetPerNode*(nodes+size/budgetBytes)
}

// Parse reads one template and returns its scan unit: the model, the source
// range of every field it sets, and diagnostics. Parse never panics and never
// returns nil; a template that cannot be read yields an error diagnostic and
// an empty model.
func Parse(path string, src []byte, opts Options) (u *model.Unit) {
	u = model.NewUnit(model.UnitCloudFormation, path)
	u.Files = []string{path}
	defer func() {
		// A last-resort safety net: a bug here must cost one file, not the scan.
		if r := recover(); r != nil {
			u.Model = &model.Model{}
			u.Locations = model.Locations{}
			u.Suppressions = nil
			u.Diagnostics = append(u.Diagnostics, diag(model.DiagError,
				model.Range{File: path, Start: model.Pos{Line: 1, Column: 1}, End: model.Pos{Line: 1, Column: 1}},
				"internal error while reading the template", fmt.Sprint(r)))
		}
		u.Model.Normalize()
	}()
	parse(u, path, src, opts)
	return u
}

// parse fills u and returns the template read. It is Parse without the
// recover, so that tests and the fuzzer see panics.
func parse(u *model.Unit, path string, src []byte, opts Options) *template {
	root := opts.Root
	if root == "" {
		root = filepath.Dir(path)
	}
	var nested int
	t := parseTemplate(u, path, src, opts, "", []string{path}, root, &nested)
	// Relations between the objects of the unit, nested stacks included,
	// are resolved once, by the linking step shared with the other formats.
	link.Unit(u)
	return t
}

// parseTemplate reads a template into u, with prefix before every ID it
// adds: "" for the template scanned, the stack's ID and a dot for a nested
// stack's. stacks are the paths of the templates being read (the first is
// the one scanned), root the directory nested templates must be in.
func parseTemplate(u *model.Unit, path string, src []byte, opts Options, prefix string, stacks []string, root string, nested *int) *template {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	li := newLineIndex(src)
	t := newTemplate(path, li, opts)
	t.stacks, t.root, t.nested = stacks, root, nested
	if d, bad := invalidUTF8(path, src, li); bad {
		u.Diagnostics = append(u.Diagnostics, d)
		return t
	}
	// yaml.v3 accepts much that JSON does not (comments, single quotes,
	// trailing commas in some places); a .json file must be real JSON.
	if strings.HasSuffix(strings.ToLower(path), ".json") && !json.Valid(src) {
		u.Diagnostics = append(u.Diagnostics, jsonSyntaxError(path, src, li))
		return t
	}
	doc, diags := decodeYAML(path, src, li)
	u.Diagnostics = append(u.Diagnostics, diags...)
	if doc == nil {
		return t
	}
	nodes, ok := t.check(doc, 0)
	if ok {
		t.budget = budgetFor(nodes, len(src))
		t.hasLoops = bytes.Contains(src, []byte(forEachPrefix))
		t.load(doc)
		t.checkRefs(doc)
		t.adapt(u, prefix)
	}
	u.Diagnostics = append(u.Diagnostics, t.diags...)
	if !ok || t.aborted {
		// A partly evaluated hostile document is not worth reporting on.
		u.Model = &model.Model{}
		u.Locations = model.Locations{}
		u.Suppressions = nil
	}
	return t
}

// decodeYAML parses the first YAML document of src and returns its top-level
// mapping, or nil with an error diagnostic.
func decodeYAML(path string, src []byte, li *lineIndex) (*yaml.Node, []model.Diagnostic) {
	var diags []model.Diagnostic
	first := model.Range{File: path, Start: model.Pos{Line: 1, Column: 1}, End: model.Pos{Line: 1, Column: 1}}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, append(diags, diag(model.DiagError, first, "empty template", "the file holds no YAML or JSON document"))
		}
		return nil, append(diags, yamlSyntaxError(path, src, li, err))
	}
	var next yaml.Node
	if err := dec.Decode(&next); !errors.Is(err, io.EOF) {
		r := first
		if next.Line > 0 {
			r = model.Range{File: path, Start: model.Pos{Line: next.Line, Column: next.Column}, End: model.Pos{Line: next.Line, Column: next.Column}}
		}
		diags = append(diags, diag(model.DiagWarning, r, "more than one YAML document",
			"CloudFormation reads one document per template; only the first is scanned"))
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return nil, append(diags, diag(model.DiagError, first, "empty template", "the file holds no YAML or JSON document"))
		}
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		r := model.Range{File: path, Start: model.Pos{Line: root.Line, Column: root.Column}, End: model.Pos{Line: root.Line, Column: root.Column}}
		return nil, append(diags, diag(model.DiagError, r, "not a CloudFormation template", "the top level of a template must be a mapping"))
	}
	return root, diags
}

// check walks the document once before evaluation: it bounds its nesting,
// reports duplicate and unsupported mapping keys, and counts the nodes (to
// size the evaluation budget). It does not follow aliases.
func (t *template) check(n *yaml.Node, depth int) (nodes int, ok bool) {
	if depth > maxDepth {
		t.errorf(n, "nesting too deep", "the document nests more than %d levels", maxDepth)
		return 0, false
	}
	nodes = 1
	if n.Kind == yaml.MappingNode {
		t.checkKeys(n)
	}
	for _, c := range n.Content {
		k, ok := t.check(c, depth+1)
		if !ok {
			return 0, false
		}
		nodes += k
	}
	return nodes, true
}

// checkKeys reports keys that repeat in one mapping (the last one is used,
// as most JSON readers do; CloudFormation may reject the template) and keys
// that are not scalars.
func (t *template) checkKeys(n *yaml.Node) {
	pairs := len(n.Content) / 2
	var seen map[string]*yaml.Node
	if pairs > 8 {
		seen = make(map[string]*yaml.Node, pairs)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		key, ok := keyText(k)
		if !ok {
			t.warnf(k, "unsupported mapping key", "a mapping key must be a string; this entry is ignored")
			continue
		}
		if key == "<<" && k.ShortTag() == "!!merge" {
			continue
		}
		var prev *yaml.Node
		if seen != nil {
			prev = seen[key]
			seen[key] = k
		} else {
			for j := i - 2; j >= 0; j -= 2 {
				if pk, ok := keyText(n.Content[j]); ok && pk == key {
					prev = n.Content[j]
					break
				}
			}
		}
		if prev != nil {
			t.warnf(k, "duplicate key", "key %q at line %d is repeated at line %d; the last one is used", key, prev.Line, k.Line)
		}
	}
}

// keyText returns the text of a scalar mapping key (or of an alias to one).
func keyText(k *yaml.Node) (string, bool) {
	if k.Kind == yaml.AliasNode && k.Alias != nil {
		k = k.Alias
	}
	if k.Kind != yaml.ScalarNode {
		return "", false
	}
	return k.Value, true
}

// deref follows an alias to the node it names.
func deref(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// lookup returns the key and value of an entry of a mapping (the last one
// when the key repeats), or nils.
func lookup(m *yaml.Node, key string) (k, v *yaml.Node) {
	m = deref(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if kt, ok := keyText(m.Content[i]); ok && kt == key {
			k, v = m.Content[i], m.Content[i+1]
		}
	}
	return k, deref(v)
}

// pairs calls fn for each entry of a mapping with a string key.
func pairs(m *yaml.Node, fn func(key string, k, v *yaml.Node)) {
	m = deref(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if kt, ok := keyText(m.Content[i]); ok {
			fn(kt, m.Content[i], m.Content[i+1])
		}
	}
}
