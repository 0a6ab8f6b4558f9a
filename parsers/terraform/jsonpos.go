package terraform

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// decodeJSON parses text as exactly one JSON value and returns it as a node
// tree. at maps a byte span of text to its source range.
//
// encoding/json's token stream is used rather than a YAML parser: it accepts
// exactly JSON (a policy that AWS would reject as invalid JSON must not be
// read as valid YAML), and its input offsets give every token's position.
func decodeJSON(text string, at func(start, end int) model.Range) (*node.Node, error) {
	r := &jsonReader{text: text, dec: json.NewDecoder(strings.NewReader(text)), at: at}
	r.dec.UseNumber()
	n, err := r.value()
	if err != nil {
		return nil, err
	}
	if _, err := r.dec.Token(); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("invalid character after top-level value at offset %d", r.dec.InputOffset())
	}
	return n, nil
}

type jsonReader struct {
	text string
	dec  *json.Decoder
	at   func(start, end int) model.Range
}

// start is the offset where the next token begins: the decoder's offset is
// the end of the previous token, before separators and white space.
func (r *jsonReader) start() int {
	off := int(r.dec.InputOffset())
	for off < len(r.text) && strings.IndexByte(" \t\r\n,:", r.text[off]) >= 0 {
		off++
	}
	return off
}

func (r *jsonReader) value() (*node.Node, error) {
	start := r.start()
	tok, err := r.dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n := node.NewMap(model.Range{})
			for r.dec.More() {
				ks := r.start()
				kt, err := r.dec.Token()
				if err != nil {
					return nil, err
				}
				key, ok := kt.(string)
				if !ok {
					return nil, fmt.Errorf("object key is not a string at offset %d", ks)
				}
				keyRange := r.at(ks, int(r.dec.InputOffset()))
				v, err := r.value()
				if err != nil {
					return nil, err
				}
				v.KeyRange = keyRange
				n.Set(key, v)
			}
			if _, err := r.dec.Token(); err != nil {
				return nil, err
			}
			n.Range = r.at(start, int(r.dec.InputOffset()))
			return n, nil
		case '[':
			n := &node.Node{Kind: node.List}
			for r.dec.More() {
				v, err := r.value()
				if err != nil {
					return nil, err
				}
				n.List = append(n.List, v)
			}
			if _, err := r.dec.Token(); err != nil {
				return nil, err
			}
			n.Range = r.at(start, int(r.dec.InputOffset()))
			return n, nil
		}
		return nil, fmt.Errorf("unexpected %q at offset %d", t, start)
	case string:
		return node.NewString(t, r.at(start, int(r.dec.InputOffset()))), nil
	case json.Number:
		return &node.Node{Kind: node.Number, Str: t.String(), Range: r.at(start, int(r.dec.InputOffset()))}, nil
	case bool:
		return &node.Node{Kind: node.Bool, Bool: t, Range: r.at(start, int(r.dec.InputOffset()))}, nil
	case nil:
		return &node.Node{Kind: node.Null, Range: r.at(start, int(r.dec.InputOffset()))}, nil
	}
	return nil, fmt.Errorf("unexpected token at offset %d", start)
}
