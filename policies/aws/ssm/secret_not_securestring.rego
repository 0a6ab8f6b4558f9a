# METADATA
# title: SSM parameter that holds a secret is not a SecureString
# description: |
#   A String or StringList parameter is stored and returned in plain text:
#   anyone allowed to read it (ssm:GetParameter, GetParameterHistory) and
#   every tool that logs it sees the value, and no KMS key policy or
#   CloudTrail Decrypt event stands between the reader and the secret. A
#   SecureString is encrypted with KMS, so reading it needs kms:Decrypt as
#   well. The rule fires when the parameter's name (the last segment of its
#   path) or its description looks like a secret — password, passwd,
#   passphrase, secret, token, credential, API key or private key, as a word
#   or at the end of a compound word such as DBPassword; names are split
#   into words at every non-letter and at case changes, so db_password2 and
#   MYSECRET2 count — and its type is String or StringList. A secret word followed by a word that makes the
#   name about the secret (token-endpoint-url, db-password-arn,
#   PasswordLength, secret_name) does not count, nor does a known value that
#   is a setting (true, Enabled, a whole number). CloudFormation's
#   AWS::SSM::Parameter cannot create a SecureString (CloudFormation user
#   guide, AWS::SSM::Parameter Type), so there the fix is a Secrets Manager
#   secret, or a SecureString created outside the stack and read through a
#   {{resolve:ssm-secure:...}} dynamic reference.
# custom:
#   id: aws-ssm-secret-not-securestring
#   severity: HIGH
#   kind: security
#   collections: [aws.ssm.parameters]
#   resource_types: [aws_ssm_parameter, AWS::SSM::Parameter]
#   remediation:
#     terraform: |
#       Make the parameter a SecureString, encrypted with a customer managed
#       key, and give it its value from outside the code:
#       ```hcl
#       # Before
#       resource "aws_ssm_parameter" "db_password" {
#         name  = "/app/prod/db-password"
#         type  = "String"
#         value = var.db_password
#       }
#
#       # After
#       resource "aws_ssm_parameter" "db_password" {
#         name   = "/app/prod/db-password"
#         type   = "SecureString"
#         key_id = aws_kms_key.params.arn
#         value  = var.db_password
#       }
#       ```
#     cloudformation: |
#       CloudFormation cannot create a SecureString parameter. Keep the secret
#       in Secrets Manager (generated, never written in the template) and
#       read it with a dynamic reference where it is needed:
#       ```yaml
#       # Before
#       DbPassword:
#         Type: AWS::SSM::Parameter
#         Properties:
#           Name: /app/prod/db-password
#           Type: String
#           Value: !Ref DbPasswordParameter
#
#       # After
#       DbPassword:
#         Type: AWS::SecretsManager::Secret
#         Properties:
#           Name: /app/prod/db-password
#           KmsKeyId: !Ref SecretsKey
#           GenerateSecretString:
#             PasswordLength: 32
#       # where it is used:
#       #   MasterUserPassword: '{{resolve:secretsmanager:/app/prod/db-password}}'
#       ```
package seclint.aws.ssm.secret_not_securestring

import data.seclint.lib

deny contains finding if {
	some p in input.aws.ssm.parameters
	p.parameter_type in {"String", "StringList"}
	not lib.setting_value(object.get(p, "value", null))
	some why in reasons(p)
	finding := {
		"resource": p.id,
		"attribute": "parameter_type",
		"message": sprintf(
			"SSM parameter %s %s but is of type %s, stored in plain text; make it a SecureString with a customer managed key (in CloudFormation, which cannot create one, keep the secret in Secrets Manager and use a dynamic reference).",
			[p.id, why, p.parameter_type],
		),
	}
}

# reasons(p) holds one reason: the name when it looks like a secret, else
# the description.
reasons(p) := {sprintf("is named %q, which looks like a secret,", [p.name])} if {
	lib.looks_like_secret_name(p.name)
}

reasons(p) := {"has a description that says it holds a secret"} if {
	not lib.looks_like_secret_name(p.name)
	lib.looks_like_secret_text(p.description)
}
