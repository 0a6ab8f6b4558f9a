# METADATA
# title: S3 bucket has no server access logging
# description: |
#   Server access logs record every request made to a bucket (requester,
#   operation, key, source IP, response), including anonymous and denied
#   requests that CloudTrail data events do not show; without them an
#   incident on the bucket cannot be reconstructed. The rule fires on a
#   bucket with no logging configuration. A bucket that is itself the log
#   destination of another bucket of the scan (by reference or by its known
#   name, as the linking step records in logged_by) does not need logs of its
#   own; a bucket that logs to itself, or to
#   a destination that is not known, has logging.
# custom:
#   id: aws-s3-access-logging
#   severity: LOW
#   kind: security
#   fsbp: [S3.9]
#   collections: [aws.s3.buckets]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_logging, AWS::S3::Bucket]
#   remediation:
#     terraform: |
#       ```hcl
#       # before
#       resource "aws_s3_bucket" "data" {
#         bucket = "acme-data"
#       }
#       # after: the same bucket, plus
#       resource "aws_s3_bucket_logging" "data" {
#         bucket        = aws_s3_bucket.data.id
#         target_bucket = aws_s3_bucket.access_logs.id
#         target_prefix = "data/"
#       }
#       ```
#       The log bucket's policy must allow the `logging.s3.amazonaws.com` service principal to put objects.
#     cloudformation: |
#       ```yaml
#       # before
#       DataBucket:
#         Type: AWS::S3::Bucket
#       # after
#       DataBucket:
#         Type: AWS::S3::Bucket
#         Properties:
#           LoggingConfiguration:
#             DestinationBucketName: !Ref AccessLogBucket
#             LogFilePrefix: data/
#       ```
#       The log bucket's policy must allow the `logging.s3.amazonaws.com` service principal to put objects.
package seclint.aws.s3.access_logging

import data.seclint.lib

deny contains finding if {
	some bucket in input.aws.s3.buckets
	not bucket.logging
	count(bucket.logged_by) == 0
	finding := {"resource": bucket.id, "attribute": "", "message": sprintf("Bucket %s has no server access logging; deliver its access logs to a log bucket.", [bucket.id])}
}
