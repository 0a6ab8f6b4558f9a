# METADATA
# title: CloudTrail log bucket does not protect logs from deletion
# description: |
#   Whoever can delete objects in the bucket that receives a trail's logs
#   can erase the record of what they did; log file validation shows that
#   files are missing but cannot bring them back. S3 Object Lock (with a
#   default retention) keeps every log version for the retention period,
#   and versioning with MFA delete makes deleting a version need the root
#   user's MFA device. The rule fires on a bucket of the scan that a trail
#   delivers to (by reference or by its known name) when it has neither
#   Object Lock enabled nor versioning with MFA delete Enabled. An unknown
#   Object Lock or MFA delete setting never makes it fire, and a log bucket
#   outside the scan is not checked. CloudFormation cannot set MFA delete,
#   so there Object Lock is the way.
# custom:
#   id: aws-cloudtrail-log-bucket-protected
#   severity: MEDIUM
#   kind: security
#   collections: [aws.cloudtrail.trails]
#   resource_types: [aws_cloudtrail, aws_s3_bucket, aws_s3_bucket_versioning, aws_s3_bucket_object_lock_configuration, AWS::CloudTrail::Trail, AWS::S3::Bucket]
#   remediation:
#     terraform: |
#       Object Lock can only be turned on when the bucket is created:
#       ```hcl
#       resource "aws_s3_bucket" "trail" {
#         bucket              = "acme-cloudtrail"
#         object_lock_enabled = true
#       }
#
#       resource "aws_s3_bucket_object_lock_configuration" "trail" {
#         bucket = aws_s3_bucket.trail.id
#         rule {
#           default_retention {
#             mode = "GOVERNANCE" # or COMPLIANCE
#             days = 365
#           }
#         }
#       }
#       ```
#       Or enable MFA delete on the bucket's versioning (mfa_delete =
#       "Enabled", applied with the root user's MFA device).
#     cloudformation: |
#       Object Lock can only be turned on when the bucket is created:
#       ```yaml
#       TrailBucket:
#         Type: AWS::S3::Bucket
#         Properties:
#           ObjectLockEnabled: true
#           ObjectLockConfiguration:
#             ObjectLockEnabled: Enabled
#             Rule:
#               DefaultRetention:
#                 Mode: GOVERNANCE
#                 Days: 365
#       ```
package seclint.aws.cloudtrail.log_bucket_protected

import data.seclint.lib

deny contains finding if {
	some bucket_id, trail_ids in _trails_by_bucket
	bucket := lib.buckets_by_id[bucket_id]
	not _protected(bucket)
	finding := {"resource": bucket.id, "attribute": _path(bucket), "message": sprintf("Bucket %s receives the CloudTrail logs of %s but does not protect them from deletion; enable Object Lock with a default retention, or versioning with MFA delete.", [bucket.id, concat(", ", sort(trail_ids))])}
}

# The trails of the scan by the ID of the bucket of the scan they log to.
_trails_by_bucket[bucket_id] contains trail.id if {
	some trail in input.aws.cloudtrail.trails
	bucket_id := trail.bucket_ref
	bucket_id != ""
}

# Object Lock enabled, or possibly (unknown).
_protected(bucket) if lib.is_true(bucket.object_lock.enabled)

_protected(bucket) if lib.is_unknown(bucket.object_lock.enabled)

_protected(bucket) if bucket.versioning.mfa_delete == "Enabled"

_protected(bucket) if lib.is_unknown(bucket.versioning.mfa_delete)

_path(bucket) := "versioning.mfa_delete" if bucket.versioning

_path(bucket) := "" if not bucket.versioning
