package seclint.aws.s3.access_logging_test

import data.seclint.aws.s3.access_logging as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

s3(buckets) := {"aws": {"s3": {"buckets": buckets}}}

# bucket(fields) is a bucket as the linking step leaves it: logged_by lists
# the buckets that deliver their logs into it (by reference or by name;
# parsers/link tests how those are found).
bucket(fields) := object.union({"logged_by": []}, fields)

ids(buckets) := {f.resource | some f in rule.deny with input as s3(buckets)}

test_no_logging_fires_at_bucket if {
	fs := rule.deny with input as s3([bucket({"id": "b"})])
	{[f.resource, f.attribute] | some f in fs} == {["b", ""]}
}

test_logging_configured_does_not_fire if {
	ids([
		bucket({"id": "b", "logging": {"target_bucket": "logs"}}),
		bucket({"id": "c", "logging": {"target_bucket": unknown}}),
	]) == set()
}

test_logging_to_itself_counts if {
	ids([bucket({"id": "b", "name": "b-name", "logging": {"target_bucket_ref": "b"}, "logged_by": ["b"]})]) == set()
}

test_log_target_is_exempt if {
	ids([bucket({"id": "data", "logging": {"target_bucket_ref": "logs"}}), bucket({"id": "logs", "logged_by": ["data"]})]) == set()
}

# A name alone exempts nothing: only the link the linking step records does.
test_unlinked_names_do_not_exempt if {
	ids([bucket({"id": "data", "logging": {"target_bucket": unknown}}), bucket({"id": "logs", "name": unknown})]) == {"logs"}
	ids([bucket({"id": "data", "logging": {"target_bucket": "acme-logs"}}), bucket({"id": "logs", "name": "acme-logs"})]) == {"logs"}
}

test_other_buckets_still_fire if {
	ids([bucket({"id": "data", "logging": {"target_bucket_ref": "logs"}}), bucket({"id": "logs", "logged_by": ["data"]}), bucket({"id": "other"})]) == {"other"}
}
