# METADATA
# title: S3 public access block is relaxed
# description: |
#   Block Public Access is the guard that keeps a bucket private even when an
#   ACL or bucket policy says otherwise. New buckets have all four settings on
#   since April 2023, so a bucket with no public access block is fine; this rule
#   fires when a public access block is declared and turns a setting off. A
#   setting that the block omits is off: the S3 API and the Terraform provider
#   default omitted settings to false. An account-level block in the same scan
#   that turns the setting on covers the bucket.
# custom:
#   id: aws-s3-block-public-access
#   severity: HIGH
#   kind: security
#   fsbp: [S3.1, S3.8]
#   collections: [aws.s3.buckets]
#   resource_types: [aws_s3_bucket_public_access_block, aws_s3_account_public_access_block, AWS::S3::Bucket]
#   remediation:
#     terraform: |
#       Set all four settings to true:
#       ```hcl
#       resource "aws_s3_bucket_public_access_block" "this" {
#         bucket                  = aws_s3_bucket.this.id
#         block_public_acls       = true
#         ignore_public_acls      = true
#         block_public_policy     = true
#         restrict_public_buckets = true
#       }
#       ```
#     cloudformation: |
#       ```yaml
#       PublicAccessBlockConfiguration:
#         BlockPublicAcls: true
#         IgnorePublicAcls: true
#         BlockPublicPolicy: true
#         RestrictPublicBuckets: true
#       ```
package seclint.aws.s3.block_public_access

import data.seclint.lib

flags := {
	"block_public_acls": "BlockPublicAcls",
	"ignore_public_acls": "IgnorePublicAcls",
	"block_public_policy": "BlockPublicPolicy",
	"restrict_public_buckets": "RestrictPublicBuckets",
}

deny contains finding if {
	some bucket in input.aws.s3.buckets
	block := bucket.public_access_block
	some flag, name in flags
	lib.is_false(block[flag])
	not account_blocks(flag)
	finding := lib.finding(
		bucket,
		lib.path(["public_access_block", flag]),
		sprintf("Bucket %s turns off %s in its public access block; set it to true.", [bucket.id, name]),
	)
}

account_blocks(flag) if {
	some block in input.aws.s3.account_public_access_blocks
	lib.is_true(block[flag])
}
