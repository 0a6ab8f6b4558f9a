package seclint.aws.s3.versioning_test

import data.seclint.aws.s3.versioning as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

s3(buckets) := {"aws": {"s3": {"buckets": buckets}}}

attributes(buckets) := {f.attribute | some f in rule.deny with input as s3(buckets)}

test_no_versioning_points_at_bucket if {
	attributes([{"id": "b"}]) == {""}
}

test_suspended_and_disabled_fire if {
	attributes([{"id": "b", "versioning": {"status": "Suspended"}}]) == {"versioning.status"}
	attributes([{"id": "b", "versioning": {"status": "Disabled"}}]) == {"versioning.status"}
}

test_enabled_does_not_fire if {
	count(rule.deny) == 0 with input as s3([{"id": "b", "versioning": {"status": "Enabled"}}])
}

test_object_lock_implies_versioning if {
	count(rule.deny) == 0 with input as s3([
		{"id": "b", "object_lock": {"enabled": true}},
		{"id": "c", "object_lock": {"enabled": true}, "versioning": {"status": "Suspended"}},
	])
}

test_object_lock_off_does_not_help if {
	attributes([{"id": "b", "object_lock": {"enabled": false}}]) == {""}
}

test_unknown_values_do_not_fire if {
	count(rule.deny) == 0 with input as s3([
		{"id": "b", "versioning": {"status": unknown}},
		{"id": "c", "object_lock": {"enabled": unknown}},
		{"id": "d", "versioning": {}},
	])
}
