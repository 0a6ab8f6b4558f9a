package link

import (
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

func TestTrailLinks(t *testing.T) {
	u := model.NewUnit(model.UnitTerraform, "t")
	m := u.Model
	m.AWS.S3.Buckets = []*model.Bucket{
		{Meta: model.Meta{ID: "logs"}, Name: model.KnownOf("acme-logs")},
		{Meta: model.Meta{ID: "other"}, Name: model.UnknownOf[string]()},
	}
	m.AWS.KMS.Keys = []*model.KMSKey{{Meta: model.Meta{ID: "key"}}}
	m.AWS.CloudTrail.Trails = []*model.Trail{
		{Meta: model.Meta{ID: "by-ref"}, Bucket: model.Target{Refs: []string{"var.x", "other"}, Name: model.UnknownOf[string]()},
			Key: model.Target{Refs: []string{"key"}, Name: model.UnknownOf[string]()}},
		{Meta: model.Meta{ID: "by-name"}, Bucket: model.Target{Name: model.KnownOf("acme-logs")},
			Key: model.Target{Name: model.KnownOf("arn:aws:kms:us-east-1:111122223333:key/1234")}},
		{Meta: model.Meta{ID: "outside"}, Bucket: model.Target{Name: model.KnownOf("central-logs")}, BucketRef: "stale", KeyRef: "stale"},
		{Meta: model.Meta{ID: "unknown"}, Bucket: model.Target{Name: model.UnknownOf[string]()}},
	}
	// Linking twice changes nothing.
	Unit(u)
	Unit(u)
	want := map[string][2]string{
		"by-ref":  {"other", "key"},
		"by-name": {"logs", ""},
		"outside": {"", ""},
		"unknown": {"", ""},
	}
	for _, tr := range m.AWS.CloudTrail.Trails {
		if got := [2]string{tr.BucketRef, tr.KeyRef}; got != want[tr.ID] {
			t.Errorf("%s: bucket, key = %q, want %q", tr.ID, got, want[tr.ID])
		}
	}
}
