# METADATA
# title: Classic Load Balancer terminates TLS without SNI
# description: |
#   A Classic Load Balancer presents one certificate per listener and does
#   not support Server Name Indication, so every host name it serves must be
#   on that one certificate; it also lacks the newer security policies.
#   Application and Network Load Balancers support several certificates per
#   listener through SNI (ACM certificates included). The rule fires once
#   per Classic Load Balancer (aws_elb,
#   AWS::ElasticLoadBalancing::LoadBalancer) that has an HTTPS or SSL
#   listener, at the first such listener. An unknown listener list or
#   protocol never fires.
# custom:
#   id: aws-elb-classic-no-sni
#   severity: LOW
#   kind: security
#   collections: [aws.elb.load_balancers]
#   resource_types: [aws_elb, AWS::ElasticLoadBalancing::LoadBalancer]
#   remediation:
#     terraform: |
#       Migrate the TLS traffic to an Application (HTTPS) or Network (TLS)
#       Load Balancer, which serves several certificates through SNI:
#       ```hcl
#       resource "aws_lb_listener" "https" {
#         load_balancer_arn = aws_lb.web.arn
#         port              = 443
#         protocol          = "HTTPS"
#         ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
#         certificate_arn   = aws_acm_certificate.main.arn
#         # ...
#       }
#       ```
#     cloudformation: |
#       Migrate the TLS traffic to an Application (HTTPS) or Network (TLS)
#       Load Balancer, which serves several certificates through SNI:
#       ```yaml
#       HttpsListener:
#         Type: AWS::ElasticLoadBalancingV2::Listener
#         Properties:
#           LoadBalancerArn: !Ref LoadBalancer
#           Port: 443
#           Protocol: HTTPS
#           SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
#           Certificates:
#             - CertificateArn: !Ref Certificate
#       ```
package seclint.aws.elb.classic_no_sni

import data.seclint.lib

tls(l) if lib.equals_ci(l.protocol, "HTTPS")

tls(l) if lib.equals_ci(l.protocol, "SSL")

deny contains finding if {
	some lb in input.aws.elb.load_balancers
	lib.is_classic(lb)
	is_array(lb.listeners)
	indexes := {i | some i, l in lb.listeners; tls(l)}
	count(indexes) > 0
	i := min(indexes)
	finding := {
		"resource": lb.id,
		"attribute": sprintf("listeners[%d].protocol", [i]),
		"message": sprintf(
			"Classic Load Balancer %s terminates TLS without SNI (one certificate per listener); move the HTTPS/TLS listeners to an Application or Network Load Balancer.",
			[lb.id],
		),
	}
}
