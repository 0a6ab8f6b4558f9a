package model

// S3Object is an object a Terraform configuration uploads or copies
// (aws_s3_object, the deprecated aws_s3_bucket_object, aws_s3_object_copy)
// with the ACL it is given. CloudFormation has no object resource.
// Locations: "" is the resource, "acl", "grants[i]" and the grant fields
// below it.
type S3Object struct {
	Meta
	// Target is the bucket argument as written.
	Target Target `json:"target,omitzero"`
	// BucketRef is the ID of the bucket when it is in the scan (set by the
	// linking step): its public access block decides whether S3 ignores
	// the object's ACL.
	BucketRef string `json:"bucket_ref,omitempty"`
	// Key is the object key.
	Key String `json:"key,omitzero"`
	// ACL is the object's canned ACL ("public-read"); absent means private.
	ACL String `json:"acl,omitzero"`
	// Grants are the explicit grants (aws_s3_object_copy grant blocks).
	Grants []*Grant `json:"grants"`
}

func (m *Model) normalizeS3Objects() {
	m.AWS.S3.Objects = nonNil(m.AWS.S3.Objects)
	for _, o := range m.AWS.S3.Objects {
		o.Grants = nonNil(o.Grants)
	}
}
