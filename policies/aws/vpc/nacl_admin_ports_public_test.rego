package seclint.aws.vpc.nacl_admin_ports_public_test

import data.seclint.aws.vpc.nacl_admin_ports_public as rule

unknown := {"__unknown__": true}

entry(n, action, proto, from, to, cidr) := {
	"egress": false, "rule_number": n, "action": action, "protocol": proto,
	"from_port": from, "to_port": to, "cidr": cidr, "public": endswith(cidr, "/0"),
}

acl(entries) := {"aws": {"vpc": {"network_acls": [{"id": "a", "entries": entries, "rules": [], "entries_unknown": false}], "network_acl_rules": []}}}

test_allow_ssh_fires if {
	some f in rule.deny with input as acl([entry(100, "allow", "tcp", 22, 22, "0.0.0.0/0")])
	f.resource == "a"
	f.attribute == "entries[0]"
	count(rule.deny) == 1 with input as acl([entry(100, "allow", "-1", 0, 0, "::/0")])
	count(rule.deny) == 1 with input as acl([entry(100, "allow", "udp", 3000, 4000, "0.0.0.0/0")])
	# One allow per address family: both decide.
	count(rule.deny) == 2 with input as acl([entry(100, "allow", "-1", 0, 0, "0.0.0.0/0"), entry(101, "allow", "-1", 0, 0, "::/0")])
}

test_lower_deny_wins if {
	# An allow at 200 after a deny at 100 for the same traffic allows nothing.
	count(rule.deny) == 0 with input as acl([
		entry(200, "allow", "tcp", 22, 22, "0.0.0.0/0"),
		entry(100, "deny", "tcp", 0, 1024, "0.0.0.0/0"),
	])
	count(rule.deny) == 0 with input as acl([
		entry(200, "allow", "-1", 0, 0, "0.0.0.0/0"),
		entry(100, "deny", "-1", 0, 0, "0.0.0.0/0"),
	])
}

test_deny_after_or_elsewhere_does_not_help if {
	# A higher-numbered deny, a deny of another family, of another port or
	# of a narrower range leave the allow deciding.
	count(rule.deny) == 1 with input as acl([
		entry(100, "allow", "tcp", 22, 22, "0.0.0.0/0"),
		entry(200, "deny", "tcp", 22, 22, "0.0.0.0/0"),
	])
	count(rule.deny) == 1 with input as acl([
		entry(200, "allow", "tcp", 22, 22, "0.0.0.0/0"),
		entry(100, "deny", "tcp", 22, 22, "::/0"),
		entry(110, "deny", "tcp", 80, 80, "0.0.0.0/0"),
		entry(120, "deny", "tcp", 22, 22, "198.51.100.0/24"),
	])
	# A deny of TCP leaves UDP 22 allowed by an all-protocol allow.
	count(rule.deny) == 1 with input as acl([
		entry(200, "allow", "-1", 0, 0, "0.0.0.0/0"),
		entry(100, "deny", "tcp", 0, 65535, "0.0.0.0/0"),
	])
}

test_other_traffic_does_not_fire if {
	count(rule.deny) == 0 with input as acl([entry(100, "allow", "tcp", 443, 443, "0.0.0.0/0")])
	count(rule.deny) == 0 with input as acl([entry(100, "allow", "tcp", 22, 22, "10.0.0.0/8")])
	count(rule.deny) == 0 with input as acl([object.union(entry(100, "allow", "tcp", 22, 22, "0.0.0.0/0"), {"egress": true})])
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as acl([object.union(entry(100, "allow", "tcp", 22, 22, "0.0.0.0/0"), {"public": unknown, "cidr": unknown})])
	count(rule.deny) == 0 with input as acl([
		entry(200, "allow", "tcp", 22, 22, "0.0.0.0/0"),
		object.union(entry(100, "deny", "tcp", 22, 22, "0.0.0.0/0"), {"cidr": unknown, "public": unknown}),
	])
	count(rule.deny) == 0 with input as acl([
		entry(200, "allow", "tcp", 22, 22, "0.0.0.0/0"),
		object.union(entry(100, "deny", "tcp", 22, 22, "0.0.0.0/0"), {"rule_number": unknown}),
	])
	count(rule.deny) == 0 with input as acl([
		entry(200, "allow", "tcp", 22, 22, "0.0.0.0/0"),
		object.union(entry(100, "deny", "tcp", 22, 22, "0.0.0.0/0"), {"action": unknown}),
	])
	count(rule.deny) == 0 with input as {"aws": {"vpc": {"network_acls": [{"id": "a", "entries": [entry(100, "allow", "tcp", 22, 22, "0.0.0.0/0")], "rules": [], "entries_unknown": true}], "network_acl_rules": []}}}
}

test_linked_rule_resources_count if {
	inp := {"aws": {"vpc": {
		"network_acls": [{"id": "a", "entries": [], "rules": ["r1", "r2"], "entries_unknown": false}],
		"network_acl_rules": [
			object.union(entry(200, "allow", "tcp", 22, 22, "0.0.0.0/0"), {"id": "r1"}),
			object.union(entry(300, "allow", "tcp", 3389, 3389, "0.0.0.0/0"), {"id": "r2"}),
		],
	}}}
	count(rule.deny) == 2 with input as inp
	some f in rule.deny with input as inp
	f.attribute == "rules[0]"
}
