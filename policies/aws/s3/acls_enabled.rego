# METADATA
# title: S3 bucket has ACLs enabled
# description: |
#   Access control lists are a legacy way to grant access that bypasses IAM
#   and bucket policies, and an object ACL can hand an object to another
#   account or to the public one upload at a time. Since April 2023 new
#   buckets have ACLs disabled (object ownership BucketOwnerEnforced), so a
#   bucket that says nothing is fine; this rule fires when ACLs are turned
#   back on: object ownership ObjectWriter or BucketOwnerPreferred, an ACL
#   resource (aws_s3_bucket_acl), or a canned ACL or grant other than the
#   owner-only private and bucket-owner-full-control, which S3 rejects
#   unless ACLs are enabled (CloudFormation AccessControl is such a canned
#   ACL). One finding per bucket, at the first of these it finds. An
#   ownership controls or ACL resource of a bucket outside the scan is
#   checked on its own: ownership ObjectWriter or BucketOwnerPreferred, or
#   an ACL that S3 accepts only with ACLs enabled (a canned ACL other than
#   the owner-only ones, a grant to a group or of less than FULL_CONTROL),
#   is a finding at that attribute of the resource.
# custom:
#   id: aws-s3-acls-enabled
#   severity: MEDIUM
#   kind: security
#   fsbp: [S3.12]
#   collections: [aws.s3.buckets, aws.s3.bucket_settings, aws.s3.bucket_acls]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_ownership_controls, aws_s3_bucket_acl, AWS::S3::Bucket]
#   remediation:
#     terraform: |
#       Remove the `aws_s3_bucket_acl` resource (and the bucket's `acl`/`grant`) and disable ACLs:
#       ```hcl
#       # before
#       resource "aws_s3_bucket_ownership_controls" "this" {
#         bucket = aws_s3_bucket.this.id
#         rule { object_ownership = "ObjectWriter" }
#       }
#       # after
#       resource "aws_s3_bucket_ownership_controls" "this" {
#         bucket = aws_s3_bucket.this.id
#         rule { object_ownership = "BucketOwnerEnforced" }
#       }
#       ```
#       Grant access with a bucket policy instead (log delivery too: allow the
#       `logging.s3.amazonaws.com` service principal).
#     cloudformation: |
#       Remove `AccessControl` and disable ACLs:
#       ```yaml
#       # before
#       AccessControl: LogDeliveryWrite
#       OwnershipControls:
#         Rules:
#           - ObjectOwnership: ObjectWriter
#       # after
#       OwnershipControls:
#         Rules:
#           - ObjectOwnership: BucketOwnerEnforced
#       ```
#       Grant access with an `AWS::S3::BucketPolicy` instead.
package seclint.aws.s3.acls_enabled

import data.seclint.lib

# Object ownership settings that keep ACLs in force.
acl_ownership := {"ObjectWriter", "BucketOwnerPreferred"}

# Canned ACLs that a bucket with ACLs disabled still accepts: they give the
# bucket owner full control and nobody else anything.
owner_only_acls := {"private", "bucket-owner-full-control"}

deny contains finding if {
	some bucket in input.aws.s3.buckets
	[attribute, message] := reason(bucket)
	finding := {"resource": bucket.id, "attribute": attribute, "message": message}
}

reason(bucket) := ["object_ownership", msg] if {
	bucket.object_ownership in acl_ownership
	msg := sprintf("Bucket %s sets object ownership to %s, which keeps ACLs enabled; set it to BucketOwnerEnforced and grant access with policies.", [bucket.id, bucket.object_ownership])
} else := ["acls[0]", msg] if {
	count(bucket.acls) > 0
	msg := sprintf("Bucket %s has an ACL resource (%s) attached; remove it, set object ownership to BucketOwnerEnforced and grant access with policies.", [bucket.id, bucket.acls[0]])
} else := ["acl", msg] if {
	not owner_enforced(bucket)
	lib.known_not_in(bucket.acl, owner_only_acls)
	msg := sprintf("Bucket %s uses the canned ACL %q, which needs ACLs enabled; remove it, keep object ownership BucketOwnerEnforced and grant access with policies.", [bucket.id, bucket.acl])
} else := ["grants[0]", msg] if {
	not owner_enforced(bucket)
	count(bucket.grants) > 0
	msg := sprintf("Bucket %s has ACL grants, which need ACLs enabled; remove them, keep object ownership BucketOwnerEnforced and grant access with policies.", [bucket.id])
}

# Sub-resources whose bucket is not in the scan: what they say is all the
# scan knows of the bucket. A linked one is checked through its bucket above.
deny contains finding if {
	some settings in input.aws.s3.bucket_settings
	not settings.bucket_ref
	settings.object_ownership in acl_ownership
	msg := sprintf("Ownership controls %s of %s set object ownership to %s, which keeps ACLs enabled; set it to BucketOwnerEnforced and grant access with policies.", [settings.id, lib.target_name(settings), settings.object_ownership])
	finding := {"resource": settings.id, "attribute": "object_ownership", "message": msg}
}

deny contains finding if {
	some acl in input.aws.s3.bucket_acls
	not acl.bucket_ref
	[attribute, message] := orphan_acl_reason(acl)
	finding := {"resource": acl.id, "attribute": attribute, "message": message}
}

# An ACL resource alone does not show that ACLs are enabled (S3 accepts an
# owner-only ACL on a bucket with ACLs disabled), so only an ACL that S3
# would reject there counts.
orphan_acl_reason(acl) := ["acl", msg] if {
	lib.known_not_in(acl.acl, owner_only_acls)
	msg := sprintf("ACL %s of %s sets the canned ACL %q, which needs ACLs enabled on the bucket; remove it, set object ownership to BucketOwnerEnforced and grant access with policies.", [acl.id, lib.target_name(acl), acl.acl])
} else := [sprintf("grants[%d]", [i]), msg] if {
	# The first such grant: one finding per ACL resource.
	i := min({j | some j, grant in acl.grants; needs_acls(grant)})
	msg := sprintf("ACL %s of %s grants access to someone other than the bucket owner, which needs ACLs enabled on the bucket; remove it, set object ownership to BucketOwnerEnforced and grant access with policies.", [acl.id, lib.target_name(acl)])
}

# A grant to a group, or of a known permission short of FULL_CONTROL, is not
# the owner's full control, the one grant a bucket with ACLs disabled keeps.
needs_acls(grant) if is_string(grant.uri)

needs_acls(grant) if {
	is_string(grant.permission)
	grant.permission != "FULL_CONTROL"
}

# With ownership known to be BucketOwnerEnforced a canned ACL or grant is
# rejected at deploy time: ACLs stay disabled.
owner_enforced(bucket) if bucket.object_ownership == "BucketOwnerEnforced"
