package seclint.aws.iam.service_wildcard_test

import data.seclint.aws.iam.service_wildcard as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

pol(kind, statements) := {"aws": {"iam": {"policies": [{"id": "p", "kind": kind, "statements": statements}]}}}

allow(actions, resources) := {"effect": "Allow", "actions": actions, "resources": resources}

test_service_wildcard_fires if {
	fs := rule.deny with input as pol("identity", [allow(["s3:GetObject", "s3:*"], ["*"])])
	count(fs) == 1
	some f in fs
	f.attribute == "statements[0].actions[1]"
	contains(f.message, "every s3 action")
}

test_each_service_fires if {
	count(rule.deny) == 2 with input as pol("identity", [allow(["KMS:*", "iam:*", unknown], ["*", unknown])])
}

test_traps_do_not_fire if {
	count(rule.deny) == 0 with input as pol("identity", [allow(["*"], ["*"])])
	count(rule.deny) == 0 with input as pol("identity", [allow(["*:*"], ["*"])])
	count(rule.deny) == 0 with input as pol("identity", [allow(["s3:Get*", "s3:List*"], ["*"])])
	count(rule.deny) == 0 with input as pol("identity", [allow(["s3*:*"], ["*"])])
	count(rule.deny) == 0 with input as pol("identity", [allow(["s3:*"], ["arn:aws:s3:::b", "arn:aws:s3:::b/*"])])
	count(rule.deny) == 0 with input as pol("identity", [allow(["s3:*"], unknown)])
	count(rule.deny) == 0 with input as pol("identity", [allow(unknown, ["*"])])
	count(rule.deny) == 0 with input as pol("identity", [{"effect": "Deny", "actions": ["s3:*"], "resources": ["*"]}])
	count(rule.deny) == 0 with input as pol("identity", [{"effect": unknown, "actions": ["s3:*"], "resources": ["*"]}])

	# The default key policy.
	count(rule.deny) == 0 with input as pol("resource", [object.union(allow(["kms:*"], ["*"]), {"principals": [{"type": "AWS", "value": "arn:aws:iam::111122223333:root"}]})])
}
