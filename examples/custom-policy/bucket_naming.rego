# METADATA
# title: S3 bucket names must carry the team prefix
# description: |
#   Acme names every bucket "acme-<team>-<purpose>", so that ownership and
#   cost allocation follow from the name. A bucket with a known name that
#   lacks the prefix is reported; a name computed at deploy time is not.
# custom:
#   id: acme-s3-bucket-prefix
#   severity: LOW
#   kind: security
#   collections: [aws.s3.buckets]
#   resource_types: [aws_s3_bucket, AWS::S3::Bucket]
#   remediation:
#     terraform: |
#       ```hcl
#       resource "aws_s3_bucket" "logs" {
#         bucket = "acme-platform-logs"
#       }
#       ```
#     cloudformation: |
#       ```yaml
#       Logs:
#         Type: AWS::S3::Bucket
#         Properties:
#           BucketName: acme-platform-logs
#       ```
# schemas:
#   - input: schema.model
package acme.s3.bucket_prefix

import data.seclint.lib

deny contains finding if {
	some bucket in input.aws.s3.buckets
	is_string(bucket.name) # a known name; unknown names never fire
	not startswith(bucket.name, "acme-")
	finding := lib.finding(bucket, "name", sprintf("Bucket %s is named %q; name it acme-<team>-<purpose>.", [bucket.id, bucket.name]))
}
