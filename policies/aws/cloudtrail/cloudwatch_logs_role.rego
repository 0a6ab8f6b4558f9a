# METADATA
# title: CloudTrail CloudWatch Logs group and role are not set together
# description: |
#   CloudTrail writes to a CloudWatch Logs log group by assuming a role, so
#   the log group ARN and the role ARN go together: AWS rejects a trail
#   that sets one without the other (InvalidCloudWatchLogsLogGroupArn /
#   InvalidCloudWatchLogsRoleArn), and the deployment fails. The rule fires
#   when one of cloud_watch_logs_group_arn and cloud_watch_logs_role_arn
#   (CloudWatchLogsLogGroupArn, CloudWatchLogsRoleArn) is a known value and
#   the other is not written; an unknown value, which may be null, never
#   makes it fire.
# custom:
#   id: aws-cloudtrail-cloudwatch-logs-role
#   severity: HIGH
#   kind: correctness
#   collections: [aws.cloudtrail.trails]
#   resource_types: [aws_cloudtrail, AWS::CloudTrail::Trail]
#   remediation:
#     terraform: |
#       Set both, or neither:
#       ```hcl
#       resource "aws_cloudtrail" "main" {
#         # ...
#         cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
#         cloud_watch_logs_role_arn  = aws_iam_role.trail_to_logs.arn
#       }
#       ```
#     cloudformation: |
#       Set both, or neither:
#       ```yaml
#       Trail:
#         Type: AWS::CloudTrail::Trail
#         Properties:
#           # ...
#           CloudWatchLogsLogGroupArn: !GetAtt TrailLogGroup.Arn
#           CloudWatchLogsRoleArn: !GetAtt TrailToLogsRole.Arn
#       ```
package seclint.aws.cloudtrail.cloudwatch_logs_role

import data.seclint.lib

deny contains finding if {
	some trail in input.aws.cloudtrail.trails
	lib.set_to_text(trail, "cloudwatch_logs_group_arn")
	lib.absent_or_empty(trail, "cloudwatch_logs_role_arn")
	finding := {"resource": trail.id, "attribute": "cloudwatch_logs_group_arn", "message": sprintf("Trail %s sets a CloudWatch Logs log group but no role to write to it, which AWS rejects; set cloud_watch_logs_role_arn (CloudWatchLogsRoleArn) too.", [trail.id])}
}

deny contains finding if {
	some trail in input.aws.cloudtrail.trails
	lib.set_to_text(trail, "cloudwatch_logs_role_arn")
	lib.absent_or_empty(trail, "cloudwatch_logs_group_arn")
	finding := {"resource": trail.id, "attribute": "cloudwatch_logs_role_arn", "message": sprintf("Trail %s sets a CloudWatch Logs role but no log group, which AWS rejects; set cloud_watch_logs_group_arn (CloudWatchLogsLogGroupArn) too, or remove the role.", [trail.id])}
}
