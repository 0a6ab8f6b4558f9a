# METADATA
# title: WAF web ACL has no rate-based rule
# description: |
#   A rate-based rule blocks a client (by IP or another key) that sends
#   more requests than a limit in a time window: the first line against
#   floods, credential stuffing and scraping. The rule fires on a web ACL
#   whose rules are all known when none has a rate-based statement. A rule
#   group of your own may hold rate-based rules, so a reference to one
#   keeps the web ACL from firing; unknown rules (dynamic blocks, Fn::If,
#   rule_json) or statements never fire.
# custom:
#   id: aws-waf-no-rate-based-rule
#   severity: LOW
#   kind: security
#   collections: [aws.wafv2.web_acls]
#   resource_types: [aws_wafv2_web_acl, AWS::WAFv2::WebACL]
#   remediation:
#     terraform: |
#       ```hcl
#       resource "aws_wafv2_web_acl" "main" {
#         # ...
#         rule {
#           name     = "rate"
#           priority = 0
#           action {
#             block {}
#           }
#           statement {
#             rate_based_statement {
#               limit              = 2000 # requests per 5 minutes per IP
#               aggregate_key_type = "IP"
#             }
#           }
#           visibility_config {
#             cloudwatch_metrics_enabled = true
#             metric_name                = "rate"
#             sampled_requests_enabled   = true
#           }
#         }
#       }
#       ```
#     cloudformation: |
#       ```yaml
#       WebACL:
#         Type: AWS::WAFv2::WebACL
#         Properties:
#           Rules:
#             - Name: rate
#               Priority: 0
#               Action: {Block: {}}
#               Statement:
#                 RateBasedStatement:
#                   Limit: 2000
#                   AggregateKeyType: IP
#               VisibilityConfig:
#                 CloudWatchMetricsEnabled: true
#                 MetricName: rate
#                 SampledRequestsEnabled: true
#       ```
package seclint.aws.waf.no_rate_based_rule

import data.seclint.lib

deny contains finding if {
	some acl in input.aws.wafv2.web_acls
	rules := object.get(acl, "rules", [])
	is_array(rules)
	not _may_limit(rules)
	finding := {"resource": acl.id, "attribute": "", "message": sprintf("Web ACL %s has no rate-based rule; add a rule with a rate_based_statement (RateBasedStatement) that blocks clients over a request limit.", [acl.id])}
}

_may_limit(rules) if {
	some rule in rules
	lib.is_unknown(rule.statements)
}

_may_limit(rules) if {
	some rule in rules
	some kind in rule.statements
	kind in {"rate_based", "rule_group_reference"}
}
