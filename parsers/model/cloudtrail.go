package model

// CloudTrail holds the scan's trails (Terraform aws_cloudtrail,
// CloudFormation AWS::CloudTrail::Trail) and CloudTrail Lake event data
// stores (aws_cloudtrail_event_data_store, AWS::CloudTrail::EventDataStore).
type CloudTrail struct {
	Trails []*Trail `json:"trails"`
	// EventDataStores are the CloudTrail Lake event data stores.
	EventDataStores []*EventDataStore `json:"event_data_stores"`
}

// EventDataStore is a CloudTrail Lake event data store: events kept for
// SQL queries instead of log files in a bucket. Only what a CloudTrail rule
// reads of it is modelled. Locations: "" is the resource, each field the
// path of its JSON name.
//
// Defaults differ from a trail's: a store that does not write
// multi_region_enabled (MultiRegionEnabled) collects the events of every
// Region (the API's default, and the Terraform provider's, which plans
// true), and one without a KMS key is encrypted with a key CloudTrail owns.
type EventDataStore struct {
	Meta
	// Name is the store's name (name / Name).
	Name String `json:"name,omitzero"`
	// MultiRegion is multi_region_enabled / MultiRegionEnabled. Absent
	// means true.
	MultiRegion Bool `json:"multi_region,omitzero"`
	// Organization is organization_enabled / OrganizationEnabled: the store
	// collects the events of every account of the organization.
	Organization Bool `json:"organization,omitzero"`
	// KMSKeyID is the KMS key (ID, ARN or alias) that encrypts the events
	// (kms_key_id / KmsKeyId, spelled unlike a trail's KMSKeyId); absent
	// means a key that CloudTrail owns.
	KMSKeyID String `json:"kms_key_id,omitzero"`
	// Key is the KMS key as written, with the references it is computed
	// from; the linking step resolves it into KeyRef.
	Key Target `json:"key,omitzero"`
	// KeyRef is the ID of the KMS key when it is a key of the scan (set by
	// the linking step).
	KeyRef string `json:"key_ref,omitempty"`
}

// Trail is a CloudTrail trail: where it delivers (an S3 bucket, optionally
// CloudWatch Logs and an SNS topic), how the logs are protected (KMS key,
// log file validation) and which events it records (event selectors,
// Insights). Locations: "" is the resource, each field the path of its
// JSON name, selectors "event_selectors[i]" and the paths below them.
//
// Defaults: a trail that does not write is_multi_region_trail
// (IsMultiRegionTrail) is single-Region in the API, Terraform and
// CloudFormation alike (only the console creates multi-Region trails by
// default); include_global_service_events defaults to true, log file
// validation to false, enable_logging to true (CloudFormation requires
// IsLogging). A trail with no event selector records every management
// event, read and write, and no data event.
type Trail struct {
	Meta
	// Name is the trail name (Terraform name, CloudFormation TrailName).
	Name String `json:"name,omitzero"`
	// MultiRegion is is_multi_region_trail / IsMultiRegionTrail. Absent
	// means false.
	MultiRegion Bool `json:"multi_region,omitzero"`
	// Organization is is_organization_trail / IsOrganizationTrail: the
	// trail records the events of every account of the organization.
	Organization Bool `json:"organization,omitzero"`
	// LogFileValidation is enable_log_file_validation /
	// EnableLogFileValidation (digest files). Absent means false.
	LogFileValidation Bool `json:"log_file_validation,omitzero"`
	// KMSKeyID is the KMS key (ID, ARN or alias) that encrypts the log
	// files (kms_key_id / KMSKeyId); absent means SSE-S3.
	KMSKeyID String `json:"kms_key_id,omitzero"`
	// Key is the KMS key as written, with the references it is computed
	// from; the linking step resolves it into KeyRef.
	Key Target `json:"key,omitzero"`
	// KeyRef is the ID of the KMS key when it is a key of the scan (set by
	// the linking step).
	KeyRef string `json:"key_ref,omitempty"`
	// CloudWatchLogsGroupArn is cloud_watch_logs_group_arn /
	// CloudWatchLogsLogGroupArn.
	CloudWatchLogsGroupArn String `json:"cloudwatch_logs_group_arn,omitzero"`
	// CloudWatchLogsRoleArn is cloud_watch_logs_role_arn /
	// CloudWatchLogsRoleArn, the role CloudTrail assumes to write to the
	// log group.
	CloudWatchLogsRoleArn String `json:"cloudwatch_logs_role_arn,omitzero"`
	// SNSTopicName is sns_topic_name / SnsTopicName (a name or an ARN),
	// notified of each log file delivery.
	SNSTopicName String `json:"sns_topic_name,omitzero"`
	// IncludeGlobalServiceEvents is include_global_service_events /
	// IncludeGlobalServiceEvents. Absent means true.
	IncludeGlobalServiceEvents Bool `json:"include_global_service_events,omitzero"`
	// Logging is enable_logging / IsLogging: whether the trail records at
	// all. Absent means true in Terraform; CloudFormation requires it.
	Logging Bool `json:"logging,omitzero"`
	// S3BucketName is the bucket the log files go to (s3_bucket_name /
	// S3BucketName).
	S3BucketName String `json:"s3_bucket_name,omitzero"`
	// S3KeyPrefix is the key prefix of the log files.
	S3KeyPrefix String `json:"s3_key_prefix,omitzero"`
	// Bucket is the bucket as written, with the references it is computed
	// from; the linking step resolves it into BucketRef.
	Bucket Target `json:"bucket,omitzero"`
	// BucketRef is the ID of the log bucket when it is a bucket of the
	// scan (set by the linking step): rules read its versioning, Object
	// Lock and policies through it.
	BucketRef string `json:"bucket_ref,omitempty"`
	// EventSelectors are the basic event selectors (event_selector blocks,
	// EventSelectors). Absent when none is written; unknown when the list
	// or one of its elements is (a dynamic block whose for_each is not
	// known, an Fn::If on an unknown condition). Advanced event selectors
	// replace them.
	EventSelectors Value[[]*EventSelector] `json:"event_selectors,omitzero"`
	// AdvancedEventSelectors are the advanced event selectors
	// (advanced_event_selector blocks, AdvancedEventSelectors), absent or
	// unknown as EventSelectors. When written they replace the basic ones.
	AdvancedEventSelectors Value[[]*AdvancedEventSelector] `json:"advanced_event_selectors,omitzero"`
	// InsightSelectors are the Insights types the trail logs
	// (insight_selector blocks, InsightSelectors).
	InsightSelectors Value[[]*InsightSelector] `json:"insight_selectors,omitzero"`
}

// EventSelector is a basic event selector.
type EventSelector struct {
	// ReadWriteType is All (absent means All), ReadOnly or WriteOnly.
	ReadWriteType String `json:"read_write_type,omitzero"`
	// IncludeManagementEvents is include_management_events /
	// IncludeManagementEvents. Absent means true.
	IncludeManagementEvents Bool `json:"include_management_events,omitzero"`
	// ExcludeManagementEventSources are the event sources whose management
	// events are not recorded (kms.amazonaws.com, rdsdata.amazonaws.com).
	ExcludeManagementEventSources StringList `json:"exclude_management_event_sources,omitzero"`
	// DataResources are the data event resources (data_resource,
	// DataResources), unknown as the selector lists are.
	DataResources Value[[]*DataResource] `json:"data_resources,omitzero"`
}

// DataResource selects the data events of one resource type.
type DataResource struct {
	// Type is the resource type, e.g. AWS::S3::Object, AWS::Lambda::Function.
	Type String `json:"type,omitzero"`
	// Values are ARN prefixes ("arn:aws:s3" for every bucket,
	// "arn:aws:s3:::bucket/" for one).
	Values StringList `json:"values,omitzero"`
}

// AdvancedEventSelector is an advanced event selector: the events that
// match every one of its field selectors.
type AdvancedEventSelector struct {
	// Name is the selector's name.
	Name String `json:"name,omitzero"`
	// FieldSelectors are the conditions (field_selector blocks,
	// FieldSelectors), unknown as the selector lists are.
	FieldSelectors Value[[]*FieldSelector] `json:"field_selectors,omitzero"`
}

// FieldSelector is one condition of an advanced event selector: a field
// (eventCategory, readOnly, resources.type, eventSource, eventName, ...)
// and the values it must or must not equal, start or end with.
type FieldSelector struct {
	// Field is the field name, e.g. eventCategory.
	Field String `json:"field,omitzero"`
	// Equals are values the field must equal (one of them).
	Equals StringList `json:"equals,omitzero"`
	// NotEquals are values the field must not equal.
	NotEquals StringList `json:"not_equals,omitzero"`
	// StartsWith are prefixes the field must start with (one of them).
	StartsWith StringList `json:"starts_with,omitzero"`
	// NotStartsWith are prefixes the field must not start with.
	NotStartsWith StringList `json:"not_starts_with,omitzero"`
	// EndsWith are suffixes the field must end with (one of them).
	EndsWith StringList `json:"ends_with,omitzero"`
	// NotEndsWith are suffixes the field must not end with.
	NotEndsWith StringList `json:"not_ends_with,omitzero"`
}

// InsightSelector turns on one type of Insights events.
type InsightSelector struct {
	// InsightType is ApiCallRateInsight or ApiErrorRateInsight.
	InsightType String `json:"insight_type,omitzero"`
	// EventCategories are the event categories analysed (Management,
	// Data; CloudFormation EventCategories). Absent means Management.
	EventCategories StringList `json:"event_categories,omitzero"`
}

func (m *Model) normalizeCloudTrail() {
	m.AWS.CloudTrail.Trails = nonNil(m.AWS.CloudTrail.Trails)
	m.AWS.CloudTrail.EventDataStores = nonNil(m.AWS.CloudTrail.EventDataStores)
}
