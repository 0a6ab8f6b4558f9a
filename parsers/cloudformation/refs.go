package cloudformation

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// checkRefs reports every Ref and Fn::GetAtt whose target the template
// does not declare: CloudFormation rejects such a template (cfn-lint's
// E1012 and E1010). A template with a transform is not checked, since the
// transform declares resources of its own (SAM's MyFunctionRole, the
// resources Fn::ForEach generates).
func (t *template) checkRefs(root *yaml.Node) {
	if k, _ := lookup(root, "Transform"); k != nil {
		return
	}
	_, params := lookup(root, "Parameters")
	_, res := lookup(root, "Resources")
	declared := make(map[string]bool, entries(params)+entries(res))
	pairs(params, func(name string, _, _ *yaml.Node) { declared[name] = true })
	// A module (Type: Org::Service::Name::MODULE, or a preprocessor's such
	// as !Rain::Module) declares the resources of its module under its own
	// logical ID as a prefix.
	var modules []string
	pairs(res, func(name string, _, v *yaml.Node) {
		declared[name] = true
		_, typ := lookup(v, "Type")
		if typ != nil && (typ.Kind != yaml.ScalarNode || strings.HasPrefix(typ.Tag, "!Rain") || strings.HasSuffix(typ.Value, "::MODULE")) {
			modules = append(modules, name)
		}
	})
	known := func(name string) bool {
		if declared[name] || isPseudo(name) || name == "AWS::NoValue" {
			return true
		}
		for _, m := range modules {
			if strings.HasPrefix(name, m) {
				return true
			}
		}
		return false
	}
	// Only a node with an anchor can be reached twice (through an alias
	// to it), so only those are recorded, with the Fn::ForEach bodies
	// skipped below; recording every node cost a map entry per node.
	seen := map[*yaml.Node]bool{}
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if n == nil || depth > maxDepth || seen[n] {
			return
		}
		if n.Anchor != "" {
			seen[n] = true // an alias shares its node: check it once
		}
		if n.Kind == yaml.AliasNode {
			walk(n.Alias, depth+1)
			return
		}
		if name, arg, ok := refCall(n); ok {
			t.checkRef(name, n, arg, known)
		}
		for i, c := range n.Content {
			// The body of a Fn::ForEach loop names what the loop generates
			// (and its identifier); a loop that is not expanded is
			// reported on its own.
			if n.Kind == yaml.MappingNode && i%2 == 0 && strings.HasPrefix(c.Value, forEachPrefix) {
				seen[n.Content[i+1]] = true
			}
			walk(c, depth+1)
		}
	}
	for _, section := range []string{"Conditions", "Resources", "Outputs"} {
		_, m := lookup(root, section)
		walk(m, 0)
	}
}

// refCall returns the function and argument of a Ref or Fn::GetAtt call,
// in long or short form.
func refCall(n *yaml.Node) (string, *yaml.Node, bool) {
	switch n.Tag {
	case "!Ref":
		return "Ref", n, true
	case "!GetAtt":
		return "Fn::GetAtt", n, true
	}
	if n.Kind == yaml.MappingNode && len(n.Content) == 2 {
		if key, ok := keyText(n.Content[0]); ok && (key == "Ref" || key == "Fn::GetAtt") {
			return key, deref(n.Content[1]), true
		}
	}
	return "", nil, false
}

func (t *template) checkRef(fn string, at, arg *yaml.Node, known func(string) bool) {
	if arg == nil {
		return
	}
	var name string
	switch {
	case fn == "Ref" && arg.Kind == yaml.ScalarNode:
		name = arg.Value
	case fn == "Fn::GetAtt" && arg.Kind == yaml.ScalarNode:
		name, _, _ = strings.Cut(arg.Value, ".")
	case fn == "Fn::GetAtt" && arg.Kind == yaml.SequenceNode && len(arg.Content) > 0:
		if first := deref(arg.Content[0]); first != nil && first.Kind == yaml.ScalarNode && first.Tag != "!Ref" {
			name = first.Value
		}
	}
	// A name computed by a function, or none at all, is not checked here.
	if name == "" || known(name) {
		return
	}
	if fn == "Ref" {
		t.errorf(at, "undefined reference", "Ref %s: the template declares no parameter or resource %s, so CloudFormation rejects it", name, name)
		return
	}
	t.errorf(at, "undefined reference", "Fn::GetAtt %s: the template declares no resource %s, so CloudFormation rejects it", name, name)
}
