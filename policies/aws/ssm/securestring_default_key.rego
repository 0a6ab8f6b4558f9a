# METADATA
# title: SecureString parameter uses the AWS managed key aws/ssm
# description: |
#   A SecureString without a key ID is encrypted with the AWS managed key
#   aws/ssm. Its key policy is AWS's: it cannot be changed to limit who may
#   decrypt, it cannot be used from another account (so the parameter cannot
#   be shared), and it cannot be disabled or scheduled for deletion. A
#   customer managed key gives the parameter its own key policy, lets it be
#   shared across accounts, and separates the CloudTrail record of its
#   decryptions from every other parameter's. The rule fires when the key
#   ID is not written, is empty, or names alias/aws/ssm: written as the
#   alias or its ARN, or read from a data "aws_kms_alias" (name) or
#   data "aws_kms_key" (key_id) that names it by a known alias.
# custom:
#   id: aws-ssm-securestring-default-key
#   severity: LOW
#   kind: security
#   collections: [aws.ssm.parameters]
#   resource_types: [aws_ssm_parameter, AWS::SSM::Parameter]
#   remediation:
#     terraform: |
#       Encrypt the parameter with a customer managed key:
#       ```hcl
#       # Before
#       resource "aws_ssm_parameter" "db_password" {
#         name  = "/app/prod/db-password"
#         type  = "SecureString"
#         value = var.db_password
#       }
#
#       # After
#       resource "aws_kms_key" "params" {
#         enable_key_rotation = true
#       }
#
#       resource "aws_ssm_parameter" "db_password" {
#         name   = "/app/prod/db-password"
#         type   = "SecureString"
#         key_id = aws_kms_key.params.arn
#         value  = var.db_password
#       }
#       ```
#     cloudformation: |
#       CloudFormation cannot create SecureString parameters. Keep the secret
#       in Secrets Manager, encrypted with a customer managed key:
#       ```yaml
#       # Before
#       DbPassword:
#         Type: AWS::SSM::Parameter
#         Properties:
#           Type: SecureString
#           Value: !Ref DbPasswordParameter
#
#       # After
#       DbPassword:
#         Type: AWS::SecretsManager::Secret
#         Properties:
#           KmsKeyId: !Ref SecretsKey
#           GenerateSecretString:
#             PasswordLength: 32
#       ```
package seclint.aws.ssm.securestring_default_key

import data.seclint.lib

deny contains finding if {
	some p in input.aws.ssm.parameters
	p.parameter_type == "SecureString"
	lib.uses_aws_managed_key(p, "key_id", "ssm")
	finding := {
		"resource": p.id,
		"attribute": "key_id",
		"message": sprintf(
			"SecureString parameter %s is encrypted with the AWS managed key aws/ssm, whose policy cannot be changed or shared across accounts; set key_id to a customer managed KMS key.",
			[p.id],
		),
	}
}
