# METADATA
# title: Network ACL open to the internet on SSH or RDP
# description: |
#   A network ACL that lets 0.0.0.0/0 or ::/0 reach port 22 (SSH) or 3389
#   (RDP) leaves the subnets behind it one security group mistake away
#   from exposing remote administration to the internet. AWS evaluates a
#   network ACL's inbound entries in increasing rule number and applies the
#   first that matches, so the rule fires only when the entry that decides
#   TCP or UDP traffic from the whole internet (an entry whose range has
#   prefix length 0) to 22 or 3389 is an allow: a lower-numbered deny of
#   the same traffic (every protocol or the same one, a port range with the
#   port, a /0 range of the same address family) means no finding. Entries
#   of an aws_default_network_acl, inline entries and aws_network_acl_rule /
#   AWS::EC2::NetworkAclEntry resources linked to the ACL all count. An ACL
#   whose entries are not all known (a dynamic block, an entry resource of
#   unknown ACL), or a lower-numbered entry that may deny, never fires.
# custom:
#   id: aws-vpc-nacl-admin-ports-public
#   severity: HIGH
#   kind: security
#   fsbp: [EC2.21]
#   collections: [aws.vpc.network_acls, aws.vpc.network_acl_rules]
#   resource_types: [aws_network_acl, aws_default_network_acl, aws_network_acl_rule, AWS::EC2::NetworkAcl, AWS::EC2::NetworkAclEntry]
#   remediation:
#     terraform: |
#       Allow administration ports from known ranges only, or deny them
#       from the internet with a lower rule number than any broad allow:
#       ```hcl
#       ingress {
#         rule_no    = 90
#         action     = "deny"
#         protocol   = "tcp"
#         from_port  = 22
#         to_port    = 22
#         cidr_block = "0.0.0.0/0"
#       }
#       ```
#     cloudformation: |
#       Deny administration ports from the internet before any broad allow:
#       ```yaml
#       DenySsh:
#         Type: AWS::EC2::NetworkAclEntry
#         Properties:
#           NetworkAclId: !Ref Acl
#           RuleNumber: 90
#           Protocol: 6
#           RuleAction: deny
#           CidrBlock: 0.0.0.0/0
#           PortRange: {From: 22, To: 22}
#       ```
package seclint.aws.vpc.nacl_admin_ports_public

import data.seclint.lib

# open[acl.id][attribute] are the admin ports the entry at attribute
# lets in from the internet.
open[acl.id][x.attribute] contains port if {
	some acl in input.aws.vpc.network_acls
	some port in lib.admin_ports
	some proto in {"tcp", "udp"}
	some x in lib.nacl_public_allows(acl, false, proto, port)
}

deny contains finding if {
	some acl in input.aws.vpc.network_acls
	some attribute, ports in open[acl.id]
	finding := {
		"resource": acl.id,
		"attribute": attribute,
		"message": sprintf(
			"Network ACL %s lets the whole internet (0.0.0.0/0 or ::/0) reach port %s: allow known ranges only, or deny these ports from the internet with a lower rule number.",
			[acl.id, concat(" and ", [sprintf("%d", [p]) | some p in sort(ports)])],
		),
	}
}
