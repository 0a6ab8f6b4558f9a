# METADATA
# title: WAF logging destination name does not start with aws-waf-logs-
# description: |
#   AWS WAF delivers logs only to a CloudWatch Logs log group, an S3 bucket
#   or a Data Firehose stream whose name starts with aws-waf-logs-;
#   PutLoggingConfiguration rejects any other destination, so the deploy
#   fails. The rule fires on a destination whose name is known: from a
#   literal ARN (arn:...:logs:...:log-group:NAME, arn:...:s3:::NAME,
#   arn:...:firehose:...:deliverystream/NAME) or from the known name of the
#   bucket of the scan it references; also when the name is only partly
#   known but its known beginning already differs from aws-waf-logs-
#   (acme-logs-${AWS::AccountId}). A name that is not known (a log group
#   or stream referenced by its computed ARN), or whose known beginning
#   may still continue to aws-waf-logs- (aws-${Env}), never fires.
# custom:
#   id: aws-waf-logging-destination-name
#   severity: HIGH
#   kind: correctness
#   collections: [aws.wafv2.logging_configurations]
#   resource_types: [aws_wafv2_web_acl_logging_configuration, aws_s3_bucket, AWS::WAFv2::LoggingConfiguration, AWS::S3::Bucket]
#   remediation:
#     terraform: |
#       Name the destination with the prefix:
#       ```hcl
#       resource "aws_cloudwatch_log_group" "waf" {
#         name = "aws-waf-logs-main"
#       }
#
#       resource "aws_wafv2_web_acl_logging_configuration" "main" {
#         resource_arn            = aws_wafv2_web_acl.main.arn
#         log_destination_configs = [aws_cloudwatch_log_group.waf.arn]
#       }
#       ```
#     cloudformation: |
#       Name the destination with the prefix:
#       ```yaml
#       WafLogs:
#         Type: AWS::Logs::LogGroup
#         Properties:
#           LogGroupName: aws-waf-logs-main
#       WebACLLogging:
#         Type: AWS::WAFv2::LoggingConfiguration
#         Properties:
#           ResourceArn: !GetAtt WebACL.Arn
#           LogDestinationConfigs:
#             - !GetAtt WafLogs.Arn
#       ```
package seclint.aws.waf.logging_destination_name

import data.seclint.lib

deny contains finding if {
	some c in input.aws.wafv2.logging_configurations
	is_array(c.destinations)
	some i, d in c.destinations
	name := _name(d)
	lib.pattern_not_startswith(name, "aws-waf-logs-")
	finding := {"resource": c.id, "attribute": sprintf("destinations[%d]", [i]), "message": sprintf("WAF logging destination %q of %s does not start with aws-waf-logs-: AWS WAF rejects it; rename the log group, bucket or Firehose stream.", [lib.shown_pattern(name), c.id])}
}

# The destination's name, as a pattern text (lib.pattern_text: what is known
# of it, an unknown part as NUL), from an ARN known or partly known.
_name(d) := name if name := _arn_name(lib.pattern_text(d.arn))

# The known or partly known name of the bucket of the scan it references.
_name(d) := name if {
	not _arn_named(d)
	name := lib.pattern_text(lib.buckets_by_id[d.bucket_ref].name)
}

_arn_named(d) if _arn_name(lib.pattern_text(d.arn))

_arn_name(arn) := parts[1] if {
	parts := regex.find_all_string_submatch_n(`^arn:[^:]+:logs:[^:]*:[^:]*:log-group:([^:]+)`, arn, 1)[0]
}

_arn_name(arn) := parts[1] if {
	parts := regex.find_all_string_submatch_n(`^arn:[^:]+:s3:::([^/]+)`, arn, 1)[0]
}

_arn_name(arn) := parts[1] if {
	parts := regex.find_all_string_submatch_n(`^arn:[^:]+:firehose:[^:]*:[^:]*:deliverystream/(.+)$`, arn, 1)[0]
}
