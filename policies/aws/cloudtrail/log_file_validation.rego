# METADATA
# title: CloudTrail log file validation is off
# description: |
#   With log file integrity validation CloudTrail writes a signed digest
#   file every hour, which proves whether a log file was changed or deleted
#   after delivery; without it, someone who can write to the bucket can
#   rewrite history undetected. The setting defaults to false in the API,
#   Terraform (enable_log_file_validation) and CloudFormation
#   (EnableLogFileValidation). The rule fires when it is false or not
#   written.
# custom:
#   id: aws-cloudtrail-log-file-validation
#   severity: MEDIUM
#   kind: security
#   fsbp: [CloudTrail.4]
#   collections: [aws.cloudtrail.trails]
#   resource_types: [aws_cloudtrail, AWS::CloudTrail::Trail]
#   remediation:
#     terraform: |
#       ```hcl
#       resource "aws_cloudtrail" "main" {
#         # ...
#         enable_log_file_validation = true
#       }
#       ```
#     cloudformation: |
#       ```yaml
#       Trail:
#         Type: AWS::CloudTrail::Trail
#         Properties:
#           # ...
#           EnableLogFileValidation: true
#       ```
package seclint.aws.cloudtrail.log_file_validation

import data.seclint.lib

deny contains finding if {
	some trail in input.aws.cloudtrail.trails
	lib.false_or_absent(trail, "log_file_validation")
	finding := {"resource": trail.id, "attribute": "log_file_validation", "message": sprintf("Trail %s does not validate its log files; set enable_log_file_validation (EnableLogFileValidation) to true so that changed or deleted log files can be detected.", [trail.id])}
}
