# METADATA
# title: CloudTrail trail notifies no SNS topic
# description: |
#   An SNS topic notified of each log file delivery lets a log pipeline or
#   a monitor react to new log files, and notice when deliveries stop. The
#   rule fires when sns_topic_name (SnsTopicName) is not written or empty.
# custom:
#   id: aws-cloudtrail-sns-notification
#   severity: LOW
#   kind: security
#   collections: [aws.cloudtrail.trails]
#   resource_types: [aws_cloudtrail, AWS::CloudTrail::Trail]
#   remediation:
#     terraform: |
#       ```hcl
#       resource "aws_cloudtrail" "main" {
#         # ...
#         sns_topic_name = aws_sns_topic.trail.name # its policy allows SNS:Publish to cloudtrail.amazonaws.com
#       }
#       ```
#     cloudformation: |
#       ```yaml
#       Trail:
#         Type: AWS::CloudTrail::Trail
#         Properties:
#           # ...
#           SnsTopicName: !GetAtt TrailTopic.TopicName
#       ```
package seclint.aws.cloudtrail.sns_notification

import data.seclint.lib

deny contains finding if {
	some trail in input.aws.cloudtrail.trails
	lib.absent_or_empty(trail, "sns_topic_name")
	finding := {"resource": trail.id, "attribute": "sns_topic_name", "message": sprintf("Trail %s notifies no SNS topic of log file deliveries; set sns_topic_name (SnsTopicName).", [trail.id])}
}
