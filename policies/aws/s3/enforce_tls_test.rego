package seclint.aws.s3.enforce_tls_test

import data.seclint.aws.s3.enforce_tls as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

tls_deny := {
	"effect": "Deny",
	"actions": ["s3:*"],
	"principals": [{"type": "*", "value": "*"}],
	"conditions": [{"operator": "Bool", "base": "Bool", "key": "aws:SecureTransport", "values": ["false"]}],
}

allow_read := {"effect": "Allow", "actions": ["s3:GetObject"], "principals": [{"type": "AWS", "value": "arn:aws:iam::111122223333:root"}]}

model(statements) := {"aws": {
	"s3": {"buckets": [{"id": "b", "policies": ["b.policy"]}]},
	"iam": {"policies": [{"id": "b.policy", "kind": "resource", "statements": statements}]},
}}

attributes(statements) := {f.attribute | some f in rule.deny with input as model(statements)}

test_no_policy_points_at_bucket if {
	fs := rule.deny with input as {"aws": {"s3": {"buckets": [{"id": "b", "policies": []}]}, "iam": {"policies": []}}}
	{f.attribute | some f in fs} == {""}
}

test_policy_without_deny_points_at_policy if {
	attributes([allow_read]) == {"policies[0]"}
}

test_tls_deny_satisfies if {
	attributes([allow_read, tls_deny]) == set()
}

test_bool_if_exists_and_wildcard_action_satisfy if {
	c := {"operator": "BoolIfExists", "base": "Bool", "if_exists": true, "key": "AWS:SecureTransport", "values": ["FALSE"]}
	attributes([object.union(tls_deny, {"actions": ["*"], "conditions": [c], "principals": [{"type": "AWS", "value": "*"}]})]) == set()
}

# Traps: the deny must cover every S3 action, every principal, and test
# SecureTransport = false; an Allow with SecureTransport = true does not deny
# anything; s3:TlsVersion does not match plain-HTTP requests.
test_partial_denies_do_not_satisfy if {
	attributes([object.union(tls_deny, {"actions": ["s3:GetObject"]})]) == {"policies[0]"}
	attributes([object.union(tls_deny, {"principals": [{"type": "AWS", "value": "arn:aws:iam::111122223333:role/r"}]})]) == {"policies[0]"}
	attributes([object.union(tls_deny, {"effect": "Allow", "conditions": [{"base": "Bool", "key": "aws:SecureTransport", "values": ["true"]}]})]) == {"policies[0]"}
	attributes([object.union(tls_deny, {"conditions": [{"base": "NumericLessThan", "key": "s3:TlsVersion", "values": ["1.2"]}]})]) == {"policies[0]"}
	attributes([object.union(tls_deny, {"conditions": [{"base": "Bool", "key": "aws:SecureTransport", "values": ["true"]}]})]) == {"policies[0]"}
}

test_unknown_parts_do_not_fire if {
	attributes([object.union(tls_deny, {"effect": unknown})]) == set()
	attributes([object.union(tls_deny, {"actions": unknown})]) == set()
	attributes([object.union(tls_deny, {"actions": [unknown]})]) == set()
	attributes([object.union(tls_deny, {"principals": unknown})]) == set()
	attributes([object.union(tls_deny, {"conditions": unknown})]) == set()
	attributes([object.union(tls_deny, {"conditions": [{"base": "Bool", "key": "aws:SecureTransport", "values": unknown}]})]) == set()
}

test_unknown_statements_do_not_fire if {
	m := {"aws": {
		"s3": {"buckets": [{"id": "b", "policies": ["b.policy"]}]},
		"iam": {"policies": [{"id": "b.policy", "kind": "resource", "statements": [], "statements_unknown": true}]},
	}}
	count(rule.deny) == 0 with input as m
}

test_deny_in_second_policy_counts if {
	m := {"aws": {
		"s3": {"buckets": [{"id": "b", "policies": ["p1", "p2"]}]},
		"iam": {"policies": [
			{"id": "p1", "kind": "resource", "statements": [allow_read]},
			{"id": "p2", "kind": "resource", "statements": [tls_deny]},
		]},
	}}
	count(rule.deny) == 0 with input as m
}
