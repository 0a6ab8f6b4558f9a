# METADATA
# title: Secrets Manager secret value is written in the code
# description: |
#   Secrets Manager encrypts a secret, but a value written as a literal in
#   the configuration is in plain text in version control, in every clone
#   and CI log of the repository, and (for Terraform) in the state file, for
#   as long as the history exists. The rule fires when the value of an
#   aws_secretsmanager_secret_version (secret_string, secret_binary or
#   secret_string_wo) or the SecretString of an AWS::SecretsManager::Secret
#   is a literal: not a variable (even one with a default), a CloudFormation
#   parameter given at deploy time, a resource attribute such as random_password.x.result, a
#   function of those, or a file read with file(). A function of literals
#   only, such as jsonencode of an object of strings, is still written in
#   the code. A literal kept only as a placeholder — lifecycle {
#   ignore_changes = [secret_string] }, with the real value set outside
#   Terraform — does not count.
#   A literal that reaches the value through a Terraform local or a module
#   call's argument, or a CloudFormation parameter's Default (NoEcho or
#   not), is still written in the code: the finding is at the literal,
#   with the resource as a related location; a root module variable's
#   value (its default, a tfvars file, --var) is an input, not a literal.
# custom:
#   id: aws-secretsmanager-hardcoded-secret
#   severity: HIGH
#   kind: security
#   collections: [aws.secretsmanager.secret_values]
#   resource_types: [aws_secretsmanager_secret_version, AWS::SecretsManager::Secret]
#   remediation:
#     terraform: |
#       Generate the value, or take it from a sensitive variable:
#       ```hcl
#       # Before
#       resource "aws_secretsmanager_secret_version" "db" {
#         secret_id     = aws_secretsmanager_secret.db.id
#         secret_string = jsonencode({ username = "admin", password = "Winter2024!" })
#       }
#
#       # After
#       resource "random_password" "db" {
#         length = 32
#       }
#
#       resource "aws_secretsmanager_secret_version" "db" {
#         secret_id     = aws_secretsmanager_secret.db.id
#         secret_string = jsonencode({ username = "admin", password = random_password.db.result })
#       }
#       ```
#     cloudformation: |
#       Let Secrets Manager generate the value:
#       ```yaml
#       # Before
#       DbSecret:
#         Type: AWS::SecretsManager::Secret
#         Properties:
#           SecretString: '{"username": "admin", "password": "Winter2024!"}'
#
#       # After
#       DbSecret:
#         Type: AWS::SecretsManager::Secret
#         Properties:
#           KmsKeyId: !Ref SecretsKey
#           GenerateSecretString:
#             SecretStringTemplate: '{"username": "admin"}'
#             GenerateStringKey: password
#             PasswordLength: 32
#       ```
package seclint.aws.secretsmanager.hardcoded_secret

import data.seclint.lib

deny contains finding if {
	some v in input.aws.secretsmanager.secret_values
	v.literal == true
	not v.ignored == true
	finding := {
		"resource": v.id,
		"attribute": "secret_string",
		"message": sprintf(
			"%s writes a secret value that is in the code, where version control and state keep it in plain text; generate it (GenerateSecretString, random_password) or take it from a sensitive variable.",
			[v.id],
		),
	}
}
