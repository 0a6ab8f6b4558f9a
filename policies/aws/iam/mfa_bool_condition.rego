# METADATA
# title: Deny without MFA uses Bool, which long-term access keys slip through
# description: |
#   aws:MultiFactorAuthPresent is present only in requests signed with
#   temporary credentials. A Deny conditioned on Bool
#   aws:MultiFactorAuthPresent = false therefore does not match requests made
#   with an IAM user's long-term access keys, which carry no such key: they are
#   not denied, though they never used MFA. Use BoolIfExists, which also
#   matches when the key is absent, or add a Deny on Null
#   aws:MultiFactorAuthPresent = true.
# custom:
#   id: aws-policy-mfa-bool-condition
#   severity: MEDIUM
#   kind: correctness
#   collections: [aws.iam.policies]
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, aws_iam_policy_document, aws_s3_bucket_policy, aws_kms_key, AWS::IAM::Policy, AWS::IAM::ManagedPolicy, AWS::IAM::Role, AWS::IAM::User, AWS::IAM::Group, AWS::S3::BucketPolicy, AWS::KMS::Key]
#   remediation:
#     terraform: |
#       Use BoolIfExists so that requests without the key are denied too:
#       ```hcl
#       condition {
#         test     = "BoolIfExists" # was "Bool"
#         variable = "aws:MultiFactorAuthPresent"
#         values   = ["false"]
#       }
#       ```
#     cloudformation: |
#       Use BoolIfExists so that requests without the key are denied too:
#       ```yaml
#       Condition:
#         BoolIfExists: # was Bool
#           aws:MultiFactorAuthPresent: "false"
#       ```
package seclint.aws.iam.mfa_bool_condition

import data.seclint.lib

# ForAllValues:Bool matches when the key is absent, so it is not the trap.
# A policy that also denies on Null aws:MultiFactorAuthPresent = true covers
# the requests without the key, so it does not fire either.
deny contains finding if {
	some policy in input.aws.iam.policies
	some i, s in policy.statements
	s.effect == "Deny" # lib.denies(s), inlined: one call per statement
	some j, c in s.conditions
	c.base == "Bool"
	not c.if_exists
	not c.set_operator == "ForAllValues"
	lib.condition_key_is(c, "aws:multifactorauthpresent")
	some [_, v] in lib.known_items(c.values)
	lower(v) == "false"
	not _denies_without_key(policy)
	finding := {
		"resource": policy.id,
		"attribute": sprintf("statements[%d].conditions[%d]", [i, j]),
		"message": sprintf("%s denies on Bool aws:MultiFactorAuthPresent = false, which does not match requests made with long-term access keys (they carry no such key); use BoolIfExists.", [lib.statement_name(policy, s, i)]),
	}
}

_denies_without_key(policy) if {
	some s in policy.statements
	s.effect == "Deny" # lib.denies(s), inlined: one call per statement
	some c in s.conditions
	c.base == "Null"
	lib.condition_key_is(c, "aws:multifactorauthpresent")
	some [_, v] in lib.known_items(c.values)
	lower(v) == "true"
}
