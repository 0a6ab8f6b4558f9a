package cloudformation

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"gopkg.in/yaml.v3"
)

// maxParamsFileLen bounds a parameters file; real ones are a few KB.
const maxParamsFileLen = 10 << 20

// LoadParamsFile reads CloudFormation parameter values (--cfn-params FILE)
// in any of the forms people keep them in:
//
//   - the AWS CLI's list: [{"ParameterKey": "Env", "ParameterValue": "prod"}, ...]
//     (an entry with UsePreviousValue and no value gives nothing: the
//     deployed value is not known here);
//   - a CodePipeline template configuration: {"Parameters": {"Env": "prod"}, "Tags": {...}};
//   - a plain JSON or YAML mapping: {"Env": "prod"} or Env: prod.
//
// Numbers and booleans are taken as written; a list becomes the
// comma-separated text CloudFormation expects for list parameters. The
// result is for Options.Params; merge it under --cfn-param values, which
// should win.
func LoadParamsFile(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, maxParamsFileLen+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	if len(src) > maxParamsFileLen {
		return nil, fmt.Errorf("%s: larger than %d bytes", path, maxParamsFileLen)
	}
	params, err := parseParams(src)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return params, nil
}

// parseParams decodes the content of a parameters file.
func parseParams(src []byte) (map[string]string, error) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, fmt.Errorf("not valid JSON or YAML: %w", err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, errors.New("empty parameters file")
	}
	root := doc.Content[0]
	switch root.Kind {
	case yaml.SequenceNode:
		return cliParams(root)
	case yaml.MappingNode:
		if _, p := lookup(root, "Parameters"); p != nil && p.Kind == yaml.MappingNode && onlyKeys(root, "Parameters", "Tags", "StackPolicy") {
			root = p
		}
		return mapParams(root)
	}
	return nil, errors.New("expected a list of {ParameterKey, ParameterValue} or a mapping of parameter names to values")
}

// cliParams reads the AWS CLI's list form.
func cliParams(list *yaml.Node) (map[string]string, error) {
	out := map[string]string{}
	for i, e := range list.Content {
		e = deref(e)
		if e == nil || e.Kind != yaml.MappingNode {
			return nil, fmt.Errorf("line %d: entry %d is not a {ParameterKey, ParameterValue} object", lineOf(e), i+1)
		}
		key, ok := scalarOf(lookupValue(e, "ParameterKey"))
		if !ok || key == "" {
			return nil, fmt.Errorf("line %d: entry %d has no ParameterKey", e.Line, i+1)
		}
		v := lookupValue(e, "ParameterValue")
		if v == nil {
			if prev, _ := scalarOf(lookupValue(e, "UsePreviousValue")); strings.EqualFold(prev, "true") {
				continue
			}
			return nil, fmt.Errorf("line %d: parameter %s has no ParameterValue", e.Line, key)
		}
		s, err := paramValueText(v)
		if err != nil {
			return nil, fmt.Errorf("line %d: parameter %s: %w", v.Line, key, err)
		}
		out[key] = s
	}
	return out, nil
}

// mapParams reads a mapping of names to values.
func mapParams(m *yaml.Node) (map[string]string, error) {
	out := map[string]string{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		key, ok := keyText(m.Content[i])
		if !ok || key == "" {
			return nil, fmt.Errorf("line %d: a parameter name must be a string", m.Content[i].Line)
		}
		s, err := paramValueText(m.Content[i+1])
		if err != nil {
			return nil, fmt.Errorf("line %d: parameter %s: %w", m.Content[i+1].Line, key, err)
		}
		out[key] = s
	}
	return out, nil
}

// paramValueText returns a value as CloudFormation receives it: a scalar as
// written, a list of scalars joined with commas.
func paramValueText(v *yaml.Node) (string, error) {
	v = deref(v)
	if s, ok := scalarOf(v); ok {
		if v.ShortTag() == "!!null" {
			return "", nil
		}
		return s, nil
	}
	if v != nil && v.Kind == yaml.SequenceNode {
		parts := make([]string, 0, len(v.Content))
		for _, c := range v.Content {
			s, ok := scalarOf(c)
			if !ok {
				return "", errors.New("a list value must hold strings")
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, ","), nil
	}
	return "", errors.New("the value must be a string or a list of strings")
}

func lookupValue(m *yaml.Node, key string) *yaml.Node {
	_, v := lookup(m, key)
	return v
}

// onlyKeys reports whether the mapping's keys are all among keys.
func onlyKeys(m *yaml.Node, keys ...string) bool {
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, _ := keyText(m.Content[i])
		found := false
		for _, want := range keys {
			found = found || k == want
		}
		if !found {
			return false
		}
	}
	return true
}

func lineOf(n *yaml.Node) int {
	if n == nil {
		return 0
	}
	return n.Line
}
