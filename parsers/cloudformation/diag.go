package cloudformation

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/seclint/seclint/parsers/model"
)

// diag returns a diagnostic about the file at r.
func diag(sev model.DiagSeverity, r model.Range, summary, detail string) model.Diagnostic {
	return model.Diagnostic{Severity: sev, Summary: summary, Detail: detail, Range: r}
}

// at returns a one-character range at a position of the file.
func (li *lineIndex) at(file string, p model.Pos) model.Range {
	return model.Range{File: file, Start: p, End: p}
}

// jsonSyntaxError describes why src is not valid JSON, with the position of
// the offending character.
func jsonSyntaxError(file string, src []byte, li *lineIndex) model.Diagnostic {
	var raw json.RawMessage
	err := json.Unmarshal(src, &raw)
	off := len(src)
	var se *json.SyntaxError
	if errors.As(err, &se) {
		// Offset counts the bytes read, including the offending one.
		off = int(se.Offset) - 1
	}
	detail := "the file is not valid JSON"
	if err != nil {
		detail = err.Error()
	}
	return diag(model.DiagError, li.at(file, li.pos(off)), "invalid JSON", detail)
}

// invalidUTF8 returns a diagnostic for the first byte of src that is not
// UTF-8, or false when src is valid UTF-8.
func invalidUTF8(file string, src []byte, li *lineIndex) (model.Diagnostic, bool) {
	if utf8.Valid(src) {
		return model.Diagnostic{}, false
	}
	off := 0
	for off < len(src) {
		r, w := utf8.DecodeRune(src[off:])
		if r == utf8.RuneError && w <= 1 {
			break
		}
		off += w
	}
	return diag(model.DiagError, li.at(file, li.pos(off)), "invalid UTF-8",
		fmt.Sprintf("byte 0x%02x at offset %d is not UTF-8; templates must be UTF-8 text", src[off], off)), true
}

var yamlLineRE = regexp.MustCompile(`^line (\d+): `)

// yamlParserErrors are the messages of yaml.v3's parser (as opposed to its
// scanner). yaml.v3 prints the parser's 0-based line where it prints the
// scanner's 1-based one, so these need one added.
var yamlParserErrors = []string{
	"did not find expected <document start>",
	"did not find expected <stream-start>",
	"did not find expected node content",
	"did not find expected key",
	"did not find expected '-' indicator",
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"found duplicate %YAML directive",
	"found duplicate %TAG directive",
	"found incompatible YAML document",
	"found undefined tag handle",
}

// yamlSyntaxError turns a yaml.v3 error into a diagnostic with the line the
// error is about. yaml.v3 gives "line N" only when N > 0 and never a column,
// so errors without a line are located here where the cause allows it.
func yamlSyntaxError(file string, src []byte, li *lineIndex, err error) model.Diagnostic {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	p := model.Pos{Line: 1, Column: 1}
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		// The line goes in the range only: yaml.v3's own number is off by
		// one for parser errors and would contradict it.
		msg = msg[len(m[0]):]
		if isParserError(msg) {
			n = problemLine(src, li, msg)
		}
		p.Line = min(max(n, 1), len(li.starts))
	} else if isParserError(msg) {
		p.Line = problemLine(src, li, msg)
	} else if off, ok := locateYAMLError(src, msg); ok {
		p = li.pos(off)
	}
	return diag(model.DiagError, li.at(file, p), "invalid YAML", msg)
}

func isParserError(msg string) bool {
	for _, pe := range yamlParserErrors {
		if msg == pe {
			return true
		}
	}
	return false
}

// problemLine finds the line a yaml.v3 parser error is about. yaml.v3
// reports where the enclosing collection starts, which can be far above the
// offending line; the first line whose prefix of the document fails with
// the same error is that line. Prefixes of a document that parse up to the
// error keep parsing, so the search is a binary one. It runs only for files
// that fail to parse.
func problemLine(src []byte, li *lineIndex, msg string) int {
	fails := func(line int) bool {
		end := len(src)
		if line < len(li.starts) {
			end = li.starts[line]
		}
		var n yaml.Node
		err := yaml.Unmarshal(src[:end], &n)
		if err == nil {
			return false
		}
		e := strings.TrimPrefix(err.Error(), "yaml: ")
		if m := yamlLineRE.FindStringSubmatch(e); m != nil {
			e = e[len(m[0]):]
		}
		return e == msg
	}
	lo, hi := 1, len(li.starts)
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

var unknownAnchorRE = regexp.MustCompile(`^unknown anchor '(.*)' referenced$`)

// locateYAMLError finds the byte offset an error without a line is about.
func locateYAMLError(src []byte, msg string) (int, bool) {
	switch {
	case unknownAnchorRE.MatchString(msg):
		name := unknownAnchorRE.FindStringSubmatch(msg)[1]
		if i := bytes.Index(src, []byte("*"+name)); i >= 0 {
			return i, true
		}
	case strings.Contains(msg, "control characters"), strings.Contains(msg, "UTF-"),
		strings.Contains(msg, "Unicode"):
		for off := 0; off < len(src); {
			r, w := utf8.DecodeRune(src[off:])
			if (r == utf8.RuneError && w <= 1) || !yamlPrintable(r) {
				return off, true
			}
			off += w
		}
	case strings.HasPrefix(msg, "exceeded max depth"):
		// The flow or indentation level passed yaml.v3's limit; point at the
		// first bracket that goes that deep.
		depth := 0
		for i, b := range src {
			switch b {
			case '[', '{':
				depth++
				if depth > 1000 {
					return i, true
				}
			case ']', '}':
				depth--
			}
		}
	}
	return 0, false
}

// yamlPrintable reports whether YAML 1.2 allows the character in a stream.
func yamlPrintable(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r' || r == 0x85:
		return true
	case r < 0x20 || (r >= 0x7f && r <= 0x9f):
		return false
	case r == 0xfffe || r == 0xffff:
		return false
	}
	return unicode.IsPrint(r) || r >= 0xa0
}
