# METADATA
# title: SecureString parameter value is written in the code
# description: |
#   A SecureString is encrypted in Parameter Store, but a value written as
#   a literal in the configuration is in plain text in version control, in
#   every clone and CI log of the repository, and (for Terraform) in the
#   state file, for as long as the history exists. The rule fires when a
#   SecureString's value is a literal: not a variable (even one with a
#   default, which whoever deploys can override), a resource attribute such
#   as random_password.x.result, a function of those, or a file read with
#   file(). A literal kept only as a placeholder — lifecycle {
#   ignore_changes = [value] }, with the real value set outside Terraform —
#   does not count.
#   A literal that reaches the value through a Terraform local or a module
#   call's argument, or a CloudFormation parameter's Default (NoEcho or
#   not), is still written in the code: the finding is at the literal,
#   with the resource as a related location; a root module variable's
#   value (its default, a tfvars file, --var) is an input, not a literal.
# custom:
#   id: aws-ssm-hardcoded-secure-value
#   severity: HIGH
#   kind: security
#   collections: [aws.ssm.parameters]
#   resource_types: [aws_ssm_parameter, AWS::SSM::Parameter]
#   remediation:
#     terraform: |
#       Take the value from a sensitive variable or a generated password, or
#       keep a placeholder that Terraform ignores and set the value outside it:
#       ```hcl
#       # Before
#       resource "aws_ssm_parameter" "api_key" {
#         name  = "/app/prod/api-key"
#         type  = "SecureString"
#         value = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"
#       }
#
#       # After
#       variable "api_key" {
#         type      = string
#         sensitive = true
#       }
#
#       resource "aws_ssm_parameter" "api_key" {
#         name   = "/app/prod/api-key"
#         type   = "SecureString"
#         key_id = aws_kms_key.params.arn
#         value  = var.api_key
#       }
#       ```
#     cloudformation: |
#       CloudFormation cannot create a SecureString parameter, and a value
#       written in the template is in version control. Let Secrets Manager
#       generate the secret and read it through a dynamic reference:
#       ```yaml
#       # Before
#       ApiKey:
#         Type: AWS::SSM::Parameter
#         Properties:
#           Name: /app/prod/api-key
#           Type: String
#           Value: sk_live_4eC39HqLyjWDarjtT1zdp7dc
#
#       # After
#       ApiKey:
#         Type: AWS::SecretsManager::Secret
#         Properties:
#           Name: /app/prod/api-key
#           KmsKeyId: !Ref SecretsKey
#           GenerateSecretString:
#             PasswordLength: 40
#       ```
package seclint.aws.ssm.hardcoded_secure_value

import data.seclint.lib

deny contains finding if {
	some p in input.aws.ssm.parameters
	p.parameter_type == "SecureString"
	p.value_literal == true
	not p.value_ignored == true
	finding := {
		"resource": p.id,
		"attribute": "value",
		"message": sprintf(
			"SecureString parameter %s has its value written in the code, where version control and state keep it in plain text; take it from a sensitive variable or a generated password, or set it outside the code (lifecycle ignore_changes = [value] on a placeholder).",
			[p.id],
		),
	}
}
