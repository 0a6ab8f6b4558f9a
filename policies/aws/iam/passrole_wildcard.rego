# METADATA
# title: IAM policy lets the principal pass any role (iam:PassRole on every resource)
# description: |
#   iam:PassRole lets a principal hand an IAM role to an AWS service (an EC2
#   instance profile, a Lambda function, a CloudFormation stack), which then
#   acts with that role's permissions. Allowed on every role, it lets the
#   principal run code as the most privileged role of the account, a classic
#   privilege escalation. Allow it only on the roles the principal must pass,
#   ideally with an iam:PassedToService condition.
# custom:
#   id: aws-iam-passrole-wildcard
#   severity: HIGH
#   kind: security
#   collections: [aws.iam.policies]
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, aws_iam_policy_document, AWS::IAM::Policy, AWS::IAM::ManagedPolicy, AWS::IAM::Role, AWS::IAM::User, AWS::IAM::Group]
#   remediation:
#     terraform: |
#       Name the roles that may be passed, and the service they are passed to:
#       ```hcl
#       # Before: actions = ["iam:PassRole"], resources = ["*"]
#       statement {
#         actions   = ["iam:PassRole"]
#         resources = [aws_iam_role.lambda_exec.arn]
#         condition {
#           test     = "StringEquals"
#           variable = "iam:PassedToService"
#           values   = ["lambda.amazonaws.com"]
#         }
#       }
#       ```
#     cloudformation: |
#       Name the roles that may be passed, and the service they are passed to:
#       ```yaml
#       # Before: Action: iam:PassRole, Resource: "*"
#       - Effect: Allow
#         Action: iam:PassRole
#         Resource: !GetAtt LambdaExecutionRole.Arn
#         Condition:
#           StringEquals:
#             iam:PassedToService: lambda.amazonaws.com
#       ```
package seclint.aws.iam.passrole_wildcard

import data.seclint.lib

# Action "*" is aws-iam-admin-wildcard's finding, and Allow with NotAction
# (which covers iam:PassRole unless it excludes it) is
# aws-iam-allow-not-action's: one finding each is enough.
deny contains finding if {
	some policy in input.aws.iam.policies
	policy.kind == "identity" # lib.identity_policies, inlined: a comparison, not an array built per unit
	some i, s in policy.statements
	s.effect == "Allow" # lib.allows(s), inlined
	some j, action in s.actions # an unknown list (an object) has no action to match
	# Speed: only iam:PassRole itself (in any case), an iam: pattern with a
	# wildcard, or a pattern with a wildcard in its service part can match
	# iam:PassRole; the builtin spares most actions the call (each call
	# costs OPA allocations, even when it fails), and is undefined for an
	# unknown.
	regex.match(`^(?:(?i:iam:)(?:(?i:passrole)$|.*[*?])|[^:]*[*?])`, action)
	lib.action_matches(action, "iam:PassRole")
	not lib.action_is_all(action)
	is_array(s.resources)
	some resource in s.resources
	is_string(resource)
	_every_role(resource)
	finding := {
		"resource": policy.id,
		"attribute": sprintf("statements[%d].actions[%d]", [i, j]),
		"message": sprintf("%s allows iam:PassRole (through %q) on %q, so the principal can pass any role, including the most privileged, to an AWS service; allow it only on the roles that must be passed.", [lib.statement_name(policy, s, i), action, resource]),
	}
}

# _every_role(r): the resource pattern matches every role: "*", or the
# roles of an account or of every account ("arn:aws:iam::111122223333:role/*",
# "arn:aws:iam::*:*").
_every_role(r) if lib.resource_is_all(r)

_every_role(r) if regex.match(`^arn:(aws[a-z-]*|\*):iam::([0-9]{12}|\*)?:(role/)?\*$`, r)
