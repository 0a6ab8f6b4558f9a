package model

// Model is the whole of what one scan unit (a Terraform root module, a
// CloudFormation template, a policy file) declares, normalized across input
// formats. It is the Rego `input`. Collections are never nil once Normalize
// has run, so rules can iterate without guards.
type Model struct {
	AWS AWS `json:"aws"`
}

// AWS groups the model by service, one field per AWS service the rules read.
type AWS struct {
	S3  S3  `json:"s3"`
	IAM IAM `json:"iam"`
	KMS KMS `json:"kms"`
	// CloudTrail holds the trails (cloudtrail.go).
	CloudTrail CloudTrail `json:"cloudtrail"`
	// SSM, SecretsManager and RDS hold parameters, secrets and database
	// master passwords (ssm.go, secrets.go, rds.go).
	SSM            SSM            `json:"ssm"`
	SecretsManager SecretsManager `json:"secretsmanager"`
	RDS            RDS            `json:"rds"`
	// GuardDuty, Config, ECR and Route53 are the detection and audit
	// services (detection.go).
	GuardDuty GuardDuty `json:"guardduty"`
	Config    Config    `json:"config"`
	ECR       ECR       `json:"ecr"`
	Route53   Route53   `json:"route53"`
	// CloudFront, WAFv2 and APIGateway are the web edge: distributions,
	// web ACLs and REST API stages (cloudfront.go).
	CloudFront CloudFront `json:"cloudfront"`
	WAFv2      WAFv2      `json:"wafv2"`
	APIGateway APIGateway `json:"apigateway"`
	// ELB and ACM hold load balancers, their listeners and certificates
	// (elb.go).
	ELB ELB `json:"elb"`
	ACM ACM `json:"acm"`
	// EC2 and VPC hold security groups, network ACLs, VPCs and flow logs
	// (network.go).
	EC2 EC2 `json:"ec2"`
	VPC VPC `json:"vpc"`
	// CloudFormation holds what a template declares besides resources.
	CloudFormation CloudFormation `json:"cloudformation"`
	// Account is what the scan knows of the AWS account(s) it deploys to.
	Account Account `json:"account,omitzero"`
}

// Meta identifies a model object and where it came from.
type Meta struct {
	// ID is stable across edits that do not rename the resource:
	// "aws_s3_bucket.logs", "LogBucket", or a file path for a standalone policy.
	ID string `json:"id"`
	// Type is the source resource type, e.g. "aws_s3_bucket" or "AWS::S3::Bucket".
	Type string `json:"type"`
	// Region is the AWS region the object is created in: for Terraform, the
	// region of its provider configuration (unknown when the provider takes
	// it from the environment or an unset variable, absent when the module
	// configures no AWS provider at all).
	Region String `json:"region,omitzero"`
}

// S3 holds buckets and the account-level public access block.
type S3 struct {
	Buckets []*Bucket `json:"buckets"`
	// AccountPublicAccessBlocks are aws_s3_account_public_access_block resources.
	AccountPublicAccessBlocks []*PublicAccessBlock `json:"account_public_access_blocks"`
	AccessPoints              []*AccessPoint       `json:"access_points"`
	// PublicAccessBlocks are the bucket public access blocks declared as
	// resources of their own, linked to their bucket when it is in the scan.
	PublicAccessBlocks []*BucketPublicAccessBlock `json:"public_access_blocks"`
	// BucketACLs are the ACLs declared as resources of their own, linked to
	// their bucket when it is in the scan.
	BucketACLs []*BucketACL `json:"bucket_acls"`
	// BucketSettings are Terraform's split resources that set a bucket's
	// own configuration (versioning, logging, ownership, ...), merged into
	// their bucket by the linking step when it is in the scan.
	BucketSettings []*BucketSettings `json:"bucket_settings"`
	// Objects are the objects a Terraform configuration uploads or copies
	// (s3_object.go), checked for public ACLs.
	Objects []*S3Object `json:"objects"`
}

// Bucket is an S3 bucket with every setting that Terraform's split resources
// (aws_s3_bucket_acl, _policy, _versioning, ...) or CloudFormation's inline
// properties give it.
type Bucket struct {
	Meta
	// Name is the bucket name (Terraform bucket, CloudFormation BucketName).
	Name String `json:"name,omitzero"`
	// NameTemplate is set when Name is unknown but the parser can say how
	// it is computed: the normalized Terraform expression (with its module
	// instance) when it reads only variables, locals and literals, or the
	// CloudFormation value with each unknown parameter kept as ${Name}
	// ("${Env}-logs"). Targets written the same way (model.Target's
	// Template) name this bucket, so the linking step links them when no
	// other bucket of the unit has that template.
	NameTemplate string `json:"name_template,omitempty"`
	// ACL is the canned ACL in the S3 API's spelling ("public-read"); the
	// CloudFormation spelling ("PublicRead") is normalized to it.
	ACL String `json:"acl,omitzero"`
	// Grants are explicit ACL grants (Terraform grant / access_control_policy).
	Grants []*Grant `json:"grants"`
	// ObjectOwnership is BucketOwnerEnforced, BucketOwnerPreferred or ObjectWriter.
	ObjectOwnership String `json:"object_ownership,omitzero"`
	// ACLs are the IDs of the separate ACL resources (aws_s3_bucket_acl) in
	// s3.bucket_acls that target the bucket (set by the linking step).
	ACLs []string `json:"acls"`
	// PublicAccessBlock is the block declared inside the bucket
	// (CloudFormation PublicAccessBlockConfiguration); nil when there is
	// none. Blocks declared as resources of their own are in
	// PublicAccessBlocks. With neither, AWS blocks everything for buckets
	// created since April 2023.
	PublicAccessBlock *PublicAccessBlock `json:"public_access_block,omitempty"`
	// PublicAccessBlocks are the IDs of the blocks in s3.public_access_blocks
	// that target the bucket (set by the linking step).
	PublicAccessBlocks []string `json:"public_access_blocks"`
	// LoggedBy are the IDs of the buckets of the scan whose access logs are
	// delivered to this one (set by the linking step).
	LoggedBy []string `json:"logged_by"`
	// Policies are the IDs of the bucket's policy documents in iam.policies
	// (set by the linking step for separate policy resources).
	Policies   []string    `json:"policies"`
	Versioning *Versioning `json:"versioning,omitempty"`
	Logging    *Logging    `json:"logging,omitempty"`
	Website    *Website    `json:"website,omitempty"`
	Encryption *Encryption `json:"encryption,omitempty"`
	ObjectLock *ObjectLock `json:"object_lock,omitempty"`
}

// Grant is one ACL grant.
type Grant struct {
	// GranteeType is CanonicalUser, Group or AmazonCustomerByEmail.
	GranteeType String `json:"grantee_type,omitzero"`
	// URI is the group URI for Group grantees, e.g. http://acs.amazonaws.com/groups/global/AllUsers.
	URI String `json:"uri,omitzero"`
	// ID is the canonical user ID of a CanonicalUser grantee.
	ID String `json:"id,omitzero"`
	// Permission is FULL_CONTROL, READ, WRITE, READ_ACP or WRITE_ACP.
	Permission String `json:"permission,omitzero"`
}

// PublicAccessBlock holds the four flags. A flag that the block omits is
// false (the S3 API and the Terraform provider both default omitted flags to
// false), so parsers record it as known false with Defaulted set.
type PublicAccessBlock struct {
	// ID is the resource that declares the block (for account-level blocks and
	// Terraform's aws_s3_bucket_public_access_block).
	ID string `json:"id,omitempty"`
	PublicAccessFlags
}

// Versioning is the bucket versioning configuration.
type Versioning struct {
	// Status is Enabled, Suspended or Disabled.
	Status String `json:"status,omitzero"`
	// MFADelete is Enabled or Disabled: whether deleting a version or
	// changing the versioning state needs MFA.
	MFADelete String `json:"mfa_delete,omitzero"`
}

// Logging is server access logging.
type Logging struct {
	// TargetBucket is the destination bucket's name as written.
	TargetBucket String `json:"target_bucket,omitzero"`
	// Target is the destination as written, references included; with
	// neither refs nor name the bucket logs into itself (CloudFormation
	// without DestinationBucketName).
	Target Target `json:"target,omitzero"`
	// TargetBucketRef is the ID of the target bucket when it is in the scan
	// (set by the linking step).
	TargetBucketRef string `json:"target_bucket_ref,omitempty"`
	// TargetPrefix is the key prefix of the log objects.
	TargetPrefix String `json:"target_prefix,omitzero"`
}

// Website is static website hosting; its presence means hosting is on.
type Website struct {
	// IndexDocument is the suffix served for a directory request (index.html).
	IndexDocument String `json:"index_document,omitzero"`
	// RedirectAll is the host every request is redirected to, when the
	// website only redirects.
	RedirectAll String `json:"redirect_all_requests_to,omitzero"`
}

// Encryption is default bucket encryption.
type Encryption struct {
	// Algorithm is AES256, aws:kms or aws:kms:dsse.
	Algorithm String `json:"algorithm,omitzero"`
	// KMSKeyID is the KMS key of aws:kms encryption; absent means the AWS
	// managed key aws/s3.
	KMSKeyID String `json:"kms_key_id,omitzero"`
	// BucketKeyEnabled is the S3 Bucket Key, which cuts KMS requests.
	BucketKeyEnabled Bool `json:"bucket_key_enabled,omitzero"`
}

// ObjectLock is the bucket's Object Lock configuration.
type ObjectLock struct {
	// Enabled is Object Lock being on for the bucket.
	Enabled Bool `json:"enabled,omitzero"`
	// Mode is the default retention mode: GOVERNANCE or COMPLIANCE.
	Mode String `json:"mode,omitzero"`
}

// IAM holds every policy document found anywhere in the scan unit.
type IAM struct {
	Policies []*Policy `json:"policies"`
	// Roles are IAM roles, including those that transforms create (the
	// execution role of a SAM function).
	Roles []*Role `json:"roles"`
	// ServerCertificates are IAM server certificates (elb.go).
	ServerCertificates []*ServerCertificate `json:"server_certificates"`
}

// Policy kinds. A standalone policy file may also be a VPC endpoint
// policy, a permissions boundary or a service control policy: none of them
// grants anything (they only limit what other policies grant), so the rules
// about what an identity or resource policy grants do not read them.
const (
	PolicyIdentity = "identity"
	PolicyResource = "resource"
	PolicyTrust    = "trust"
	PolicyEndpoint = "endpoint"
	PolicyBoundary = "boundary"
	PolicySCP      = "scp"
)

// Policy is a normalized IAM or resource policy document, with every
// string-or-list normalized to a list.
type Policy struct {
	Meta
	// Owner is the ID of the resource the document belongs to (the bucket of
	// a bucket policy, the role of a trust policy); empty for standalone files
	// and for a policy whose Target is not in the scan.
	Owner string `json:"owner,omitempty"`
	// Target is the resource a separate policy resource attaches to, as
	// written (aws_s3_bucket_policy bucket, AWS::S3::BucketPolicy Bucket);
	// the linking step sets Owner from it.
	Target Target `json:"target,omitzero"`
	// Kind is identity, resource or trust; for a standalone policy file also
	// endpoint, boundary or scp.
	Kind string `json:"kind"`
	// KindReason says why a standalone policy file was read as its Kind
	// ("it has a Principal", `its path has "endpoint"`, `the config sets it
	// for "policies/**"`), for messages; empty where the kind is given by the
	// resource that holds the document.
	KindReason string `json:"kind_reason,omitempty"`
	// Version is the policy language version, e.g. 2012-10-17.
	Version String `json:"version,omitzero"`
	// Statements are empty and StatementsUnknown is true when the document or
	// its statement list could not be evaluated.
	Statements        []*Statement `json:"statements"`
	StatementsUnknown bool         `json:"statements_unknown,omitempty"`
	// Errors are the structural errors the decoder found (see PolicyError).
	Errors []PolicyError `json:"errors"`
}

// Statement is one normalized policy statement.
type Statement struct {
	// Sid is the statement ID.
	Sid String `json:"sid,omitzero"`
	// Effect is Allow or Deny.
	Effect String `json:"effect,omitzero"`
	// Actions are the Action element's actions, e.g. "s3:GetObject", "s3:*".
	Actions StringList `json:"actions,omitzero"`
	// NotActions are the NotAction element's actions.
	NotActions StringList `json:"not_actions,omitzero"`
	// Resources are the Resource element's ARNs (or "*").
	Resources StringList `json:"resources,omitzero"`
	// NotResources are the NotResource element's ARNs.
	NotResources StringList `json:"not_resources,omitzero"`
	// Principals is the Principal element, one entry per principal (see
	// Principals).
	Principals Principals `json:"principals,omitzero"`
	// NotPrincipals is the NotPrincipal element, normalized like Principals.
	NotPrincipals Principals `json:"not_principals,omitzero"`
	// Conditions are the Condition element, one entry per operator and key.
	Conditions Value[[]*Condition] `json:"conditions,omitzero"`
}

// Principals is a normalized Principal element: "*" becomes one principal of
// type "*"; {"AWS": [a, b]} becomes two of type "AWS".
type Principals = Value[[]*Principal]

// Principal is one principal of a statement.
type Principal struct {
	// Type is "*", AWS, Service, Federated or CanonicalUser.
	Type string `json:"type"`
	// Value is the principal as written: an ARN, account ID, service name,
	// canonical user ID or "*".
	Value String `json:"value"`
	// OwnAccount is set when the value is built from the deploying
	// account's own ID (Terraform data.aws_caller_identity.*.account_id,
	// CloudFormation ${AWS::AccountId}), even when the value itself is
	// unknown: such a principal is never another account.
	OwnAccount bool `json:"own_account,omitempty"`
}

// Condition is one key of one condition operator block.
type Condition struct {
	// Operator as written, e.g. "ForAnyValue:StringLikeIfExists".
	Operator String `json:"operator"`
	// Base is the operator without set prefix and IfExists suffix, e.g. "StringLike".
	Base String `json:"base,omitzero"`
	// SetOperator is "", ForAllValues or ForAnyValue.
	SetOperator string `json:"set_operator,omitempty"`
	// IfExists is set when the operator ends in IfExists: the condition
	// also holds when the key is missing from the request.
	IfExists bool `json:"if_exists,omitempty"`
	// Key is the condition key, e.g. "aws:SecureTransport".
	Key String `json:"key"`
	// Values are the values the key is compared with.
	Values StringList `json:"values"`
}

// Normalize replaces nil collections with empty ones so that the Rego input
// always has every collection, and returns m.
func (m *Model) Normalize() *Model {
	m.AWS.S3.Buckets = nonNil(m.AWS.S3.Buckets)
	m.AWS.S3.AccountPublicAccessBlocks = nonNil(m.AWS.S3.AccountPublicAccessBlocks)
	m.normalizeS3Parts()
	m.AWS.IAM.Policies = nonNil(m.AWS.IAM.Policies)
	for _, p := range m.AWS.IAM.Policies {
		p.Statements = nonNil(p.Statements)
	}
	m.normalizeRoles()
	m.normalizeKMS()
	m.normalizeCloudTrail()
	m.normalizeSSM()
	m.normalizeSecretsManager()
	m.normalizeRDS()
	m.normalizeDetection()
	m.normalizeCloudFront()
	m.normalizeELB()
	m.normalizeNetwork()
	m.normalizeAccessPoints()
	m.normalizeS3Objects()
	m.normalizeCloudFormation()
	m.normalizePolicyErrors()
	for _, b := range m.AWS.S3.Buckets {
		b.Grants = nonNil(b.Grants)
		b.Policies = nonNil(b.Policies)
		b.ACLs = nonNil(b.ACLs)
		b.PublicAccessBlocks = nonNil(b.PublicAccessBlocks)
		b.LoggedBy = nonNil(b.LoggedBy)
	}
	return m
}
