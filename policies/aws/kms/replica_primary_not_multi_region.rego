# METADATA
# title: KMS replica key's primary key is not multi-Region
# description: |
#   Only a multi-Region primary key can be replicated: AWS KMS rejects a
#   replica key (ReplicateKey) whose primary key is a single-Region key, and
#   keys are single-Region unless multi_region / MultiRegion is true. This rule
#   follows the replica's primary_key_arn / PrimaryKeyArn to a key of the same
#   scan (aws_kms_key.primary.arn, !GetAtt PrimaryKey.Arn); a literal ARN
#   names a key outside the scan and is not checked. Whether a key is
#   multi-Region is fixed when it is created: changing it replaces the key in
#   Terraform and fails the update in CloudFormation.
# custom:
#   id: aws-kms-replica-primary-not-multi-region
#   severity: HIGH
#   kind: correctness
#   collections: [aws.kms.replica_keys]
#   resource_types: [aws_kms_replica_key, aws_kms_replica_external_key, aws_kms_key, aws_kms_external_key, AWS::KMS::ReplicaKey, AWS::KMS::Key]
#   remediation:
#     terraform: |
#       Make the primary key multi-Region (this creates a new key):
#       ```hcl
#       # Before
#       resource "aws_kms_key" "primary" {
#         enable_key_rotation = true
#       }
#
#       # After
#       resource "aws_kms_key" "primary" {
#         enable_key_rotation = true
#         multi_region        = true
#       }
#
#       resource "aws_kms_replica_key" "replica" {
#         provider        = aws.secondary
#         primary_key_arn = aws_kms_key.primary.arn
#       }
#       ```
#     cloudformation: |
#       Make the primary key multi-Region (a new key: the update of an
#       existing key's MultiRegion fails), and deploy the replica in a stack
#       of another Region:
#       ```yaml
#       # Before
#       PrimaryKey:
#         Type: AWS::KMS::Key
#         Properties:
#           EnableKeyRotation: true
#
#       # After
#       PrimaryKey:
#         Type: AWS::KMS::Key
#         Properties:
#           EnableKeyRotation: true
#           MultiRegion: true
#       ```
package seclint.aws.kms.replica_primary_not_multi_region

import data.seclint.lib

deny contains finding if {
	some replica in input.aws.kms.replica_keys
	primary := lib.keys_by_id[replica.primary_key_ref]
	lib.false_or_absent(primary, "multi_region")
	finding := {
		"resource": replica.id,
		"attribute": "primary_key_arn",
		"message": sprintf("Replica key %s replicates %s, which is not a multi-Region key, so AWS KMS rejects the replica; set multi_region = true (CloudFormation MultiRegion: true) on %s.", [replica.id, primary.id, primary.id]),
	}
}
