package adapt

import (
	"strings"

	"github.com/seclint/seclint/parsers/node"
)

// Index finds the object of the scan that a value points to: through one of
// the references the value was computed from (which works even when the
// value itself is unknown), else by a known name equal to its text. Build
// it once every object of the kind is known, so that lookups stay linear.
type Index struct {
	refs  map[string]string
	names map[string][]string
	// Alias, when set, returns the name that a value's text stands for
	// when the text is not a name itself (an ARN that ends in the name),
	// or "".
	Alias func(text string) string
}

// Add indexes the object id, referred to in the source as ref (Terraform:
// its address, the same as id; CloudFormation: its logical ID), with its
// name when the name is known and not empty.
func (x *Index) Add(ref, id, name string) {
	if x.refs == nil {
		x.refs = map[string]string{}
		x.names = map[string][]string{}
	}
	if _, ok := x.refs[ref]; !ok {
		x.refs[ref] = id
	}
	if name != "" {
		x.names[name] = append(x.names[name], id)
	}
}

// Lookup returns the ID of the object n points to: the first of its
// references that is indexed, else the first object named by its known
// text, else "".
func (x *Index) Lookup(n *node.Node) string {
	if n == nil {
		return ""
	}
	for _, ref := range n.Refs {
		if id, ok := x.refs[ref]; ok {
			return id
		}
	}
	if ids := x.Named(n); len(ids) > 0 {
		return ids[0]
	}
	return ""
}

// Named returns the IDs of the objects, in the order they were added,
// whose name is the known text of n (or what Alias makes of it).
func (x *Index) Named(n *node.Node) []string {
	text, ok := n.AsString().Get()
	if !ok || text == "" {
		return nil
	}
	if ids := x.names[text]; len(ids) > 0 {
		return ids
	}
	if x.Alias != nil {
		if name := x.Alias(text); name != "" {
			return x.names[name]
		}
	}
	return nil
}

// SecretName returns the name of the secret that a Secrets Manager ARN
// names (arn:...:secret:NAME-AbCdEf: the name, a dash and six random
// characters), or "" when text is not such an ARN.
func SecretName(text string) string {
	_, rest, ok := strings.Cut(text, ":secret:")
	if !ok || len(rest) < 8 || rest[len(rest)-7] != '-' {
		return ""
	}
	return rest[:len(rest)-7]
}
