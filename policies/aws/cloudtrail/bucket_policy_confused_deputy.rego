# METADATA
# title: Bucket policy lets CloudTrail write without a source condition
# description: |
#   A bucket policy that lets the service principal cloudtrail.amazonaws.com
#   put objects, with no condition on the trail that writes, lets any
#   trail of any account deliver into the bucket: another account can fill
#   it, forge log files under its prefixes, or use it as its own log store
#   (the confused deputy problem). AWS's CloudTrail bucket policy limits
#   the statement with aws:SourceArn (the trail's ARN) or
#   aws:SourceAccount; aws:SourceOrgID and aws:SourceOrgPaths, which the
#   IAM user guide recommends alongside them for organization trails, are
#   accepted too. The rule fires on every resource policy (the policy of
#   any bucket, in the scan or not) with an Allow statement for that
#   principal that covers s3:PutObject and has none of these conditions
#   with a positive operator (StringEquals, StringLike, ArnEquals, ArnLike,
#   also with IfExists). A condition it cannot read never makes it fire.
# custom:
#   id: aws-cloudtrail-bucket-policy-confused-deputy
#   severity: LOW
#   kind: security
#   collections: ["aws.iam.policies[kind=resource]"]
#   resource_types: [aws_s3_bucket_policy, aws_s3_bucket, aws_iam_policy_document, AWS::S3::BucketPolicy]
#   remediation:
#     terraform: |
#       ```hcl
#       statement {
#         sid       = "AWSCloudTrailWrite"
#         actions   = ["s3:PutObject"]
#         resources = ["${aws_s3_bucket.trail.arn}/AWSLogs/${data.aws_caller_identity.current.account_id}/*"]
#         principals {
#           type        = "Service"
#           identifiers = ["cloudtrail.amazonaws.com"]
#         }
#         condition {
#           test     = "StringEquals"
#           variable = "aws:SourceArn"
#           values   = ["arn:aws:cloudtrail:${var.region}:${data.aws_caller_identity.current.account_id}:trail/${var.trail_name}"]
#         }
#       }
#       ```
#     cloudformation: |
#       ```yaml
#       - Sid: AWSCloudTrailWrite
#         Effect: Allow
#         Principal:
#           Service: cloudtrail.amazonaws.com
#         Action: s3:PutObject
#         Resource: !Sub "${TrailBucket.Arn}/AWSLogs/${AWS::AccountId}/*"
#         Condition:
#           StringEquals:
#             aws:SourceArn: !Sub "arn:${AWS::Partition}:cloudtrail:${AWS::Region}:${AWS::AccountId}:trail/${TrailName}"
#       ```
package seclint.aws.cloudtrail.bucket_policy_confused_deputy

import data.seclint.lib

deny contains finding if {
	some policy in input.aws.iam.policies
	policy.kind == "resource"
	some i, s in policy.statements
	some p in s.principals
	p.type == "Service" # cheap and selective: spares most principals the call below
	_is_cloudtrail(p)
	lib.allows_action(s, "s3:PutObject")
	not _source_bound(s)
	finding := {"resource": policy.id, "attribute": sprintf("statements[%d]", [i]), "message": sprintf("%s lets cloudtrail.amazonaws.com write objects from any trail of any account; add an aws:SourceArn (the trail's ARN) or aws:SourceAccount condition.", [lib.statement_name(policy, s, i)])}
}

_is_cloudtrail(p) if {
	p.type == "Service"
	is_string(p.value)
	lower(p.value) == "cloudtrail.amazonaws.com"
}

_source_keys := {"aws:sourcearn", "aws:sourceaccount", "aws:sourceorgid", "aws:sourceorgpaths"}

_positive_operators := {"StringEquals", "StringEqualsIgnoreCase", "StringLike", "ArnEquals", "ArnLike"}

# A condition on the calling trail, or one that cannot be read.
_source_bound(s) if lib.is_unknown(s.conditions)

_source_bound(s) if {
	some c in s.conditions
	lib.is_unknown(c.key)
}

_source_bound(s) if {
	some c in s.conditions
	is_string(c.key)
	lower(c.key) in _source_keys
	c.base in _positive_operators
	_limits(c)
}

_source_bound(s) if {
	some c in s.conditions
	is_string(c.key)
	lower(c.key) in _source_keys
	lib.is_unknown(c.base)
}

# Some value is unknown, or a known value that does not match everything.
_limits(c) if lib.is_unknown(c.values)

_limits(c) if {
	some v in c.values
	lib.is_unknown(v)
}

_limits(c) if {
	some v in c.values
	is_string(v)
	not regex.match(`^[*?]*$`, v)
}
