package seclint.aws.s3.encryption_customer_key_test

import data.seclint.aws.s3.encryption_customer_key as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

s3(buckets) := {"aws": {"s3": {"buckets": buckets}}}

attributes(buckets) := {f.attribute | some f in rule.deny with input as s3(buckets)}

test_no_encryption_is_sse_s3 if {
	attributes([{"id": "b"}]) == {""}
}

test_aes256_fires if {
	attributes([{"id": "b", "encryption": {"algorithm": "AES256"}}]) == {"encryption.algorithm"}
}

test_configuration_without_algorithm_fires if {
	attributes([{"id": "b", "encryption": {}}]) == {"encryption"}
}

test_kms_does_not_fire if {
	count(rule.deny) == 0 with input as s3([
		{"id": "b", "encryption": {"algorithm": "aws:kms", "kms_key_id": "arn:aws:kms:us-east-1:111122223333:key/k"}},
		{"id": "c", "encryption": {"algorithm": "aws:kms:dsse"}},
		{"id": "d", "encryption": {"algorithm": "aws:kms", "kms_key_id": unknown}},
	])
}

test_unknown_algorithm_does_not_fire if {
	count(rule.deny) == 0 with input as s3([{"id": "b", "encryption": {"algorithm": unknown}}])
}
