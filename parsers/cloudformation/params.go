package cloudformation

import (
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/seclint/seclint/parsers/adapt"
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
	// origin is the range of the Default the value comes from: a value
	// written in the template is a literal wherever it is used (NoEcho
	// or not). A value given at deploy time (--cfn-param, a parameters
	// file, a parent stack) is an input, and has none.
	origin model.Range
}

// paramDecl is a declaration of the Parameters section, kept for the model.
type paramDecl struct {
	name string
	key  *yaml.Node
	decl *yaml.Node
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

// scalarOf returns the text of a scalar node (or of an alias to one).
func scalarOf(n *yaml.Node) (string, bool) {
	n = deref(n)
	if n == nil || n.Kind != yaml.ScalarNode {
		return "", false
	}
	return n.Value, true
}

func (t *template) newParam(name string, key, decl *yaml.Node) *param {
	typ, _ := scalarOf(t.lookup(decl, "Type"))
	// An SSM parameter type's value is read from Parameter Store at deploy
	// time; what the template or --cfn-param gives is the parameter's name.
	if strings.HasPrefix(typ, "AWS::SSM::Parameter::Value<") {
		return &param{}
	}
	list := typ == "CommaDelimitedList" || strings.HasPrefix(typ, "List<")
	allowed, hasAllowed := allowedValues(decl)
	if v, ok := t.opts.Params[name]; ok {
		p := newParamValue(v, list)
		if bad, ok := p.notAllowed(allowed, hasAllowed); ok {
			if ne, _ := scalarOf(t.lookup(decl, "NoEcho")); strings.EqualFold(ne, "true") {
				// The value of a NoEcho parameter is a secret: never print it.
				v, bad = "****", "****"
			}
			t.errorf(key, "parameter value not allowed",
				"--cfn-param %s=%s: %q is not one of the AllowedValues of parameter %s (%s); the parameter is treated as unknown",
				name, v, bad, name, strings.Join(allowed, ", "))
			return &param{}
		}
		return p
	}
	if t.opts.unknownParams[name] || t.opts.allUnknown {
		// A nested stack's parameter that its parent passes an unknown value.
		return &param{}
	}
	def := t.lookup(decl, "Default")
	var p *param
	switch {
	case def == nil:
		return &param{}
	case def.Kind == yaml.ScalarNode:
		p = newParamValue(def.Value, list)
		if !list {
			p.origin = t.rng(def)
		}
	case def.Kind == yaml.SequenceNode && list:
		p = &param{known: true, list: true}
		for _, c := range def.Content {
			s, ok := scalarOf(c)
			if !ok {
				return &param{}
			}
			p.items = append(p.items, s)
		}
		p.s = strings.Join(p.items, ",")
	default:
		return &param{}
	}
	if bad, ok := p.notAllowed(allowed, hasAllowed); ok {
		t.warnf(def, "default value not allowed",
			"the Default %q of parameter %s is not one of its AllowedValues (%s); CloudFormation rejects the stack unless a value is given, and the parameter is treated as unknown",
			bad, name, strings.Join(allowed, ", "))
		return &param{}
	}
	return p
}

// allowedValues returns a parameter's AllowedValues when they are a list of
// scalars (anything else is not checked).
func allowedValues(decl *yaml.Node) ([]string, bool) {
	_, av := lookup(decl, "AllowedValues")
	if av == nil || av.Kind != yaml.SequenceNode {
		return nil, false
	}
	out := make([]string, 0, len(av.Content))
	for _, c := range av.Content {
		s, ok := scalarOf(c)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// notAllowed returns the first part of the value (the value, or an element
// of a list) that is not among allowed. A list value is allowed when each
// element is, or when its whole text is (AllowedValues: ["a,b"]), as
// cfn-lint reads list parameters.
func (p *param) notAllowed(allowed []string, check bool) (string, bool) {
	if !check || !p.known || slices.Contains(allowed, p.s) {
		return "", false
	}
	if !p.list {
		return p.s, true
	}
	for _, it := range p.items {
		if !slices.Contains(allowed, it) {
			return it, true
		}
	}
	return "", false
}

// newParamValue returns a known parameter value; list parameters are
// comma-separated and CloudFormation trims the spaces around each member.
func newParamValue(v string, list bool) *param {
	if !list {
		return &param{known: true, s: v}
	}
	p := &param{known: true, list: true, s: v, items: []string{}}
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
	n := stringNode(p.s, r)
	if !p.origin.IsZero() {
		n.Literal, n.Origin = true, p.origin
	}
	return n
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

// parameters maps the Parameters section into the model: what a rule about
// parameters reads is the declaration (NoEcho, Default), not the value this
// scan gives it.
func (a *adapter) parameters() {
	for _, d := range a.t.paramDecls {
		id := a.id(d.name)
		p := &model.CFNParameter{Meta: model.Meta{ID: id, Type: "AWS::CloudFormation::Parameter"}, Name: d.name}
		// The declaration is read as written, not evaluated.
		o := adapt.CloudFormation.Object(a.u.Locations, id, a.t.rng(d.key))
		if typ := a.t.lookup(d.decl, "Type"); typ != nil {
			o.String(&p.Type, "parameter_type", a.t.scalar(typ))
		}
		if ne := a.t.lookup(d.decl, "NoEcho"); ne != nil {
			o.Bool(&p.NoEcho, "no_echo", a.t.scalar(ne))
			if ne.Kind != yaml.ScalarNode || isFunc(ne) {
				p.NoEcho = model.UnknownOf[bool]()
			}
		}
		if def := a.t.lookup(d.decl, "Default"); def != nil {
			p.HasDefault = true
			p.Default = a.t.defaultText(def)
			o.Set("default", a.t.rng(def))
		}
		a.u.Model.AWS.CloudFormation.Parameters = append(a.u.Model.AWS.CloudFormation.Parameters, p)
	}
}

// defaultText returns a Default as the string CloudFormation passes: a
// scalar as written (unknown for a dynamic reference), a list joined with
// commas, anything else unknown.
func (t *template) defaultText(def *yaml.Node) model.String {
	if isFunc(def) {
		return model.UnknownOf[string]()
	}
	switch def.Kind {
	case yaml.ScalarNode:
		if def.ShortTag() == "!!null" {
			return model.KnownOf("")
		}
		return stringValue(def.Value)
	case yaml.SequenceNode:
		parts := make([]string, 0, len(def.Content))
		for _, c := range def.Content {
			s, ok := scalarOf(c)
			if !ok {
				return model.UnknownOf[string]()
			}
			parts = append(parts, s)
		}
		return stringValue(strings.Join(parts, ","))
	}
	return model.UnknownOf[string]()
}
