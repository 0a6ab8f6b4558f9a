package terraform

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
)

// adaptSSM maps aws_ssm_parameter to ssm.parameters.
func (a *adapter) adaptSSM() {
	for _, r := range a.managed("aws_ssm_parameter") {
		a.model.AWS.SSM.Parameters = append(a.model.AWS.SSM.Parameters, a.ssmParameter(r))
	}
}

// ssmParameter reads one aws_ssm_parameter. The value is value,
// insecure_value (not allowed with SecureString) or the write-only
// value_wo, whichever is set. The provider has no argument for parameter
// policies, so Policies stays absent.
func (a *adapter) ssmParameter(r *resInst) *model.SSMParameter {
	p := &model.SSMParameter{}
	n := a.nodeOf(r, fieldNames(adapt.SSMParameterFields(p), "value", "insecure_value", "value_wo")...)
	o := a.object(r, r.id, &p.Meta)
	o.Apply(n, adapt.SSMParameterFields(p))
	if v, attr := adapt.FirstOf(n, "value", "insecure_value", "value_wo"); v != nil {
		o.String(&p.Value, "value", v)
		p.ValueLiteral = o.LiteralAt(a.unit.Uses, "value", v)
		p.ValueLength = adapt.TextLength(v)
		ignored := a.ignoredChanges(r)
		p.ValueIgnored = ignored["all"] || ignored[attr]
	}
	return p
}

// ignoredChanges returns the attribute names a resource's lifecycle
// ignore_changes lists ("all" for ignore_changes = all), from HCL and JSON
// bodies alike. Only the first step of each path counts: ignoring
// value["x"] ignores part of value.
func (a *adapter) ignoredChanges(r *resInst) map[string]bool {
	out := map[string]bool{}
	for _, b := range a.e.blocksOf(r.res.body, r.ctx, "lifecycle") {
		expr := attrExpr(b.body, "ignore_changes")
		if expr == nil {
			continue
		}
		if hcl.ExprAsKeyword(expr) == "all" {
			out["all"] = true
			continue
		}
		elems, _ := hcl.ExprList(expr)
		for _, el := range elems {
			if t, hd := hcl.AbsTraversalForExpr(el); !hd.HasErrors() && len(t) > 0 {
				out[t.RootName()] = true
			}
		}
	}
	return out
}
