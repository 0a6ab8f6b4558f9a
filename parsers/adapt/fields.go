package adapt

import "github.com/seclint/seclint/parsers/model"

// The tables below map each resource type's plain settings in both formats:
// one row per model value, its path written once. What a table cannot say
// (defaults that differ, values derived from several arguments, links) is
// left to each format's adapter.

// KMSKeyFields maps aws_kms_key / aws_kms_external_key and AWS::KMS::Key.
// Terraform's origin is derived from custom_key_store_id and xks_key_id,
// and the external key's key_spec is the other key's
// customer_master_key_spec; CloudFormation has no custom key stores.
func KMSKeyFields(k *model.KMSKey) []Field {
	return []Field{
		{Path: "key_spec", TF: "customer_master_key_spec|key_spec", CFN: "KeySpec", String: &k.KeySpec},
		{Path: "key_usage", TF: "key_usage", CFN: "KeyUsage", String: &k.KeyUsage},
		{Path: "origin", CFN: "Origin", String: &k.Origin},
		{Path: "custom_key_store", TF: "custom_key_store_id", String: &k.CustomKeyStore},
		{Path: "rotation_enabled", TF: "enable_key_rotation", CFN: "EnableKeyRotation", Bool: &k.RotationEnabled},
		{Path: "rotation_period_days", TF: "rotation_period_in_days", CFN: "RotationPeriodInDays", Number: &k.RotationPeriodDays},
		{Path: "multi_region", TF: "multi_region", CFN: "MultiRegion", Bool: &k.MultiRegion},
	}
}

// KMSReplicaKeyFields maps aws_kms_replica_key /
// aws_kms_replica_external_key and AWS::KMS::ReplicaKey.
func KMSReplicaKeyFields(k *model.KMSReplicaKey) []Field {
	return []Field{
		{Path: "primary_key_arn", TF: "primary_key_arn", CFN: "PrimaryKeyArn", String: &k.PrimaryKeyArn},
	}
}

// SSMParameterFields maps aws_ssm_parameter and AWS::SSM::Parameter, but
// for the value, whose literal-ness, length and (in Terraform) ignored
// changes each adapter reads from the node it chose. Terraform has no
// parameter policies, CloudFormation no KMS key.
func SSMParameterFields(p *model.SSMParameter) []Field {
	return []Field{
		{Path: "name", TF: "name", CFN: "Name", String: &p.Name},
		{Path: "parameter_type", TF: "type", CFN: "Type", String: &p.Type},
		{Path: "tier", TF: "tier", CFN: "Tier", String: &p.Tier},
		{Path: "key_id", TF: "key_id", String: &p.KeyID},
		{Path: "description", TF: "description", CFN: "Description", String: &p.Description},
		{Path: "policies", CFN: "Policies", String: &p.Policies},
	}
}

// SecretFields maps aws_secretsmanager_secret and
// AWS::SecretsManager::Secret.
func SecretFields(s *model.Secret) []Field {
	return []Field{
		{Path: "name", TF: "name", CFN: "Name", String: &s.Name},
		{Path: "kms_key_id", TF: "kms_key_id", CFN: "KmsKeyId", String: &s.KMSKeyID},
	}
}

// DBMasterFields maps the master user settings of aws_db_instance /
// aws_rds_cluster and AWS::RDS::DBInstance / DBCluster but for the
// password itself, whose argument name differs by Terraform type.
func DBMasterFields(m *model.DBMaster) []Field {
	return []Field{
		{Path: "managed_password", TF: "manage_master_user_password", CFN: "ManageMasterUserPassword", Bool: &m.ManagedPassword},
	}
}

// AccessPointFields maps aws_s3_access_point and AWS::S3::AccessPoint.
// The network origin is derived from whether a VPC configuration is
// written.
func AccessPointFields(ap *model.AccessPoint) []Field {
	return []Field{
		{Path: "name", TF: "name", CFN: "Name", String: &ap.Name},
		{Path: "bucket", TF: "bucket", CFN: "Bucket", String: &ap.Bucket},
	}
}

// PublicAccessBlockFields maps the four flags of a public access block
// configuration (of a bucket or an access point), under prefix ("" or
// "public_access_block."). Terraform's access point defaults an omitted
// flag to true; the caller applies such defaults.
func PublicAccessBlockFields(prefix string, b *model.PublicAccessBlock) []Field {
	return []Field{
		{Path: prefix + "block_public_acls", TF: "block_public_acls", CFN: "BlockPublicAcls", Bool: &b.BlockPublicACLs},
		{Path: prefix + "ignore_public_acls", TF: "ignore_public_acls", CFN: "IgnorePublicAcls", Bool: &b.IgnorePublicACLs},
		{Path: prefix + "block_public_policy", TF: "block_public_policy", CFN: "BlockPublicPolicy", Bool: &b.BlockPublicPolicy},
		{Path: prefix + "restrict_public_buckets", TF: "restrict_public_buckets", CFN: "RestrictPublicBuckets", Bool: &b.RestrictPublicBuckets},
	}
}

// BucketFields maps the name and canned ACL of aws_s3_bucket and
// AWS::S3::Bucket. Terraform generates a name at apply when none is
// written (bucket_prefix), and CloudFormation's AccessControl spelling
// ("PublicRead") is converted to the S3 API's: each adapter does that.
func BucketFields(b *model.Bucket) []Field {
	return []Field{
		{Path: "name", TF: "bucket", CFN: "BucketName", String: &b.Name, Template: &b.NameTemplate},
		{Path: "acl", TF: "acl", CFN: "AccessControl", String: &b.ACL},
	}
}

// OwnershipFields maps a bucket's object ownership from an ownership
// controls rule: Terraform's rule block (aws_s3_bucket_ownership_controls),
// CloudFormation's OwnershipControls.Rules[0]. s is the bucket's or the
// split resource's field.
func OwnershipFields(s *model.String) []Field {
	return []Field{
		{Path: "object_ownership", TF: "object_ownership", CFN: "ObjectOwnership", String: s},
	}
}

// VersioningFields maps a versioning configuration:
// aws_s3_bucket_versioning's versioning_configuration and
// VersioningConfiguration. CloudFormation has no MFA delete; the bucket's
// inline versioning block of provider versions before 4 has switches
// (enabled, mfa_delete) that the Terraform adapter turns into statuses.
func VersioningFields(v *model.Versioning) []Field {
	return []Field{
		{Path: "versioning.status", TF: "status", CFN: "Status", String: &v.Status},
		{Path: "versioning.mfa_delete", TF: "mfa_delete", String: &v.MFADelete},
	}
}

// LoggingFields maps server access logging: aws_s3_bucket_logging (and the
// bucket's inline logging block) and LoggingConfiguration.
func LoggingFields(l *model.Logging) []Field {
	return []Field{
		{Path: "logging.target_bucket", TF: "target_bucket", CFN: "DestinationBucketName", String: &l.TargetBucket},
		{Path: "logging.target_prefix", TF: "target_prefix", CFN: "LogFilePrefix", String: &l.TargetPrefix},
	}
}

// WebsiteFields maps a website configuration where both formats write
// plain strings: the bucket's inline website block (provider versions
// before 4) and WebsiteConfiguration. The redirect host is nested in
// CloudFormation (RedirectAllRequestsTo.HostName), and
// aws_s3_bucket_website_configuration nests both; the adapters read those.
func WebsiteFields(w *model.Website) []Field {
	return []Field{
		{Path: "website.index_document", TF: "index_document", CFN: "IndexDocument", String: &w.IndexDocument},
		{Path: "website.redirect_all_requests_to", TF: "redirect_all_requests_to", String: &w.RedirectAll},
	}
}

// EncryptionRuleFields maps a default encryption rule (Terraform's rule
// block, CloudFormation's ServerSideEncryptionConfiguration[0]);
// EncryptionDefaultFields maps the default inside it
// (apply_server_side_encryption_by_default, ServerSideEncryptionByDefault).
func EncryptionRuleFields(e *model.Encryption) []Field {
	return []Field{
		{Path: "encryption.bucket_key_enabled", TF: "bucket_key_enabled", CFN: "BucketKeyEnabled", Bool: &e.BucketKeyEnabled},
	}
}

// EncryptionDefaultFields: see EncryptionRuleFields.
func EncryptionDefaultFields(e *model.Encryption) []Field {
	return []Field{
		{Path: "encryption.algorithm", TF: "sse_algorithm", CFN: "SSEAlgorithm", String: &e.Algorithm},
		{Path: "encryption.kms_key_id", TF: "kms_master_key_id", CFN: "KMSMasterKeyID", String: &e.KMSKeyID},
	}
}

// ObjectLockRetentionFields maps the default retention of an object lock
// configuration (rule.default_retention, Rule.DefaultRetention). Whether
// object lock is enabled is spelt differently in every source (a bool, the
// string "Enabled", or implied by the configuration), so each adapter
// derives it.
func ObjectLockRetentionFields(ol *model.ObjectLock) []Field {
	return []Field{
		{Path: "object_lock.mode", TF: "mode", CFN: "Mode", String: &ol.Mode},
	}
}

// GuardDutyDetectorFields maps aws_guardduty_detector and
// AWS::GuardDuty::Detector; the legacy data sources and inline features
// are mapped with the tables below, on their blocks.
func GuardDutyDetectorFields(d *model.GuardDutyDetector) []Field {
	return []Field{
		{Path: "enable", TF: "enable", CFN: "Enable", Bool: &d.Enable},
	}
}

// GuardDutyDataSourceFields maps the enable flag of one legacy data source
// block (s3_logs / S3Logs, kubernetes.audit_logs / Kubernetes.AuditLogs)
// to the detector's path.
func GuardDutyDataSourceFields(path string, enable *model.Bool) []Field {
	return []Field{
		{Path: path, TF: "enable", CFN: "Enable", Bool: enable},
	}
}

// GuardDutyFeatureFields maps a feature (aws_guardduty_detector_feature, an
// element of Features), under prefix ("" or "features[i].").
func GuardDutyFeatureFields(prefix string, f *model.GuardDutyFeatureSetting) []Field {
	return []Field{
		{Path: prefix + "name", TF: "name", CFN: "Name", String: &f.Name},
		{Path: prefix + "status", TF: "status", CFN: "Status", String: &f.Status},
	}
}

// ConfigRecorderFields maps aws_config_configuration_recorder and
// AWS::Config::ConfigurationRecorder but for the recording group.
func ConfigRecorderFields(r *model.ConfigRecorder) []Field {
	return []Field{
		{Path: "name", TF: "name", CFN: "Name", String: &r.Name},
	}
}

// RecordingGroupFields maps a recorder's recording_group /
// RecordingGroup.
func RecordingGroupFields(r *model.ConfigRecorder) []Field {
	return []Field{
		{Path: "all_supported", TF: "all_supported", CFN: "AllSupported", Bool: &r.AllSupported},
		{Path: "resource_types", TF: "resource_types", CFN: "ResourceTypes", List: &r.ResourceTypes},
	}
}

// RecordingStrategyFields maps recording_strategy / RecordingStrategy.
func RecordingStrategyFields(r *model.ConfigRecorder) []Field {
	return []Field{
		{Path: "recording_strategy", TF: "use_only", CFN: "UseOnly", String: &r.RecordingStrategy},
	}
}

// RecordingExclusionFields maps exclusion_by_resource_types /
// ExclusionByResourceTypes.
func RecordingExclusionFields(r *model.ConfigRecorder) []Field {
	return []Field{
		{Path: "exclusion_types", TF: "resource_types", CFN: "ResourceTypes", List: &r.ExclusionTypes},
	}
}

// ConfigDeliveryChannelFields maps aws_config_delivery_channel and
// AWS::Config::DeliveryChannel.
func ConfigDeliveryChannelFields(c *model.ConfigDeliveryChannel) []Field {
	return []Field{
		{Path: "name", TF: "name", CFN: "Name", String: &c.Name},
	}
}

// ECRRepositoryFields maps aws_ecr_repository and AWS::ECR::Repository but
// for the scanning configuration block.
func ECRRepositoryFields(r *model.ECRRepository) []Field {
	return []Field{
		{Path: "name", TF: "name", CFN: "RepositoryName", String: &r.Name},
	}
}

// ECRImageScanningFields maps image_scanning_configuration /
// ImageScanningConfiguration.
func ECRImageScanningFields(r *model.ECRRepository) []Field {
	return []Field{
		{Path: "scan_on_push", TF: "scan_on_push", CFN: "ScanOnPush", Bool: &r.ScanOnPush},
	}
}

// ECRRegistryScanningFields maps aws_ecr_registry_scanning_configuration
// and AWS::ECR::RegistryScanningConfiguration but for the rules.
func ECRRegistryScanningFields(c *model.ECRRegistryScanning) []Field {
	return []Field{
		{Path: "scan_type", TF: "scan_type", CFN: "ScanType", String: &c.ScanType},
	}
}

// ECRScanningRuleFields maps one rule / Rules element under prefix
// ("rules[i].").
func ECRScanningRuleFields(prefix string, r *model.ECRScanningRule) []Field {
	return []Field{
		{Path: prefix + "scan_frequency", TF: "scan_frequency", CFN: "ScanFrequency", String: &r.ScanFrequency},
	}
}

// HostedZoneFields maps aws_route53_zone and AWS::Route53::HostedZone but
// for the VPC associations and query logging.
func HostedZoneFields(z *model.HostedZone) []Field {
	return []Field{
		{Path: "name", TF: "name", CFN: "Name", String: &z.Name},
	}
}
