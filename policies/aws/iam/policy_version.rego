# METADATA
# title: Policy document has no Version or the 2008-10-17 Version
# description: |
#   A policy document without a Version element is read with the 2008-10-17
#   version of the policy language, as is one that names it. That version has
#   no policy variables: "${aws:username}" or "${aws:PrincipalTag/team}" in a
#   Resource or Condition is taken literally and matches nothing, so the
#   statement silently does not do what it says. Write "Version": "2012-10-17"
#   in every policy document.
# custom:
#   id: aws-iam-policy-version
#   severity: LOW
#   kind: correctness
#   collections: [aws.iam.policies]
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, aws_iam_policy_document, aws_s3_bucket_policy, aws_kms_key, aws_sns_topic_policy, aws_sqs_queue_policy, aws_secretsmanager_secret_policy, aws_ecr_repository_policy, AWS::IAM::Policy, AWS::IAM::ManagedPolicy, AWS::IAM::Role, AWS::IAM::User, AWS::IAM::Group, AWS::S3::BucketPolicy, AWS::KMS::Key, AWS::SNS::TopicPolicy, AWS::SQS::QueuePolicy, AWS::SecretsManager::ResourcePolicy, AWS::ECR::Repository]
#   remediation:
#     terraform: |
#       Write the current version (the aws_iam_policy_document data source
#       already does unless `version` says otherwise):
#       ```hcl
#       policy = jsonencode({
#         Version   = "2012-10-17" # was missing
#         Statement = [{ Effect = "Allow", Action = "s3:ListBucket", Resource = aws_s3_bucket.home.arn }]
#       })
#       ```
#     cloudformation: |
#       Write the current version:
#       ```yaml
#       PolicyDocument:
#         Version: "2012-10-17" # was missing, or 2008-10-17
#         Statement:
#           - Effect: Allow
#             Action: s3:ListBucket
#             Resource: !GetAtt HomeBucket.Arn
#       ```
package seclint.aws.iam.policy_version

import data.seclint.lib

# A document that could not be read (unknown, or not an object) has an
# unknown version, so only a readable document without Version fires.
deny contains finding if {
	some policy in input.aws.iam.policies
	object.get(policy, "version", null) == null # lib.absent, inlined: one call per policy
	finding := {
		"resource": policy.id,
		"attribute": "",
		"message": sprintf("The policy document %s has no Version, so it is read as 2008-10-17, where policy variables such as ${aws:username} are taken literally; add \"Version\": \"2012-10-17\".", [policy.id]),
	}
}

deny contains finding if {
	some policy in input.aws.iam.policies
	policy.version == "2008-10-17"
	finding := {
		"resource": policy.id,
		"attribute": "version",
		"message": sprintf("The policy document %s uses Version 2008-10-17, where policy variables such as ${aws:username} are taken literally; use \"2012-10-17\".", [policy.id]),
	}
}
