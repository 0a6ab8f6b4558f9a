package terraform

import "github.com/seclint/seclint/parsers/model"

// adaptS3Objects maps the objects a configuration uploads or copies
// (aws_s3_object, the deprecated aws_s3_bucket_object, aws_s3_object_copy)
// with their canned ACL and, for a copy, its grant blocks; the linking step
// finds their bucket.
func (a *adapter) adaptS3Objects() {
	for _, r := range a.managed("aws_s3_object", "aws_s3_bucket_object", "aws_s3_object_copy") {
		n := a.node(r)
		obj := &model.S3Object{}
		o := a.object(r, r.id, &obj.Meta)
		obj.Target = target(field(n, "bucket"))
		o.String(&obj.Key, "key", field(n, "key"))
		o.String(&obj.ACL, "acl", field(n, "acl"))
		for _, g := range blocks(n, "grant") {
			legacyGrant(o, &obj.Grants, g)
		}
		a.model.AWS.S3.Objects = append(a.model.AWS.S3.Objects, obj)
	}
}
