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
		o := a.object(r, r.id, &t.Meta)
		adapt.Trail(o, t, n)
		t.Bucket = target(field(n, "s3_bucket_name"))
		t.Key = target(field(n, "kms_key_id"))
		a.model.AWS.CloudTrail.Trails = append(a.model.AWS.CloudTrail.Trails, t)
	}
}

// adaptEventDataStores maps aws_cloudtrail_event_data_store to
// cloudtrail.event_data_stores, its KMS key as a target.
func (a *adapter) adaptEventDataStores() {
	for _, r := range a.managed("aws_cloudtrail_event_data_store") {
		n := a.node(r)
		e := &model.EventDataStore{}
		o := a.object(r, r.id, &e.Meta)
		o.Apply(n, adapt.EventDataStoreFields(e))
		e.Key = target(field(n, "kms_key_id"))
		a.model.AWS.CloudTrail.EventDataStores = append(a.model.AWS.CloudTrail.EventDataStores, e)
	}
}
