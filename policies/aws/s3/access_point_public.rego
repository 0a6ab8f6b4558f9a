# METADATA
# title: S3 access point can be public
# description: |
#   An access point is a separate entry point to a bucket with its own
#   policy and its own block public access settings. AWS turns all four
#   settings on for a new access point (the Terraform provider defaults each
#   omitted flag to true); this rule fires when one is turned off and nothing
#   else in the scan turns it back on: requests through an access point are
#   also checked against the bucket's and the account's block public access,
#   and any of them blocks, so a bucket of the scan with that flag on (or
#   with no public access block, which has every flag on for buckets created
#   since April 2023) or an account-level block with it on covers the access
#   point. It also fires when an access point reachable from the internet
#   (no VPC configuration) has a policy that allows any principal ("*") with
#   no condition that narrows the callers.
# custom:
#   id: aws-s3-access-point-public
#   severity: MEDIUM
#   kind: security
#   collections: [aws.s3.access_points]
#   resource_types: [aws_s3_access_point, aws_s3control_access_point_policy, AWS::S3::AccessPoint]
#   remediation:
#     terraform: |
#       Keep every block public access setting on, and limit the access point to a VPC:
#       ```hcl
#       # before
#       public_access_block_configuration {
#         block_public_policy     = false
#         restrict_public_buckets = false
#       }
#       # after
#       resource "aws_s3_access_point" "this" {
#         bucket = aws_s3_bucket.this.id
#         name   = "reports"
#         public_access_block_configuration {
#           block_public_acls       = true
#           ignore_public_acls      = true
#           block_public_policy     = true
#           restrict_public_buckets = true
#         }
#         vpc_configuration {
#           vpc_id = aws_vpc.main.id
#         }
#       }
#       ```
#     cloudformation: |
#       Keep every block public access setting on, and limit the access point to a VPC:
#       ```yaml
#       # before
#       PublicAccessBlockConfiguration:
#         BlockPublicPolicy: false
#       # after
#       PublicAccessBlockConfiguration:
#         BlockPublicAcls: true
#         IgnorePublicAcls: true
#         BlockPublicPolicy: true
#         RestrictPublicBuckets: true
#       VpcConfiguration:
#         VpcId: !Ref Vpc
#       ```
package seclint.aws.s3.access_point_public

import data.seclint.lib

flags := {
	"block_public_acls": "BlockPublicAcls",
	"ignore_public_acls": "IgnorePublicAcls",
	"block_public_policy": "BlockPublicPolicy",
	"restrict_public_buckets": "RestrictPublicBuckets",
}

deny contains finding if {
	some ap in input.aws.s3.access_points
	some flag, name in flags
	lib.is_false(ap.public_access_block[flag])
	not blocked_elsewhere(ap, flag)
	finding := {
		"resource": ap.id,
		"attribute": sprintf("public_access_block.%s", [flag]),
		"message": sprintf("Access point %s turns off %s and neither its bucket nor the account blocks it in this scan; set it to true.", [ap.id, name]),
	}
}

deny contains finding if {
	some ap in input.aws.s3.access_points
	ap.network_origin == "Internet"
	some k, id in ap.policies
	p := lib.policies_by_id[id]
	names := sort([name |
		some i, s in p.statements
		public_statement(s)
		name := lib.statement_name(p, s, i)
	])
	count(names) > 0
	finding := {
		"resource": ap.id,
		"attribute": sprintf("policies[%d]", [k]),
		"message": sprintf("Access point %s is reachable from the internet and %s allows any principal; restrict the access point to a VPC or name the principals.", [ap.id, names[0]]),
	}
}

public_statement(s) if {
	lib.allows(s)
	some p in s.principals
	lib.is_public_principal(p)
	not lib.narrowed(s)
}

# The bucket's and the account's block public access apply to requests
# through the access point too (S3 user guide, access points and Block Public Access).
blocked_elsewhere(_, flag) if flag in lib.account_blocked_flags

blocked_elsewhere(ap, flag) if lib.bucket_blocks(lib.buckets_by_id[ap.bucket_ref], flag)

# A bucket of the scan with no public access block has all four flags on.
blocked_elsewhere(ap, _) if lib.no_public_access_block(lib.buckets_by_id[ap.bucket_ref])
