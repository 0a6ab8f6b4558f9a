package policyjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// IsPolicy reports whether src looks like a standalone policy document: a
// JSON object with a top-level "Statement". It is a cheap byte-level test;
// Parse does the real work.
func IsPolicy(src []byte) bool {
	src = bytes.TrimSpace(bytes.TrimPrefix(src, utf8BOM))
	return len(src) > 0 && src[0] == '{' && bytes.Contains(src, []byte(`"Statement"`))
}

var utf8BOM = []byte("\xef\xbb\xbf")

// Parse reads one standalone policy document. The document is a resource
// policy when any statement names a Principal or NotPrincipal, else an
// identity policy, unless its path says it is a VPC endpoint policy, a
// permissions boundary or an SCP (see kindOf). Parse never panics and never
// returns nil; a document that is not valid JSON yields an error diagnostic
// naming the line.
func Parse(path string, src []byte) *model.Unit {
	return ParseKinds(path, src, nil)
}

// ParseKinds is Parse with the kinds the config sets for some paths.
func ParseKinds(path string, src []byte, kinds []KindRule) *model.Unit {
	u := model.NewUnit(model.UnitPolicy, path)
	u.Files = []string{path}
	doc, diags := DecodeJSON(path, src)
	u.Diagnostics = append(u.Diagnostics, diags...)
	if doc == nil {
		return u
	}
	doc = intrinsicsUnknown(doc, 0)
	p := &model.Policy{Meta: model.Meta{ID: path, Type: "policy-json"}}
	p.Kind, p.KindReason = kindOf(path, doc, kinds)
	Decode(p, doc, u.Locations)
	u.Model.AWS.IAM.Policies = append(u.Model.AWS.IAM.Policies, p)
	return u
}

// intrinsicsUnknown replaces every CloudFormation intrinsic function
// ({"Ref": ...}, {"Fn::Sub": ...}, ...) by an unknown value. Policy files
// are often fragments that a tool splices into a template, and what such a
// function evaluates to is not known here: it must never be read as an
// object where AWS expects a string.
func intrinsicsUnknown(n *node.Node, depth int) *node.Node {
	if n == nil || depth > maxDepth {
		return n
	}
	switch n.Kind {
	case node.Map:
		if len(n.Keys) == 1 && (n.Keys[0] == "Ref" || strings.HasPrefix(n.Keys[0], "Fn::")) {
			u := node.NewUnknown(n.Range)
			u.KeyRange = n.KeyRange
			return u
		}
		for _, k := range n.Keys {
			n.Map[k] = intrinsicsUnknown(n.Map[k], depth+1)
		}
	case node.List:
		for i, it := range n.List {
			n.List[i] = intrinsicsUnknown(it, depth+1)
		}
	}
	return n
}

func hasPrincipal(doc *node.Node) bool {
	items, _ := doc.Get("Statement").Items()
	for _, s := range items {
		if s.Get("Principal") != nil || s.Get("NotPrincipal") != nil {
			return true
		}
	}
	return false
}

// DecodeJSON parses JSON text into a node tree with line and column
// positions. encoding/json decides validity (YAML, which gives the positions,
// would also accept text that is not JSON); the error diagnostic names the
// line and column of the syntax error. The node is nil when the text cannot
// be parsed; a duplicate key is a warning (the last value wins, as in
// encoding/json).
func DecodeJSON(path string, src []byte) (*node.Node, []model.Diagnostic) {
	src = bytes.TrimPrefix(src, utf8BOM)
	if !utf8.Valid(src) {
		return nil, []model.Diagnostic{{Severity: model.DiagError, Summary: "invalid JSON", Detail: "file is not valid UTF-8",
			Range: model.Range{File: path, Start: model.Pos{Line: 1, Column: 1}}}}
	}
	var v any
	if err := json.Unmarshal(src, &v); err != nil {
		off := int64(0)
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			off = se.Offset
		case errors.As(err, &te):
			off = te.Offset
		}
		line, col := lineCol(src, off)
		return nil, []model.Diagnostic{{Severity: model.DiagError, Summary: "invalid JSON", Detail: err.Error(),
			Range: model.Range{File: path, Start: model.Pos{Line: line, Column: col}, End: model.Pos{Line: line, Column: col}}}}
	}
	var y yaml.Node
	if err := yaml.Unmarshal(src, &y); err != nil {
		// Valid JSON that the YAML parser rejects: report it, never guess.
		return nil, []model.Diagnostic{{Severity: model.DiagError, Summary: "invalid JSON", Detail: err.Error(),
			Range: model.Range{File: path, Start: model.Pos{Line: yamlErrLine(err), Column: 1}}}}
	}
	if len(y.Content) == 0 {
		return &node.Node{Kind: node.Null}, nil
	}
	var diags []model.Diagnostic
	duplicateKeys(path, y.Content[0], 0, &diags)
	return FromYAML(path, y.Content[0], 0), diags
}

// duplicateKeys reports keys that appear twice in one object: JSON parsers
// disagree on which value wins, so the author cannot know what AWS reads.
func duplicateKeys(path string, y *yaml.Node, depth int, diags *[]model.Diagnostic) {
	if depth > maxDepth {
		return
	}
	if y.Kind == yaml.MappingNode {
		seen := map[string]bool{}
		for i := 0; i+1 < len(y.Content); i += 2 {
			k := y.Content[i]
			if seen[k.Value] {
				*diags = append(*diags, model.Diagnostic{Severity: model.DiagWarning, Summary: "duplicate key",
					Detail: fmt.Sprintf("%q appears more than once in this object; the last one is used", k.Value),
					Range:  yamlRange(path, k)})
			}
			seen[k.Value] = true
		}
	}
	for _, c := range y.Content {
		duplicateKeys(path, c, depth+1, diags)
	}
}

// FromYAML converts a plain YAML/JSON node (no CloudFormation tags) to a node tree.
func FromYAML(path string, y *yaml.Node, depth int) *node.Node {
	r := yamlRange(path, y)
	if depth > maxDepth {
		return node.NewUnknown(r)
	}
	switch y.Kind {
	case yaml.DocumentNode:
		if len(y.Content) > 0 {
			return FromYAML(path, y.Content[0], depth+1)
		}
		return &node.Node{Kind: node.Null, Range: r}
	case yaml.AliasNode:
		return FromYAML(path, y.Alias, depth+1)
	case yaml.MappingNode:
		m := node.NewMap(r)
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			child := FromYAML(path, v, depth+1)
			child.KeyRange = yamlRange(path, k)
			m.Set(k.Value, child)
		}
		return m
	case yaml.SequenceNode:
		l := &node.Node{Kind: node.List, Range: r, List: make([]*node.Node, 0, len(y.Content))}
		for _, c := range y.Content {
			l.List = append(l.List, FromYAML(path, c, depth+1))
		}
		return l
	}
	switch y.Tag {
	case "!!null":
		return &node.Node{Kind: node.Null, Range: r}
	case "!!bool":
		return &node.Node{Kind: node.Bool, Bool: strings.EqualFold(y.Value, "true"), Range: r}
	case "!!int", "!!float":
		return &node.Node{Kind: node.Number, Str: y.Value, Range: r}
	}
	return node.NewString(y.Value, r)
}

// maxDepth bounds recursion on hostile input; no real policy nests this deep.
const maxDepth = 200

func yamlRange(path string, y *yaml.Node) model.Range {
	start := model.Pos{Line: y.Line, Column: y.Column}
	end := start
	if y.Kind == yaml.ScalarNode && !strings.Contains(y.Value, "\n") {
		n := utf8.RuneCountInString(y.Value)
		if y.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			n += 2
		}
		end.Column += n
	}
	return model.Range{File: path, Start: start, End: end}
}

func lineCol(src []byte, off int64) (line, col int) {
	if off > int64(len(src)) {
		off = int64(len(src))
	}
	line, col = 1, 1
	for _, b := range src[:off] {
		if b == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}

// yamlErrLine extracts "line N" from a yaml.v3 error message.
func yamlErrLine(err error) int {
	var line int
	msg := err.Error()
	if i := strings.Index(msg, "line "); i >= 0 {
		if _, e := fmt.Sscanf(msg[i:], "line %d", &line); e == nil {
			return line
		}
	}
	return 1
}
