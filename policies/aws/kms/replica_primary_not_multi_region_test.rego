package seclint.aws.kms.replica_primary_not_multi_region_test

import data.seclint.aws.kms.replica_primary_not_multi_region as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

kms(primary, replica) := {"aws": {"kms": {
	"keys": [object.union({"id": "aws_kms_key.primary", "type": "aws_kms_key", "policies": []}, primary)],
	"replica_keys": [object.union({"id": "aws_kms_replica_key.replica", "type": "aws_kms_replica_key", "primary_key_arn": unknown}, replica)],
}}}

linked := {"primary_key_ref": "aws_kms_key.primary"}

test_single_region_primary_fires if {
	fs := rule.deny with input as kms({}, linked)
	count(fs) == 1
	some f in fs
	f.resource == "aws_kms_replica_key.replica"
	f.attribute == "primary_key_arn"
	contains(f.message, "aws_kms_key.primary")
	count(rule.deny) == 1 with input as kms({"multi_region": false}, linked)
}

test_multi_region_primary_passes if {
	count(rule.deny) == 0 with input as kms({"multi_region": true}, linked)
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as kms({"multi_region": unknown}, linked)
}

# A replica whose primary is not a key of the scan (a literal ARN, or an
# unresolvable reference) is not checked.
test_primary_outside_the_scan_is_not_checked if {
	count(rule.deny) == 0 with input as kms({}, {})
	count(rule.deny) == 0 with input as kms({}, {"primary_key_arn": "arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab"})
	count(rule.deny) == 0 with input as kms({}, {"primary_key_ref": "aws_kms_key.other"})
}
