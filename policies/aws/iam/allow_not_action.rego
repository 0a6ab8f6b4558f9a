# METADATA
# title: Policy statement allows everything except a list (Allow with NotAction)
# description: |
#   A statement with Effect Allow and NotAction grants every action of every
#   AWS service except the few it lists, including actions of services that
#   AWS launches later. It is almost always broader than intended; list the
#   actions that are needed in Action instead. NotAction is safe with Deny,
#   where it is the usual way to write "deny everything except ...".
# custom:
#   id: aws-iam-allow-not-action
#   severity: HIGH
#   kind: security
#   collections: [aws.iam.policies]
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, aws_iam_policy_document, aws_s3_bucket_policy, aws_kms_key, aws_sns_topic_policy, aws_sqs_queue_policy, aws_secretsmanager_secret_policy, aws_ecr_repository_policy, AWS::IAM::Policy, AWS::IAM::ManagedPolicy, AWS::IAM::Role, AWS::IAM::User, AWS::IAM::Group, AWS::S3::BucketPolicy, AWS::KMS::Key, AWS::SNS::TopicPolicy, AWS::SQS::QueuePolicy, AWS::SecretsManager::ResourcePolicy, AWS::ECR::Repository]
#   remediation:
#     terraform: |
#       Replace `not_actions` (or `NotAction`) by the actions that are needed:
#       ```hcl
#       # Before: allows every action except IAM
#       statement {
#         not_actions = ["iam:*"]
#         resources   = ["*"]
#       }
#       # After
#       statement {
#         actions   = ["s3:GetObject", "s3:ListBucket"]
#         resources = [aws_s3_bucket.reports.arn, "${aws_s3_bucket.reports.arn}/*"]
#       }
#       ```
#     cloudformation: |
#       Replace `NotAction` by the actions that are needed:
#       ```yaml
#       # Before: allows every action except IAM
#       - Effect: Allow
#         NotAction: iam:*
#         Resource: "*"
#       # After
#       - Effect: Allow
#         Action: [s3:GetObject, s3:ListBucket]
#         Resource: [!GetAtt ReportsBucket.Arn, !Sub "${ReportsBucket.Arn}/*"]
#       ```
package seclint.aws.iam.allow_not_action

import data.seclint.lib

# A NotAction list that is unknown as a whole may be null once known (no
# NotAction at all), so only a written list counts; its elements may be
# unknown.
deny contains finding if {
	some policy in input.aws.iam.policies
	some i, s in policy.statements
	is_array(s.not_actions) # the rare condition first: spares most statements the call below
	lib.allows(s)
	finding := {
		"resource": policy.id,
		"attribute": sprintf("statements[%d].not_actions", [i]),
		"message": sprintf("%s allows every action except those in NotAction%s; list the allowed actions in Action instead.", [lib.statement_name(policy, s, i), _listed(s.not_actions)]),
	}
}

_listed(actions) := sprintf(" (%s)", [concat(", ", known)]) if {
	known := [a | some a in actions; is_string(a)]
	count(known) > 0
}

_listed(actions) := "" if {
	not _any_string(actions)
}

_any_string(actions) if {
	some a in actions
	is_string(a)
}
