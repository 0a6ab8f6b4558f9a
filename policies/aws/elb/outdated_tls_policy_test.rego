package seclint.aws.elb.outdated_tls_policy_test

import data.seclint.aws.elb.outdated_tls_policy as rule

unknown := json.unmarshal(`{"__unknown__": true}`)

listener(x) := {"aws": {"elb": {"listeners": [object.union({"id": "l", "type": "aws_lb_listener"}, x)], "load_balancers": []}}}

classic(l) := {"aws": {"elb": {"listeners": [], "load_balancers": [{"id": "lb", "type": "aws_elb", "lb_type": "classic", "listeners": [object.union({"protocol": "HTTPS", "port": 443}, l)]}]}}}

test_outdated_policy_fires if {
	fs := rule.deny with input as listener({"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-TLS-1-1-2017-01"})
	count(fs) == 1
	some f in fs
	f.attribute == "ssl_policy"
	count(rule.deny) == 1 with input as listener({"protocol": "TLS", "ssl_policy": "ELBSecurityPolicy-2016-08"})
}

test_absent_policy_is_the_2016_default if {
	fs := rule.deny with input as listener({"protocol": "HTTPS"})
	count(fs) == 1
	some f in fs
	f.attribute == "protocol"
}

test_modern_or_plain_pass if {
	count(rule.deny) == 0 with input as listener({"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06"})
	count(rule.deny) == 0 with input as listener({"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-TLS-1-2-Ext-2018-06"})
	count(rule.deny) == 0 with input as listener({"protocol": "HTTP"})
	count(rule.deny) == 0 with input as listener({"protocol": "TCP"})
}

test_classic_default_fires if {
	fs := rule.deny with input as classic({"policy_attached": false})
	count(fs) == 1
	some f in fs
	f.attribute == "listeners[0].protocol"
}

test_classic_outdated_reference_fires if {
	count(rule.deny) == 1 with input as classic({"policy_attached": true, "ssl_policy": "ELBSecurityPolicy-2015-05", "ssl_protocols": []})
}

test_classic_outdated_protocol_fires if {
	count(rule.deny) == 1 with input as classic({"policy_attached": true, "ssl_protocols": ["Protocol-TLSv1.2", "Protocol-TLSv1"]})
}

test_classic_modern_passes if {
	count(rule.deny) == 0 with input as classic({"policy_attached": true, "ssl_policy": "ELBSecurityPolicy-TLS-1-2-2017-01", "ssl_protocols": []})
	count(rule.deny) == 0 with input as classic({"policy_attached": true, "ssl_protocols": ["Protocol-TLSv1.2"]})
	count(rule.deny) == 0 with input as classic({"protocol": "HTTP", "policy_attached": false})
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as listener({"protocol": "HTTPS", "ssl_policy": unknown})
	count(rule.deny) == 0 with input as listener({"protocol": unknown})
	count(rule.deny) == 0 with input as classic({"policy_attached": unknown})
	count(rule.deny) == 0 with input as classic({"policy_attached": true, "ssl_policy": unknown, "ssl_protocols": unknown})
}
