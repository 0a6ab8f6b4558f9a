package acme.s3.bucket_prefix_test

import data.acme.s3.bucket_prefix

s3(buckets) := {"aws": {"s3": {"buckets": buckets}}}

test_unprefixed_name_fires if {
	fs := bucket_prefix.deny with input as s3([{"id": "logs", "name": "logs"}])
	count(fs) == 1
}

test_prefixed_unknown_and_absent_names_do_not_fire if {
	unknown := json.unmarshal(`{"__unknown__": true}`)
	count(bucket_prefix.deny) == 0 with input as s3([{"id": "a", "name": "acme-platform-logs"}, {"id": "b", "name": unknown}, {"id": "c"}])
}
