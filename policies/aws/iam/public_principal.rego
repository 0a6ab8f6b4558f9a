# METADATA
# title: Resource policy allows any principal
# description: |
#   A resource policy statement that allows Principal "*" (or {"AWS": "*"}),
#   or allows everyone but a NotPrincipal list, opens the resource to every AWS
#   account and, for many services, to anonymous callers. Such a statement is
#   only safe with a condition that narrows it to known callers: a VPC endpoint
#   or VPC, an organization, an account, a source ARN, or a specific (public)
#   source IP range. Conditions tested with IfExists or negated operators do not
#   narrow, because requests without the key still match. A condition narrows
#   only if a request can satisfy it: aws:SourceIp is the public address a
#   request comes from (absent through a VPC endpoint), so private ranges
#   (10/8, 172.16/12, 192.168/16, fc00::/7, ...) limit the callers to no
#   network; aws-policy-private-source-ip reports that condition as well.
#   A Lambda permission (aws_lambda_permission, AWS::Lambda::Permission) is
#   read as the statement Lambda adds to the function's policy: principal "*"
#   is public unless source_arn, source_account or principal_org_id
#   (SourceArn, SourceAccount, PrincipalOrgID) narrows it; a function URL
#   auth type of NONE narrows nothing. A function URL with authorization
#   type NONE (aws_lambda_function_url, SAM FunctionUrlConfig AuthType NONE)
#   is reported too: the provider and the SAM transform add that public
#   permission themselves; set AWS_IAM to require signed requests.
# custom:
#   id: aws-policy-public-principal
#   severity: CRITICAL
#   kind: security
#   collections: [aws.iam.policies]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_policy, aws_s3_access_point, aws_s3control_access_point_policy, aws_s3control_object_lambda_access_point_policy, aws_s3control_bucket_policy, aws_kms_key, aws_kms_key_policy, aws_kms_external_key, aws_kms_replica_key, aws_kms_replica_external_key, aws_secretsmanager_secret, aws_secretsmanager_secret_policy, aws_sns_topic, aws_sns_topic_policy, aws_sqs_queue, aws_sqs_queue_policy, aws_ecr_repository_policy, aws_glacier_vault, aws_glacier_vault_lock, aws_iam_role, aws_lambda_permission, aws_lambda_function_url, AWS::S3::BucketPolicy, AWS::S3::AccessPoint, AWS::S3::MultiRegionAccessPointPolicy, AWS::S3ObjectLambda::AccessPointPolicy, AWS::KMS::Key, AWS::KMS::ReplicaKey, AWS::SecretsManager::ResourcePolicy, AWS::SNS::TopicPolicy, AWS::SNS::TopicInlinePolicy, AWS::SQS::QueuePolicy, AWS::SQS::QueueInlinePolicy, AWS::ECR::Repository, AWS::Glacier::Vault, AWS::IAM::Role, AWS::Lambda::Permission, AWS::Serverless::Function]
#   remediation:
#     terraform: |
#       Name the principals, or add a condition that limits the callers:
#       ```hcl
#       condition {
#         test     = "StringEquals"
#         variable = "aws:PrincipalOrgID"
#         values   = ["o-exampleorgid"]
#       }
#       ```
#     cloudformation: |
#       Name the principals, or add a condition that limits the callers:
#       ```yaml
#       Condition:
#         StringEquals:
#           aws:PrincipalOrgID: o-exampleorgid
#       ```
package seclint.aws.iam.public_principal

import data.seclint.lib

deny contains finding if {
	some policy in input.aws.iam.policies
	policy.kind in {"resource", "trust"} # lib.resource_policies, inlined: not an array built per unit
	some i, s in policy.statements
	s.effect == "Allow" # lib.allows(s), inlined: one call per statement
	some j, p in s.principals
	p.value == "*" # cheap and selective: spares most principals the call below
	lib.is_public_principal(p)
	not lib.narrowed(s)
	finding := {
		"resource": policy.id,
		"attribute": sprintf("statements[%d].principals[%d]", [i, j]),
		"message": sprintf("%s allows any principal (\"*\") with no condition that limits the callers%s; name the principals or add an aws:PrincipalOrgID, aws:SourceVpce or aws:SourceAccount condition.", [lib.statement_name(policy, s, i), _private_ip_note(s)]),
	}
}

# _private_ip_note(s) explains why a private aws:SourceIp condition of s
# is not counted.
_private_ip_note(s) := " (its aws:SourceIp condition lists only private addresses, which no request carries as its source IP, so it limits the callers to no network)" if {
	lib.private_source_ip_only(s)
} else := ""

# Allow with NotPrincipal allows everyone except the listed principals.
deny contains finding if {
	some policy in input.aws.iam.policies
	some i, s in policy.statements
	is_array(s.not_principals) # the rare condition first
	policy.kind in {"resource", "trust"} # lib.resource_policies, inlined: not an array built per unit
	s.effect == "Allow"
	not lib.narrowed(s)
	finding := {
		"resource": policy.id,
		"attribute": sprintf("statements[%d].not_principals", [i]),
		"message": sprintf("%s allows every principal except those in NotPrincipal; name the allowed principals instead.", [lib.statement_name(policy, s, i)]),
	}
}

