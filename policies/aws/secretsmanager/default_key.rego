# METADATA
# title: Secrets Manager secret uses the AWS managed key aws/secretsmanager
# description: |
#   A secret without a KMS key ID is encrypted with the AWS managed key
#   aws/secretsmanager. Its key policy is AWS's and cannot be changed: it
#   cannot restrict who may decrypt beyond IAM, cannot be used from another
#   account (so the secret cannot be shared), and the CloudTrail record of
#   its use mixes every secret of the account. A customer managed key gives
#   the secret its own key policy and audit trail. The rule fires when the
#   key ID is not written, is empty, or names alias/aws/secretsmanager:
#   written as the alias or its ARN (also built with Fn::Sub or Fn::Join
#   from pseudo parameters, arn:${AWS::Partition}:kms:...:alias/aws/...),
#   or read from a data "aws_kms_alias" (name) or data "aws_kms_key"
#   (key_id) that names it by a known alias.
# custom:
#   id: aws-secretsmanager-default-key
#   severity: LOW
#   kind: security
#   collections: [aws.secretsmanager.secrets]
#   resource_types: [aws_secretsmanager_secret, AWS::SecretsManager::Secret]
#   remediation:
#     terraform: |
#       Encrypt the secret with a customer managed key:
#       ```hcl
#       # Before
#       resource "aws_secretsmanager_secret" "api" {
#         name = "/app/prod/api"
#       }
#
#       # After
#       resource "aws_kms_key" "secrets" {
#         enable_key_rotation = true
#       }
#
#       resource "aws_secretsmanager_secret" "api" {
#         name       = "/app/prod/api"
#         kms_key_id = aws_kms_key.secrets.arn
#       }
#       ```
#     cloudformation: |
#       Encrypt the secret with a customer managed key:
#       ```yaml
#       # Before
#       ApiSecret:
#         Type: AWS::SecretsManager::Secret
#         Properties:
#           Name: /app/prod/api
#
#       # After
#       SecretsKey:
#         Type: AWS::KMS::Key
#         Properties:
#           EnableKeyRotation: true
#       ApiSecret:
#         Type: AWS::SecretsManager::Secret
#         Properties:
#           Name: /app/prod/api
#           KmsKeyId: !Ref SecretsKey
#       ```
package seclint.aws.secretsmanager.default_key

import data.seclint.lib

deny contains finding if {
	some s in input.aws.secretsmanager.secrets
	lib.uses_aws_managed_key(s, "kms_key_id", "secretsmanager")
	finding := {
		"resource": s.id,
		"attribute": "kms_key_id",
		"message": sprintf(
			"Secrets Manager secret %s is encrypted with the AWS managed key aws/secretsmanager, whose policy cannot be changed or shared across accounts; set kms_key_id (CloudFormation KmsKeyId) to a customer managed KMS key.",
			[s.id],
		),
	}
}
