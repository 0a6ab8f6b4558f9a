package seclint.aws.ec2.sg_admin_ports_public_test

import data.seclint.aws.ec2.sg_admin_ports_public as rule

unknown := {"__unknown__": true}

group(p) := {"aws": {"ec2": {"security_groups": [{"id": "g", "ingress": [p], "rules": []}], "security_group_rules": []}}}

rule_resource(r) := {"aws": {"ec2": {"security_groups": [], "security_group_rules": [object.union({"id": "r", "direction": "ingress"}, r)]}}}

test_ssh_and_rdp_fire if {
	some f in rule.deny with input as group({"protocol": "tcp", "from_port": 22, "to_port": 22, "public": true})
	f.resource == "g"
	f.attribute == "ingress[0]"
	count(rule.deny) == 1 with input as group({"protocol": "tcp", "from_port": 3389, "to_port": 3389, "public": true})
	count(rule.deny) == 1 with input as rule_resource({"protocol": "tcp", "from_port": 20, "to_port": 30, "public": true})
}

test_all_ports_and_protocols_fire if {
	# protocol -1 covers every port whatever the ports say.
	some f in rule.deny with input as group({"protocol": "-1", "from_port": 0, "to_port": 0, "public": true})
	contains(f.message, "22 and 3389")
	count(rule.deny) == 1 with input as group({"protocol": "tcp", "from_port": 0, "to_port": 65535, "public": true})
	count(rule.deny) == 1 with input as group({"protocol": "tcp", "from_port": -1, "to_port": -1, "public": true})
	count(rule.deny) == 1 with input as rule_resource({"protocol": "-1", "public": true})
	count(rule.deny) == 1 with input as group({"protocol": "udp", "from_port": 0, "to_port": 65535, "public": true})
}

test_other_ports_and_sources_do_not_fire if {
	count(rule.deny) == 0 with input as group({"protocol": "tcp", "from_port": 443, "to_port": 443, "public": true})
	count(rule.deny) == 0 with input as group({"protocol": "tcp", "from_port": 22, "to_port": 22, "public": false})
	count(rule.deny) == 0 with input as group({"protocol": "icmp", "from_port": -1, "to_port": -1, "public": true})
	count(rule.deny) == 0 with input as group({"protocol": "tcp", "from_port": 23, "to_port": 3388, "public": true})
	count(rule.deny) == 0 with input as rule_resource({"direction": "egress", "protocol": "-1", "public": true})
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as group({"protocol": "tcp", "from_port": 22, "to_port": 22, "public": unknown})
	count(rule.deny) == 0 with input as group({"protocol": unknown, "from_port": 22, "to_port": 22, "public": true})
	count(rule.deny) == 0 with input as group({"protocol": "tcp", "from_port": unknown, "to_port": 22, "public": true})
	count(rule.deny) == 0 with input as rule_resource({"direction": unknown, "protocol": "-1", "public": true})
}
