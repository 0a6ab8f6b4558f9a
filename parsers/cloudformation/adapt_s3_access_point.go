package cloudformation

import (
	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
)

// accessPoints maps the template's AWS::S3::AccessPoint resources. It runs
// after the policies are decoded (adapt_policies.go reads the Policy
// property), so it can link each access point to its document.
func (a *adapter) accessPoints() {
	policies := map[string]bool{}
	for _, p := range a.u.Model.AWS.IAM.Policies {
		policies[p.ID] = true
	}
	for _, r := range a.t.resources {
		if r.dropped || r.typ != "AWS::S3::AccessPoint" {
			continue
		}
		ap := a.accessPoint(r)
		if pid := a.id(r.id + ".Policy"); policies[pid] {
			at, _ := a.u.Locations.Lookup(pid, "")
			a.u.Locations.Set(ap.ID, model.ElementPath("policies", len(ap.Policies)), at)
			ap.Policies = append(ap.Policies, pid)
		}
		a.u.Model.AWS.S3.AccessPoints = append(a.u.Model.AWS.S3.AccessPoints, ap)
	}
}

// accessPoint maps one AWS::S3::AccessPoint: its bucket, its network origin
// (VPC when VpcConfiguration is written) and PublicAccessBlockConfiguration.
// A flag the configuration omits stays absent: the CloudFormation reference
// documents no default for it (AWS turns every flag on when the whole
// configuration is omitted).
func (a *adapter) accessPoint(r *resource) *model.AccessPoint {
	props := a.props(r)
	id := a.id(r.id)
	// An access point's region is the bucket's, which the rules do not read.
	ap := &model.AccessPoint{Meta: model.Meta{ID: id, Type: r.typ}}
	o := adapt.CloudFormation.Object(a.u.Locations, id, r.keyRange)
	o.Apply(props, adapt.AccessPointFields(ap))
	ap.Target = a.target(adapt.Get(props, "Bucket"))

	switch vpc := adapt.Get(props, "VpcConfiguration"); {
	case !present(vpc):
		ap.NetworkOrigin = model.KnownOf(model.NetworkOriginInternet)
	case vpc.IsUnknown():
		ap.NetworkOrigin = model.UnknownOf[string]()
		o.At("network_origin", vpc)
	default:
		ap.NetworkOrigin = model.KnownOf(model.NetworkOriginVPC)
		o.At("network_origin", vpc)
	}

	if cfg := adapt.Get(props, "PublicAccessBlockConfiguration"); present(cfg) {
		pab := &model.PublicAccessBlock{ID: id}
		o.At("public_access_block", cfg)
		o.Apply(cfg, adapt.PublicAccessBlockFields("public_access_block.", pab))
		ap.PublicAccessBlock = pab
	}
	return ap
}
