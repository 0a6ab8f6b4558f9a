package cloudformation

import (
	"bytes"
)

// IsTemplate reports whether src, the content of a .yaml, .yml, .json or
// .template file, is a CloudFormation template: its top level has
// AWSTemplateFormatVersion, or a Resources section whose entries have a Type
// starting with "AWS::" (SAM's AWS::Serverless:: types included).
//
// It runs on every YAML and JSON file of a repository, so it does not parse:
// files that mention neither marker are rejected by a substring search, JSON
// is checked by a small scanner of its top-level keys, and YAML by its
// column-0 keys. A template that IsTemplate accepts may still fail to parse,
// which Parse then reports.
func IsTemplate(src []byte) bool {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if !bytes.Contains(src, []byte("AWSTemplateFormatVersion")) && !bytes.Contains(src, []byte("AWS::")) {
		return false
	}
	if i := firstNonSpace(src); i < len(src) && src[i] == '{' && jsonIsTemplate(src[i:]) {
		return true
	}
	return yamlIsTemplate(src)
}

func firstNonSpace(src []byte) int {
	for i, b := range src {
		switch b {
		case ' ', '\t', '\r', '\n':
		default:
			return i
		}
	}
	return len(src)
}

// jsonIsTemplate scans a JSON object for a top-level AWSTemplateFormatVersion
// key or a Resources.<id>.Type string starting with "AWS::". It is lenient:
// it tracks only strings, nesting and colons, and stops at the first match,
// so a template with a syntax error after its markers is still recognized.
func jsonIsTemplate(src []byte) bool {
	// path[d] is the key under which the container at depth d+1 sits; only
	// the first three levels matter.
	var path [3]string
	depth := 0
	inObject := make([]bool, 0, 16)
	pendingKey := ""
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '{', '[':
			if depth >= 1 && depth <= 3 {
				path[depth-1] = pendingKey
			}
			depth++
			inObject = append(inObject, c == '{')
			pendingKey = ""
		case '}', ']':
			if depth > 0 {
				depth--
				inObject = inObject[:len(inObject)-1]
			}
			pendingKey = ""
		case '"':
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(src) {
				return false
			}
			s := src[i+1 : j]
			i = j
			k := i + 1
			for k < len(src) && (src[k] == ' ' || src[k] == '\t' || src[k] == '\r' || src[k] == '\n') {
				k++
			}
			isKey := k < len(src) && src[k] == ':' && len(inObject) > 0 && inObject[len(inObject)-1]
			switch {
			case isKey:
				pendingKey = string(s)
				if depth == 1 && pendingKey == "AWSTemplateFormatVersion" {
					return true
				}
			case depth == 3 && pendingKey == "Type" && path[0] == "Resources" &&
				inObject[1] && bytes.HasPrefix(s, []byte("AWS::")):
				return true
			default:
				pendingKey = ""
			}
		}
	}
	return false
}

// yamlIsTemplate looks for a column-0 AWSTemplateFormatVersion key, or a
// column-0 Resources key followed by an indented `Type: AWS::...` line
// before the next column-0 key.
func yamlIsTemplate(src []byte) bool {
	inResources := false
	for len(src) > 0 {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		if line[0] != ' ' && line[0] != '\t' {
			key, ok := yamlKey(line)
			if !ok {
				// "---", "...", a list item: not a key of the top mapping.
				continue
			}
			if key == "AWSTemplateFormatVersion" {
				return true
			}
			inResources = key == "Resources"
			continue
		}
		if inResources {
			if key, rest, ok := yamlKeyValue(bytes.TrimLeft(line, " \t")); ok && key == "Type" &&
				bytes.HasPrefix(bytes.Trim(rest, `"' `), []byte("AWS::")) {
				return true
			}
		}
	}
	return false
}

// yamlKey returns the key of a line `key:` or `key: value`, quoted or not.
func yamlKey(line []byte) (string, bool) {
	key, _, ok := yamlKeyValue(line)
	return key, ok
}

func yamlKeyValue(line []byte) (key string, rest []byte, ok bool) {
	if len(line) > 0 && (line[0] == '"' || line[0] == '\'') {
		end := bytes.IndexByte(line[1:], line[0])
		if end < 0 {
			return "", nil, false
		}
		k, after := line[1:1+end], bytes.TrimLeft(line[2+end:], " \t")
		if len(after) == 0 || after[0] != ':' {
			return "", nil, false
		}
		return string(k), after[1:], true
	}
	i := bytes.IndexByte(line, ':')
	if i <= 0 || (i+1 < len(line) && line[i+1] != ' ' && line[i+1] != '\t' && line[i+1] != '\r') {
		return "", nil, false
	}
	return string(bytes.TrimRight(line[:i], " \t")), line[i+1:], true
}
