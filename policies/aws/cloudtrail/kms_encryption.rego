# METADATA
# title: CloudTrail logs are not encrypted with a KMS key
# description: |
#   Without a KMS key CloudTrail log files are encrypted with S3-managed
#   keys (SSE-S3), so anyone allowed to read the bucket can read the logs.
#   With SSE-KMS, reading a log also needs kms:Decrypt on the key, whose
#   key policy limits who can, and every use of the key is itself logged.
#   The rule fires when kms_key_id (KMSKeyId) is not written or empty. A
#   CloudTrail Lake event data store without kms_key_id (KmsKeyId) is
#   encrypted with a key that CloudTrail owns, which no key policy of yours
#   governs: it fires too (AWS Config's
#   event-data-store-cmk-encryption-enabled). A store's key cannot be
#   changed once set.
# custom:
#   id: aws-cloudtrail-kms-encryption
#   severity: MEDIUM
#   kind: security
#   fsbp: [CloudTrail.2]
#   collections: [aws.cloudtrail.trails, aws.cloudtrail.event_data_stores]
#   resource_types: [aws_cloudtrail, AWS::CloudTrail::Trail, aws_cloudtrail_event_data_store, AWS::CloudTrail::EventDataStore]
#   remediation:
#     terraform: |
#       Use a customer managed key whose key policy lets
#       cloudtrail.amazonaws.com call kms:GenerateDataKey* for this trail
#       (aws:SourceArn) and lets the log readers decrypt:
#       ```hcl
#       resource "aws_cloudtrail" "main" {
#         # ...
#         kms_key_id = aws_kms_key.trail.arn
#       }
#       ```
#       An aws_cloudtrail_event_data_store takes kms_key_id the same way.
#     cloudformation: |
#       ```yaml
#       Trail:
#         Type: AWS::CloudTrail::Trail
#         Properties:
#           # ...
#           KMSKeyId: !GetAtt TrailKey.Arn
#       ```
#       The key policy must let cloudtrail.amazonaws.com call
#       kms:GenerateDataKey* for this trail. An
#       AWS::CloudTrail::EventDataStore takes KmsKeyId (spelled so).
package seclint.aws.cloudtrail.kms_encryption

import data.seclint.lib

deny contains finding if {
	some trail in input.aws.cloudtrail.trails
	lib.absent_or_empty(trail, "kms_key_id")
	finding := {"resource": trail.id, "attribute": "kms_key_id", "message": sprintf("Trail %s log files are encrypted with S3-managed keys only; set kms_key_id (KMSKeyId) to a customer managed KMS key so that reading them needs kms:Decrypt.", [trail.id])}
}

deny contains finding if {
	some store in input.aws.cloudtrail.event_data_stores
	lib.absent_or_empty(store, "kms_key_id")
	finding := {"resource": store.id, "attribute": "kms_key_id", "message": sprintf("Event data store %s is encrypted with a key CloudTrail owns; set kms_key_id (KmsKeyId) to a customer managed KMS key so that reading its events needs kms:Decrypt.", [store.id])}
}
