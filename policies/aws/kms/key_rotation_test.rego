package seclint.aws.kms.key_rotation_test

import data.seclint.aws.kms.key_rotation as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

keys(ks) := {"aws": {"kms": {"keys": ks}}}

key(fields) := object.union({"id": "k", "type": "aws_kms_key", "policies": []}, fields)

test_absent_rotation_fires if {
	fs := rule.deny with input as keys([key({})])
	count(fs) == 1
	some f in fs
	f.resource == "k"
	f.attribute == "rotation_enabled"
}

test_disabled_rotation_fires if {
	count(rule.deny) == 1 with input as keys([key({"rotation_enabled": false})])
	count(rule.deny) == 1 with input as keys([key({"key_spec": "SYMMETRIC_DEFAULT", "key_usage": "ENCRYPT_DECRYPT", "origin": "AWS_KMS", "rotation_enabled": false})])
	count(rule.deny) == 1 with input as keys([key({"key_spec": "symmetric_default"})])
	count(rule.deny) == 1 with input as keys([key({"multi_region": true})])
}

test_rotating_key_passes if {
	count(rule.deny) == 0 with input as keys([key({"rotation_enabled": true})])
	count(rule.deny) == 0 with input as keys([key({"rotation_enabled": true, "rotation_period_days": 90})])
}

# Keys that cannot rotate automatically are not asked to.
test_keys_that_cannot_rotate_are_skipped if {
	count(rule.deny) == 0 with input as keys([key({"key_spec": "RSA_2048", "key_usage": "SIGN_VERIFY"})])
	count(rule.deny) == 0 with input as keys([key({"key_spec": "ECC_NIST_P256"})])
	count(rule.deny) == 0 with input as keys([key({"key_spec": "HMAC_256", "key_usage": "GENERATE_VERIFY_MAC"})])
	count(rule.deny) == 0 with input as keys([key({"key_usage": "SIGN_VERIFY"})])
	count(rule.deny) == 0 with input as keys([key({"type": "aws_kms_external_key", "origin": "EXTERNAL"})])
	count(rule.deny) == 0 with input as keys([key({"origin": "AWS_CLOUDHSM", "custom_key_store": "cks-1234567890abcdef0"})])
	count(rule.deny) == 0 with input as keys([key({"origin": "EXTERNAL_KEY_STORE", "custom_key_store": "cks-1234567890abcdef0"})])
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as keys([key({"rotation_enabled": unknown})])
	count(rule.deny) == 0 with input as keys([key({"key_spec": unknown})])
	count(rule.deny) == 0 with input as keys([key({"key_usage": unknown})])
	count(rule.deny) == 0 with input as keys([key({"origin": unknown})])
	count(rule.deny) == 0 with input as keys([key({"origin": unknown, "custom_key_store": unknown})])
}

test_one_finding_per_key if {
	fs := rule.deny with input as keys([key({"id": "a"}), key({"id": "b", "rotation_enabled": true}), key({"id": "c", "rotation_enabled": false})])
	{f.resource | some f in fs} == {"a", "c"}
}
