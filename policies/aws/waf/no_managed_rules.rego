# METADATA
# title: WAF web ACL has no rules against common exploits
# description: |
#   A web ACL without a managed rule group against common exploits and
#   without SQL injection or cross-site scripting rules of its own lets the
#   OWASP classics through to the application. The rule fires on a web ACL
#   whose rules are all known when none of them is an AWS managed group
#   against exploits (AWSManagedRulesCommonRuleSet, SQLiRuleSet,
#   KnownBadInputsRuleSet, the Linux, Unix, Windows, PHP, WordPress and
#   AdminProtection rule sets), a managed group of another vendor, a rule
#   group of your own (its rules are not in the web ACL), or a rule with an
#   SQL injection or XSS match statement (at any depth) whose action is not
#   count. A managed group whose override action is count only counts and
#   does not protect. Rules written with a dynamic block, an Fn::If or
#   rule_json are unknown and never fire; neither do rules whose statements
#   or actions are unknown. AWS Firewall Manager policies can add rule
#   groups outside the code; they are not seen here.
# custom:
#   id: aws-waf-no-managed-rules
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
#           name     = "common"
#           priority = 1
#           override_action {
#             none {}
#           }
#           statement {
#             managed_rule_group_statement {
#               vendor_name = "AWS"
#               name        = "AWSManagedRulesCommonRuleSet"
#             }
#           }
#           visibility_config {
#             cloudwatch_metrics_enabled = true
#             metric_name                = "common"
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
#             - Name: common
#               Priority: 1
#               OverrideAction: {None: {}}
#               Statement:
#                 ManagedRuleGroupStatement:
#                   VendorName: AWS
#                   Name: AWSManagedRulesCommonRuleSet
#               VisibilityConfig:
#                 CloudWatchMetricsEnabled: true
#                 MetricName: common
#                 SampledRequestsEnabled: true
#       ```
package seclint.aws.waf.no_managed_rules

import data.seclint.lib

deny contains finding if {
	some acl in input.aws.wafv2.web_acls
	rules := object.get(acl, "rules", [])
	is_array(rules)
	not _protected(rules)
	finding := {"resource": acl.id, "attribute": "", "message": sprintf("Web ACL %s has no managed rule group against common exploits (e.g. AWSManagedRulesCommonRuleSet) and no SQL injection or XSS rule that blocks; add one (override action none).", [acl.id])}
}

_protected(rules) if {
	some rule in rules
	_protects(rule)
}

# AWS managed rule groups against exploits in requests.
_exploit_groups := {
	"AWSManagedRulesCommonRuleSet",
	"AWSManagedRulesSQLiRuleSet",
	"AWSManagedRulesKnownBadInputsRuleSet",
	"AWSManagedRulesLinuxRuleSet",
	"AWSManagedRulesUnixRuleSet",
	"AWSManagedRulesWindowsRuleSet",
	"AWSManagedRulesPHPRuleSet",
	"AWSManagedRulesWordPressRuleSet",
	"AWSManagedRulesAdminProtectionRuleSet",
}

_protects(rule) if lib.is_unknown(rule.statements)

_protects(rule) if {
	"rule_group_reference" in rule.statements
	not _counts_only(rule)
}

_protects(rule) if {
	some kind in rule.statements
	kind in {"sqli_match", "xss_match"}
	not _action_count(rule)
}

_protects(rule) if {
	_exploit_group(rule.managed_rule_group)
	not _counts_only(rule)
}

_exploit_group(group) if group.name in _exploit_groups

# Another vendor's group (AWS Marketplace), or a name not known.
_exploit_group(group) if lib.known_not_in(group.vendor_name, {"AWS"})

_exploit_group(group) if lib.is_unknown(group.vendor_name)

_exploit_group(group) if lib.is_unknown(group.name)

_counts_only(rule) if rule.override_action == "count"

_action_count(rule) if rule.action == "count"
