# METADATA
# title: Network ACL drops the replies to the traffic it allows
# description: |
#   Network ACLs are stateless: unlike a security group, an ACL that lets
#   a request in does not let its reply out. Replies go to the client's
#   ephemeral port (1024-65535 covers Linux, Windows, NAT gateways and
#   load balancers), so an ACL that allows inbound requests needs an
#   outbound allow to those ports, and one that allows outbound requests
#   an inbound allow back. The rule fires on a network ACL whose entries
#   are all known (inline entries and linked aws_network_acl_rule /
#   AWS::EC2::NetworkAclEntry resources; no dynamic block, no entry
#   resource of unknown ACL, every number, action, protocol, range and
#   port known) that allows requests one way (an allow of every protocol,
#   or of TCP or UDP to a port below 1024) but allows nothing of TCP, UDP
#   or every protocol to a port of 1024-65535 the other way. An allow of
#   ephemeral ports only is taken as return traffic, not as requests; an
#   ACL that allows nothing (a new custom ACL, an adopted default ACL
#   without rules) does not fire, and rule order is not considered, so a
#   reply allow shadowed by a lower deny still counts.
# custom:
#   id: aws-vpc-nacl-missing-return-traffic
#   severity: MEDIUM
#   kind: correctness
#   collections: [aws.vpc.network_acls, aws.vpc.network_acl_rules]
#   resource_types: [aws_network_acl, aws_default_network_acl, aws_network_acl_rule, AWS::EC2::NetworkAcl, AWS::EC2::NetworkAclEntry]
#   remediation:
#     terraform: |
#       Allow the replies: for inbound requests, outbound TCP to the
#       ephemeral ports (and inbound for the replies to outbound requests):
#       ```hcl
#       egress {
#         rule_no    = 200
#         action     = "allow"
#         protocol   = "tcp"
#         from_port  = 1024
#         to_port    = 65535
#         cidr_block = "0.0.0.0/0"
#       }
#       ```
#     cloudformation: |
#       Add the entry for the replies:
#       ```yaml
#       EphemeralOut:
#         Type: AWS::EC2::NetworkAclEntry
#         Properties:
#           NetworkAclId: !Ref Acl
#           RuleNumber: 200
#           Egress: true
#           Protocol: 6
#           RuleAction: allow
#           CidrBlock: 0.0.0.0/0
#           PortRange: {From: 1024, To: 65535}
#       ```
package seclint.aws.vpc.nacl_missing_return_traffic

import data.seclint.lib

# missing[acl.id] are the directions (egress false or true) whose requests
# the ACL allows with no allow for their replies the other way.
missing[acl.id] contains egress if {
	some acl in input.aws.vpc.network_acls
	all_known(acl)
	some egress in [false, true]
	requests(acl, egress)
	not replies(acl, egress == false)
}

deny contains finding if {
	some acl in input.aws.vpc.network_acls
	ways := missing[acl.id]
	finding := {"resource": acl.id, "attribute": "", "message": message(acl.id, ways)}
}

message(id, ways) := sprintf(
	"Network ACL %s allows inbound requests but no outbound traffic to the ephemeral ports 1024-65535, so their replies are dropped (network ACLs are stateless): add an outbound allow for them.",
	[id],
) if ways == {false}

message(id, ways) := sprintf(
	"Network ACL %s allows outbound requests but no inbound traffic to the ephemeral ports 1024-65535, so their replies are dropped (network ACLs are stateless): add an inbound allow for them.",
	[id],
) if ways == {true}

message(id, ways) := sprintf(
	"Network ACL %s allows requests both ways but no traffic to the ephemeral ports 1024-65535 either way, so their replies are dropped (network ACLs are stateless): add an allow for them each way.",
	[id],
) if count(ways) == 2

all_known(acl) if {
	not acl.entries_unknown
	every x in lib.nacl_entries[acl.id] {
		known_entry(x.entry)
	}
}

known_entry(e) if {
	is_boolean(e.egress)
	is_number(e.rule_number)
	is_string(e.action)
	is_string(e.cidr)
	e.protocol == "-1"
}

known_entry(e) if {
	is_boolean(e.egress)
	is_number(e.rule_number)
	is_string(e.action)
	is_string(e.cidr)
	is_string(e.protocol)
	e.protocol != "-1"
	is_number(e.from_port)
	is_number(e.to_port)
}

# requests(acl, egress): an allow one way that admits requests: every
# protocol, or TCP or UDP to a port below the ephemeral range.
requests(acl, egress) if {
	some x in lib.nacl_entries[acl.id]
	x.entry.egress == egress
	x.entry.action == "allow"
	x.entry.protocol == "-1"
}

requests(acl, egress) if {
	some x in lib.nacl_entries[acl.id]
	x.entry.egress == egress
	x.entry.action == "allow"
	x.entry.protocol in {"tcp", "udp"}
	x.entry.from_port < lib.ephemeral_from
}

# replies(acl, egress): an allow that way to some ephemeral port.
replies(acl, egress) if {
	some x in lib.nacl_entries[acl.id]
	x.entry.egress == egress
	x.entry.action == "allow"
	x.entry.protocol == "-1"
}

replies(acl, egress) if {
	some x in lib.nacl_entries[acl.id]
	x.entry.egress == egress
	x.entry.action == "allow"
	x.entry.protocol in {"tcp", "udp"}
	x.entry.from_port <= lib.ephemeral_to
	x.entry.to_port >= lib.ephemeral_from
}
