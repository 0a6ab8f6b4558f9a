package cloudformation

import (
	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
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
		p := &model.SSMParameter{}
		o := a.object(r, &p.Meta)
		o.Apply(props, adapt.SSMParameterFields(p))
		v := adapt.Get(props, "Value")
		o.String(&p.Value, "value", v)
		p.ValueLiteral = o.LiteralAt(a.u.Uses, "value", v)
		p.ValueLength = adapt.TextLength(v)
		a.u.Model.AWS.SSM.Parameters = append(a.u.Model.AWS.SSM.Parameters, p)
	}
}
