# Security groups and network ACLs
# A security group admits what any of its rules allows (rules are only
# allows); a network ACL applies, per direction, the matching entry of
# lowest rule number and denies what no entry matches. Both read the
# rules declared as resources of their own through the links recorded
# by parsers/link (a group's rules, an ACL's rules). Every predicate here
# holds only on known values, except the may_* ones, which hold unless
# known values rule the case out.
package seclint.lib

sg_rules_by_id := {r.id: r | some r in input.aws.ec2.security_group_rules}

nacl_rules_by_id := {r.id: r | some r in input.aws.vpc.network_acl_rules}

# admin_ports are the remote administration ports: SSH and RDP.
admin_ports := [22, 3389]

# ephemeral_from and ephemeral_to bound the ports clients receive replies
# on (Linux uses 32768-60999, Windows 49152-65535, NAT gateways and ELB
# 1024-65535), which a stateless network ACL must let back in or out.
ephemeral_from := 1024

ephemeral_to := 65535

# covers(p, proto, port): the security group rule or network ACL entry p
# matches protocol proto ("tcp" or "udp") on port: every protocol, or
# proto on a port range that contains it (from_port -1 is every port).
covers(p, _, _) if p.protocol == "-1"

covers(p, proto, port) if {
	p.protocol == proto
	_port_in(p, port)
}

# admin_ports_open(p) are the admin ports p opens, on TCP or UDP (as the
# CIS benchmark and the AWS Config rule nacl-no-unrestricted-ssh-rdp
# count them).
admin_ports_open(p) := {port |
	some port in admin_ports
	some proto in {"tcp", "udp"}
	covers(p, proto, port)
}

_port_in(x, _) if {
	x.from_port == -1
	x.to_port == -1
}

_port_in(x, port) if {
	is_number(x.from_port)
	is_number(x.to_port)
	x.from_port <= port
	port <= x.to_port
}

# sg_public_ingress(group): a known inline ingress rule of the group, or
# an ingress rule resource linked to it, admits 0.0.0.0/0 or ::/0 (on any
# protocol and port).
sg_public_ingress(group) if {
	some p in group.ingress
	is_true(p.public)
}

sg_public_ingress(group) if {
	some id in group.rules
	r := sg_rules_by_id[id]
	r.direction == "ingress"
	is_true(r.public)
}

# nacl_entries[acl_id] lists every entry of a network ACL: its inline
# entries and the entry resources linked to it, each as {"entry",
# "attribute"}, the attribute being where a finding about it points
# ("entries[i]", or "rules[i]", located at the entry resource).
nacl_entries[acl.id] := array.concat(
	[{"entry": e, "attribute": sprintf("entries[%d]", [i])} | some i, e in acl.entries],
	[{"entry": r, "attribute": sprintf("rules[%d]", [i])} |
		some i, id in acl.rules
		r := nacl_rules_by_id[id]
	],
) if {
	some acl in input.aws.vpc.network_acls
}

# nacl_public_allows(acl, egress, proto, port) are the entries of acl
# (each {"entry", "attribute"}) that decide the traffic of protocol proto
# between the internet (0.0.0.0/0 or ::/0) and port in one direction when
# that decision is a known allow: public allow entries covering it before
# which no deny (or entry of unknown action) that may match the same
# traffic comes. There may be one per address family. An ACL whose entries
# are not all known decides nothing.
nacl_public_allows(acl, egress, proto, port) := {x |
	not acl.entries_unknown
	some x in nacl_entries[acl.id]
	e := x.entry
	e.egress == egress
	e.action == "allow"
	is_true(e.public)
	is_number(e.rule_number)
	covers(e, proto, port)
	not _nacl_may_deny_before(acl, egress, proto, port, e)
}

_nacl_may_deny_before(acl, egress, proto, port, allow) if {
	some x in nacl_entries[acl.id]
	d := x.entry
	not d.action == "allow"
	not d.egress == (egress == false)
	_before(d, allow.rule_number)
	_may_same_family(d, allow)
	_may_cover(d, proto, port)
}

_before(d, _) if not is_number(d.rule_number)

_before(d, n) if d.rule_number < n

# A deny decides all the allow's traffic only when it is public too and of
# the same address family; one of unknown CIDR may be.
_may_same_family(d, _) if not is_string(d.cidr)

_may_same_family(d, allow) if {
	is_true(d.public)
	contains(d.cidr, ":") == contains(allow.cidr, ":")
}

_may_cover(d, _, _) if not is_string(d.protocol)

_may_cover(d, _, _) if d.protocol == "-1"

_may_cover(d, proto, port) if {
	d.protocol == proto
	not _ports_known(d)
}

_may_cover(d, proto, port) if {
	d.protocol == proto
	_port_in(d, port)
}

_ports_known(d) if {
	is_number(d.from_port)
	is_number(d.to_port)
}
