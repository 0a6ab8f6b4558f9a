# METADATA
# title: S3 bucket ACL grants public access
# description: |
#   A canned ACL of public-read, public-read-write or authenticated-read, or an
#   explicit grant to the AllUsers or AuthenticatedUsers group, gives anyone on
#   the internet (or any AWS account holder) access to the bucket. Write access
#   is CRITICAL; read access is HIGH. Since April 2023 new buckets disable ACLs
#   (BucketOwnerEnforced) and block public ACLs, so such an ACL either fails to
#   deploy or only takes effect because those protections were turned off as
#   well; either way the intent is a public bucket. The rule stays silent when
#   the bucket's (or the account's) public access block sets IgnorePublicAcls,
#   because S3 then ignores the ACL.
# custom:
#   id: aws-s3-public-acl
#   severity: CRITICAL
#   kind: security
#   fsbp: [S3.2, S3.3]
#   collections: [aws.s3.buckets]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_acl, AWS::S3::Bucket]
#   remediation:
#     terraform: |
#       Remove the public ACL and keep ACLs disabled:
#       ```hcl
#       resource "aws_s3_bucket_ownership_controls" "this" {
#         bucket = aws_s3_bucket.this.id
#         rule { object_ownership = "BucketOwnerEnforced" }
#       }
#       ```
#       Serve public content through CloudFront with origin access control instead.
#     cloudformation: |
#       Remove `AccessControl` (or set it to `Private`) and set
#       `OwnershipControls: {Rules: [{ObjectOwnership: BucketOwnerEnforced}]}`.
#       Serve public content through CloudFront with origin access control instead.
package seclint.aws.s3.public_acl

import data.seclint.lib

# Canned ACLs that open the bucket, with the severity of what they open.
public_canned := {
	"public-read": "HIGH",
	"public-read-write": "CRITICAL",
	"authenticated-read": "HIGH",
}

public_groups := {
	"http://acs.amazonaws.com/groups/global/AllUsers": "everyone",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers": "any AWS account holder",
}

write_permissions := {"WRITE", "WRITE_ACP", "FULL_CONTROL"}

deny contains finding if {
	some bucket in input.aws.s3.buckets
	sev := public_canned[bucket.acl]
	not acls_ignored(bucket)
	finding := object.union(
		lib.finding(bucket, "acl", sprintf("Bucket %s has the public canned ACL %q; remove it and keep ACLs disabled (BucketOwnerEnforced).", [bucket.id, bucket.acl])),
		{"severity": sev},
	)
}

deny contains finding if {
	some bucket in input.aws.s3.buckets
	some i, grant in bucket.grants
	who := public_groups[grant.uri]
	not acls_ignored(bucket)
	sev := grant_severity(grant.permission)
	finding := object.union(
		lib.finding(bucket, lib.path(["grants", i]), sprintf("Bucket %s grants %s to %s; remove the grant and keep ACLs disabled (BucketOwnerEnforced).", [bucket.id, grant.permission, who])),
		{"severity": sev},
	)
}

grant_severity(p) := "CRITICAL" if p in write_permissions

# An unknown permission still grants something to the public group; report
# it at the lower severity rather than stay silent about a known public grantee.
grant_severity(p) := "HIGH" if not p in write_permissions

# S3 ignores ACLs when IgnorePublicAcls is known true on the bucket or account.
acls_ignored(bucket) if lib.is_true(bucket.public_access_block.ignore_public_acls)

acls_ignored(_) if {
	some block in input.aws.s3.account_public_access_blocks
	lib.is_true(block.ignore_public_acls)
}
