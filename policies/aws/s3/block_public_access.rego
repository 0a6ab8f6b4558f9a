# METADATA
# title: S3 public access block is relaxed
# description: |
#   Block Public Access is the guard that keeps a bucket private even when an
#   ACL or bucket policy says otherwise. New buckets have all four settings on
#   since April 2023, so a bucket with no public access block is fine; this rule
#   fires when a public access block is declared and turns a setting off. A
#   setting that the block omits is off: the S3 API and the Terraform provider
#   default omitted settings to false. An account-level block in the same scan
#   that turns the setting on covers the bucket. A block declared as a
#   resource of its own (aws_s3_bucket_public_access_block) is checked
#   whether or not its bucket is in the scan, and every block of a bucket is.
# custom:
#   id: aws-s3-block-public-access
#   severity: HIGH
#   kind: security
#   fsbp: [S3.1, S3.8]
#   collections: [aws.s3.buckets, aws.s3.public_access_blocks]
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

# A block declared inside the bucket (CloudFormation).
deny contains finding if {
	some bucket in input.aws.s3.buckets
	some flag, name in flags
	lib.is_false(bucket.public_access_block[flag])
	not flag in lib.account_blocked_flags
	finding := {
		"resource": bucket.id,
		"attribute": sprintf("public_access_block.%s", [flag]),
		"message": sprintf("Bucket %s turns off %s in its public access block; set it to true.", [bucket.id, name]),
	}
}

# A block declared as a resource of its own, of a bucket in the scan or not.
deny contains finding if {
	some block in input.aws.s3.public_access_blocks
	some flag, name in flags
	lib.is_false(block[flag])
	not flag in lib.account_blocked_flags
	finding := {
		"resource": block.id,
		"attribute": flag,
		"message": sprintf("Public access block %s turns off %s for %s; set it to true.", [block.id, name, lib.target_name(block)]),
	}
}
