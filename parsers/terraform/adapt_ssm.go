package terraform

import (
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
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
	n := a.node(r)
	id := r.id
	p := &model.SSMParameter{Meta: a.meta(r, id)}
	a.locs.Set(id, "", toRange(r.res.defRange))
	a.str(&p.Name, field(n, "name"), id, "name")
	a.str(&p.Type, field(n, "type"), id, "parameter_type")
	a.str(&p.Tier, field(n, "tier"), id, "tier")
	a.str(&p.KeyID, field(n, "key_id"), id, "key_id")
	a.str(&p.Description, field(n, "description"), id, "description")
	ignored := a.ignoredChanges(r)
	for _, attr := range []string{"value", "insecure_value", "value_wo"} {
		v := field(n, attr)
		if v.IsNull() {
			continue
		}
		a.str(&p.Value, v, id, "value")
		p.ValueLiteral = isLiteral(v)
		p.ValueLength = textLength(v)
		p.ValueIgnored = ignored["all"] || ignored[attr]
		break
	}
	return p
}

// isLiteral reports whether n is a known scalar written as a literal.
func isLiteral(n *node.Node) bool {
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
