package seclint.aws.elb.http_not_redirected_test

import data.seclint.aws.elb.http_not_redirected as rule

unknown := json.unmarshal(`{"__unknown__": true}`)

model(lb, x) := {"aws": {"elb": {
	"load_balancers": [object.union({"id": "lb", "type": "aws_lb"}, lb)],
	"listeners": [object.union({"id": "l", "type": "aws_lb_listener", "load_balancer_ref": "lb"}, x)],
}}}

forward := {"default_actions": [{"type": "forward"}]}

test_http_forward_fires if {
	fs := rule.deny with input as model({}, object.union(forward, {"protocol": "HTTP"}))
	count(fs) == 1
	some f in fs
	f.attribute == "protocol"
	# Terraform's absent protocol is HTTP.
	count(rule.deny) == 1 with input as model({"lb_type": "application", "internal": false}, forward)
}

test_redirect_keeping_protocol_fires if {
	count(rule.deny) == 1 with input as model({}, {"protocol": "HTTP", "default_actions": [{"type": "redirect"}]})
	count(rule.deny) == 1 with input as model({}, {"protocol": "HTTP", "default_actions": [{"type": "redirect", "redirect_protocol": "HTTP"}]})
	count(rule.deny) == 1 with input as model({}, {"protocol": "HTTP", "default_actions": [{"type": "fixed-response"}]})
}

test_https_redirect_passes if {
	count(rule.deny) == 0 with input as model({}, {"protocol": "HTTP", "default_actions": [{"type": "redirect", "redirect_protocol": "HTTPS"}]})
}

test_https_listener_passes if {
	count(rule.deny) == 0 with input as model({}, object.union(forward, {"protocol": "HTTPS"}))
}

test_internal_nlb_or_outside_scan_do_not_fire if {
	count(rule.deny) == 0 with input as model({"internal": true}, object.union(forward, {"protocol": "HTTP"}))
	count(rule.deny) == 0 with input as model({"lb_type": "network"}, object.union(forward, {"protocol": "TCP"}))
	count(rule.deny) == 0 with input as model({}, object.union(forward, {"protocol": "HTTP", "load_balancer_ref": ""}))
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as model({"internal": unknown}, object.union(forward, {"protocol": "HTTP"}))
	count(rule.deny) == 0 with input as model({"lb_type": unknown}, object.union(forward, {"protocol": "HTTP"}))
	count(rule.deny) == 0 with input as model({}, object.union(forward, {"protocol": unknown}))
	count(rule.deny) == 0 with input as model({}, {"protocol": "HTTP", "default_actions": unknown})
	count(rule.deny) == 0 with input as model({}, {"protocol": "HTTP", "default_actions": [{"type": unknown}]})
	count(rule.deny) == 0 with input as model({}, {"protocol": "HTTP", "default_actions": [{"type": "redirect", "redirect_protocol": unknown}]})
}
