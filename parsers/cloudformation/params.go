package cloudformation

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// param is the value a parameter takes in this scan: from Options.Params,
// else from its Default, else unknown.
type param struct {
	known bool
	list  bool
	s     string
	items []string
}

// isPseudo reports whether name is one of CloudFormation's pseudo
// parameters. They are unknown unless Options.Params gives them
// (AWS::NoValue is handled apart).
func isPseudo(name string) bool {
	switch name {
	case "AWS::AccountId", "AWS::NotificationARNs", "AWS::Partition", "AWS::Region",
		"AWS::StackId", "AWS::StackName", "AWS::URLSuffix":
		return true
	}
	return false
}

func (t *template) newParam(name string, decl *yaml.Node) *param {
	_, typNode := lookup(decl, "Type")
	typ := ""
	if typNode != nil && typNode.Kind == yaml.ScalarNode {
		typ = typNode.Value
	}
	// An SSM parameter type's value is read from Parameter Store at deploy
	// time; what the template or --cfn-param gives is the parameter's name.
	if strings.HasPrefix(typ, "AWS::SSM::Parameter::Value<") {
		return &param{}
	}
	list := typ == "CommaDelimitedList" || strings.HasPrefix(typ, "List<")
	if v, ok := t.opts.Params[name]; ok {
		return newParamValue(v, list)
	}
	_, def := lookup(decl, "Default")
	switch {
	case def == nil:
		return &param{}
	case def.Kind == yaml.ScalarNode:
		return newParamValue(def.Value, list)
	case def.Kind == yaml.SequenceNode && list:
		p := &param{known: true, list: true}
		for _, c := range def.Content {
			c = deref(c)
			if c == nil || c.Kind != yaml.ScalarNode {
				return &param{}
			}
			p.items = append(p.items, c.Value)
		}
		return p
	}
	return &param{}
}

// newParamValue returns a known parameter value; list parameters are
// comma-separated and CloudFormation trims the spaces around each member.
func newParamValue(v string, list bool) *param {
	if !list {
		return &param{known: true, s: v}
	}
	p := &param{known: true, list: true, items: []string{}}
	if v == "" {
		return p
	}
	for _, s := range strings.Split(v, ",") {
		p.items = append(p.items, strings.TrimSpace(s))
	}
	return p
}

// node returns the parameter's value as a node placed at r, the range of
// the Ref that reads it.
func (p *param) node(r model.Range) *node.Node {
	switch {
	case !p.known:
		return node.NewUnknown(r)
	case p.list:
		n := &node.Node{Kind: node.List, Range: r, List: make([]*node.Node, 0, len(p.items))}
		for _, s := range p.items {
			n.List = append(n.List, stringNode(s, r))
		}
		return n
	}
	return stringNode(p.s, r)
}

// pseudo returns the value of a pseudo parameter, known only when
// Options.Params gives it.
func (t *template) pseudo(name string, r model.Range) *node.Node {
	v, ok := t.opts.Params[name]
	if !ok {
		return node.NewUnknown(r)
	}
	return newParamValue(v, name == "AWS::NotificationARNs").node(r)
}
