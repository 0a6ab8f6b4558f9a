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
	finding := lib.finding(bucket, "", sprintf("Bucket %s has no default encryption, so S3 uses SSE-S3; configure SSE-KMS (aws:kms) with a customer managed key.", [bucket.id]))
}

deny contains finding if {
	some bucket in input.aws.s3.buckets
	bucket.encryption.algorithm == "AES256"
	finding := lib.finding(bucket, "encryption.algorithm", sprintf("Bucket %s uses SSE-S3 (AES256) for default encryption; use SSE-KMS (aws:kms) with a customer managed key.", [bucket.id]))
}

# A configuration with no default rule (no algorithm) also leaves SSE-S3.
deny contains finding if {
	some bucket in input.aws.s3.buckets
	bucket.encryption
	lib.absent(bucket.encryption, "algorithm")
	finding := lib.finding(bucket, "encryption", sprintf("Bucket %s sets no default encryption algorithm, so S3 uses SSE-S3; configure SSE-KMS (aws:kms) with a customer managed key.", [bucket.id]))
}
