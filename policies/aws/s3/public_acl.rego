# METADATA
# title: S3 bucket or object ACL grants public access
# description: |
#   A canned ACL of public-read, public-read-write or authenticated-read, or an
#   explicit grant to the AllUsers or AuthenticatedUsers group, gives anyone on
#   the internet (or any AWS account holder) access to the bucket, or to an
#   object that Terraform uploads or copies (aws_s3_object, the deprecated
#   aws_s3_bucket_object, aws_s3_object_copy; CloudFormation has no object
#   resource). Write access is CRITICAL; read access is HIGH. Since April 2023 new buckets disable ACLs
#   (BucketOwnerEnforced) and block public ACLs, so such an ACL either fails to
#   deploy or only takes effect because those protections were turned off as
#   well; either way the intent is a public bucket. The rule stays silent when
#   the bucket's (or the account's) public access block sets IgnorePublicAcls,
#   because S3 then ignores the ACL. An ACL declared as a resource of its
#   own (aws_s3_bucket_acl) and an object's ACL are checked whether or not
#   the bucket is in the scan.
# custom:
#   id: aws-s3-public-acl
#   severity: CRITICAL
#   kind: security
#   fsbp: [S3.2, S3.3]
#   collections: [aws.s3.buckets, aws.s3.bucket_acls, aws.s3.objects]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_acl, aws_s3_object, aws_s3_bucket_object, aws_s3_object_copy, AWS::S3::Bucket]
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
#       For an object, remove `acl` (or set it to `private`) and its public grants.
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

# acl_holders are the objects that carry a canned ACL and grants: buckets
# (inline acl, grant, CloudFormation AccessControl), ACL resources and
# uploaded objects, with the bucket whose public access block applies
# (absent when not in the scan). An ACL resource is not merged into its bucket, so each ACL is
# reported once, where it is written.
acl_holders contains [bucket, bucket] if some bucket in input.aws.s3.buckets

acl_holders contains [acl, bucket] if {
	some acl in input.aws.s3.bucket_acls
	bucket := object.get(lib.buckets_by_id, object.get(acl, "bucket_ref", ""), {})
}

acl_holders contains [obj, bucket] if {
	some obj in input.aws.s3.objects
	bucket := object.get(lib.buckets_by_id, object.get(obj, "bucket_ref", ""), {})
}

deny contains finding if {
	some [holder, bucket] in acl_holders
	sev := public_canned[holder.acl]
	not acls_ignored(bucket)
	finding := object.union(
		{"resource": holder.id, "attribute": "acl", "message": sprintf("%s has the public canned ACL %q; remove it and keep ACLs disabled (BucketOwnerEnforced).", [subject(holder), holder.acl])},
		{"severity": sev},
	)
}

deny contains finding if {
	some [holder, bucket] in acl_holders
	some i, grant in holder.grants
	who := public_groups[grant.uri]
	not acls_ignored(bucket)
	sev := grant_severity(grant.permission)
	finding := object.union(
		{"resource": holder.id, "attribute": sprintf("grants[%d]", [i]), "message": sprintf("%s grants %s to %s; remove the grant and keep ACLs disabled (BucketOwnerEnforced).", [subject(holder), grant.permission, who])},
		{"severity": sev},
	)
}

subject(holder) := sprintf("Bucket %s", [holder.id]) if {
	not holder.target
} else := sprintf("Object %s in %s", [holder.id, lib.target_name(holder)]) if {
	_is_object(holder)
} else := sprintf("ACL %s of %s", [holder.id, lib.target_name(holder)])

_is_object(holder) if holder.type in {"aws_s3_object", "aws_s3_bucket_object", "aws_s3_object_copy"}

grant_severity(p) := "CRITICAL" if p in write_permissions

# An unknown permission still grants something to the public group; report
# it at the lower severity rather than stay silent about a known public grantee.
grant_severity(p) := "HIGH" if not p in write_permissions

# S3 ignores ACLs when IgnorePublicAcls is known true on the bucket or account.
acls_ignored(bucket) if lib.bucket_blocks(bucket, "ignore_public_acls")

acls_ignored(_) if "ignore_public_acls" in lib.account_blocked_flags
