# METADATA
# title: WAF web ACL has no logging configuration
# description: |
#   Without logging, the requests a web ACL allowed, blocked or counted, and
#   the rules that decided, are lost: false positives cannot be tuned and
#   attacks cannot be investigated. The rule fires on a web ACL that no
#   logging configuration of the scan (aws_wafv2_web_acl_logging_configuration
#   / AWS::WAFv2::LoggingConfiguration) names, by reference or by its ARN. A
#   logging configuration whose web ACL is unknown may be any web ACL's, so
#   it keeps every web ACL of the scan from firing.
# custom:
#   id: aws-waf-logging
#   severity: MEDIUM
#   kind: security
#   collections: [aws.wafv2.web_acls, aws.wafv2.logging_configurations]
#   resource_types: [aws_wafv2_web_acl, aws_wafv2_web_acl_logging_configuration, AWS::WAFv2::WebACL, AWS::WAFv2::LoggingConfiguration]
#   remediation:
#     terraform: |
#       ```hcl
#       resource "aws_cloudwatch_log_group" "waf" {
#         name              = "aws-waf-logs-main" # the prefix is required
#         retention_in_days = 365
#       }
#
#       resource "aws_wafv2_web_acl_logging_configuration" "main" {
#         resource_arn            = aws_wafv2_web_acl.main.arn
#         log_destination_configs = [aws_cloudwatch_log_group.waf.arn]
#       }
#       ```
#     cloudformation: |
#       ```yaml
#       WafLogs:
#         Type: AWS::Logs::LogGroup
#         Properties:
#           LogGroupName: aws-waf-logs-main # the prefix is required
#           RetentionInDays: 365
#       WebACLLogging:
#         Type: AWS::WAFv2::LoggingConfiguration
#         Properties:
#           ResourceArn: !GetAtt WebACL.Arn
#           LogDestinationConfigs:
#             - !GetAtt WafLogs.Arn
#       ```
package seclint.aws.waf.logging

import data.seclint.lib

deny contains finding if {
	some acl in input.aws.wafv2.web_acls
	count(object.get(acl, "logging_configurations", [])) == 0
	not _unresolved_configuration
	finding := {"resource": acl.id, "attribute": "", "message": sprintf("Web ACL %s has no logging configuration; add an aws_wafv2_web_acl_logging_configuration (AWS::WAFv2::LoggingConfiguration) for it.", [acl.id])}
}

# A logging configuration whose web ACL is neither linked nor known.
_unresolved_configuration if {
	some c in input.aws.wafv2.logging_configurations
	object.get(c, "web_acl_ref", "") == ""
	not _known_arn(c)
}

_known_arn(c) if is_string(c.resource_arn)
