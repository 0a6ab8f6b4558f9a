package adapt

import (
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// TrailFields maps the plain settings of aws_cloudtrail and
// AWS::CloudTrail::Trail; the selector lists are read with Each and the
// tables below.
func TrailFields(t *model.Trail) []Field {
	return []Field{
		{Path: "name", TF: "name", CFN: "TrailName", String: &t.Name},
		{Path: "multi_region", TF: "is_multi_region_trail", CFN: "IsMultiRegionTrail", Bool: &t.MultiRegion},
		{Path: "organization", TF: "is_organization_trail", CFN: "IsOrganizationTrail", Bool: &t.Organization},
		{Path: "log_file_validation", TF: "enable_log_file_validation", CFN: "EnableLogFileValidation", Bool: &t.LogFileValidation},
		{Path: "kms_key_id", TF: "kms_key_id", CFN: "KMSKeyId", String: &t.KMSKeyID},
		{Path: "cloudwatch_logs_group_arn", TF: "cloud_watch_logs_group_arn", CFN: "CloudWatchLogsLogGroupArn", String: &t.CloudWatchLogsGroupArn},
		{Path: "cloudwatch_logs_role_arn", TF: "cloud_watch_logs_role_arn", CFN: "CloudWatchLogsRoleArn", String: &t.CloudWatchLogsRoleArn},
		{Path: "sns_topic_name", TF: "sns_topic_name", CFN: "SnsTopicName", String: &t.SNSTopicName},
		{Path: "include_global_service_events", TF: "include_global_service_events", CFN: "IncludeGlobalServiceEvents", Bool: &t.IncludeGlobalServiceEvents},
		{Path: "logging", TF: "enable_logging", CFN: "IsLogging", Bool: &t.Logging},
		{Path: "s3_bucket_name", TF: "s3_bucket_name", CFN: "S3BucketName", String: &t.S3BucketName},
		{Path: "s3_key_prefix", TF: "s3_key_prefix", CFN: "S3KeyPrefix", String: &t.S3KeyPrefix},
	}
}

// EventDataStoreFields maps aws_cloudtrail_event_data_store and
// AWS::CloudTrail::EventDataStore. CloudFormation spells the key KmsKeyId
// here, KMSKeyId on a trail.
func EventDataStoreFields(e *model.EventDataStore) []Field {
	return []Field{
		{Path: "name", TF: "name", CFN: "Name", String: &e.Name},
		{Path: "multi_region", TF: "multi_region_enabled", CFN: "MultiRegionEnabled", Bool: &e.MultiRegion},
		{Path: "organization", TF: "organization_enabled", CFN: "OrganizationEnabled", Bool: &e.Organization},
		{Path: "kms_key_id", TF: "kms_key_id", CFN: "KmsKeyId", String: &e.KMSKeyID},
	}
}

// Trail selector lists: the key of each list in each format (Terraform's
// nested blocks, CloudFormation's list properties).
var (
	EventSelectorsKey         = Key{TF: "event_selector", CFN: "EventSelectors"}
	DataResourcesKey          = Key{TF: "data_resource", CFN: "DataResources"}
	AdvancedEventSelectorsKey = Key{TF: "advanced_event_selector", CFN: "AdvancedEventSelectors"}
	FieldSelectorsKey         = Key{TF: "field_selector", CFN: "FieldSelectors"}
	InsightSelectorsKey       = Key{TF: "insight_selector", CFN: "InsightSelectors"}
)

// Key is the key of one value in each format.
type Key struct{ TF, CFN string }

// Of returns the key of the format.
func (k Key) Of(f Format) string {
	if f == CloudFormation {
		return k.CFN
	}
	return k.TF
}

// EventSelectorFields maps a basic event selector at path
// ("event_selectors[0]").
func EventSelectorFields(path string, e *model.EventSelector) []Field {
	return []Field{
		{Path: path + ".read_write_type", TF: "read_write_type", CFN: "ReadWriteType", String: &e.ReadWriteType},
		{Path: path + ".include_management_events", TF: "include_management_events", CFN: "IncludeManagementEvents", Bool: &e.IncludeManagementEvents},
		{Path: path + ".exclude_management_event_sources", TF: "exclude_management_event_sources", CFN: "ExcludeManagementEventSources", List: &e.ExcludeManagementEventSources},
	}
}

// DataResourceFields maps a data resource of a basic event selector.
func DataResourceFields(path string, d *model.DataResource) []Field {
	return []Field{
		{Path: path + ".type", TF: "type", CFN: "Type", String: &d.Type},
		{Path: path + ".values", TF: "values", CFN: "Values", List: &d.Values},
	}
}

// AdvancedEventSelectorFields maps the name of an advanced event selector.
func AdvancedEventSelectorFields(path string, s *model.AdvancedEventSelector) []Field {
	return []Field{
		{Path: path + ".name", TF: "name", CFN: "Name", String: &s.Name},
	}
}

// FieldSelectorFields maps a field selector of an advanced event selector.
func FieldSelectorFields(path string, f *model.FieldSelector) []Field {
	return []Field{
		{Path: path + ".field", TF: "field", CFN: "Field", String: &f.Field},
		{Path: path + ".equals", TF: "equals", CFN: "Equals", List: &f.Equals},
		{Path: path + ".not_equals", TF: "not_equals", CFN: "NotEquals", List: &f.NotEquals},
		{Path: path + ".starts_with", TF: "starts_with", CFN: "StartsWith", List: &f.StartsWith},
		{Path: path + ".not_starts_with", TF: "not_starts_with", CFN: "NotStartsWith", List: &f.NotStartsWith},
		{Path: path + ".ends_with", TF: "ends_with", CFN: "EndsWith", List: &f.EndsWith},
		{Path: path + ".not_ends_with", TF: "not_ends_with", CFN: "NotEndsWith", List: &f.NotEndsWith},
	}
}

// InsightSelectorFields maps an Insights selector. The Terraform provider
// has no event categories (they default to Management).
func InsightSelectorFields(path string, s *model.InsightSelector) []Field {
	return []Field{
		{Path: path + ".insight_type", TF: "insight_type", CFN: "InsightType", String: &s.InsightType},
		{Path: path + ".event_categories", CFN: "EventCategories", List: &s.EventCategories},
	}
}

// Trail maps everything of a trail that a table and the selector lists
// say, reading n (the resource's arguments or Properties): the plain
// settings, and the event, advanced event and Insights selectors with
// their nested lists. The bucket and key targets, which each format
// records its own way, are the caller's.
func Trail(o Object, t *model.Trail, n *node.Node) {
	o.Apply(n, TrailFields(t))
	t.EventSelectors = Each(o, "event_selectors", Get(n, EventSelectorsKey.Of(o.Format)), func(el *node.Node, at string) *model.EventSelector {
		e := &model.EventSelector{}
		o.Apply(el, EventSelectorFields(at, e))
		e.DataResources = Each(o, at+".data_resources", Get(el, DataResourcesKey.Of(o.Format)), func(el *node.Node, at string) *model.DataResource {
			d := &model.DataResource{}
			o.Apply(el, DataResourceFields(at, d))
			return d
		})
		return e
	})
	t.AdvancedEventSelectors = Each(o, "advanced_event_selectors", Get(n, AdvancedEventSelectorsKey.Of(o.Format)), func(el *node.Node, at string) *model.AdvancedEventSelector {
		s := &model.AdvancedEventSelector{}
		o.Apply(el, AdvancedEventSelectorFields(at, s))
		s.FieldSelectors = Each(o, at+".field_selectors", Get(el, FieldSelectorsKey.Of(o.Format)), func(el *node.Node, at string) *model.FieldSelector {
			f := &model.FieldSelector{}
			o.Apply(el, FieldSelectorFields(at, f))
			return f
		})
		return s
	})
	t.InsightSelectors = Each(o, "insight_selectors", Get(n, InsightSelectorsKey.Of(o.Format)), func(el *node.Node, at string) *model.InsightSelector {
		s := &model.InsightSelector{}
		o.Apply(el, InsightSelectorFields(at, s))
		return s
	})
}

// Each maps the list n of nested blocks or objects onto a model list,
// element i read by read at path[i] and located there: absent when nothing
// is written, unknown when the list or any element is unknown (a dynamic
// block whose for_each is not known stands for any number of blocks, an
// Fn::If on an unknown condition for an element or none). A single block
// written as an object (.tf.json) is a list of one; null elements (an
// AWS::NoValue) are no element.
func Each[T any](o Object, path string, n *node.Node, read func(el *node.Node, at string) *T) model.Value[[]*T] {
	if o.At(path, n).IsNull() {
		return model.Value[[]*T]{}
	}
	items, ok := n.Items()
	if !ok {
		return model.UnknownOf[[]*T]()
	}
	out := make([]*T, 0, len(items))
	for _, el := range items {
		switch {
		case el.IsNull():
			continue
		case el.IsUnknown():
			return model.UnknownOf[[]*T]()
		}
		at := model.ElementPath(path, len(out))
		o.Set(at, el.Range)
		out = append(out, read(el, at))
	}
	return model.KnownOf(out)
}
