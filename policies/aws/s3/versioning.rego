# METADATA
# title: S3 bucket versioning is not enabled
# description: |
#   Without versioning an overwrite or a delete destroys the object for good,
#   whether it was a mistake, a faulty deployment or an attacker (ransomware
#   that rewrites objects in place); with versioning the previous versions
#   stay recoverable. The rule fires when a bucket has no versioning
#   configuration or one whose status is Suspended or Disabled. A bucket with
#   Object Lock enabled is versioned automatically and cannot be suspended,
#   so it never fires. Security Hub's matching control, S3.14, belongs to the
#   NIST 800-53 standard, not to Foundational Security Best Practices.
# custom:
#   id: aws-s3-versioning
#   severity: LOW
#   kind: security
#   collections: [aws.s3.buckets]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_versioning, AWS::S3::Bucket]
#   remediation:
#     terraform: |
#       ```hcl
#       # before
#       resource "aws_s3_bucket_versioning" "this" {
#         bucket = aws_s3_bucket.this.id
#         versioning_configuration { status = "Suspended" }
#       }
#       # after
#       resource "aws_s3_bucket_versioning" "this" {
#         bucket = aws_s3_bucket.this.id
#         versioning_configuration { status = "Enabled" }
#       }
#       ```
#       Add a lifecycle rule that expires noncurrent versions to bound the cost.
#     cloudformation: |
#       ```yaml
#       # before
#       VersioningConfiguration:
#         Status: Suspended
#       # after
#       VersioningConfiguration:
#         Status: Enabled
#       ```
#       Add a lifecycle rule that expires noncurrent versions to bound the cost.
package seclint.aws.s3.versioning

import data.seclint.lib

deny contains finding if {
	some bucket in input.aws.s3.buckets
	not bucket.versioning
	not maybe_object_lock(bucket)
	finding := {"resource": bucket.id, "attribute": "", "message": sprintf("Bucket %s has no versioning; enable it so that overwritten and deleted objects can be recovered.", [bucket.id])}
}

deny contains finding if {
	some bucket in input.aws.s3.buckets
	status := bucket.versioning.status
	status in {"Suspended", "Disabled"}
	not maybe_object_lock(bucket)
	finding := {"resource": bucket.id, "attribute": "versioning.status", "message": sprintf("Bucket %s has versioning %s; set its status to Enabled so that overwritten and deleted objects can be recovered.", [bucket.id, status])}
}

# Object Lock turns versioning on and keeps it on (S3 user guide, Object Lock). An unknown
# Object Lock setting may be that, so it silences the rule too.
maybe_object_lock(bucket) if lib.is_true(bucket.object_lock.enabled)

maybe_object_lock(bucket) if lib.is_unknown(bucket.object_lock.enabled)
