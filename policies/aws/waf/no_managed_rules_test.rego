package seclint.aws.waf.no_managed_rules_test

import data.seclint.aws.waf.no_managed_rules as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

scan(rules) := {"aws": {"wafv2": {"web_acls": [{"id": "w", "type": "aws_wafv2_web_acl", "rules": rules}]}}}

managed(name, override) := {"override_action": override, "statements": ["managed_rule_group"], "managed_rule_group": {"vendor_name": "AWS", "name": name}}

test_no_rules_fires if {
	fs := rule.deny with input as scan([])
	count(fs) == 1
	count(rule.deny) == 1 with input as {"aws": {"wafv2": {"web_acls": [{"id": "w", "type": "aws_wafv2_web_acl"}]}}}
}

# Trap: a managed group with override action count blocks nothing.
test_count_override_fires if {
	count(rule.deny) == 1 with input as scan([managed("AWSManagedRulesCommonRuleSet", "count")])
}

test_other_groups_fire if {
	count(rule.deny) == 1 with input as scan([managed("AWSManagedRulesAmazonIpReputationList", "none")])
	count(rule.deny) == 1 with input as scan([{"action": "block", "statements": ["rate_based"]}])
	count(rule.deny) == 1 with input as scan([{"action": "count", "statements": ["sqli_match"]}])
}

test_protective_rules_pass if {
	count(rule.deny) == 0 with input as scan([managed("AWSManagedRulesCommonRuleSet", "none")])
	count(rule.deny) == 0 with input as scan([managed("AWSManagedRulesKnownBadInputsRuleSet", "none")])
	count(rule.deny) == 0 with input as scan([{"action": "block", "statements": ["and", "sqli_match", "byte_match"]}])
	count(rule.deny) == 0 with input as scan([{"action": "block", "statements": ["xss_match"]}])
	count(rule.deny) == 0 with input as scan([{"override_action": "none", "statements": ["rule_group_reference"]}])
	count(rule.deny) == 0 with input as scan([{"override_action": "none", "statements": ["managed_rule_group"], "managed_rule_group": {"vendor_name": "F5", "name": "OWASP"}}])
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as scan(unknown)
	count(rule.deny) == 0 with input as scan([{"statements": unknown}])
	count(rule.deny) == 0 with input as scan([managed("AWSManagedRulesCommonRuleSet", unknown)])
	count(rule.deny) == 0 with input as scan([managed(unknown, "none")])
	count(rule.deny) == 0 with input as scan([{"action": unknown, "statements": ["sqli_match"]}])
}
