package cloudformation

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// jsonNode parses a policy document written as a JSON string into a node
// tree. Positions inside the string are not tracked: every node has the
// string's range.
func jsonNode(s string, r model.Range) (*node.Node, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	v, err := readJSON(dec, r, 0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("unexpected text after the JSON document")
	}
	return v, nil
}

func readJSON(dec *json.Decoder, r model.Range, depth int) (*node.Node, error) {
	if depth > maxDepth {
		return nil, fmt.Errorf("the document nests more than %d levels", maxDepth)
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch v := tok.(type) {
	case string:
		return stringNode(v, r), nil
	case json.Number:
		return &node.Node{Kind: node.Number, Str: v.String(), Range: r}, nil
	case bool:
		return &node.Node{Kind: node.Bool, Bool: v, Range: r}, nil
	case nil:
		return &node.Node{Kind: node.Null, Range: r}, nil
	case json.Delim:
		switch v {
		case '{':
			m := node.NewMap(r)
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				key, _ := kt.(string)
				val, err := readJSON(dec, r, depth+1)
				if err != nil {
					return nil, err
				}
				val.KeyRange = r
				m.Set(key, val)
			}
			_, err := dec.Token() // }
			return m, err
		case '[':
			l := &node.Node{Kind: node.List, Range: r}
			for dec.More() {
				val, err := readJSON(dec, r, depth+1)
				if err != nil {
					return nil, err
				}
				l.List = append(l.List, val)
			}
			_, err := dec.Token() // ]
			return l, err
		}
	}
	return nil, fmt.Errorf("unexpected %v", tok)
}
