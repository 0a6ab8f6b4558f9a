package model

// Network origins of an S3 access point.
const (
	NetworkOriginInternet = "Internet"
	NetworkOriginVPC      = "VPC"
)

// AccessPoint is an S3 access point: aws_s3_access_point or
// AWS::S3::AccessPoint. Requests through it are checked against its own
// block public access settings, the bucket's and the account's; any one of
// them blocks.
type AccessPoint struct {
	Meta
	// Name is the access point name (CloudFormation generates one when it
	// is not written, so it is then unknown).
	Name String `json:"name,omitzero"`
	// Bucket is the bucket name as written; BucketRef is the ID of the
	// bucket when it is in the scan (a reference or a literal equal to a
	// bucket's known name).
	Bucket    String `json:"bucket,omitzero"`
	BucketRef string `json:"bucket_ref,omitempty"`
	// Target is the bucket as written, with its references; the linking
	// step resolves it into BucketRef.
	Target Target `json:"target,omitzero"`
	// NetworkOrigin is Internet or VPC: VPC when a VPC configuration is
	// written (Terraform vpc_configuration, CloudFormation
	// VpcConfiguration), Internet when it is not, unknown when the
	// configuration itself is.
	NetworkOrigin String `json:"network_origin,omitzero"`
	// PublicAccessBlock is nil when none is written: AWS then turns every
	// setting on for an access point. Terraform's provider defaults each
	// omitted flag of public_access_block_configuration to true, so the
	// parser records those as known true. CloudFormation documents no
	// default for a flag omitted from a written configuration, so it stays
	// absent there (and no rule takes it as off).
	PublicAccessBlock *PublicAccessBlock `json:"public_access_block,omitempty"`
	// Policies are the IDs of the access point's policy documents in
	// iam.policies (Terraform policy or aws_s3control_access_point_policy,
	// CloudFormation Policy).
	Policies []string `json:"policies"`
}

func (m *Model) normalizeAccessPoints() {
	m.AWS.S3.AccessPoints = nonNil(m.AWS.S3.AccessPoints)
	for _, ap := range m.AWS.S3.AccessPoints {
		ap.Policies = nonNil(ap.Policies)
	}
}
