package seclint.aws.waf.no_rate_based_rule_test

import data.seclint.aws.waf.no_rate_based_rule as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

scan(rules) := {"aws": {"wafv2": {"web_acls": [{"id": "w", "type": "aws_wafv2_web_acl", "rules": rules}]}}}

test_no_rate_rule_fires if {
	count(rule.deny) == 1 with input as scan([])
	count(rule.deny) == 1 with input as scan([{"statements": ["managed_rule_group"]}, {"statements": ["and", "sqli_match"]}])
}

test_rate_rule_passes if {
	count(rule.deny) == 0 with input as scan([{"action": "block", "statements": ["rate_based", "geo_match"]}])
	count(rule.deny) == 0 with input as scan([{"statements": ["rule_group_reference"]}])
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as scan(unknown)
	count(rule.deny) == 0 with input as scan([{"statements": unknown}])
}
