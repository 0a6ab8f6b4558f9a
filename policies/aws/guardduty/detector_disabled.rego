# METADATA
# title: GuardDuty detector is disabled
# description: |
#   A detector whose enable flag is false (Terraform enable = false,
#   CloudFormation Enable: false) is suspended: GuardDuty analyses no
#   CloudTrail, VPC Flow Log or DNS events of the region and raises no
#   findings, while the configuration looks as if threat detection were in
#   place. Terraform's enable defaults to true and CloudFormation requires
#   Enable, so only an explicit false fires; an unknown value never does.
# custom:
#   id: aws-guardduty-detector-disabled
#   severity: HIGH
#   kind: security
#   collections: [aws.guardduty.detectors]
#   resource_types: [aws_guardduty_detector, AWS::GuardDuty::Detector]
#   remediation:
#     terraform: |
#       Enable the detector (or remove the argument: it defaults to true):
#       ```hcl
#       # Before
#       resource "aws_guardduty_detector" "main" {
#         enable = false
#       }
#
#       # After
#       resource "aws_guardduty_detector" "main" {
#         enable = true
#       }
#       ```
#     cloudformation: |
#       Set Enable to true:
#       ```yaml
#       # Before
#       Detector:
#         Type: AWS::GuardDuty::Detector
#         Properties:
#           Enable: false
#
#       # After
#       Detector:
#         Type: AWS::GuardDuty::Detector
#         Properties:
#           Enable: true
#       ```
package seclint.aws.guardduty.detector_disabled

import data.seclint.lib

deny contains finding if {
	some d in input.aws.guardduty.detectors
	lib.is_false(d.enable)
	finding := {
		"resource": d.id,
		"attribute": "enable",
		"message": sprintf(
			"GuardDuty detector %s is disabled: it analyses no events and raises no findings; set enable (Enable) to true.",
			[d.id],
		),
	}
}
