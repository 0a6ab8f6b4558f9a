# METADATA
# title: Policy condition tests aws:SourceIp against private addresses
# description: |
#   aws:SourceIp is the public address a request reaches AWS from. A request
#   that comes through a VPC endpoint carries no aws:SourceIp at all, and one
#   that comes over the internet carries a public address, so private ranges
#   (10/8, 172.16/12, 192.168/16, fc00::/7, and also 100.64/10, loopback and
#   link-local addresses) never match: an Allow on them grants nothing, a Deny
#   on them denies nothing, and a Deny with NotIpAddress on them denies every
#   request. To limit callers to a network, use aws:SourceVpce or aws:SourceVpc,
#   or aws:VpcSourceIp for private addresses (each needs a VPC endpoint).
# custom:
#   id: aws-policy-private-source-ip
#   severity: HIGH
#   kind: correctness
#   collections: [aws.iam.policies]
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, aws_iam_policy_document, aws_s3_bucket_policy, aws_kms_key, aws_sns_topic_policy, aws_sqs_queue_policy, aws_secretsmanager_secret_policy, aws_ecr_repository_policy, AWS::IAM::Policy, AWS::IAM::ManagedPolicy, AWS::IAM::Role, AWS::IAM::User, AWS::IAM::Group, AWS::S3::BucketPolicy, AWS::KMS::Key, AWS::SNS::TopicPolicy, AWS::SQS::QueuePolicy, AWS::SecretsManager::ResourcePolicy, AWS::ECR::Repository]
#   remediation:
#     terraform: |
#       Test the VPC endpoint (or VPC) instead of private addresses:
#       ```hcl
#       # Before: test = "IpAddress", variable = "aws:SourceIp", values = ["10.0.0.0/8"]
#       condition {
#         test     = "StringEquals"
#         variable = "aws:SourceVpce"
#         values   = [aws_vpc_endpoint.s3.id]
#       }
#       ```
#     cloudformation: |
#       Test the VPC endpoint (or VPC) instead of private addresses:
#       ```yaml
#       # Before: IpAddress: {aws:SourceIp: 10.0.0.0/8}
#       Condition:
#         StringEquals:
#           aws:SourceVpce: !Ref S3Endpoint
#       ```
package seclint.aws.iam.private_source_ip

import data.seclint.lib

# Any effect and any IP operator: whichever it is, the private values never
# match a request, so the statement does not do what it says.
deny contains finding if {
	some policy in input.aws.iam.policies
	some i, s in policy.statements
	some j, c in s.conditions
	c.base in {"IpAddress", "NotIpAddress"} # lib.is_ip_condition(c), inlined: one call per condition
	lib.condition_key_is(c, "aws:sourceip")
	private := [v | some [_, v] in lib.known_items(c.values); lib.cidr_is_private(v)]
	count(private) > 0
	finding := {
		"resource": policy.id,
		"attribute": sprintf("statements[%d].conditions[%d]", [i, j]),
		"message": sprintf("%s tests aws:SourceIp with %s against private addresses (%s), which no request carries: requests through a VPC endpoint have no aws:SourceIp and others come from public addresses. Use aws:SourceVpce, aws:SourceVpc or aws:VpcSourceIp.", [lib.statement_name(policy, s, i), c.operator, concat(", ", private)]),
	}
}
