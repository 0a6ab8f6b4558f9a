package seclint.aws.vpc.nacl_missing_return_traffic_test

import data.seclint.aws.vpc.nacl_missing_return_traffic as rule

unknown := {"__unknown__": true}

entry(egress, n, proto, from, to) := {
	"egress": egress, "rule_number": n, "action": "allow", "protocol": proto,
	"from_port": from, "to_port": to, "cidr": "0.0.0.0/0", "public": true,
}

acl(entries) := {"aws": {"vpc": {"network_acls": [{"id": "a", "entries": entries, "rules": [], "entries_unknown": false}], "network_acl_rules": []}}}

test_inbound_without_outbound_replies_fires if {
	some f in rule.deny with input as acl([entry(false, 100, "tcp", 443, 443)])
	f.resource == "a"
	contains(f.message, "inbound requests")
	# Outbound only to 443: the replies to inbound HTTPS go to ephemeral ports.
	# One finding when both ways miss their replies.
	some g in rule.deny with input as acl([entry(false, 100, "tcp", 443, 443), entry(true, 100, "tcp", 443, 443)])
	contains(g.message, "both ways")
	count(rule.deny) == 1 with input as acl([entry(false, 100, "tcp", 443, 443), entry(true, 100, "tcp", 443, 443)])
}

test_outbound_without_inbound_replies_fires if {
	some f in rule.deny with input as acl([entry(true, 100, "-1", 0, 0), entry(false, 100, "tcp", 22, 22)])
	contains(f.message, "outbound requests")
}

test_replies_allowed_does_not_fire if {
	count(rule.deny) == 0 with input as acl([entry(false, 100, "tcp", 443, 443), entry(true, 100, "tcp", 1024, 65535)])
	count(rule.deny) == 0 with input as acl([entry(false, 100, "-1", 0, 0), entry(true, 100, "-1", 0, 0)])
	# Outbound 443 with inbound replies, and the inbound allow of ephemeral
	# ports only is not a request.
	count(rule.deny) == 0 with input as acl([entry(true, 100, "tcp", 443, 443), entry(false, 100, "tcp", 1024, 65535)])
	# An ACL that allows nothing, or only ICMP.
	count(rule.deny) == 0 with input as acl([])
	count(rule.deny) == 0 with input as acl([entry(false, 100, "icmp", -1, -1)])
}

test_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as acl([entry(false, 100, "tcp", 443, 443), object.union(entry(true, 100, "tcp", 1024, 65535), {"to_port": unknown})])
	count(rule.deny) == 0 with input as acl([entry(false, 100, "tcp", 443, 443), object.union(entry(true, 100, "tcp", 1024, 65535), {"egress": unknown})])
	count(rule.deny) == 0 with input as acl([entry(false, 100, "tcp", 443, 443), object.union(entry(true, 100, "tcp", 1024, 65535), {"protocol": unknown})])
	count(rule.deny) == 0 with input as {"aws": {"vpc": {"network_acls": [{"id": "a", "entries": [entry(false, 100, "tcp", 443, 443)], "rules": [], "entries_unknown": true}], "network_acl_rules": []}}}
}
