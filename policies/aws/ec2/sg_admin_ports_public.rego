# METADATA
# title: Security group open to the internet on SSH or RDP
# description: |
#   A security group rule that admits 0.0.0.0/0 or ::/0 to port 22 (SSH) or
#   3389 (RDP) exposes the instances behind it to every password-guessing
#   and exploit scanner on the internet, which find a new listener within
#   minutes. The rule fires on an ingress rule (inline, or a rule resource
#   checked whether or not its group is in the scan) whose known ranges
#   include 0.0.0.0/0 or ::/0 (any range of prefix length 0) and that
#   allows TCP or UDP (as the CIS AWS Foundations Benchmark counts them) to
#   22 or 3389: a port range that contains them, from_port -1, or all
#   protocols (-1 / "all"), whatever its ports say. A rule on another port
#   (443) does not fire, nor does one from a narrower range, a prefix list
#   or another security group; a range, protocol or port that is not known
#   never fires.
# custom:
#   id: aws-ec2-sg-admin-ports-public
#   severity: HIGH
#   kind: security
#   collections: [aws.ec2.security_groups, aws.ec2.security_group_rules]
#   resource_types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule, AWS::EC2::SecurityGroup, AWS::EC2::SecurityGroupIngress]
#   remediation:
#     terraform: |
#       Admit administrators' ranges only, or none: reach instances through
#       Systems Manager Session Manager or EC2 Instance Connect Endpoint.
#       ```hcl
#       resource "aws_vpc_security_group_ingress_rule" "ssh" {
#         security_group_id = aws_security_group.bastion.id
#         ip_protocol       = "tcp"
#         from_port         = 22
#         to_port           = 22
#         cidr_ipv4         = "203.0.113.0/24" # the office range
#       }
#       ```
#     cloudformation: |
#       Admit administrators' ranges only, or use Session Manager instead:
#       ```yaml
#       SecurityGroupIngress:
#         - IpProtocol: tcp
#           FromPort: 22
#           ToPort: 22
#           CidrIp: 203.0.113.0/24
#       ```
package seclint.aws.ec2.sg_admin_ports_public

import data.seclint.lib

deny contains finding if {
	some g in input.aws.ec2.security_groups
	some i, p in g.ingress
	ports := open_ports(p)
	finding := {"resource": g.id, "attribute": sprintf("ingress[%d]", [i]), "message": message(g.id, ports)}
}

deny contains finding if {
	some r in input.aws.ec2.security_group_rules
	r.direction == "ingress"
	ports := open_ports(r)
	finding := {"resource": r.id, "attribute": "", "message": message(r.id, ports)}
}

# open_ports(p) are the admin ports the rule p opens to the internet; the
# rule is undefined when there is none.
open_ports(p) := ports if {
	lib.is_true(p.public)
	ports := sort(lib.admin_ports_open(p))
	count(ports) > 0
}

message(id, ports) := sprintf(
	"%s allows ingress from the whole internet (0.0.0.0/0 or ::/0) to port %s: restrict the source to known ranges, or use Session Manager.",
	[id, concat(" and ", [sprintf("%d", [p]) | some p in ports])],
)
