package seclint.aws.iam.passrole_wildcard_test

import data.seclint.aws.iam.passrole_wildcard as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

pol(kind, statements) := {"aws": {"iam": {"policies": [{"id": "p", "kind": kind, "statements": statements}]}}}

allow(actions, resources) := {"effect": "Allow", "actions": actions, "resources": resources}

test_passrole_on_star_fires if {
	fs := rule.deny with input as pol("identity", [allow(["ec2:RunInstances", "iam:PassRole"], ["*"])])
	count(fs) == 1
	some f in fs
	f.attribute == "statements[0].actions[1]"
}

test_wildcards_covering_passrole_fire if {
	count(rule.deny) == 1 with input as pol("identity", [allow(["iam:*"], ["*"])])
	count(rule.deny) == 1 with input as pol("identity", [allow(["iam:Pass*"], ["*"])])
	count(rule.deny) == 1 with input as pol("identity", [allow(["IAM:passrole"], ["*"])])
	count(rule.deny) == 1 with input as pol("identity", [allow(["iam:*Role"], ["*"])])
	count(rule.deny) == 1 with input as pol("identity", [allow(["*:PassRole"], ["*"])])
}

test_every_role_patterns_fire if {
	count(rule.deny) == 1 with input as pol("identity", [allow(["iam:PassRole"], ["arn:aws:iam::111122223333:role/*"])])
	count(rule.deny) == 1 with input as pol("identity", [allow(["iam:PassRole"], ["arn:aws:iam::*:*"])])
	count(rule.deny) == 1 with input as pol("identity", [allow(["iam:PassRole"], ["arn:aws:s3:::b", "*"])])
}

test_conditions_do_not_help if {
	# iam:PassedToService limits the service, not the role passed.
	s := object.union(allow(["iam:PassRole"], ["*"]), {"conditions": [{"operator": "StringEquals", "base": "StringEquals", "key": "iam:PassedToService", "values": ["lambda.amazonaws.com"]}]})
	count(rule.deny) == 1 with input as pol("identity", [s])
}

test_traps_do_not_fire if {
	# "*" is aws-iam-admin-wildcard's, NotAction aws-iam-allow-not-action's.
	count(rule.deny) == 0 with input as pol("identity", [allow(["*"], ["*"])])
	count(rule.deny) == 0 with input as pol("identity", [allow(["*:*"], ["*"])])
	count(rule.deny) == 0 with input as pol("identity", [{"effect": "Allow", "not_actions": ["s3:*"], "resources": ["*"]}])
	count(rule.deny) == 0 with input as pol("identity", [allow(["iam:PassRole"], ["arn:aws:iam::111122223333:role/app-*"])])
	count(rule.deny) == 0 with input as pol("identity", [allow(["iam:PassRole"], ["arn:aws:iam::111122223333:role/lambda-exec"])])
	count(rule.deny) == 0 with input as pol("identity", [allow(["iam:Get*", "iam:List*"], ["*"])])
	count(rule.deny) == 0 with input as pol("identity", [allow(["iam:PassRole"], [unknown])])
	count(rule.deny) == 0 with input as pol("identity", [allow([unknown], ["*"])])
	count(rule.deny) == 0 with input as pol("identity", [allow(["iam:PassRole"], unknown)])
	count(rule.deny) == 0 with input as pol("identity", [{"effect": "Deny", "actions": ["iam:PassRole"], "resources": ["*"]}])
	count(rule.deny) == 0 with input as pol("identity", [{"effect": unknown, "actions": ["iam:PassRole"], "resources": ["*"]}])
	count(rule.deny) == 0 with input as pol("resource", [allow(["iam:PassRole"], ["*"])])
}
