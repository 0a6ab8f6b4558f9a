# METADATA
# title: Automatic rotation requested for a KMS key that cannot rotate
# description: |
#   AWS KMS rotates key material automatically only for symmetric encryption
#   keys whose material it generated. EnableKeyRotation rejects asymmetric
#   keys, HMAC keys, keys with imported key material (origin EXTERNAL) and keys
#   in a custom key store (CloudHSM or external key store), so a template or
#   plan that turns rotation on for one of them fails to deploy. Keys with
#   imported material can instead be rotated on demand (RotateKeyOnDemand,
#   single-Region symmetric keys only) after importing new material; other
#   keys are rotated by creating a new key and moving an alias to it.
# custom:
#   id: aws-kms-rotation-unsupported
#   severity: HIGH
#   kind: correctness
#   collections: [aws.kms.keys]
#   resource_types: [aws_kms_key, AWS::KMS::Key]
#   remediation:
#     terraform: |
#       Remove enable_key_rotation (or set it to false) on keys that cannot
#       rotate automatically:
#       ```hcl
#       # Before: AWS rejects rotation for an asymmetric key
#       resource "aws_kms_key" "signing" {
#         customer_master_key_spec = "RSA_3072"
#         key_usage                = "SIGN_VERIFY"
#         enable_key_rotation      = true
#       }
#
#       # After
#       resource "aws_kms_key" "signing" {
#         customer_master_key_spec = "RSA_3072"
#         key_usage                = "SIGN_VERIFY"
#       }
#       ```
#     cloudformation: |
#       Remove EnableKeyRotation (or set it to false) on keys that cannot
#       rotate automatically:
#       ```yaml
#       # Before: AWS rejects rotation for an HMAC key
#       MacKey:
#         Type: AWS::KMS::Key
#         Properties:
#           KeySpec: HMAC_256
#           KeyUsage: GENERATE_VERIFY_MAC
#           EnableKeyRotation: true
#
#       # After
#       MacKey:
#         Type: AWS::KMS::Key
#         Properties:
#           KeySpec: HMAC_256
#           KeyUsage: GENERATE_VERIFY_MAC
#       ```
package seclint.aws.kms.rotation_unsupported

import data.seclint.lib

deny contains finding if {
	some key in input.aws.kms.keys
	lib.is_true(key.rotation_enabled)
	reasons := lib.kms_rotation_blockers(key)
	count(reasons) > 0
	finding := {
		"resource": key.id,
		"attribute": "rotation_enabled",
		"message": sprintf("KMS key %s enables automatic rotation, but it is %s, which AWS KMS cannot rotate automatically, so the deployment fails; remove enable_key_rotation / EnableKeyRotation.", [key.id, concat(" and ", sort(reasons))]),
	}
}
