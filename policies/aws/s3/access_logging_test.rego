package seclint.aws.s3.access_logging_test

import data.seclint.aws.s3.access_logging as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

s3(buckets) := {"aws": {"s3": {"buckets": buckets}}}

ids(buckets) := {f.resource | some f in rule.deny with input as s3(buckets)}

test_no_logging_fires_at_bucket if {
	fs := rule.deny with input as s3([{"id": "b"}])
	{[f.resource, f.attribute] | some f in fs} == {["b", ""]}
}

test_logging_configured_does_not_fire if {
	ids([
		{"id": "b", "logging": {"target_bucket": "logs"}},
		{"id": "c", "logging": {"target_bucket": unknown}},
	]) == set()
}

test_logging_to_itself_counts if {
	ids([{"id": "b", "name": "b-name", "logging": {"target_bucket_ref": "b"}}]) == set()
}

test_log_target_by_reference_is_exempt if {
	ids([{"id": "data", "logging": {"target_bucket_ref": "logs"}}, {"id": "logs"}]) == set()
}

test_log_target_by_name_is_exempt if {
	ids([{"id": "data", "logging": {"target_bucket": "acme-logs"}}, {"id": "logs", "name": "acme-logs"}]) == set()
}

test_unknown_names_do_not_exempt if {
	ids([{"id": "data", "logging": {"target_bucket": unknown}}, {"id": "logs", "name": unknown}]) == {"logs"}
}

test_other_buckets_still_fire if {
	ids([{"id": "data", "logging": {"target_bucket_ref": "logs"}}, {"id": "logs"}, {"id": "other"}]) == {"other"}
}
