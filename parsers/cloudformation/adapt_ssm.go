package cloudformation

import (
	"unicode/utf8"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// ssm maps the template's AWS::SSM::Parameter resources. CloudFormation
// cannot create SecureString parameters and has no KMS key property, so
// KeyID stays absent.
func (a *adapter) ssm() {
	for _, r := range a.t.resources {
		if r.dropped || r.typ != "AWS::SSM::Parameter" {
			continue
		}
		props := a.props(r)
		p := &model.SSMParameter{Meta: a.meta(r)}
		locs := a.u.Locations
		locs.Set(p.ID, "", r.keyRange)
		field := func(path string, n *node.Node) *node.Node {
			if n != nil {
				locs.Set(p.ID, path, loc(n))
			}
			return n
		}
		p.Name = field("name", get(props, "Name")).AsString()
		p.Type = field("parameter_type", get(props, "Type")).AsString()
		p.Tier = field("tier", get(props, "Tier")).AsString()
		p.Description = field("description", get(props, "Description")).AsString()
		p.Policies = field("policies", get(props, "Policies")).AsString()
		v := field("value", get(props, "Value"))
		p.Value = v.AsString()
		p.ValueLiteral = literal(v)
		p.ValueLength = textLength(v)
		a.u.Model.AWS.SSM.Parameters = append(a.u.Model.AWS.SSM.Parameters, p)
	}
}

// literal reports whether n is a known scalar written as such in the
// template (not a Ref, a function, or a dynamic reference).
func literal(n *node.Node) bool {
	return n != nil && n.Literal && n.Kind != node.Unknown && n.Kind != node.Null
}

// textLength is the length in characters of a known scalar, absent
// otherwise.
func textLength(n *node.Node) model.Number {
	s, ok := n.Scalar()
	if !ok {
		return model.Number{}
	}
	return model.KnownOf(float64(utf8.RuneCountInString(s)))
}
