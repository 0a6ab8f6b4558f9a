package seclint.aws.vpc.default_nacl_allow_all_test

import data.seclint.aws.vpc.default_nacl_allow_all as rule

unknown := {"__unknown__": true}

all_traffic(egress) := {"egress": egress, "rule_number": 100, "action": "allow", "protocol": "-1", "from_port": 0, "to_port": 0, "cidr": "0.0.0.0/0", "public": true}

acl(is_default, entries) := {"aws": {"vpc": {"network_acls": [{"id": "d", "default": is_default, "entries": entries, "rules": [], "entries_unknown": false}], "network_acl_rules": []}}}

test_allow_all_fires if {
	some f in rule.deny with input as acl(true, [all_traffic(false)])
	f.resource == "d"
	f.attribute == "entries[0]"
	count(rule.deny) == 2 with input as acl(true, [all_traffic(false), all_traffic(true)])
}

test_not_default_or_narrower_does_not_fire if {
	# A custom ACL, an adopted default ACL without rules (it denies all), a
	# TCP-only allow, a private range, a deny.
	count(rule.deny) == 0 with input as acl(false, [all_traffic(false)])
	count(rule.deny) == 0 with input as acl(true, [])
	count(rule.deny) == 0 with input as acl(true, [object.union(all_traffic(false), {"protocol": "tcp", "to_port": 443, "from_port": 443})])
	count(rule.deny) == 0 with input as acl(true, [object.union(all_traffic(false), {"cidr": "10.0.0.0/16", "public": false})])
	count(rule.deny) == 0 with input as acl(true, [object.union(all_traffic(false), {"action": "deny"})])
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as acl(true, [object.union(all_traffic(false), {"cidr": unknown, "public": unknown})])
	count(rule.deny) == 0 with input as acl(true, [object.union(all_traffic(false), {"protocol": unknown})])
	count(rule.deny) == 0 with input as acl(true, [object.union(all_traffic(false), {"action": unknown})])
}
