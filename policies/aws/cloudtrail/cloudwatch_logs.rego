# METADATA
# title: CloudTrail trail is not delivered to CloudWatch Logs
# description: |
#   CloudTrail delivers log files to S3 in batches about every five
#   minutes, where nothing watches them; delivered to a CloudWatch Logs log
#   group the events become a stream that metric filters and alarms can act
#   on (root sign-in, policy changes, disabled logging) within minutes. The
#   rule fires when cloud_watch_logs_group_arn (CloudWatchLogsLogGroupArn)
#   is not written or empty.
# custom:
#   id: aws-cloudtrail-cloudwatch-logs
#   severity: LOW
#   kind: security
#   fsbp: [CloudTrail.5]
#   collections: [aws.cloudtrail.trails]
#   resource_types: [aws_cloudtrail, AWS::CloudTrail::Trail]
#   remediation:
#     terraform: |
#       ```hcl
#       resource "aws_cloudwatch_log_group" "trail" {
#         name              = "/aws/cloudtrail/main"
#         retention_in_days = 365
#       }
#
#       resource "aws_cloudtrail" "main" {
#         # ...
#         cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
#         cloud_watch_logs_role_arn  = aws_iam_role.trail_to_logs.arn # trusted by cloudtrail.amazonaws.com, allowed logs:CreateLogStream and logs:PutLogEvents
#       }
#       ```
#     cloudformation: |
#       ```yaml
#       Trail:
#         Type: AWS::CloudTrail::Trail
#         Properties:
#           # ...
#           CloudWatchLogsLogGroupArn: !GetAtt TrailLogGroup.Arn
#           CloudWatchLogsRoleArn: !GetAtt TrailToLogsRole.Arn
#       ```
package seclint.aws.cloudtrail.cloudwatch_logs

import data.seclint.lib

deny contains finding if {
	some trail in input.aws.cloudtrail.trails
	lib.absent_or_empty(trail, "cloudwatch_logs_group_arn")
	finding := {"resource": trail.id, "attribute": "cloudwatch_logs_group_arn", "message": sprintf("Trail %s is not delivered to CloudWatch Logs; set cloud_watch_logs_group_arn and cloud_watch_logs_role_arn (CloudWatchLogsLogGroupArn, CloudWatchLogsRoleArn) so that alarms can act on its events.", [trail.id])}
}
