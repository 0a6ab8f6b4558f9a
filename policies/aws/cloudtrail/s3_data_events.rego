# METADATA
# title: No CloudTrail trail records S3 object-level data events
# description: |
#   Management events do not include S3 object calls: without data events
#   nothing records who read, wrote or deleted an object, or uploaded one
#   with a public ACL. A trail records them with a basic event selector's
#   data resource of type AWS::S3::Object, or an advanced selector with
#   eventCategory Data and resources.type AWS::S3::Object. Data events are
#   high-volume and billed, so a dedicated trail often records them: the
#   rule fires on a trail that records none only when no other trail of the
#   scan records (or may record) them either. Selectors that are unknown
#   count as recording them.
# custom:
#   id: aws-cloudtrail-s3-data-events
#   severity: LOW
#   kind: security
#   collections: [aws.cloudtrail.trails]
#   resource_types: [aws_cloudtrail, AWS::CloudTrail::Trail]
#   remediation:
#     terraform: |
#       Record S3 object events, for every bucket or for the ones that matter:
#       ```hcl
#       resource "aws_cloudtrail" "main" {
#         # ...
#         event_selector {
#           read_write_type           = "All"
#           include_management_events = true
#           data_resource {
#             type   = "AWS::S3::Object"
#             values = ["arn:aws:s3"] # or "${aws_s3_bucket.data.arn}/"
#           }
#         }
#       }
#       ```
#     cloudformation: |
#       ```yaml
#       EventSelectors:
#         - ReadWriteType: All
#           IncludeManagementEvents: true
#           DataResources:
#             - Type: AWS::S3::Object
#               Values: ["arn:aws:s3"]
#       ```
package seclint.aws.cloudtrail.s3_data_events

import data.seclint.lib

deny contains finding if {
	not _some_trail_records
	some trail in input.aws.cloudtrail.trails
	finding := {"resource": trail.id, "attribute": _path(trail), "message": sprintf("Trail %s records no S3 object-level data events, and no other trail of the scan does; add a data resource (or advanced selector) for AWS::S3::Object.", [trail.id])}
}

_some_trail_records if {
	some trail in input.aws.cloudtrail.trails
	lib.trail_may_record_s3_data(trail)
}

_path(trail) := "advanced_event_selectors" if count(object.get(trail, "advanced_event_selectors", [])) > 0

_path(trail) := "event_selectors" if {
	count(object.get(trail, "advanced_event_selectors", [])) == 0
	count(object.get(trail, "event_selectors", [])) > 0
}

_path(trail) := "" if {
	count(object.get(trail, "advanced_event_selectors", [])) == 0
	count(object.get(trail, "event_selectors", [])) == 0
}
