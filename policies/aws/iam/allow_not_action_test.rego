package seclint.aws.iam.allow_not_action_test

import data.seclint.aws.iam.allow_not_action as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

pol(kind, statements) := {"aws": {"iam": {"policies": [{"id": "p", "kind": kind, "statements": statements}]}}}

test_allow_not_action_fires if {
	fs := rule.deny with input as pol("identity", [
		{"effect": "Allow", "actions": ["s3:GetObject"], "resources": ["*"]},
		{"effect": "Allow", "not_actions": ["iam:*", "organizations:*"], "resources": ["*"]},
	])
	count(fs) == 1
	some f in fs
	f.attribute == "statements[1].not_actions"
	contains(f.message, "iam:*, organizations:*")
}

test_every_policy_kind if {
	count(rule.deny) == 1 with input as pol("resource", [{"effect": "Allow", "principals": [{"type": "AWS", "value": "111122223333"}], "not_actions": ["s3:DeleteBucket"], "resources": ["arn:aws:s3:::b"]}])
	count(rule.deny) == 1 with input as pol("trust", [{"effect": "Allow", "not_actions": ["sts:TagSession"]}])
}

test_unknown_elements_still_fire if {
	# The list is written, so the statement is Allow + NotAction whatever it holds.
	count(rule.deny) == 1 with input as pol("identity", [{"effect": "Allow", "not_actions": [unknown], "resources": ["*"]}])
}

test_traps_do_not_fire if {
	# Deny + NotAction is the usual "deny all but" pattern.
	count(rule.deny) == 0 with input as pol("identity", [{"effect": "Deny", "not_actions": ["iam:*"], "resources": ["*"]}])
	count(rule.deny) == 0 with input as pol("identity", [{"effect": unknown, "not_actions": ["iam:*"], "resources": ["*"]}])
	count(rule.deny) == 0 with input as pol("identity", [{"effect": "Allow", "not_actions": unknown, "resources": ["*"]}])
	count(rule.deny) == 0 with input as pol("identity", [{"effect": "Allow", "actions": ["*"], "resources": ["*"]}])
	count(rule.deny) == 0 with input as pol("identity", [{"effect": "Allow", "not_resources": ["arn:aws:s3:::b"], "actions": ["s3:*"]}])
}
