# METADATA
# title: SSM parameter value is larger than its tier allows
# description: |
#   Parameter Store limits the size of a value by tier: 4 KB (4,096
#   characters) for Standard parameters and 8 KB for Advanced ones (Systems
#   Manager user guide, "Managing parameter tiers"); PutParameter rejects a
#   larger value, so the deployment fails. The rule fires when the value's
#   length is known (a literal, a known file or parameter default) and
#   exceeds the limit of the tier: Standard when no tier is written (the
#   Parameter Store default tier, unless the account's default-tier setting
#   was changed), 8 KB for Advanced and Intelligent-Tiering (which upgrades
#   a parameter to Advanced when its value needs it). When the tier is
#   unknown it fires only on values longer than 8 KB, which no tier accepts.
# custom:
#   id: aws-ssm-parameter-size-tier
#   severity: HIGH
#   kind: correctness
#   collections: [aws.ssm.parameters]
#   resource_types: [aws_ssm_parameter, AWS::SSM::Parameter]
#   remediation:
#     terraform: |
#       Use the Advanced (or Intelligent-Tiering) tier for values up to 8 KB;
#       keep larger data in S3 and store its location instead:
#       ```hcl
#       # Before: a 5 KB certificate chain in the Standard tier
#       resource "aws_ssm_parameter" "ca_bundle" {
#         name  = "/app/prod/ca-bundle"
#         type  = "String"
#         value = file("${path.module}/ca-bundle.pem")
#       }
#
#       # After
#       resource "aws_ssm_parameter" "ca_bundle" {
#         name  = "/app/prod/ca-bundle"
#         type  = "String"
#         tier  = "Advanced"
#         value = file("${path.module}/ca-bundle.pem")
#       }
#       ```
#     cloudformation: |
#       Use the Advanced (or Intelligent-Tiering) tier for values up to 8 KB;
#       keep larger data in S3 and store its location instead:
#       ```yaml
#       # Before
#       CaBundle:
#         Type: AWS::SSM::Parameter
#         Properties:
#           Name: /app/prod/ca-bundle
#           Type: String
#           Value: "-----BEGIN CERTIFICATE-----..."  # 5 KB
#
#       # After
#       CaBundle:
#         Type: AWS::SSM::Parameter
#         Properties:
#           Name: /app/prod/ca-bundle
#           Type: String
#           Tier: Advanced
#           Value: "-----BEGIN CERTIFICATE-----..."
#       ```
package seclint.aws.ssm.parameter_size_tier

import data.seclint.lib

standard_limit := 4096

advanced_limit := 8192

deny contains finding if {
	some p in input.aws.ssm.parameters
	is_number(p.value_length)
	some limit, tier in limits(p)
	p.value_length > limit
	finding := {
		"resource": p.id,
		"attribute": "value",
		"message": sprintf(
			"SSM parameter %s has a value of %d characters, more than %s allows (%d); %s",
			[p.id, p.value_length, tier, limit, advice(limit)],
		),
	}
}

# limits(p) maps the size limit that applies to p to a description of it.
limits(p) := {standard_limit: "the Standard tier (the default when no tier is set)"} if lib.absent(p, "tier")

limits(p) := {standard_limit: "the Standard tier"} if lib.equals_ci(p.tier, "Standard")

limits(p) := {advanced_limit: sprintf("the %s tier", [p.tier])} if {
	some t in ["Advanced", "Intelligent-Tiering"]
	lib.equals_ci(p.tier, t)
}

limits(p) := {advanced_limit: "any tier"} if lib.is_unknown(p.tier)

advice(limit) := "set tier = \"Advanced\" or \"Intelligent-Tiering\" (CloudFormation Tier), or keep the data in S3 and store its location." if limit == standard_limit

advice(limit) := "keep the data in S3 (or split it) and store its location in the parameter." if limit == advanced_limit
