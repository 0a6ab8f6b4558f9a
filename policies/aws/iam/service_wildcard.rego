# METADATA
# title: IAM policy allows every action of a service on every resource
# description: |
#   An identity policy statement that allows a whole service ("s3:*",
#   "kms:*", "iam:*") on Resource "*" grants that service's administrative
#   actions too (deleting buckets, scheduling key deletion, changing policies)
#   on every resource of the account, present and future. Grant the actions
#   and resources the principal needs. Action "*" alone is
#   aws-iam-admin-wildcard's finding.
# custom:
#   id: aws-iam-service-wildcard
#   severity: MEDIUM
#   kind: security
#   collections: [aws.iam.policies]
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, aws_iam_policy_document, AWS::IAM::Policy, AWS::IAM::ManagedPolicy, AWS::IAM::Role, AWS::IAM::User, AWS::IAM::Group]
#   remediation:
#     terraform: |
#       List the actions and the resources:
#       ```hcl
#       # Before: actions = ["s3:*"], resources = ["*"]
#       statement {
#         actions   = ["s3:GetObject", "s3:PutObject"]
#         resources = ["${aws_s3_bucket.uploads.arn}/*"]
#       }
#       ```
#     cloudformation: |
#       List the actions and the resources:
#       ```yaml
#       # Before: Action: s3:*, Resource: "*"
#       - Effect: Allow
#         Action: [s3:GetObject, s3:PutObject]
#         Resource: !Sub "${UploadsBucket.Arn}/*"
#       ```
package seclint.aws.iam.service_wildcard

import data.seclint.lib

# Only identity policies: in a resource policy the resource is the one the
# policy is attached to, and the default key policy ("kms:*" for the account
# root on "*") is how KMS delegates to IAM. Partial wildcards ("s3:Get*")
# are not a whole service.
deny contains finding if {
	some policy in input.aws.iam.policies
	policy.kind == "identity" # lib.identity_policies, inlined: a comparison, not an array built per unit
	some i, s in policy.statements
	s.effect == "Allow" # lib.allows(s), inlined: one call per statement
	some j, action in s.actions # an unknown list (an object) has no action to match
	endswith(action, ":*") # a cheap test that spares most actions the call below (undefined for an unknown)
	service := lib.action_service_wildcard(action)
	is_array(s.resources)
	some resource in s.resources
	lib.resource_is_all(resource)
	finding := {
		"resource": policy.id,
		"attribute": sprintf("statements[%d].actions[%d]", [i, j]),
		"message": sprintf("%s allows every %s action (%q) on every resource (\"*\"); list the actions and resources that are needed.", [lib.statement_name(policy, s, i), service, action]),
	}
}
