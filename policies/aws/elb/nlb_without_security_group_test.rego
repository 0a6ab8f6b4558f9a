package seclint.aws.elb.nlb_without_security_group_test

import data.seclint.aws.elb.nlb_without_security_group as rule

unknown := json.unmarshal(`{"__unknown__": true}`)

model(lb) := {"aws": {"elb": {"load_balancers": [object.union({"id": "lb", "type": "aws_lb", "lb_type": "network"}, lb)]}}}

test_no_groups_fires if {
	count(rule.deny) == 1 with input as model({})
	count(rule.deny) == 1 with input as model({"internal": false})
	fs := rule.deny with input as model({"security_groups": []})
	some f in fs
	f.attribute == "security_groups"
}

test_groups_pass if {
	count(rule.deny) == 0 with input as model({"security_groups": ["sg-1"]})
	count(rule.deny) == 0 with input as model({"security_groups": [unknown]})
}

test_internal_or_alb_pass if {
	count(rule.deny) == 0 with input as model({"internal": true})
	count(rule.deny) == 0 with input as model({"lb_type": "application"})
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as model({"security_groups": unknown})
	count(rule.deny) == 0 with input as model({"internal": unknown})
	count(rule.deny) == 0 with input as model({"lb_type": unknown})
}
