package seclint.aws.cloudtrail.log_bucket_protected_test

import data.seclint.aws.cloudtrail.log_bucket_protected as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

scan(bucket, trails) := {"aws": {
	"s3": {"buckets": [object.union({"id": "b", "type": "aws_s3_bucket", "policies": [], "grants": []}, bucket)]},
	"cloudtrail": {"trails": trails},
}}

to_b := [{"id": "t", "type": "aws_cloudtrail", "bucket_ref": "b"}]

test_unprotected_log_bucket_fires if {
	fs := rule.deny with input as scan({}, to_b)
	count(fs) == 1
	some f in fs
	f.resource == "b"
	f.attribute == ""
	fs2 := rule.deny with input as scan({"versioning": {"status": "Enabled"}}, to_b)
	some f2 in fs2
	f2.attribute == "versioning.mfa_delete"
	count(rule.deny) == 1 with input as scan({"versioning": {"status": "Enabled", "mfa_delete": "Disabled"}}, to_b)
	count(rule.deny) == 1 with input as scan({"object_lock": {"enabled": false}}, to_b)
}

test_protected_log_bucket_passes if {
	count(rule.deny) == 0 with input as scan({"object_lock": {"enabled": true}}, to_b)
	count(rule.deny) == 0 with input as scan({"versioning": {"status": "Enabled", "mfa_delete": "Enabled"}}, to_b)
}

# Only buckets that a trail of the scan delivers to.
test_other_buckets_pass if {
	count(rule.deny) == 0 with input as scan({}, [])
	count(rule.deny) == 0 with input as scan({}, [{"id": "t", "type": "aws_cloudtrail"}])
}

# Two trails into one bucket: one finding naming both.
test_one_finding_per_bucket if {
	fs := rule.deny with input as scan({}, [{"id": "t1", "bucket_ref": "b"}, {"id": "t2", "bucket_ref": "b"}])
	count(fs) == 1
	some f in fs
	contains(f.message, "t1, t2")
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as scan({"object_lock": {"enabled": unknown}}, to_b)
	count(rule.deny) == 0 with input as scan({"versioning": {"status": "Enabled", "mfa_delete": unknown}}, to_b)
}
