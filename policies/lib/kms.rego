# KMS key helpers
# Which keys (input.aws.kms.keys) support automatic key rotation. AWS KMS
# rotates automatically only symmetric encryption keys (key spec
# SYMMETRIC_DEFAULT, usage ENCRYPT_DECRYPT) whose key material AWS KMS
# generated (origin AWS_KMS) outside any custom key store; EnableKeyRotation
# rejects asymmetric, HMAC, imported (EXTERNAL) and custom-key-store keys.
# A setting that is not written is AWS's default (SYMMETRIC_DEFAULT,
# ENCRYPT_DECRYPT, AWS_KMS). Neither helper holds on an unknown setting.
package seclint.lib

# kms_rotation_supported(key): every setting that decides it is known (or
# absent) and says the key can rotate automatically.
kms_rotation_supported(key) if {
	_kms_is(key, "key_spec", "SYMMETRIC_DEFAULT")
	_kms_is(key, "key_usage", "ENCRYPT_DECRYPT")
	_kms_is(key, "origin", "AWS_KMS")
	absent(key, "custom_key_store")
}

# kms_rotation_blockers(key) is the set of known reasons why the key cannot
# rotate automatically, as phrases ("an HMAC key (HMAC_256)"); empty when
# there is none.
kms_rotation_blockers(key) := {reason |
	some attr in ["key_spec", "key_usage", "origin", "custom_key_store"]
	reason := _kms_blocker(key, attr)
}

# _kms_is(key, attr, value): the setting is value (any case), or not
# written, which means AWS's default value.
_kms_is(key, attr, _) if absent(key, attr)

_kms_is(key, attr, value) if equals_ci(key[attr], value)

# _kms_other(key, attr, aws_default) is the setting, upper case, when it is
# a known value other than AWS's default.
_kms_other(key, attr, aws_default) := v if {
	is_string(key[attr])
	v := upper(key[attr])
	v != aws_default
}

_kms_blocker(key, "key_spec") := _kms_spec_reason(_kms_other(key, "key_spec", "SYMMETRIC_DEFAULT"))

# The usage of an asymmetric or HMAC key says nothing more than its key spec.
_kms_blocker(key, "key_usage") := sprintf("a %s key (not ENCRYPT_DECRYPT)", [usage]) if {
	usage := _kms_other(key, "key_usage", "ENCRYPT_DECRYPT")
	not _kms_other(key, "key_spec", "SYMMETRIC_DEFAULT")
}

_kms_blocker(key, "origin") := _kms_origin_reason(_kms_other(key, "origin", "AWS_KMS"))

_kms_blocker(key, "custom_key_store") := "in a custom key store" if {
	is_string(key.custom_key_store)
	key.custom_key_store != ""
}

_kms_spec_reason(spec) := sprintf("an HMAC key (%s)", [spec]) if startswith(spec, "HMAC_")

_kms_spec_reason(spec) := sprintf("an asymmetric key (%s)", [spec]) if not startswith(spec, "HMAC_")

_kms_origin_reason("EXTERNAL") := "a key with imported key material (origin EXTERNAL)"

_kms_origin_reason(origin) := "in a custom key store" if origin in {"AWS_CLOUDHSM", "EXTERNAL_KEY_STORE"}

_kms_origin_reason(origin) := sprintf("a key of origin %s", [origin]) if {
	not origin in {"EXTERNAL", "AWS_CLOUDHSM", "EXTERNAL_KEY_STORE"}
}
