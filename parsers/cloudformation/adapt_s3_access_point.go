package cloudformation

import (
	"fmt"

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
			a.u.Locations.Set(ap.ID, fmt.Sprintf("policies[%d]", len(ap.Policies)), at)
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
	ap := &model.AccessPoint{Meta: model.Meta{ID: id, Type: r.typ}}
	locs := a.u.Locations
	locs.Set(id, "", r.keyRange)

	if v := get(props, "Name"); v != nil {
		locs.Set(id, "name", loc(v))
		ap.Name = v.AsString()
	}
	if v := get(props, "Bucket"); v != nil {
		locs.Set(id, "bucket", loc(v))
		ap.Bucket = v.AsString()
		if b := a.bucketOf(v); b != "" {
			ap.BucketRef = a.id(b)
		}
	}

	switch vpc := get(props, "VpcConfiguration"); {
	case !present(vpc):
		ap.NetworkOrigin = model.KnownOf(model.NetworkOriginInternet)
	case vpc.IsUnknown():
		ap.NetworkOrigin = model.UnknownOf[string]()
		locs.Set(id, "network_origin", loc(vpc))
	default:
		ap.NetworkOrigin = model.KnownOf(model.NetworkOriginVPC)
		locs.Set(id, "network_origin", loc(vpc))
	}

	if cfg := get(props, "PublicAccessBlockConfiguration"); present(cfg) {
		pab := &model.PublicAccessBlock{ID: id}
		locs.Set(id, "public_access_block", loc(cfg))
		for _, f := range []struct {
			key, path string
			dst       *model.Bool
		}{
			{"BlockPublicAcls", "block_public_acls", &pab.BlockPublicACLs},
			{"IgnorePublicAcls", "ignore_public_acls", &pab.IgnorePublicACLs},
			{"BlockPublicPolicy", "block_public_policy", &pab.BlockPublicPolicy},
			{"RestrictPublicBuckets", "restrict_public_buckets", &pab.RestrictPublicBuckets},
		} {
			if v := get(cfg, f.key); present(v) {
				*f.dst = v.AsBool()
				locs.Set(id, "public_access_block."+f.path, loc(v))
			}
		}
		ap.PublicAccessBlock = pab
	}
	return ap
}
