package model

// KMS holds the scan's KMS keys: customer managed keys (Terraform
// aws_kms_key and aws_kms_external_key, CloudFormation AWS::KMS::Key) and
// multi-Region replica keys (aws_kms_replica_key,
// aws_kms_replica_external_key, AWS::KMS::ReplicaKey).
type KMS struct {
	Keys        []*KMSKey        `json:"keys"`
	ReplicaKeys []*KMSReplicaKey `json:"replica_keys"`
}

// KMS key specs, usages and origins the rules compare with. A value that is
// not written is AWS's default: SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT, AWS_KMS.
const (
	KeySpecSymmetricDefault = "SYMMETRIC_DEFAULT"
	KeyUsageEncryptDecrypt  = "ENCRYPT_DECRYPT"

	KeyOriginAWSKMS           = "AWS_KMS"
	KeyOriginExternal         = "EXTERNAL"
	KeyOriginAWSCloudHSM      = "AWS_CLOUDHSM"
	KeyOriginExternalKeyStore = "EXTERNAL_KEY_STORE"
)

// KMSKey is a customer managed KMS key (a single-Region key or a
// multi-Region primary key). Locations: "" is the resource, and each field
// has the path of its JSON name ("rotation_enabled", "key_spec", ...).
type KMSKey struct {
	Meta
	// KeySpec is SYMMETRIC_DEFAULT, RSA_*, ECC_*, HMAC_*, ML_DSA_* or SM2
	// (Terraform customer_master_key_spec, or key_spec of
	// aws_kms_external_key; CloudFormation KeySpec). Absent means
	// SYMMETRIC_DEFAULT.
	KeySpec String `json:"key_spec,omitzero"`
	// KeyUsage is ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC or
	// KEY_AGREEMENT. Absent means ENCRYPT_DECRYPT.
	KeyUsage String `json:"key_usage,omitzero"`
	// Origin is where the key material comes from: AWS_KMS (absent means
	// this), EXTERNAL (imported key material: aws_kms_external_key, or
	// CloudFormation Origin: EXTERNAL), AWS_CLOUDHSM or EXTERNAL_KEY_STORE
	// (a custom key store). Terraform's aws_kms_key has no origin argument:
	// the parser derives it from custom_key_store_id (AWS_CLOUDHSM, or
	// EXTERNAL_KEY_STORE with xks_key_id) and locates it there; it is unknown
	// when those arguments are.
	Origin String `json:"origin,omitzero"`
	// CustomKeyStore is the custom key store ID (Terraform
	// custom_key_store_id; CloudFormation cannot create such keys).
	CustomKeyStore String `json:"custom_key_store,omitzero"`
	// RotationEnabled is automatic key rotation (Terraform
	// enable_key_rotation, CloudFormation EnableKeyRotation). Absent means
	// false: both default to no rotation. aws_kms_external_key has no such
	// argument, so it is always absent there.
	RotationEnabled Bool `json:"rotation_enabled,omitzero"`
	// RotationPeriodDays is the rotation period (rotation_period_in_days,
	// RotationPeriodInDays); AWS's default is 365.
	RotationPeriodDays Number `json:"rotation_period_days,omitzero"`
	// MultiRegion makes the key a multi-Region primary key (multi_region,
	// MultiRegion). Absent means false.
	MultiRegion Bool `json:"multi_region,omitzero"`
	// Policies are the IDs of the key's key policies in iam.policies
	// (Terraform policy and aws_kms_key_policy, CloudFormation KeyPolicy).
	Policies []string `json:"policies"`
	// Replicas are the IDs of the replica keys of the scan whose primary is
	// this key (set by the linking step).
	Replicas []string `json:"replicas"`
}

// KMSReplicaKey is a multi-Region replica key.
type KMSReplicaKey struct {
	Meta
	// PrimaryKeyArn is the ARN of the multi-Region primary key as written:
	// usually unknown, since a key's ARN is only known after apply.
	PrimaryKeyArn String `json:"primary_key_arn,omitzero"`
	// Primary is the primary key ARN as written, with the references it is
	// computed from; the linking step resolves it into PrimaryKeyRef.
	Primary Target `json:"primary,omitzero"`
	// PrimaryKeyRef is the ID of the primary key when it is a key of the
	// scan, found through the reference the ARN is computed from
	// (aws_kms_key.primary.arn, !GetAtt PrimaryKey.Arn).
	PrimaryKeyRef string `json:"primary_key_ref,omitempty"`
}

func (m *Model) normalizeKMS() {
	m.AWS.KMS.Keys = nonNil(m.AWS.KMS.Keys)
	m.AWS.KMS.ReplicaKeys = nonNil(m.AWS.KMS.ReplicaKeys)
	for _, k := range m.AWS.KMS.Keys {
		k.Policies = nonNil(k.Policies)
	}
}
