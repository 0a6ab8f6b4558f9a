package seclint.aws.iam.admin_wildcard_test

import data.seclint.aws.iam.admin_wildcard as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

pol(kind, statements) := {"aws": {"iam": {"policies": [{"id": "p", "kind": kind, "statements": statements}]}}}

test_star_on_star_fires if {
	fs := rule.deny with input as pol("identity", [{"effect": "Allow", "actions": ["s3:GetObject", "*"], "resources": ["*"]}])
	count(fs) == 1
	some f in fs
	f.attribute == "statements[0].actions[1]"
}

test_traps_do_not_fire if {
	count(rule.deny) == 0 with input as pol("identity", [{"effect": "Deny", "actions": ["*"], "resources": ["*"]}])
	count(rule.deny) == 0 with input as pol("identity", [{"effect": "Allow", "actions": ["s3:*"], "resources": ["*"]}])
	count(rule.deny) == 0 with input as pol("identity", [{"effect": "Allow", "actions": ["*"], "resources": ["arn:aws:s3:::b"]}])
	count(rule.deny) == 0 with input as pol("identity", [{"effect": "Allow", "actions": [unknown], "resources": ["*"]}])
	count(rule.deny) == 0 with input as pol("identity", [{"effect": "Allow", "actions": ["*"], "resources": unknown}])
	count(rule.deny) == 0 with input as pol("identity", [{"effect": "Allow", "not_actions": ["*"], "resources": ["*"]}])
	count(rule.deny) == 0 with input as pol("resource", [{"effect": "Allow", "actions": ["*"], "resources": ["*"]}])
}
