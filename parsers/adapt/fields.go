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
