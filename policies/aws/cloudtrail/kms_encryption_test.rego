package seclint.aws.cloudtrail.kms_encryption_test

import data.seclint.aws.cloudtrail.kms_encryption as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

trails(ts) := {"aws": {"cloudtrail": {"trails": ts}}}

trail(fields) := object.union({"id": "t", "type": "aws_cloudtrail"}, fields)

test_absent_fires if {
	fs := rule.deny with input as trails([trail({})])
	count(fs) == 1
	some f in fs
	f.attribute == "kms_key_id"
}

test_empty_fires if {
	count(rule.deny) == 1 with input as trails([trail({"kms_key_id": ""})])
}

test_key_passes if {
	count(rule.deny) == 0 with input as trails([trail({"kms_key_id": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"})])
	count(rule.deny) == 0 with input as trails([trail({"kms_key_id": "alias/trail"})])
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as trails([trail({"kms_key_id": unknown})])
}

stores(ss) := {"aws": {"cloudtrail": {"trails": [], "event_data_stores": ss}}}

store(fields) := object.union({"id": "s", "type": "AWS::CloudTrail::EventDataStore"}, fields)

test_store_absent_or_empty_fires if {
	fs := rule.deny with input as stores([store({})])
	count(fs) == 1
	some f in fs
	f.resource == "s"
	f.attribute == "kms_key_id"
	count(rule.deny) == 1 with input as stores([store({"kms_key_id": ""})])
}

test_store_key_passes if {
	count(rule.deny) == 0 with input as stores([store({"kms_key_id": "alias/lake"})])
}

test_store_unknown_never_fires if {
	count(rule.deny) == 0 with input as stores([store({"kms_key_id": unknown})])
}
