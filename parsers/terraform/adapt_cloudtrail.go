package terraform

import (
	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
)

// adaptCloudTrail maps aws_cloudtrail to cloudtrail.trails. Its log bucket
// and KMS key are recorded as targets, which the linking step resolves.
func (a *adapter) adaptCloudTrail() {
	for _, r := range a.managed("aws_cloudtrail") {
		n := a.node(r)
		t := &model.Trail{}
		var o adapt.Object
		t.Meta, o = a.object(r, r.id)
		adapt.Trail(o, t, n)
		t.Bucket = target(field(n, "s3_bucket_name"))
		t.Key = target(field(n, "kms_key_id"))
		a.model.AWS.CloudTrail.Trails = append(a.model.AWS.CloudTrail.Trails, t)
	}
}
