# METADATA
# title: CloudTrail trail excludes global service events
# description: |
#   IAM, STS and AWS sign-in (ConsoleLogin) events are global: they are
#   delivered only to trails that include global service events. A trail
#   that excludes them misses who created users, attached policies,
#   assumed roles and signed in. The setting defaults to true in the API,
#   Terraform (include_global_service_events) and CloudFormation
#   (IncludeGlobalServiceEvents); the rule fires only when it is false.
# custom:
#   id: aws-cloudtrail-global-service-events
#   severity: MEDIUM
#   kind: security
#   collections: [aws.cloudtrail.trails]
#   resource_types: [aws_cloudtrail, AWS::CloudTrail::Trail]
#   remediation:
#     terraform: |
#       ```hcl
#       resource "aws_cloudtrail" "main" {
#         # ...
#         include_global_service_events = true # the default: or remove the argument
#       }
#       ```
#     cloudformation: |
#       ```yaml
#       Trail:
#         Type: AWS::CloudTrail::Trail
#         Properties:
#           # ...
#           IncludeGlobalServiceEvents: true # the default: or remove the property
#       ```
package seclint.aws.cloudtrail.global_service_events

import data.seclint.lib

deny contains finding if {
	some trail in input.aws.cloudtrail.trails
	lib.is_false(trail.include_global_service_events)
	finding := {"resource": trail.id, "attribute": "include_global_service_events", "message": sprintf("Trail %s excludes global service events (IAM, STS, console sign-in); set include_global_service_events (IncludeGlobalServiceEvents) to true.", [trail.id])}
}
