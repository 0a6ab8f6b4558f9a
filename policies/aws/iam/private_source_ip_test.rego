package seclint.aws.iam.private_source_ip_test

import data.seclint.aws.iam.private_source_ip as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

pol(kind, statements) := {"aws": {"iam": {"policies": [{"id": "p", "kind": kind, "statements": statements}]}}}

ip(op, key, values) := {
	"operator": op, "key": key, "values": values,
	"base": trim_suffix(op, "IfExists"),
	"if_exists": endswith(op, "IfExists"),
}

stmt(effect, conditions) := {"effect": effect, "actions": ["s3:GetObject"], "resources": ["*"], "conditions": conditions}

test_allow_with_private_range_fires if {
	fs := rule.deny with input as pol("identity", [stmt("Allow", [
		ip("StringEquals", "aws:PrincipalOrgID", ["o-1"]),
		ip("IpAddress", "aws:SourceIp", ["203.0.113.0/24", "10.0.0.0/8", "192.168.1.10"]),
	])])
	count(fs) == 1
	some f in fs
	f.attribute == "statements[0].conditions[1]"
	contains(f.message, "10.0.0.0/8, 192.168.1.10")
	not contains(f.message, "203.0.113.0/24")
}

test_every_effect_and_operator_fires if {
	# Deny + NotIpAddress on private ranges denies every request.
	count(rule.deny) == 1 with input as pol("identity", [stmt("Deny", [ip("NotIpAddress", "aws:SourceIp", ["172.16.0.0/12"])])])
	count(rule.deny) == 1 with input as pol("resource", [stmt("Deny", [ip("IpAddress", "aws:SourceIp", ["fd00::/8"])])])
	count(rule.deny) == 1 with input as pol("resource", [stmt("Allow", [ip("IpAddressIfExists", "AWS:SOURCEIP", ["100.64.0.0/10"])])])
	count(rule.deny) == 1 with input as pol("resource", [stmt(unknown, [ip("IpAddress", "aws:SourceIp", ["127.0.0.1/32"])])])
}

test_traps_do_not_fire if {
	# Public ranges; ranges that only contain private ones; the VPC key; unknowns.
	count(rule.deny) == 0 with input as pol("identity", [stmt("Allow", [ip("IpAddress", "aws:SourceIp", ["203.0.113.0/24", "2001:db8::/32"])])])
	count(rule.deny) == 0 with input as pol("identity", [stmt("Deny", [ip("NotIpAddress", "aws:SourceIp", ["0.0.0.0/0", "10.0.0.0/7"])])])
	count(rule.deny) == 0 with input as pol("identity", [stmt("Allow", [ip("IpAddress", "aws:VpcSourceIp", ["10.0.0.0/8"])])])
	count(rule.deny) == 0 with input as pol("identity", [stmt("Allow", [ip("StringEquals", "aws:SourceIp", ["10.0.0.1"])])])
	count(rule.deny) == 0 with input as pol("identity", [stmt("Allow", [ip("IpAddress", "aws:SourceIp", [unknown])])])
	count(rule.deny) == 0 with input as pol("identity", [stmt("Allow", [ip("IpAddress", "aws:SourceIp", unknown)])])
	count(rule.deny) == 0 with input as pol("identity", [stmt("Allow", [ip("IpAddress", unknown, ["10.0.0.0/8"])])])
	count(rule.deny) == 0 with input as pol("identity", [stmt("Allow", unknown)])
	count(rule.deny) == 0 with input as pol("identity", [stmt("Allow", [ip("IpAddress", "aws:SourceIp", ["not-an-address"])])])
}
