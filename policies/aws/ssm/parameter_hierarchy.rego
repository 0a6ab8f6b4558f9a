# METADATA
# title: SSM parameter name is not a path
# description: |
#   Parameter hierarchies (/app/prod/db-host) are what least-privilege
#   access to Parameter Store is built on: IAM policies grant
#   ssm:GetParametersByPath or ssm:GetParameter* on
#   arn:aws:ssm:REGION:ACCOUNT:parameter/app/prod/*, and applications load
#   their whole configuration with GetParametersByPath. A flat name can only
#   be granted one by one or through a wildcard that also matches other
#   teams' parameters. The rule fires on a known name that does not start
#   with "/", and on a partly known one whose known beginning does not
#   (app-${Env}/db-host); not when its beginning is unknown (${Prefix}/x).
#   A name CloudFormation generates (no Name written) is not checked.
# custom:
#   id: aws-ssm-parameter-hierarchy
#   severity: LOW
#   kind: security
#   collections: [aws.ssm.parameters]
#   resource_types: [aws_ssm_parameter, AWS::SSM::Parameter]
#   remediation:
#     terraform: |
#       Name the parameter with a path:
#       ```hcl
#       # Before
#       resource "aws_ssm_parameter" "db_host" {
#         name  = "prod-db-host"
#         type  = "String"
#         value = aws_db_instance.main.address
#       }
#
#       # After
#       resource "aws_ssm_parameter" "db_host" {
#         name  = "/app/prod/db-host"
#         type  = "String"
#         value = aws_db_instance.main.address
#       }
#       ```
#     cloudformation: |
#       Name the parameter with a path:
#       ```yaml
#       # Before
#       DbHost:
#         Type: AWS::SSM::Parameter
#         Properties:
#           Name: prod-db-host
#           Type: String
#           Value: !GetAtt Database.Endpoint.Address
#
#       # After
#       DbHost:
#         Type: AWS::SSM::Parameter
#         Properties:
#           Name: /app/prod/db-host
#           Type: String
#           Value: !GetAtt Database.Endpoint.Address
#       ```
package seclint.aws.ssm.parameter_hierarchy

import data.seclint.lib

deny contains finding if {
	some p in input.aws.ssm.parameters
	p.name != ""
	lib.not_startswith(p.name, "/")
	name := lib.shown(p.name)
	finding := {
		"resource": p.id,
		"attribute": "name",
		"message": sprintf(
			"SSM parameter %s is named %q, not a path; name it with a hierarchy such as /app/prod/%s so IAM policies and GetParametersByPath can scope access to it.",
			[p.id, name, name],
		),
	}
}
