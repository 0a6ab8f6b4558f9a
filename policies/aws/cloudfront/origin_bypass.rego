# METADATA
# title: CloudFront origin load balancer is open to the internet
# description: |
#   When a distribution's origin is a load balancer that accepts traffic
#   from anywhere, clients can go to the load balancer directly and skip
#   CloudFront, and with it the WAF web ACL, geo restrictions and signed
#   URLs placed on the distribution. The rule fires on a distribution whose
#   origin is a load balancer of the scan (its domain name computed from the
#   load balancer's DNS name) with a security group of the scan that admits
#   0.0.0.0/0 or ::/0. Restrict the load balancer's security group to the
#   CloudFront origin-facing managed prefix list
#   (com.amazonaws.global.cloudfront.origin-facing), or make CloudFront
#   send a secret header that the listener rules require. Unknown rules and
#   groups outside the scan never fire.
# custom:
#   id: aws-cloudfront-origin-bypass
#   severity: MEDIUM
#   kind: security
#   collections: [aws.cloudfront.distributions, aws.elb.load_balancers, aws.ec2.security_groups]
#   resource_types: [aws_cloudfront_distribution, aws_lb, aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule, AWS::CloudFront::Distribution, AWS::ElasticLoadBalancingV2::LoadBalancer, AWS::EC2::SecurityGroup, AWS::EC2::SecurityGroupIngress]
#   remediation:
#     terraform: |
#       ```hcl
#       data "aws_ec2_managed_prefix_list" "cloudfront" {
#         name = "com.amazonaws.global.cloudfront.origin-facing"
#       }
#
#       resource "aws_vpc_security_group_ingress_rule" "alb_from_cloudfront" {
#         security_group_id = aws_security_group.alb.id
#         prefix_list_id    = data.aws_ec2_managed_prefix_list.cloudfront.id
#         ip_protocol       = "tcp"
#         from_port         = 443
#         to_port           = 443
#       }
#       ```
#       and remove the 0.0.0.0/0 and ::/0 ingress rules of the group.
#     cloudformation: |
#       ```yaml
#       AlbFromCloudFront:
#         Type: AWS::EC2::SecurityGroupIngress
#         Properties:
#           GroupId: !Ref AlbSecurityGroup
#           SourcePrefixListId: pl-3b927c52 # com.amazonaws.global.cloudfront.origin-facing in your region
#           IpProtocol: tcp
#           FromPort: 443
#           ToPort: 443
#       ```
#       and remove the 0.0.0.0/0 and ::/0 ingress rules of the group.
package seclint.aws.cloudfront.origin_bypass

import data.seclint.lib

_groups := {g.id: g | some g in input.aws.ec2.security_groups}

deny contains finding if {
	some dist in input.aws.cloudfront.distributions
	is_array(dist.origins)
	some i, origin in dist.origins
	lb := lib.load_balancers_by_id[origin.load_balancer_ref]
	some group_id in lb.security_group_refs
	lib.sg_public_ingress(_groups[group_id])
	finding := {"resource": dist.id, "attribute": sprintf("origins[%d]", [i]), "message": sprintf("Distribution %s uses load balancer %s as origin, whose security group %s admits the whole internet: clients can bypass CloudFront and its WAF; admit only the CloudFront origin-facing prefix list.", [dist.id, lb.id, group_id])}
}
