# METADATA
# title: IAM policy allows decryption with every KMS key
# description: |
#   An identity policy that allows kms:Decrypt or kms:ReEncryptFrom on every
#   KMS key (Resource "*", or a key ARN pattern with any Region and any
#   account) lets the principal decrypt data under any key whose key policy
#   delegates access to IAM, the default key policy included, not just the
#   keys its task needs. The actions count when written or covered by a
#   wildcard ("kms:*", "kms:De*", "*"). As in Security Hub KMS.1/KMS.2,
#   conditions (kms:ViaService, ...) do not exempt a statement; an
#   unconditional Deny of the action on every key in the same policy does.
#   Allow with NotAction is reported by aws-iam-allow-not-action instead.
# custom:
#   id: aws-iam-kms-decrypt-all-keys
#   severity: HIGH
#   kind: security
#   fsbp: [KMS.1, KMS.2]
#   collections: ["aws.iam.policies[kind=identity]"]
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, aws_iam_policy_document, AWS::IAM::Policy, AWS::IAM::ManagedPolicy, AWS::IAM::RolePolicy, AWS::IAM::UserPolicy, AWS::IAM::GroupPolicy, AWS::IAM::Role, AWS::IAM::User, AWS::IAM::Group, AWS::SSO::PermissionSet]
#   remediation:
#     terraform: |
#       Allow only the needed actions, on the keys that are needed:
#       ```hcl
#       # Before
#       statement {
#         actions   = ["kms:*"]
#         resources = ["*"]
#       }
#
#       # After
#       statement {
#         actions   = ["kms:GenerateDataKeyWithoutPlaintext", "kms:Decrypt"]
#         resources = [aws_kms_key.data.arn]
#       }
#       ```
#     cloudformation: |
#       Allow only the needed actions, on the keys that are needed:
#       ```yaml
#       # Before
#       - Effect: Allow
#         Action: kms:*
#         Resource: "*"
#
#       # After
#       - Effect: Allow
#         Action: [kms:GenerateDataKeyWithoutPlaintext, kms:Decrypt]
#         Resource: !GetAtt DataKey.Arn
#       ```
package seclint.aws.iam.kms_decrypt_all_keys

import data.seclint.lib

decrypt_actions := ["kms:Decrypt", "kms:ReEncryptFrom"]

deny contains finding if {
	some policy in input.aws.iam.policies
	policy.kind == "identity" # lib.identity_policies, inlined: a comparison, not an array built per unit
	some i, s in policy.statements
	s.effect == "Allow" # lib.allows(s), inlined
	# Speed: the regex.match tests spare most actions and resources a call
	# (each call costs OPA allocations, even when it fails). Only a decrypt
	# action itself (in any case), a kms: pattern with a wildcard, or a
	# pattern with a wildcard in its service part can match a decrypt action;
	# only a pattern with a wildcard can match every key. The few matching
	# actions come first: they reject most statements.
	some j, action in s.actions # an unknown list (an object) has no action to match
	regex.match(`^(?:(?i:kms:)(?:(?i:decrypt|reencryptfrom)$|.*[*?])|[^:]*[*?])`, action)
	some d0 in decrypt_actions
	lib.action_matches(action, d0) # most actions match neither: test before building granted
	is_array(s.resources)
	resources := [r | some r in s.resources; is_string(r); regex.match(`[*?]`, r); _every_key(r)]
	count(resources) > 0
	granted := [d |
		some d in decrypt_actions
		lib.action_matches(action, d)
		not _denied(policy, d)
	]
	count(granted) > 0
	finding := {
		"resource": policy.id,
		"attribute": sprintf("statements[%d].actions[%d]", [i, j]),
		"message": sprintf("%s allows %s (Action %q) on every KMS key (Resource %q); allow decryption only on the ARNs of the keys that are needed.", [lib.statement_name(policy, s, i), concat(" and ", granted), action, resources[0]]),
	}
}

# _denied(policy, action): an unconditional Deny of the policy covers the
# action on every key.
_denied(policy, action) if {
	some s in policy.statements
	lib.denies_action(s, action)
	lib.absent(s, "conditions")
	some [_, r] in lib.known_items(s.resources)
	_every_key(r)
}

# _every_key(r): the resource pattern matches the key ARNs of every Region
# and account: "*", "arn:aws:kms:*", "arn:aws:kms:*:*:key/*". A pattern
# limited to one Region or account (what the Security Hub remediation
# suggests) does not.
_every_key(r) if r == "*" # lib.resource_is_all, without a second call per resource

_every_key(r) if {
	r != "*"
	_may_match_key(r)
	every arn in _probe_keys {
		regex.match(_arn_regex(r), arn)
	}
}

# _may_match_key(r): the literal text before the first wildcard of r starts
# a key ARN, as it must for r to match every key; it spares building a
# regular expression for the (many) resources of other services.
_may_match_key(r) if {
	literal := regex.split(`[*?]`, r)[0]
	startswith(_probe_keys[0], literal)
}

_probe_keys := [
	"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
	"arn:aws:kms:eu-west-3:444455556666:key/mrk-1234abcd12ab34cd56ef1234567890ab",
]

# _arn_regex(r): ARN matching in a Resource element, case-sensitive, with
# "*" any run of characters and "?" any one character.
_arn_regex(r) := concat("", ["^", wild, "$"]) if {
	escaped := regex.replace(r, `[.+^$(){}\[\]|\\]`, `\$0`)
	wild := replace(replace(escaped, "*", ".*"), "?", ".")
}
