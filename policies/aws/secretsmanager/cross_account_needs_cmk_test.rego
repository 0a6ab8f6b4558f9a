package seclint.aws.secretsmanager.cross_account_needs_cmk_test

import data.seclint.aws.secretsmanager.cross_account_needs_cmk as rule

unknown := json.unmarshal(`{"__unknown__": true}`)

read_by(value) := {"effect": "Allow", "actions": ["secretsmanager:GetSecretValue"], "principals": [{"type": "AWS", "value": value}]}

model(secret, statements) := {"aws": {
	"secretsmanager": {"secrets": [object.union({"id": "s", "policies": ["s.policy"]}, secret)]},
	"iam": {"policies": [{"id": "s.policy", "kind": "resource", "statements": statements}]},
}}

fires(secret, statements) if count(rule.deny) == 1 with input as model(secret, statements)

quiet(secret, statements) if count(rule.deny) == 0 with input as model(secret, statements)

test_other_account_with_aws_managed_key_fires if {
	fires({}, [read_by("111122223333")])
	fires({}, [read_by("arn:aws:iam::111122223333:root")])
	fires({}, [read_by("arn:aws:iam::111122223333:role/reader")])
	fires({"kms_key_id": "alias/aws/secretsmanager"}, [read_by("arn:aws:iam::111122223333:role/reader")])
	fires({}, [{"effect": "Allow", "actions": ["secretsmanager:GetSecretValue"], "principals": [{"type": "*", "value": "*"}]}])
	fires({}, [object.union(read_by("111122223333"), {"actions": ["secretsmanager:*"]})])
	fires({}, [object.union(read_by("111122223333"), {"actions": ["secretsmanager:PutSecretValue"]})])
	some f in rule.deny with input as model({}, [read_by("111122223333")])
	f.attribute == "kms_key_id"
}

test_one_finding_per_secret if {
	fires({}, [read_by("111122223333"), read_by("444455556666")])
}

# Traps: a customer managed key, the own account, calls that need no key,
# Deny, service principals, unknowns.
test_traps_do_not_fire if {
	quiet({"kms_key_id": "alias/shared-secrets"}, [read_by("111122223333")])
	quiet({"kms_key_id": unknown}, [read_by("111122223333")])
	quiet({}, [{"effect": "Allow", "actions": ["secretsmanager:GetSecretValue"], "principals": [{"type": "AWS", "value": "arn:aws:iam::111122223333:root", "own_account": true}]}])
	quiet({}, [object.union(read_by("111122223333"), {"actions": ["secretsmanager:DescribeSecret"]})])
	quiet({}, [object.union(read_by("111122223333"), {"effect": "Deny"})])
	quiet({}, [{"effect": "Allow", "actions": ["secretsmanager:GetSecretValue"], "principals": [{"type": "Service", "value": "lambda.amazonaws.com"}]}])
	quiet({}, [read_by(unknown)])
	quiet({}, [object.union(read_by("111122223333"), {"actions": [unknown]})])
}

test_allowed_account_ids_are_own if {
	own := object.union(model({}, [read_by("arn:aws:iam::111122223333:root")]), {"aws": {"account": {"ids": ["111122223333"]}}})
	count(rule.deny) == 0 with input as own
	other := object.union(model({}, [read_by("arn:aws:iam::444455556666:root")]), {"aws": {"account": {"ids": ["111122223333"]}}})
	count(rule.deny) == 1 with input as other
	maybe := object.union(model({}, [read_by("arn:aws:iam::444455556666:root")]), {"aws": {"account": {"ids": [unknown]}}})
	count(rule.deny) == 0 with input as maybe
}

test_policy_of_another_secret_does_not_count if {
	m := {"aws": {
		"secretsmanager": {"secrets": [{"id": "s", "policies": []}]},
		"iam": {"policies": [{"id": "other.policy", "kind": "resource", "statements": [read_by("111122223333")]}]},
	}}
	count(rule.deny) == 0 with input as m
}
