package terraform

import (
	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// adaptS3AccessPoints maps aws_s3_access_point and links the access point
// policies: the policy argument (read with the other policies, adapt_iam.go)
// and aws_s3control_access_point_policy, read here. It runs after
// adaptS3 (buckets) and adaptPolicies (documents).
func (a *adapter) adaptS3AccessPoints() {
	byAddr := map[string]*model.AccessPoint{}
	policies := map[string]bool{}
	for _, p := range a.model.AWS.IAM.Policies {
		policies[p.ID] = true
	}
	for _, r := range a.managed("aws_s3_access_point") {
		ap := a.accessPoint(r)
		byAddr[ap.ID] = ap
		a.model.AWS.S3.AccessPoints = append(a.model.AWS.S3.AccessPoints, ap)
		// The policy argument is decoded by adaptPolicies under the ID
		// "<address>.policy" (none when the document is null or empty).
		if attr := attribute(r.res.body, "policy"); attr != nil && policies[r.id+".policy"] {
			a.linkAccessPointPolicy(ap, r.id+".policy", toRange(attr.Expr.Range()))
		}
	}
	for _, r := range a.managed("aws_s3control_access_point_policy") {
		attr := attribute(r.res.body, "policy")
		if attr == nil {
			continue
		}
		owner := r.id
		var ap *model.AccessPoint
		for _, ref := range field(a.node(r), "access_point_arn").Refs {
			if ap = byAddr[ref]; ap != nil {
				owner = ap.ID
				break
			}
		}
		p := a.policy(r, r.id+".policy", scope{r.mi, r.ctx}, attr.Expr, model.PolicyResource, owner)
		if p != nil && ap != nil {
			a.linkAccessPointPolicy(ap, p.ID, toRange(attr.Expr.Range()))
		}
	}
}

// linkAccessPointPolicy adds a policy ID to the access point, located at
// the attribute that holds the document.
func (a *adapter) linkAccessPointPolicy(ap *model.AccessPoint, id string, r model.Range) {
	a.locs.Set(ap.ID, model.ElementPath("policies", len(ap.Policies)), r)
	ap.Policies = append(ap.Policies, id)
}

// accessPoint reads an aws_s3_access_point: its bucket, network origin
// (vpc_configuration) and public_access_block_configuration, whose omitted
// flags the provider defaults to true.
func (a *adapter) accessPoint(r *resInst) *model.AccessPoint {
	n := a.node(r)
	id := r.id
	ap := &model.AccessPoint{}
	o := a.object(r, id, &ap.Meta)
	o.Apply(n, adapt.AccessPointFields(ap))
	bucket := field(n, "bucket")
	ap.Target = target(bucket)

	switch vpc := first(n, "vpc_configuration"); {
	case vpc == nil:
		ap.NetworkOrigin = model.KnownOf(model.NetworkOriginInternet)
	case vpc.Kind == node.Unknown:
		// A dynamic block: there may be none.
		ap.NetworkOrigin = model.UnknownOf[string]()
		o.At("network_origin", vpc)
	default:
		ap.NetworkOrigin = model.KnownOf(model.NetworkOriginVPC)
		o.At("network_origin", vpc)
	}

	if cfg := first(n, "public_access_block_configuration"); cfg != nil {
		pab := &model.PublicAccessBlock{ID: id}
		o.At("public_access_block", cfg)
		flags := adapt.PublicAccessBlockFields("public_access_block.", pab)
		o.Apply(cfg, flags)
		for _, f := range flags {
			if f.Bool.State == model.Absent {
				// Omitted (or null): the provider's default, located at
				// the configuration block.
				*f.Bool = model.KnownOf(true)
				o.Set(f.Path, cfg.Range)
			}
		}
		ap.PublicAccessBlock = pab
	}
	return ap
}
