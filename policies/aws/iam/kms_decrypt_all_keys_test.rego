package seclint.aws.iam.kms_decrypt_all_keys_test

import data.seclint.aws.iam.kms_decrypt_all_keys as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

pol(kind, statements) := {"aws": {"iam": {"policies": [{"id": "p", "kind": kind, "statements": statements}]}}}

allow(actions, resources) := {"effect": "Allow", "actions": actions, "resources": resources}

test_decrypt_on_every_key_fires if {
	fs := rule.deny with input as pol("identity", [allow(["s3:GetObject", "kms:Decrypt"], ["*"])])
	count(fs) == 1
	some f in fs
	f.attribute == "statements[0].actions[1]"
	contains(f.message, "kms:Decrypt")
	not contains(f.message, "kms:ReEncryptFrom")
}

test_each_action_element_is_a_finding if {
	fs := rule.deny with input as pol("identity", [allow(["kms:Decrypt", "kms:ReEncryptFrom"], ["*"])])
	{f.attribute | some f in fs} == {"statements[0].actions[0]", "statements[0].actions[1]"}
}

test_wildcards_fire if {
	count(rule.deny) == 1 with input as pol("identity", [allow(["kms:*"], ["*"])])
	count(rule.deny) == 1 with input as pol("identity", [allow(["kms:De*"], ["*"])])
	count(rule.deny) == 1 with input as pol("identity", [allow(["kms:ReEncrypt*"], ["*"])])
	count(rule.deny) == 1 with input as pol("identity", [allow(["*"], ["*"])])
	count(rule.deny) == 1 with input as pol("identity", [allow(["KMS:decrypt"], ["*"])])
	fs := rule.deny with input as pol("identity", [allow(["kms:*"], ["*"])])
	some f in fs
	contains(f.message, "kms:Decrypt and kms:ReEncryptFrom")
}

test_key_arn_patterns_of_every_region_and_account_fire if {
	count(rule.deny) == 1 with input as pol("identity", [allow(["kms:Decrypt"], ["arn:aws:kms:*:*:key/*"])])
	count(rule.deny) == 1 with input as pol("identity", [allow(["kms:Decrypt"], ["arn:aws:kms:*"])])
	count(rule.deny) == 1 with input as pol("identity", [allow(["kms:Decrypt"], ["arn:*:kms:*:*:*"])])
	count(rule.deny) == 1 with input as pol("identity", [allow(["kms:Decrypt"], [unknown, "*"])])
}

# Security Hub KMS.1/KMS.2 do not evaluate conditions, and neither does this rule.
test_conditions_do_not_exempt if {
	s := object.union(allow(["kms:Decrypt"], ["*"]), {"conditions": [{
		"operator": "StringEquals", "base": "StringEquals",
		"key": "kms:ViaService", "values": ["s3.us-east-1.amazonaws.com"],
	}]})
	count(rule.deny) == 1 with input as pol("identity", [s])
}

test_traps_do_not_fire if {
	count(rule.deny) == 0 with input as pol("identity", [{"effect": "Deny", "actions": ["kms:Decrypt"], "resources": ["*"]}])
	count(rule.deny) == 0 with input as pol("identity", [allow(["kms:Decrypt"], ["arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"])])
	count(rule.deny) == 0 with input as pol("identity", [allow(["kms:Decrypt"], ["arn:aws:kms:us-east-1:111122223333:key/*"])])
	count(rule.deny) == 0 with input as pol("identity", [allow(["kms:Decrypt"], ["arn:aws:kms:*:111122223333:key/*"])])
	count(rule.deny) == 0 with input as pol("identity", [allow(["kms:Decrypt"], ["arn:aws:kms:*:*:alias/*"])])
	count(rule.deny) == 0 with input as pol("identity", [allow(["kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncryptTo", "kms:DescribeKey"], ["*"])])
	count(rule.deny) == 0 with input as pol("identity", [allow(["s3:*"], ["*"])])
	count(rule.deny) == 0 with input as pol("resource", [allow(["kms:*"], ["*"])])
	count(rule.deny) == 0 with input as pol("trust", [allow(["*"], ["*"])])

	# Allow with NotAction is aws-iam-allow-not-action's finding.
	count(rule.deny) == 0 with input as pol("identity", [{"effect": "Allow", "not_actions": ["iam:*"], "resources": ["*"]}])
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as pol("identity", [allow([unknown], ["*"])])
	count(rule.deny) == 0 with input as pol("identity", [allow(unknown, ["*"])])
	count(rule.deny) == 0 with input as pol("identity", [allow(["kms:Decrypt"], unknown)])
	count(rule.deny) == 0 with input as pol("identity", [allow(["kms:Decrypt"], [unknown])])
	count(rule.deny) == 0 with input as pol("identity", [{"effect": unknown, "actions": ["kms:Decrypt"], "resources": ["*"]}])
}

test_unconditional_deny_in_the_same_policy_cancels if {
	deny_decrypt := {"effect": "Deny", "actions": ["kms:Decrypt"], "resources": ["*"]}
	count(rule.deny) == 0 with input as pol("identity", [allow(["kms:Decrypt"], ["*"]), deny_decrypt])

	# kms:ReEncryptFrom is still allowed.
	fs := rule.deny with input as pol("identity", [allow(["kms:*"], ["*"]), deny_decrypt])
	some f in fs
	contains(f.message, "allows kms:ReEncryptFrom (")

	# A conditional Deny, or one on a single key, may not apply.
	cond := object.union(deny_decrypt, {"conditions": [{"operator": "Bool", "base": "Bool", "key": "aws:SecureTransport", "values": ["false"]}]})
	count(rule.deny) == 1 with input as pol("identity", [allow(["kms:Decrypt"], ["*"]), cond])
	one := object.union(deny_decrypt, {"resources": ["arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"]})
	count(rule.deny) == 1 with input as pol("identity", [allow(["kms:Decrypt"], ["*"]), one])
}
