# METADATA
# title: CloudFormation parameter that holds a secret is shown or has a default
# description: |
#   CloudFormation shows a parameter's value in the console, in
#   DescribeStacks and in the stack's events unless the parameter has
#   NoEcho: true; and a Default is written in the template, so it is in
#   version control whatever NoEcho says. The rule fires when a parameter's
#   name looks like a secret — password, passwd, passphrase, secret, token,
#   credential, API key or private key, as a word or at the end of a
#   compound word such as DBPassword, but not when a following word makes
#   the name about the secret (DBPasswordSecretArn, TokenTTL, SecretName) —
#   and it lacks NoEcho: true, or has a non-empty Default. Skipped as
#   settings, not secrets: Number parameters, AWS-specific types (whose value
#   names something that exists, such as AWS::SSM::Parameter::Value<String>,
#   the name of a parameter in Parameter Store), and parameters whose
#   default is a boolean, on/off word or whole number (EncryptSecrets:
#   Enabled, MaxPasswordAge: 90). A Default that a resource uses as a
#   secret (a database master password, a secret string, a server
#   certificate's private key) is also a literal in the code for the rules
#   about those, which report it at the same Default. Better still, keep
#   the secret out of parameters: use a {{resolve:secretsmanager:...}}
#   dynamic reference.
# custom:
#   id: aws-cfn-secret-parameter-noecho
#   severity: MEDIUM
#   kind: security
#   collections: [aws.cloudformation.parameters]
#   resource_types: [AWS::CloudFormation::Parameter]
#   remediation:
#     terraform: |
#       Terraform has no CloudFormation parameters; the equivalent is a
#       variable marked sensitive, with no default:
#       ```hcl
#       # Before
#       variable "db_password" {
#         default = "Winter2024!"
#       }
#
#       # After
#       variable "db_password" {
#         type      = string
#         sensitive = true
#       }
#       ```
#     cloudformation: |
#       Mask the parameter and remove its default (or use a dynamic reference
#       to Secrets Manager instead of a parameter):
#       ```yaml
#       # Before
#       Parameters:
#         DBPassword:
#           Type: String
#           Default: Winter2024!
#
#       # After
#       Parameters:
#         DBPassword:
#           Type: String
#           NoEcho: true
#           MinLength: 16
#       ```
package seclint.aws.cloudformation.secret_parameter_noecho

import data.seclint.lib

deny contains finding if {
	pattern := lib.may_mention_secret_pattern # once: each reference to a rule costs allocations
	some p in input.aws.cloudformation.parameters
	regex.match(pattern, p.name) # a builtin that spares most parameters the call
	lib.looks_like_secret_name(p.name)
	not setting(p)
	some attr, problem in problems(p)
	finding := {
		"resource": p.id,
		"attribute": attr,
		"message": sprintf(
			"CloudFormation parameter %s looks like a secret but %s; %s, or read the secret with a {{resolve:secretsmanager:...}} dynamic reference.",
			[p.id, problem, fixes[attr]],
		),
	}
}

fixes := {
	"default": "remove the Default and set NoEcho: true",
	"no_echo": "set NoEcho: true",
}

# setting(p): the parameter is not a secret whatever its name: a number, an
# AWS-specific type (its value is the ID or name of something that exists,
# such as AWS::SSM::Parameter::Value<String>, whose value is the name of a
# parameter in Parameter Store), or a default that is a setting (true,
# Enabled, required, 90).
setting(p) if p.parameter_type == "Number"

setting(p) if {
	is_string(p.parameter_type)
	some prefix in ["AWS::", "List<AWS::"]
	startswith(p.parameter_type, prefix)
}

setting(p) if lib.setting_value(object.get(p, "default", null))

# problems(p) holds one problem, located where it is fixed: a default value
# first (the secret is in the template), else the missing NoEcho.
problems(p) := {"default": sprintf("has a Default value written in the template%s", [echo_suffix(p)])} if {
	has_default(p)
}

problems(p) := {"no_echo": "does not have NoEcho: true, so its value is shown in the console and API"} if {
	not has_default(p)
	not_masked(p)
}

has_default(p) if {
	is_string(p["default"])
	p["default"] != ""
}

not_masked(p) if lib.false_or_absent(p, "no_echo")

echo_suffix(p) := " and no NoEcho: true" if not_masked(p)

echo_suffix(p) := "" if not not_masked(p)
