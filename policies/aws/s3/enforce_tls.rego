# METADATA
# title: S3 bucket policy does not deny plain-HTTP requests
# description: |
#   S3 accepts requests over plain HTTP unless the bucket policy denies them,
#   and over HTTP credentials-signed requests and the data they carry can be
#   read and replayed on the network (only SSE-C requests are refused over
#   HTTP anyway). The rule fires when no policy of the bucket has a Deny
#   statement for every principal ("*") on all S3 actions ("s3:*" or "*")
#   with the condition Bool (or BoolIfExists) aws:SecureTransport = false. A
#   deny on s3:TlsVersion does not count: plain-HTTP requests carry no TLS
#   version, so NumericLessThan never matches them. A policy whose
#   statements cannot be read is assumed to have the statement.
# custom:
#   id: aws-s3-enforce-tls
#   severity: MEDIUM
#   kind: security
#   fsbp: [S3.5]
#   collections: [aws.s3.buckets]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_policy, AWS::S3::Bucket, AWS::S3::BucketPolicy]
#   remediation:
#     terraform: |
#       Add the statement to the bucket policy:
#       ```hcl
#       # before: a bucket policy with only Allow statements
#       # after
#       statement {
#         sid       = "DenyInsecureTransport"
#         effect    = "Deny"
#         actions   = ["s3:*"]
#         resources = [aws_s3_bucket.this.arn, "${aws_s3_bucket.this.arn}/*"]
#         principals {
#           type        = "*"
#           identifiers = ["*"]
#         }
#         condition {
#           test     = "Bool"
#           variable = "aws:SecureTransport"
#           values   = ["false"]
#         }
#       }
#       ```
#     cloudformation: |
#       Add the statement to the bucket's `AWS::S3::BucketPolicy`:
#       ```yaml
#       # before: a bucket policy with only Allow statements
#       # after
#       - Sid: DenyInsecureTransport
#         Effect: Deny
#         Principal: "*"
#         Action: s3:*
#         Resource:
#           - !GetAtt Bucket.Arn
#           - !Sub "${Bucket.Arn}/*"
#         Condition:
#           Bool:
#             aws:SecureTransport: "false"
#       ```
package seclint.aws.s3.enforce_tls

import data.seclint.lib

deny contains finding if {
	some bucket in input.aws.s3.buckets
	count(bucket.policies) == 0
	finding := {"resource": bucket.id, "attribute": "", "message": sprintf("Bucket %s has no bucket policy denying plain-HTTP requests; add a Deny statement on s3:* for aws:SecureTransport = false.", [bucket.id])}
}

deny contains finding if {
	some bucket in input.aws.s3.buckets
	count(bucket.policies) > 0
	not maybe_enforced(bucket)
	finding := {"resource": bucket.id, "attribute": "policies[0]", "message": sprintf("No statement in the policy of bucket %s denies plain-HTTP requests; add a Deny statement on s3:* for aws:SecureTransport = false.", [bucket.id])}
}

# maybe_enforced(bucket): some statement of the bucket's policies is, or for
# all that is known may be, the TLS deny.
maybe_enforced(bucket) if {
	some p in lib.policies_of(bucket)
	p.statements_unknown == true
}

maybe_enforced(bucket) if {
	some p in lib.policies_of(bucket)
	some s in p.statements
	maybe_deny(s)
	maybe_all_actions(s)
	maybe_everyone(s)
	maybe_insecure_transport(s)
}

maybe_deny(s) if lib.denies(s)

maybe_deny(s) if lib.is_unknown(s.effect)

maybe_all_actions(s) if lib.is_unknown(s.actions)

maybe_all_actions(s) if {
	some a in s.actions
	lib.is_unknown(a)
}

maybe_all_actions(s) if {
	some a in s.actions
	is_string(a)
	lower(a) in {"*", "*:*", "s3:*"}
}

maybe_everyone(s) if lib.is_unknown(s.principals)

maybe_everyone(s) if {
	some p in s.principals
	lib.is_public_principal(p)
}

maybe_everyone(s) if {
	some p in s.principals
	lib.is_unknown(p.value)
}

maybe_insecure_transport(s) if lib.is_unknown(s.conditions)

maybe_insecure_transport(s) if {
	some c in s.conditions
	lib.is_unknown(c.key)
}

maybe_insecure_transport(s) if {
	some c in s.conditions
	c.base == "Bool"
	lower(c.key) == "aws:securetransport"
	maybe_false(c.values)
}

maybe_false(values) if lib.is_unknown(values)

maybe_false(values) if {
	some v in values
	lib.is_unknown(v)
}

maybe_false(values) if {
	some v in values
	is_string(v)
	lower(v) == "false"
}
