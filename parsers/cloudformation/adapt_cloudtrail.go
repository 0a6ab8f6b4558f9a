package cloudformation

import (
	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
)

// cloudTrail maps the template's AWS::CloudTrail::Trail resources. Their
// log bucket and KMS key are recorded as targets (a Ref, a GetAtt or a
// name), which the linking step resolves.
func (a *adapter) cloudTrail() {
	for _, r := range a.t.resources {
		if r.dropped || r.typ != "AWS::CloudTrail::Trail" {
			continue
		}
		props := a.props(r)
		t := &model.Trail{}
		o := a.object(r, &t.Meta)
		adapt.Trail(o, t, props)
		t.Bucket = a.target(get(props, "S3BucketName"))
		t.Key = a.target(get(props, "KMSKeyId"))
		a.u.Model.AWS.CloudTrail.Trails = append(a.u.Model.AWS.CloudTrail.Trails, t)
	}
}

// eventDataStores maps the template's AWS::CloudTrail::EventDataStore
// resources, their KMS key as a target.
func (a *adapter) eventDataStores() {
	for _, r := range a.t.resources {
		if r.dropped || r.typ != "AWS::CloudTrail::EventDataStore" {
			continue
		}
		props := a.props(r)
		e := &model.EventDataStore{}
		o := a.object(r, &e.Meta)
		o.Apply(props, adapt.EventDataStoreFields(e))
		e.Key = a.target(get(props, "KmsKeyId"))
		a.u.Model.AWS.CloudTrail.EventDataStores = append(a.u.Model.AWS.CloudTrail.EventDataStores, e)
	}
}
