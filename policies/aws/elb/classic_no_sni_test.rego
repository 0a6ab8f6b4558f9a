package seclint.aws.elb.classic_no_sni_test

import data.seclint.aws.elb.classic_no_sni as rule

unknown := json.unmarshal(`{"__unknown__": true}`)

model(listeners) := {"aws": {"elb": {"load_balancers": [{"id": "lb", "type": "aws_elb", "lb_type": "classic", "listeners": listeners}]}}}

test_https_fires_once if {
	fs := rule.deny with input as model([{"protocol": "http"}, {"protocol": "https"}, {"protocol": "SSL"}])
	count(fs) == 1
	some f in fs
	f.attribute == "listeners[1].protocol"
}

test_plain_listeners_pass if {
	count(rule.deny) == 0 with input as model([{"protocol": "HTTP"}, {"protocol": "TCP"}])
}

test_alb_not_checked if {
	count(rule.deny) == 0 with input as {"aws": {"elb": {"load_balancers": [{"id": "lb", "type": "aws_lb", "listeners": [{"protocol": "HTTPS"}]}]}}}
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as model(unknown)
	count(rule.deny) == 0 with input as model([{"protocol": unknown}])
}
