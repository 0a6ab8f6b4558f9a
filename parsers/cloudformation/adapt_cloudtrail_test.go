package cloudformation

import (
	"encoding/json"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

const cloudTrailTemplate = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Validation:
    Type: String
  WithData:
    Type: String
Conditions:
  Data: !Equals [!Ref WithData, "yes"]
Resources:
  LogBucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: acme-trail-logs
  LogKey:
    Type: AWS::KMS::Key
  Minimal:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: acme-trail-logs
  Full:
    Type: AWS::CloudTrail::Trail
    Properties:
      TrailName: full
      IsLogging: false
      S3BucketName: !Ref LogBucket
      S3KeyPrefix: trail
      IsMultiRegionTrail: true
      IsOrganizationTrail: "true"
      EnableLogFileValidation: !Ref Validation
      KMSKeyId: !GetAtt LogKey.Arn
      CloudWatchLogsLogGroupArn: arn:aws:logs:us-east-1:111122223333:log-group:trail:*
      CloudWatchLogsRoleArn: arn:aws:iam::111122223333:role/trail
      SnsTopicName: trail-delivery
      IncludeGlobalServiceEvents: false
      EventSelectors:
        - ReadWriteType: ReadOnly
          DataResources:
            - Type: AWS::S3::Object
              Values: ["arn:aws:s3"]
      InsightSelectors:
        - InsightType: ApiCallRateInsight
          EventCategories: [Management]
  Advanced:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: elsewhere
      AdvancedEventSelectors:
        - Name: management
          FieldSelectors:
            - Field: eventCategory
              Equals: [Management]
            - Field: readOnly
              Equals: ["false"]
  Conditional:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: elsewhere
      EventSelectors:
        - !If [Data, {ReadWriteType: All}, !Ref AWS::NoValue]
`

func TestCloudTrails(t *testing.T) {
	u := parseUnit("template.yaml", cloudTrailTemplate, Options{})
	if errs := errorsOf(u.Diagnostics); len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	got := map[string]string{}
	for _, tr := range u.Model.AWS.CloudTrail.Trails {
		c := *tr
		c.Meta = model.Meta{}
		b, err := json.Marshal(&c)
		if err != nil {
			t.Fatal(err)
		}
		got[tr.ID] = string(b)
	}
	for _, tt := range []struct{ id, want string }{
		{"Minimal", `{"id":"","type":"","logging":true,"s3_bucket_name":"acme-trail-logs","bucket":{"name":"acme-trail-logs"},"bucket_ref":"LogBucket"}`},
		// The exact property names: KMSKeyId, EnableLogFileValidation,
		// IsMultiRegionTrail, CloudWatchLogsLogGroupArn, CloudWatchLogsRoleArn.
		{"Full", `{"id":"","type":"","name":"full","multi_region":true,"organization":true,"log_file_validation":{"__unknown__":true},` +
			`"kms_key_id":{"__unknown__":true},"key":{"refs":["LogKey"],"name":{"__unknown__":true}},"key_ref":"LogKey",` +
			`"cloudwatch_logs_group_arn":"arn:aws:logs:us-east-1:111122223333:log-group:trail:*","cloudwatch_logs_role_arn":"arn:aws:iam::111122223333:role/trail",` +
			`"sns_topic_name":"trail-delivery","include_global_service_events":false,"logging":false,"s3_bucket_name":{"__unknown__":true},"s3_key_prefix":"trail",` +
			`"bucket":{"refs":["LogBucket"],"name":{"__unknown__":true}},"bucket_ref":"LogBucket",` +
			`"event_selectors":[{"read_write_type":"ReadOnly","data_resources":[{"type":"AWS::S3::Object","values":["arn:aws:s3"]}]}],` +
			`"insight_selectors":[{"insight_type":"ApiCallRateInsight","event_categories":["Management"]}]}`},
		{"Advanced", `{"id":"","type":"","logging":true,"s3_bucket_name":"elsewhere","bucket":{"name":"elsewhere"},` +
			`"advanced_event_selectors":[{"name":"management","field_selectors":[{"field":"eventCategory","equals":["Management"]},{"field":"readOnly","equals":["false"]}]}]}`},
		// An element under an unknown condition may or may not be there.
		{"Conditional", `{"id":"","type":"","logging":true,"s3_bucket_name":"elsewhere","bucket":{"name":"elsewhere"},"event_selectors":{"__unknown__":true}}`},
	} {
		if got[tt.id] != tt.want {
			t.Errorf("%s:\n got  %s\n want %s", tt.id, got[tt.id], tt.want)
		}
	}
	if len(got) != 4 {
		t.Errorf("got %d trails, want 4", len(got))
	}
}
