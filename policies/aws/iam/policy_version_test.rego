package seclint.aws.iam.policy_version_test

import data.seclint.aws.iam.policy_version as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

pols(policies) := {"aws": {"iam": {"policies": policies}}}

stmts := [{"effect": "Allow", "actions": ["s3:ListBucket"], "resources": ["*"]}]

test_missing_version_fires_at_the_document if {
	fs := rule.deny with input as pols([{"id": "p", "kind": "identity", "statements": stmts}])
	count(fs) == 1
	some f in fs
	f.attribute == ""
	f.resource == "p"
}

test_old_version_fires_at_the_version if {
	fs := rule.deny with input as pols([{"id": "p", "kind": "resource", "version": "2008-10-17", "statements": stmts}])
	count(fs) == 1
	some f in fs
	f.attribute == "version"
}

test_every_kind if {
	count(rule.deny) == 3 with input as pols([
		{"id": "a", "kind": "identity", "statements": stmts},
		{"id": "b", "kind": "resource", "statements": stmts},
		{"id": "c", "kind": "trust", "statements": []},
	])
}

test_traps_do_not_fire if {
	count(rule.deny) == 0 with input as pols([{"id": "p", "kind": "identity", "version": "2012-10-17", "statements": stmts}])
	count(rule.deny) == 0 with input as pols([{"id": "p", "kind": "identity", "version": unknown, "statements": [], "statements_unknown": true}])

	# Another value is aws-iam-policy-malformed's.
	count(rule.deny) == 0 with input as pols([{"id": "p", "kind": "identity", "version": "2012-10-18", "statements": stmts}])
}
