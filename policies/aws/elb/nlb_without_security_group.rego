# METADATA
# title: Internet-facing NLB without security groups
# description: |
#   Security groups can be attached to a Network Load Balancer only when it
#   is created: an NLB created without one can never get one (it has to be
#   replaced). Without them the only IP filter in front of the targets is
#   the subnets' network ACLs, and with client IP preservation the targets'
#   own security groups must then admit the whole internet. The rule fires
#   on an internet-facing (internal absent or false, Scheme absent or
#   internet-facing) load balancer of type network whose security_groups /
#   SecurityGroups is absent or empty. Unknown types, schemes and security
#   group lists never fire.
# custom:
#   id: aws-elb-nlb-without-security-group
#   severity: LOW
#   kind: security
#   collections: [aws.elb.load_balancers]
#   resource_types: [aws_lb, AWS::ElasticLoadBalancingV2::LoadBalancer]
#   remediation:
#     terraform: |
#       Create the NLB with a security group (this replaces an existing NLB
#       that has none):
#       ```hcl
#       resource "aws_lb" "nlb" {
#         load_balancer_type = "network"
#         security_groups    = [aws_security_group.nlb.id]
#         # ...
#       }
#       ```
#     cloudformation: |
#       Create the NLB with a security group (this replaces an existing NLB
#       that has none):
#       ```yaml
#       Nlb:
#         Type: AWS::ElasticLoadBalancingV2::LoadBalancer
#         Properties:
#           Type: network
#           SecurityGroups: [!Ref NlbSecurityGroup]
#       ```
package seclint.aws.elb.nlb_without_security_group

import data.seclint.lib

message(lb) := sprintf(
	"Internet-facing Network Load Balancer %s has no security groups, and they can be added only when an NLB is created; create it with a security group.",
	[lb.id],
)

deny contains finding if {
	some lb in input.aws.elb.load_balancers
	lib.is_network(lb)
	lib.internet_facing(lb)
	lib.absent(lb, "security_groups")
	finding := {"resource": lb.id, "attribute": "", "message": message(lb)}
}

deny contains finding if {
	some lb in input.aws.elb.load_balancers
	lib.is_network(lb)
	lib.internet_facing(lb)
	lb.security_groups == []
	finding := {"resource": lb.id, "attribute": "security_groups", "message": message(lb)}
}
