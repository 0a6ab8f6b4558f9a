package seclint.lib_test

import data.seclint.lib

test_kms_rotation_supported_by_default_settings if {
	lib.kms_rotation_supported({"id": "k"})
	lib.kms_rotation_supported({"id": "k", "key_spec": "SYMMETRIC_DEFAULT", "key_usage": "ENCRYPT_DECRYPT", "origin": "AWS_KMS"})
	lib.kms_rotation_supported({"id": "k", "key_spec": "symmetric_default"})
	not lib.kms_rotation_supported({"id": "k", "key_spec": "RSA_2048"})
	not lib.kms_rotation_supported({"id": "k", "key_usage": "GENERATE_VERIFY_MAC"})
	not lib.kms_rotation_supported({"id": "k", "origin": "EXTERNAL"})
	not lib.kms_rotation_supported({"id": "k", "custom_key_store": "cks-1234567890abcdef0"})
	not lib.kms_rotation_supported({"id": "k", "key_spec": {"__unknown__": true}})
	not lib.kms_rotation_supported({"id": "k", "custom_key_store": {"__unknown__": true}})
}

test_kms_rotation_blockers if {
	count(lib.kms_rotation_blockers({"id": "k"})) == 0
	count(lib.kms_rotation_blockers({"id": "k", "key_spec": {"__unknown__": true}, "origin": {"__unknown__": true}})) == 0
	lib.kms_rotation_blockers({"id": "k", "key_spec": "HMAC_256", "key_usage": "GENERATE_VERIFY_MAC"}) == {"an HMAC key (HMAC_256)"}
	lib.kms_rotation_blockers({"id": "k", "key_usage": "SIGN_VERIFY"}) == {"a SIGN_VERIFY key (not ENCRYPT_DECRYPT)"}
	lib.kms_rotation_blockers({"id": "k", "key_spec": "RSA_2048", "origin": "EXTERNAL"}) == {"an asymmetric key (RSA_2048)", "a key with imported key material (origin EXTERNAL)"}
	lib.kms_rotation_blockers({"id": "k", "key_spec": "ML_DSA_65"}) == {"an asymmetric key (ML_DSA_65)"}
	lib.kms_rotation_blockers({"id": "k", "origin": "EXTERNAL"}) == {"a key with imported key material (origin EXTERNAL)"}
	lib.kms_rotation_blockers({"id": "k", "origin": "AWS_CLOUDHSM", "custom_key_store": "cks-1"}) == {"in a custom key store"}
}
