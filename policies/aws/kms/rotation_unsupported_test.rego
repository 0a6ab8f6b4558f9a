package seclint.aws.kms.rotation_unsupported_test

import data.seclint.aws.kms.rotation_unsupported as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

keys(ks) := {"aws": {"kms": {"keys": ks}}}

key(fields) := object.union({"id": "k", "type": "aws_kms_key", "policies": [], "rotation_enabled": true}, fields)

test_asymmetric_key_with_rotation_fires if {
	fs := rule.deny with input as keys([key({"key_spec": "RSA_3072", "key_usage": "SIGN_VERIFY"})])
	count(fs) == 1
	some f in fs
	f.attribute == "rotation_enabled"
	contains(f.message, "it is an asymmetric key (RSA_3072), which")
}

test_hmac_key_with_rotation_fires if {
	fs := rule.deny with input as keys([key({"key_spec": "HMAC_256", "key_usage": "GENERATE_VERIFY_MAC"})])
	count(fs) == 1
	some f in fs
	contains(f.message, "an HMAC key (HMAC_256)")
}

# A symmetric key spec with another usage is not an encryption key either.
test_usage_without_key_spec_fires if {
	fs := rule.deny with input as keys([key({"key_usage": "SIGN_VERIFY"})])
	some f in fs
	contains(f.message, "it is a SIGN_VERIFY key (not ENCRYPT_DECRYPT), which")
}

test_several_reasons_are_listed if {
	fs := rule.deny with input as keys([key({"key_spec": "RSA_2048", "origin": "EXTERNAL"})])
	count(fs) == 1
	some f in fs
	contains(f.message, "it is a key with imported key material (origin EXTERNAL) and an asymmetric key (RSA_2048), which")
}

test_imported_and_custom_store_keys_with_rotation_fire if {
	fs := rule.deny with input as keys([key({"origin": "EXTERNAL"})])
	some f in fs
	contains(f.message, "imported key material")
	count(rule.deny) == 1 with input as keys([key({"origin": "EXTERNAL_KEY_STORE", "custom_key_store": "cks-0fedcba0987654321"})])
	count(rule.deny) == 1 with input as keys([key({"custom_key_store": "cks-1234567890abcdef0", "origin": unknown})])
}

# The custom key store shows once, though both origin and custom_key_store say it.
test_reasons_are_not_repeated if {
	fs := rule.deny with input as keys([key({"origin": "AWS_CLOUDHSM", "custom_key_store": "cks-1234567890abcdef0"})])
	some f in fs
	contains(f.message, "it is in a custom key store, which")
}

test_rotatable_or_not_rotating_keys_pass if {
	count(rule.deny) == 0 with input as keys([key({})])
	count(rule.deny) == 0 with input as keys([key({"key_spec": "SYMMETRIC_DEFAULT", "origin": "AWS_KMS"})])
	count(rule.deny) == 0 with input as keys([key({"key_spec": "RSA_2048", "rotation_enabled": false})])
	count(rule.deny) == 0 with input as keys([object.remove(key({"key_spec": "RSA_2048"}), ["rotation_enabled"])])
	count(rule.deny) == 0 with input as keys([object.remove(key({"origin": "EXTERNAL"}), ["rotation_enabled"])])
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as keys([key({"key_spec": "RSA_2048", "rotation_enabled": unknown})])
	count(rule.deny) == 0 with input as keys([key({"key_spec": unknown})])
	count(rule.deny) == 0 with input as keys([key({"origin": unknown})])
	count(rule.deny) == 0 with input as keys([key({"custom_key_store": unknown, "origin": unknown})])
}
