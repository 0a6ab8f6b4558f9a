# METADATA
# title: Secret shared with another account is encrypted with the AWS managed key
# description: |
#   Reading a secret from another account needs both the secret's resource
#   policy and the KMS key that encrypts it, and the AWS managed key
#   aws/secretsmanager cannot be used across accounts: its key policy
#   cannot be changed to admit another account (Secrets Manager user guide,
#   "Access AWS Secrets Manager secrets from a different account"). The
#   other account's calls then fail even though the resource policy allows
#   them. The rule fires when an Allow statement of the secret's resource
#   policy lets another account's principal — a literal 12-digit account ID
#   or arn:aws:iam::ID:... / arn:aws:sts::ID:... ARN, or "*" — call
#   secretsmanager:GetSecretValue or PutSecretValue (directly or through a
#   wildcard), and the secret has no KMS key ID or names
#   alias/aws/secretsmanager. Not for principals known to be the scan's own
#   account (built from the deploying account's ID, or one of the Terraform
#   allowed_account_ids), and not for statements that only allow calls that
#   need no key, such as DescribeSecret.
# custom:
#   id: aws-secretsmanager-cross-account-needs-cmk
#   severity: HIGH
#   kind: correctness
#   collections: [aws.secretsmanager.secrets]
#   resource_types: [aws_secretsmanager_secret, aws_secretsmanager_secret_policy, AWS::SecretsManager::Secret, AWS::SecretsManager::ResourcePolicy]
#   remediation:
#     terraform: |
#       Encrypt the secret with a customer managed key whose key policy lets
#       the other account decrypt through Secrets Manager:
#       ```hcl
#       # Before
#       resource "aws_secretsmanager_secret" "shared" {
#         name = "/shared/partner-api"
#       }
#
#       # After
#       resource "aws_kms_key" "shared_secrets" {
#         enable_key_rotation = true
#         policy              = data.aws_iam_policy_document.shared_secrets_key.json # allows kms:Decrypt to the other account with kms:ViaService = secretsmanager.REGION.amazonaws.com
#       }
#
#       resource "aws_secretsmanager_secret" "shared" {
#         name       = "/shared/partner-api"
#         kms_key_id = aws_kms_key.shared_secrets.arn
#       }
#       ```
#     cloudformation: |
#       Encrypt the secret with a customer managed key whose key policy lets
#       the other account decrypt through Secrets Manager:
#       ```yaml
#       # Before
#       SharedSecret:
#         Type: AWS::SecretsManager::Secret
#         Properties:
#           Name: /shared/partner-api
#
#       # After
#       SharedSecret:
#         Type: AWS::SecretsManager::Secret
#         Properties:
#           Name: /shared/partner-api
#           KmsKeyId: !Ref SharedSecretsKey  # its KeyPolicy allows kms:Decrypt to the other account
#       ```
package seclint.aws.secretsmanager.cross_account_needs_cmk

import data.seclint.lib

deny contains finding if {
	some s in input.aws.secretsmanager.secrets
	lib.uses_aws_managed_key(s, "kms_key_id", "secretsmanager")
	names := sort([name |
		some p in lib.policies_of(s)
		some i, st in p.statements
		cross_account_read(st)
		name := lib.statement_name(p, st, i)
	])
	count(names) > 0
	finding := {
		"resource": s.id,
		"attribute": "kms_key_id",
		"message": sprintf(
			"Secrets Manager secret %s is shared with another account by %s but is encrypted with the AWS managed key aws/secretsmanager, which other accounts cannot use; set kms_key_id (CloudFormation KmsKeyId) to a customer managed key whose policy allows that account to decrypt.",
			[s.id, names[0]],
		),
	}
}

# Calls that read or write the secret value, and so need the KMS key.
key_actions := ["secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue"]

cross_account_read(st) if {
	some action in key_actions
	lib.allows_action(st, action)
	some p in st.principals
	lib.another_account(p)
}
