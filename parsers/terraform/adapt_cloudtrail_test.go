package terraform

import (
	"encoding/json"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

const cloudTrailSrc = `
variable "selectors" {}
variable "validation" {}

resource "aws_s3_bucket" "logs" {
  bucket = "acme-trail-logs"
}

resource "aws_kms_key" "logs" {
  enable_key_rotation = true
}

resource "aws_cloudtrail" "minimal" {
  name           = "minimal"
  s3_bucket_name = "acme-trail-logs"
}

resource "aws_cloudtrail" "full" {
  name                          = "full"
  s3_bucket_name                = aws_s3_bucket.logs.id
  s3_key_prefix                 = "trail"
  is_multi_region_trail         = true
  is_organization_trail         = true
  enable_log_file_validation    = var.validation
  kms_key_id                    = aws_kms_key.logs.arn
  cloud_watch_logs_group_arn    = "arn:aws:logs:us-east-1:111122223333:log-group:trail:*"
  cloud_watch_logs_role_arn     = "arn:aws:iam::111122223333:role/trail"
  sns_topic_name                = "trail-delivery"
  include_global_service_events = false
  enable_logging                = false

  event_selector {
    read_write_type           = "WriteOnly"
    include_management_events = true
    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3"]
    }
  }
  event_selector {
    include_management_events        = false
    exclude_management_event_sources = ["kms.amazonaws.com"]
  }

  insight_selector {
    insight_type = "ApiCallRateInsight"
  }
}

resource "aws_cloudtrail" "advanced" {
  name           = "advanced"
  s3_bucket_name = "elsewhere"

  advanced_event_selector {
    name = "management"
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
    field_selector {
      field      = "readOnly"
      not_equals = ["true"]
    }
  }
}

resource "aws_cloudtrail" "dynamic" {
  name           = "dynamic"
  s3_bucket_name = "elsewhere"
  dynamic "event_selector" {
    for_each = var.selectors
    content {
      read_write_type = event_selector.value
    }
  }
}
`

// trailJSON renders a trail without its identity, as rules see it.
func trailJSON(t *testing.T, tr *model.Trail) string {
	t.Helper()
	c := *tr
	c.Meta = model.Meta{}
	b, err := json.Marshal(&c)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCloudTrails(t *testing.T) {
	u, _ := parseSrc(t, cloudTrailSrc)
	noErrors(t, u)
	got := map[string]string{}
	for _, tr := range u.Model.AWS.CloudTrail.Trails {
		got[tr.ID] = trailJSON(t, tr)
	}
	for _, tt := range []struct{ id, want string }{
		// Nothing but the name and bucket: every default applies; the
		// bucket is linked by its known name.
		{"aws_cloudtrail.minimal", `{"id":"","type":"","name":"minimal","s3_bucket_name":"acme-trail-logs","bucket":{"name":"acme-trail-logs"},"bucket_ref":"aws_s3_bucket.logs"}`},
		// The bucket's id is known only after apply; the reference links it.
		{"aws_cloudtrail.full", `{"id":"","type":"","name":"full","multi_region":true,"organization":true,"log_file_validation":{"__unknown__":true},` +
			`"kms_key_id":{"__unknown__":true},"key":{"refs":["aws_kms_key.logs"],"name":{"__unknown__":true}},"key_ref":"aws_kms_key.logs",` +
			`"cloudwatch_logs_group_arn":"arn:aws:logs:us-east-1:111122223333:log-group:trail:*","cloudwatch_logs_role_arn":"arn:aws:iam::111122223333:role/trail",` +
			`"sns_topic_name":"trail-delivery","include_global_service_events":false,"logging":false,"s3_bucket_name":{"__unknown__":true},"s3_key_prefix":"trail",` +
			`"bucket":{"refs":["aws_s3_bucket.logs"],"name":{"__unknown__":true}},"bucket_ref":"aws_s3_bucket.logs",` +
			`"event_selectors":[{"read_write_type":"WriteOnly","include_management_events":true,"data_resources":[{"type":"AWS::S3::Object","values":["arn:aws:s3"]}]},` +
			`{"include_management_events":false,"exclude_management_event_sources":["kms.amazonaws.com"]}],` +
			`"insight_selectors":[{"insight_type":"ApiCallRateInsight"}]}`},
		{"aws_cloudtrail.advanced", `{"id":"","type":"","name":"advanced","s3_bucket_name":"elsewhere","bucket":{"name":"elsewhere"},` +
			`"advanced_event_selectors":[{"name":"management","field_selectors":[{"field":"eventCategory","equals":["Management"]},{"field":"readOnly","not_equals":["true"]}]}]}`},
		// A dynamic block whose for_each is not known stands for any
		// number of selectors.
		{"aws_cloudtrail.dynamic", `{"id":"","type":"","name":"dynamic","s3_bucket_name":"elsewhere","bucket":{"name":"elsewhere"},"event_selectors":{"__unknown__":true}}`},
	} {
		if got[tt.id] != tt.want {
			t.Errorf("%s:\n got  %s\n want %s", tt.id, got[tt.id], tt.want)
		}
	}
	if len(got) != 4 {
		t.Errorf("got %d trails, want 4", len(got))
	}
}

func TestCloudTrailLocations(t *testing.T) {
	u, _ := parseSrc(t, cloudTrailSrc)
	for _, tt := range []struct {
		id, path, marker string
		n                int
	}{
		{"aws_cloudtrail.minimal", "", `resource "aws_cloudtrail" "minimal"`, 1},
		{"aws_cloudtrail.full", "multi_region", "is_multi_region_trail         = true", 1},
		{"aws_cloudtrail.full", "kms_key_id", "kms_key_id                    = aws_kms_key.logs.arn", 1},
		{"aws_cloudtrail.full", "include_global_service_events", "include_global_service_events = false", 1},
		{"aws_cloudtrail.full", "event_selectors", "event_selector {", 1},
		{"aws_cloudtrail.full", "event_selectors[0]", "event_selector {", 1},
		{"aws_cloudtrail.full", "event_selectors[1]", "event_selector {", 2},
		{"aws_cloudtrail.full", "event_selectors[0].read_write_type", `read_write_type           = "WriteOnly"`, 1},
		{"aws_cloudtrail.full", "event_selectors[0].data_resources[0].type", `type   = "AWS::S3::Object"`, 1},
		{"aws_cloudtrail.full", "event_selectors[1].include_management_events", "include_management_events        = false", 1},
		{"aws_cloudtrail.full", "insight_selectors[0].insight_type", `insight_type = "ApiCallRateInsight"`, 1},
		{"aws_cloudtrail.advanced", "advanced_event_selectors[0].field_selectors[1].not_equals", `not_equals = ["true"]`, 1},
		{"aws_cloudtrail.dynamic", "event_selectors", `dynamic "event_selector"`, 1},
	} {
		wantLine(t, u, tt.id, tt.path, lineOf(t, cloudTrailSrc, tt.marker, tt.n))
	}
}
