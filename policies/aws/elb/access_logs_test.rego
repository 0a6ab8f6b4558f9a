package seclint.aws.elb.access_logs_test

import data.seclint.aws.elb.access_logs as rule

unknown := json.unmarshal(`{"__unknown__": true}`)

model(lb) := {"aws": {"elb": {"load_balancers": [object.union({"id": "lb", "type": "aws_lb"}, lb)]}}}

test_off_fires if {
	fs := rule.deny with input as model({"access_logs_enabled": false, "access_logs_bucket": "logs"})
	count(fs) == 1
	some f in fs
	f.attribute == "access_logs_enabled"
	count(rule.deny) == 1 with input as model({})
	count(rule.deny) == 1 with input as model({"lb_type": "network"})
	count(rule.deny) == 1 with input as model({"lb_type": "classic"})
}

test_on_passes if {
	count(rule.deny) == 0 with input as model({"access_logs_enabled": true})
	count(rule.deny) == 0 with input as model({"lb_type": "classic", "access_logs_enabled": true})
}

test_gateway_not_checked if {
	count(rule.deny) == 0 with input as model({"lb_type": "gateway"})
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as model({"access_logs_enabled": unknown})
	count(rule.deny) == 0 with input as model({"lb_type": unknown})
}
