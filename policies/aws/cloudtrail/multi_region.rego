# METADATA
# title: CloudTrail trail is not multi-Region
# description: |
#   A single-Region trail records only the API activity of the Region it is
#   created in, so an attacker who works in another Region (launching
#   instances where nobody looks) leaves no trace in it. Trails created
#   through the API, the CLI, Terraform (is_multi_region_trail) and
#   CloudFormation (IsMultiRegionTrail) are single-Region unless the setting
#   is true; only the console creates multi-Region trails by default. The
#   rule fires when the setting is false or not written. CloudTrail Lake
#   event data stores default the other way: multi_region_enabled
#   (MultiRegionEnabled) is true unless written (the API's default, which
#   the Terraform provider plans), so a store fires only when it is
#   explicitly false (AWS Config's cloudtrail-event-data-store-multi-region).
# custom:
#   id: aws-cloudtrail-multi-region
#   severity: HIGH
#   kind: security
#   fsbp: [CloudTrail.1]
#   collections: [aws.cloudtrail.trails, aws.cloudtrail.event_data_stores]
#   resource_types: [aws_cloudtrail, AWS::CloudTrail::Trail, aws_cloudtrail_event_data_store, AWS::CloudTrail::EventDataStore]
#   remediation:
#     terraform: |
#       ```hcl
#       resource "aws_cloudtrail" "main" {
#         name                  = "main"
#         s3_bucket_name        = aws_s3_bucket.trail.id
#         is_multi_region_trail = true
#       }
#       ```
#       For an event data store, remove multi_region_enabled = false.
#     cloudformation: |
#       ```yaml
#       Trail:
#         Type: AWS::CloudTrail::Trail
#         Properties:
#           IsLogging: true
#           S3BucketName: !Ref TrailBucket
#           IsMultiRegionTrail: true
#       ```
#       For an event data store, remove MultiRegionEnabled: false.
package seclint.aws.cloudtrail.multi_region

import data.seclint.lib

deny contains finding if {
	some trail in input.aws.cloudtrail.trails
	lib.false_or_absent(trail, "multi_region")
	finding := {"resource": trail.id, "attribute": "multi_region", "message": sprintf("Trail %s records only the Region it is created in; set is_multi_region_trail (IsMultiRegionTrail) to true so that activity in every Region is logged.", [trail.id])}
}

deny contains finding if {
	some store in input.aws.cloudtrail.event_data_stores
	lib.is_false(store.multi_region)
	finding := {"resource": store.id, "attribute": "multi_region", "message": sprintf("Event data store %s collects only the events of the Region it is created in; remove multi_region_enabled = false (MultiRegionEnabled: false) so that activity in every Region is kept.", [store.id])}
}
