# METADATA
# title: Default network ACL keeps an allow-all rule
# description: |
#   Every VPC comes with a default network ACL that allows all traffic in
#   both directions, and every subnet not associated with another ACL uses
#   it, so a subnet created later silently gets no network filtering. A
#   custom network ACL denies everything until rules are added. The
#   Terraform resource aws_default_network_acl adopts the default ACL and
#   removes every rule it does not write: the rule fires
#   when it writes back an allow of every protocol from or to 0.0.0.0/0 or
#   ::/0 (inline, or an aws_network_acl_rule linked to it). A default ACL
#   with no such entry, or one whose protocol, action or range is not
#   known, does not fire. CloudFormation cannot manage the default ACL.
# custom:
#   id: aws-vpc-default-nacl-allow-all
#   severity: LOW
#   kind: security
#   collections: [aws.vpc.network_acls, aws.vpc.network_acl_rules]
#   resource_types: [aws_default_network_acl, aws_network_acl_rule]
#   remediation:
#     terraform: |
#       Adopt the default network ACL with no rules, so that subnets left on
#       it get no traffic, and give each subnet a custom aws_network_acl:
#       ```hcl
#       resource "aws_default_network_acl" "default" {
#         default_network_acl_id = aws_vpc.main.default_network_acl_id
#         # no ingress or egress blocks: everything is denied
#       }
#       ```
#     cloudformation: |
#       CloudFormation cannot change the default network ACL; associate
#       every subnet with an AWS::EC2::NetworkAcl of your own
#       (AWS::EC2::SubnetNetworkAclAssociation).
package seclint.aws.vpc.default_nacl_allow_all

import data.seclint.lib

deny contains finding if {
	some acl in input.aws.vpc.network_acls
	acl.default == true
	some x in lib.nacl_entries[acl.id]
	x.entry.action == "allow"
	x.entry.protocol == "-1"
	lib.is_true(x.entry.public)
	direction := {true: "outbound", false: "inbound"}[x.entry.egress]
	finding := {
		"resource": acl.id,
		"attribute": x.attribute,
		"message": sprintf(
			"Default network ACL %s allows all %s traffic from anywhere: remove the rule, so that the default ACL denies everything, and give subnets a network ACL of their own.",
			[acl.id, direction],
		),
	}
}
