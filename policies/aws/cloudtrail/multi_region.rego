# METADATA
# title: CloudTrail trail is not multi-Region
# description: |
#   A single-Region trail records only the API activity of the Region it is
#   created in, so an attacker who works in another Region (launching
#   instances where nobody looks) leaves no trace in it. Trails created
#   through the API, the CLI, Terraform (is_multi_region_trail) and
#   CloudFormation (IsMultiRegionTrail) are single-Region unless the setting
#   is true; only the console creates multi-Region trails by default. The
#   rule fires when the setting is false or not written.
# custom:
#   id: aws-cloudtrail-multi-region
#   severity: HIGH
#   kind: security
#   fsbp: [CloudTrail.1]
#   collections: [aws.cloudtrail.trails]
#   resource_types: [aws_cloudtrail, AWS::CloudTrail::Trail]
#   remediation:
#     terraform: |
#       ```hcl
#       resource "aws_cloudtrail" "main" {
#         name                  = "main"
#         s3_bucket_name        = aws_s3_bucket.trail.id
#         is_multi_region_trail = true
#       }
#       ```
#     cloudformation: |
#       ```yaml
#       Trail:
#         Type: AWS::CloudTrail::Trail
#         Properties:
#           IsLogging: true
#           S3BucketName: !Ref TrailBucket
#           IsMultiRegionTrail: true
#       ```
package seclint.aws.cloudtrail.multi_region

import data.seclint.lib

deny contains finding if {
	some trail in input.aws.cloudtrail.trails
	lib.false_or_absent(trail, "multi_region")
	finding := lib.finding(trail, "multi_region", sprintf("Trail %s records only the Region it is created in; set is_multi_region_trail (IsMultiRegionTrail) to true so that activity in every Region is logged.", [trail.id]))
}
