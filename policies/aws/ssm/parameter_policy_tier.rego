# METADATA
# title: SSM parameter policies on a Standard-tier parameter
# description: |
#   Parameter policies (Expiration, ExpirationNotification,
#   NoChangeNotification) are available only to Advanced parameters
#   (Systems Manager user guide, "Managing parameter tiers"); PutParameter
#   rejects policies on a Standard parameter, so the deployment fails. The
#   rule fires when known, non-empty policies (CloudFormation Policies;
#   Terraform's aws_ssm_parameter has no policies argument) are set on a
#   parameter whose tier is Standard, or not written: Standard is Parameter
#   Store's default tier unless the account's default-tier setting was
#   changed. Intelligent-Tiering creates the parameter as Advanced when the
#   request has policies, so it does not fire.
# custom:
#   id: aws-ssm-parameter-policy-tier
#   severity: HIGH
#   kind: correctness
#   collections: [aws.ssm.parameters]
#   resource_types: [AWS::SSM::Parameter, aws_ssm_parameter]
#   remediation:
#     terraform: |
#       The AWS provider's aws_ssm_parameter has no policies argument; when a
#       parameter gets policies another way (put-parameter --policies), give
#       it the Advanced tier in Terraform too:
#       ```hcl
#       # Before
#       resource "aws_ssm_parameter" "token" {
#         name  = "/app/prod/session-token"
#         type  = "SecureString"
#         value = var.token
#       }
#
#       # After
#       resource "aws_ssm_parameter" "token" {
#         name  = "/app/prod/session-token"
#         type  = "SecureString"
#         tier  = "Advanced"
#         value = var.token
#       }
#       ```
#     cloudformation: |
#       Set the tier to Advanced (or Intelligent-Tiering):
#       ```yaml
#       # Before
#       ReleaseFlag:
#         Type: AWS::SSM::Parameter
#         Properties:
#           Name: /app/prod/release-flag
#           Type: String
#           Value: "on"
#           Policies: '[{"Type":"Expiration","Version":"1.0","Attributes":{"Timestamp":"2030-01-01T00:00:00.000Z"}}]'
#
#       # After
#       ReleaseFlag:
#         Type: AWS::SSM::Parameter
#         Properties:
#           Name: /app/prod/release-flag
#           Type: String
#           Tier: Advanced
#           Value: "on"
#           Policies: '[{"Type":"Expiration","Version":"1.0","Attributes":{"Timestamp":"2030-01-01T00:00:00.000Z"}}]'
#       ```
package seclint.aws.ssm.parameter_policy_tier

import data.seclint.lib

deny contains finding if {
	some p in input.aws.ssm.parameters
	is_string(p.policies)
	not trim_space(p.policies) in {"", "[]"}
	some tier in standard(p)
	finding := {
		"resource": p.id,
		"attribute": "policies",
		"message": sprintf(
			"SSM parameter %s has parameter policies but %s, which does not allow them; set the tier to Advanced or Intelligent-Tiering.",
			[p.id, tier],
		),
	}
}

standard(p) := {"no tier (Parameter Store's default tier is Standard)"} if lib.absent(p, "tier")

standard(p) := {"the Standard tier"} if lib.equals_ci(p.tier, "Standard")
