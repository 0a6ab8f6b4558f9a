package model

// Target is what a sub-resource says about the object it belongs to or
// points at (an aws_s3_bucket_acl's bucket, a logging configuration's
// destination, a replica key's primary), exactly as the source writes it.
// Adapters fill it; the linking step (parsers/link) resolves it, once for
// both formats, into the ID fields whose names end in _ref. A target that
// resolves to nothing in the unit names an object outside the scan, and the
// sub-resource is then checked on its own.
type Target struct {
	// Refs are the IDs of the resources the value was computed from (a
	// Terraform reference such as aws_s3_bucket.logs.id, a CloudFormation
	// Ref or Fn::GetAtt), whether or not the value itself is known.
	Refs []string `json:"refs,omitempty"`
	// Name is the value as written: a bucket name, a key or secret ARN or
	// name. It is unknown when computed from something not known before
	// apply (a variable without a value, an imported value).
	Name String `json:"name,omitzero"`
	// Template names how an unknown Name is computed (see
	// Bucket.NameTemplate): a target whose references and name resolve
	// nothing designates the one object whose name has the same template.
	// Empty when Name is known or computed from something that differs
	// from one resource to another (a resource's attribute).
	Template string `json:"template,omitempty"`
	// Kind is the collection the target is in (e.g. "aws.s3.buckets"), for
	// sub-resources whose type does not say it (a policy document).
	Kind string `json:"kind,omitempty"`
}

// IsZero reports whether the source wrote no target; `omitzero` uses it.
func (t Target) IsZero() bool { return len(t.Refs) == 0 && t.Name.IsZero() }

// PublicAccessFlags are the four Block Public Access settings, shared by
// bucket, account and access point blocks.
type PublicAccessFlags struct {
	// BlockPublicACLs rejects requests that add a public ACL.
	BlockPublicACLs Bool `json:"block_public_acls,omitzero"`
	// IgnorePublicACLs makes S3 ignore public ACLs.
	IgnorePublicACLs Bool `json:"ignore_public_acls,omitzero"`
	// BlockPublicPolicy rejects bucket policies that grant public access.
	BlockPublicPolicy Bool `json:"block_public_policy,omitzero"`
	// RestrictPublicBuckets limits a bucket with a public policy to AWS
	// services and the owner's account.
	RestrictPublicBuckets Bool `json:"restrict_public_buckets,omitzero"`
}

// BucketPublicAccessBlock is a public access block declared as a resource
// of its own (Terraform aws_s3_bucket_public_access_block). It stays an
// object of aws.s3.public_access_blocks whether or not its bucket is in the
// scan, so every block of a bucket is checked, and a block of a bucket
// outside the scan too. Locations: "" is the resource, each flag the path of
// its JSON name (an omitted flag is located at the resource).
type BucketPublicAccessBlock struct {
	Meta
	// Target is the bucket argument as written.
	Target Target `json:"target,omitzero"`
	// BucketRef is the ID of the bucket when it is in the scan (set by the
	// linking step).
	BucketRef string `json:"bucket_ref,omitempty"`
	PublicAccessFlags
}

// BucketACL is an ACL declared as a resource of its own (Terraform
// aws_s3_bucket_acl): a canned ACL or the grants of an access control
// policy. Locations: "" is the resource, "acl", "grants[i]" and the grant
// fields below it.
type BucketACL struct {
	Meta
	// Target is the bucket argument as written.
	Target Target `json:"target,omitzero"`
	// BucketRef is the ID of the bucket when it is in the scan (set by the
	// linking step).
	BucketRef string `json:"bucket_ref,omitempty"`
	// ACL is the canned ACL ("public-read").
	ACL String `json:"acl,omitzero"`
	// Grants are the grants of access_control_policy.
	Grants []*Grant `json:"grants"`
}

// BucketSettings is one of Terraform's split resources that set a bucket's
// own configuration (aws_s3_bucket_versioning, _logging,
// _ownership_controls, _server_side_encryption_configuration,
// _website_configuration, _object_lock_configuration; Type says which):
// only the setting it configures is set, under the bucket's own JSON name.
// The linking step merges it into its bucket when the bucket is in the
// scan (its locations become the bucket's at the same paths); either way
// it stays an object of aws.s3.bucket_settings, so a setting that means
// something on its own (ownership that keeps ACLs enabled) is checked even
// when the bucket is outside the scan. Locations: "" is the resource, the
// setting's paths as on a bucket ("versioning.status").
type BucketSettings struct {
	Meta
	// Target is the bucket argument as written.
	Target Target `json:"target,omitzero"`
	// BucketRef is the ID of the bucket when it is in the scan (set by the
	// linking step).
	BucketRef string `json:"bucket_ref,omitempty"`
	// ObjectOwnership is the rule of aws_s3_bucket_ownership_controls.
	ObjectOwnership String `json:"object_ownership,omitzero"`
	// Versioning is the configuration of aws_s3_bucket_versioning.
	Versioning *Versioning `json:"versioning,omitempty"`
	// Logging is the configuration of aws_s3_bucket_logging.
	Logging *Logging `json:"logging,omitempty"`
	// Website is the configuration of aws_s3_bucket_website_configuration.
	Website *Website `json:"website,omitempty"`
	// Encryption is the rule of
	// aws_s3_bucket_server_side_encryption_configuration.
	Encryption *Encryption `json:"encryption,omitempty"`
	// ObjectLock is the configuration of
	// aws_s3_bucket_object_lock_configuration.
	ObjectLock *ObjectLock `json:"object_lock,omitempty"`
}

// SecretRotation is a rotation configured for a secret (Terraform
// aws_secretsmanager_secret_rotation, CloudFormation
// AWS::SecretsManager::RotationSchedule). Locations: "" is the resource.
type SecretRotation struct {
	Meta
	// Target is the secret_id (SecretId) as written.
	Target Target `json:"target,omitzero"`
	// SecretRef is the ID of the secret when it is in the scan (set by the
	// linking step).
	SecretRef string `json:"secret_ref,omitempty"`
}

func (m *Model) normalizeS3Parts() {
	s3 := &m.AWS.S3
	s3.PublicAccessBlocks = nonNil(s3.PublicAccessBlocks)
	s3.BucketACLs = nonNil(s3.BucketACLs)
	s3.BucketSettings = nonNil(s3.BucketSettings)
	for _, a := range s3.BucketACLs {
		a.Grants = nonNil(a.Grants)
	}
	m.AWS.SecretsManager.Rotations = nonNil(m.AWS.SecretsManager.Rotations)
	for _, k := range m.AWS.KMS.Keys {
		k.Replicas = nonNil(k.Replicas)
	}
}

// nonNil returns xs, or an empty slice for nil, so that the Rego input has
// a list where the model has none.
func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
