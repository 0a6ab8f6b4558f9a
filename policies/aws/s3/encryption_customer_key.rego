# METADATA
# title: S3 bucket default encryption is SSE-S3, not SSE-KMS
# description: |
#   Every bucket is encrypted at rest: since January 2023 a bucket with no
#   default encryption configuration gets SSE-S3 (AES256). With SSE-S3 S3
#   holds the keys and anyone allowed to read an object gets it decrypted;
#   with SSE-KMS (aws:kms or aws:kms:dsse) every use of the key is recorded in
#   CloudTrail and a key policy can limit who can decrypt, independently of
#   the bucket policy. The rule fires on a bucket with no default encryption
#   or with AES256; an unknown algorithm is never a finding. Security Hub's
#   matching control, S3.17, is not part of Foundational Security Best
#   Practices.
#
#   Log buckets whose delivery supports only SSE-S3 are left alone. The
#   access logs of an Application (and a Classic) Load Balancer can be
#   delivered only to a bucket encrypted with SSE-S3 (ELB user guides,
#   "Enable access logs": "The only server-side encryption option that's
#   supported is Amazon S3-managed keys (SSE-S3)"), so a bucket that such a
#   load balancer of the scan sends its access logs to is not reported. A
#   Network Load Balancer's access logs also support SSE-KMS with a
#   customer managed key (NLB user guide, "Access logs"), so its bucket is
#   still reported.
#   For S3 server access logs the S3 user guide ("Enabling Amazon S3 server
#   access logging", last version read) says that the destination bucket
#   may use default encryption only with SSE-S3, and that SSE-KMS is not
#   supported, so a bucket that receives the server access logs of a
#   bucket of the scan is not reported either. (The AWS CDK team reports
#   SSE-KMS with a customer managed key working when its key policy lets
#   logging.s3.amazonaws.com use it; seclint follows the user guide.)
# custom:
#   id: aws-s3-encryption-customer-key
#   severity: LOW
#   kind: security
#   collections: [aws.s3.buckets]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_server_side_encryption_configuration, AWS::S3::Bucket]
#   remediation:
#     terraform: |
#       ```hcl
#       # before
#       apply_server_side_encryption_by_default {
#         sse_algorithm = "AES256"
#       }
#       # after
#       resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
#         bucket = aws_s3_bucket.this.id
#         rule {
#           apply_server_side_encryption_by_default {
#             sse_algorithm     = "aws:kms"
#             kms_master_key_id = aws_kms_key.s3.arn
#           }
#           bucket_key_enabled = true
#         }
#       }
#       ```
#     cloudformation: |
#       ```yaml
#       # before
#       BucketEncryption:
#         ServerSideEncryptionConfiguration:
#           - ServerSideEncryptionByDefault:
#               SSEAlgorithm: AES256
#       # after
#       BucketEncryption:
#         ServerSideEncryptionConfiguration:
#           - ServerSideEncryptionByDefault:
#               SSEAlgorithm: aws:kms
#               KMSMasterKeyID: !GetAtt BucketKey.Arn
#             BucketKeyEnabled: true
#       ```
package seclint.aws.s3.encryption_customer_key

import data.seclint.lib

deny contains finding if {
	some bucket in input.aws.s3.buckets
	not bucket.encryption
	not _sse_s3_only(bucket)
	finding := {"resource": bucket.id, "attribute": "", "message": sprintf("Bucket %s has no default encryption, so S3 uses SSE-S3; configure SSE-KMS (aws:kms) with a customer managed key.", [bucket.id])}
}

deny contains finding if {
	some bucket in input.aws.s3.buckets
	bucket.encryption.algorithm == "AES256"
	not _sse_s3_only(bucket)
	finding := {"resource": bucket.id, "attribute": "encryption.algorithm", "message": sprintf("Bucket %s uses SSE-S3 (AES256) for default encryption; use SSE-KMS (aws:kms) with a customer managed key.", [bucket.id])}
}

# A configuration with no default rule (no algorithm) also leaves SSE-S3.
deny contains finding if {
	some bucket in input.aws.s3.buckets
	bucket.encryption
	lib.absent(bucket.encryption, "algorithm")
	not _sse_s3_only(bucket)
	finding := {"resource": bucket.id, "attribute": "encryption", "message": sprintf("Bucket %s sets no default encryption algorithm, so S3 uses SSE-S3; configure SSE-KMS (aws:kms) with a customer managed key.", [bucket.id])}
}

# _sse_s3_only(bucket): the bucket receives logs whose delivery supports
# only SSE-S3 (see the description).
_sse_s3_only(bucket) if lib.sse_s3_only_lb_log_destination(bucket)

_sse_s3_only(bucket) if lib.server_access_log_destination(bucket)
