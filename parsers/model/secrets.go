package model

// SecretsManager holds Secrets Manager secrets and the secret values the
// source writes for them.
type SecretsManager struct {
	Secrets      []*Secret      `json:"secrets"`
	SecretValues []*SecretValue `json:"secret_values"`
	// Rotations are the rotation resources of the scan, linked to their
	// secret when it is in the scan.
	Rotations []*SecretRotation `json:"rotations"`
}

// Secret is a Secrets Manager secret: Terraform aws_secretsmanager_secret,
// CloudFormation AWS::SecretsManager::Secret. Locations: "" is the
// resource, "name", "kms_key_id" the values, "policies[i]" the policy
// documents.
type Secret struct {
	Meta
	// Name is the secret name (name, Name); absent when the source lets AWS
	// or name_prefix choose it.
	Name String `json:"name,omitzero"`
	// KMSKeyID is the key that encrypts the secret (kms_key_id, KmsKeyId).
	// Absent means the AWS managed key alias/aws/secretsmanager.
	KMSKeyID String `json:"kms_key_id,omitzero"`
	// RotationConfigured is set when the scan configures automatic rotation
	// for the secret: an aws_secretsmanager_secret_rotation or
	// AWS::SecretsManager::RotationSchedule that refers to it (by
	// reference, or by a literal name or ARN of the secret).
	RotationConfigured bool `json:"rotation_configured"`
	// Policies are the IDs of the secret's resource policies in
	// iam.policies (Terraform policy and aws_secretsmanager_secret_policy,
	// CloudFormation AWS::SecretsManager::ResourcePolicy).
	Policies []string `json:"policies"`
}

// SecretValue is a secret value the source writes: the secret_string (or
// secret_binary, or secret_string_wo) of an aws_secretsmanager_secret_version,
// or the SecretString of an AWS::SecretsManager::Secret (whose ID is then
// the secret's). Locations: "" is the resource, "secret_string" the value.
type SecretValue struct {
	Meta
	// Target is the secret_id as written (for a value declared inside its
	// secret, absent: SecretRef is then set by the adapter).
	Target Target `json:"target,omitzero"`
	// SecretRef is the ID of the secret when it is in the scan (set by the
	// linking step from Target).
	SecretRef string `json:"secret_ref,omitempty"`
	// Literal is set when the value is written as a literal in the source
	// (see SSMParameter.ValueLiteral).
	Literal bool `json:"literal"`
	// Ignored is set when Terraform's lifecycle ignore_changes lists the
	// value: the literal is a placeholder.
	Ignored bool `json:"ignored,omitempty"`
}

func (m *Model) normalizeSecretsManager() {
	m.AWS.SecretsManager.Secrets = nonNil(m.AWS.SecretsManager.Secrets)
	m.AWS.SecretsManager.SecretValues = nonNil(m.AWS.SecretsManager.SecretValues)
	for _, s := range m.AWS.SecretsManager.Secrets {
		s.Policies = nonNil(s.Policies)
	}
}
