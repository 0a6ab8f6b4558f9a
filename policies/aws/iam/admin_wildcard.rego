# METADATA
# title: IAM policy grants full administrative access
# description: |
#   An identity policy statement that allows Action "*" on Resource "*" grants
#   every permission in the account, including creating users and changing
#   policies. Grant only the actions and resources the principal needs; use the
#   AWS managed AdministratorAccess policy deliberately, for a small set of
#   break-glass roles, rather than writing wildcards into custom policies.
# custom:
#   id: aws-iam-admin-wildcard
#   severity: CRITICAL
#   kind: security
#   fsbp: [IAM.1]
#   collections: [aws.iam.policies]
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, AWS::IAM::Policy, AWS::IAM::ManagedPolicy, AWS::IAM::Role, AWS::IAM::User, AWS::IAM::Group]
#   remediation:
#     terraform: |
#       List the actions and resources the principal needs:
#       ```hcl
#       statement {
#         actions   = ["s3:GetObject"]
#         resources = ["${aws_s3_bucket.reports.arn}/*"]
#       }
#       ```
#     cloudformation: |
#       List the actions and resources the principal needs:
#       ```yaml
#       - Effect: Allow
#         Action: s3:GetObject
#         Resource: !Sub "${ReportsBucket.Arn}/*"
#       ```
package seclint.aws.iam.admin_wildcard

import data.seclint.lib

deny contains finding if {
	some policy in input.aws.iam.policies
	policy.kind == "identity" # lib.identity_policies, inlined: a comparison, not an array built per unit
	some i, s in policy.statements
	s.effect == "Allow" # lib.allows(s), inlined: one call per statement
	some j, action in s.actions # an unknown list (an object) has no action to match
	action in {"*", "*:*"} # lib.action_is_all(action), inlined: one call per action
	is_array(s.resources)
	some resource in s.resources
	lib.resource_is_all(resource)
	finding := {
		"resource": policy.id,
		"attribute": sprintf("statements[%d].actions[%d]", [i, j]),
		"message": sprintf("%s allows every action (\"*\") on every resource (\"*\"); grant only the actions and resources that are needed.", [lib.statement_name(policy, s, i)]),
	}
}

