# METADATA
# title: Other accounts write to an ObjectWriter bucket
# description: |
#   With object ownership ObjectWriter, an object belongs to the account that
#   uploaded it, not to the bucket owner: when the bucket policy lets another
#   account put objects, the bucket owner cannot read, share or (through its
#   own policies) protect what that account writes unless the writer grants
#   it access in the object's ACL. BucketOwnerEnforced (the default since
#   April 2023) makes the bucket owner own every object. The rule fires when
#   ownership is ObjectWriter and an Allow statement of the bucket's policy
#   lets another account's principal (a literal 12-digit account ID or
#   arn:aws:iam::ID:... ARN, or "*") call s3:PutObject, directly or through a
#   wildcard. Not when the principal is known to be the scan's own account
#   (built from the deploying account's ID, or one of the Terraform
#   allowed_account_ids), and not when the policy requires the
#   bucket-owner-full-control ACL on uploads (an Allow conditioned on, or a
#   Deny unless, s3:x-amz-acl = bucket-owner-full-control).
# custom:
#   id: aws-s3-cross-account-object-ownership
#   severity: MEDIUM
#   kind: correctness
#   collections: [aws.s3.buckets]
#   resource_types: [aws_s3_bucket_ownership_controls, aws_s3_bucket_policy, AWS::S3::Bucket, AWS::S3::BucketPolicy]
#   remediation:
#     terraform: |
#       ```hcl
#       # before
#       rule { object_ownership = "ObjectWriter" }
#       # after
#       resource "aws_s3_bucket_ownership_controls" "this" {
#         bucket = aws_s3_bucket.this.id
#         rule { object_ownership = "BucketOwnerEnforced" }
#       }
#       ```
#     cloudformation: |
#       ```yaml
#       # before
#       OwnershipControls:
#         Rules:
#           - ObjectOwnership: ObjectWriter
#       # after
#       OwnershipControls:
#         Rules:
#           - ObjectOwnership: BucketOwnerEnforced
#       ```
package seclint.aws.s3.cross_account_object_ownership

import data.seclint.lib

deny contains finding if {
	some bucket in input.aws.s3.buckets
	bucket.object_ownership == "ObjectWriter"
	not acl_required(bucket)
	names := sort([name |
		some p in lib.policies_of(bucket)
		some i, s in p.statements
		cross_account_put(s)
		name := lib.statement_name(p, s, i)
	])
	count(names) > 0
	finding := {"resource": bucket.id, "attribute": "object_ownership", "message": sprintf("Bucket %s has object ownership ObjectWriter and %s lets another account put objects, which then belong to that account; set object ownership to BucketOwnerEnforced.", [bucket.id, names[0]])}
}

# cross_account_put(s): an Allow of s3:PutObject (directly, through a
# wildcard or through NotAction) to another account that does not require
# the bucket-owner-full-control ACL.
cross_account_put(s) if {
	lib.allows_action(s, "s3:PutObject")
	some p in s.principals
	lib.another_account(p)
	not maybe_requires_owner_acl(s)
}

# An Allow conditioned on s3:x-amz-acl = bucket-owner-full-control, or a
# condition that cannot be read (it may be that one).
maybe_requires_owner_acl(s) if lib.is_unknown(s.conditions)

maybe_requires_owner_acl(s) if {
	some c in s.conditions
	lib.is_unknown(c.key)
}

maybe_requires_owner_acl(s) if {
	some c in s.conditions
	c.base == "StringEquals"
	not c.if_exists
	lower(c.key) == "s3:x-amz-acl"
	count(c.values) > 0
	every v in c.values {
		v == "bucket-owner-full-control"
	}
}

# A Deny of uploads that do not carry the bucket-owner-full-control ACL.
acl_required(bucket) if {
	some p in lib.policies_of(bucket)
	some s in p.statements
	lib.denies_action(s, "s3:PutObject")
	some c in s.conditions
	c.base == "StringNotEquals"
	lower(c.key) == "s3:x-amz-acl"
	"bucket-owner-full-control" in c.values
}
