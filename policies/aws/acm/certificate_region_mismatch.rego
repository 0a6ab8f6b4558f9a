# METADATA
# title: Load balancer listener or CloudFront distribution uses an ACM certificate from another region
# description: |
#   ACM certificates are regional: a load balancer can only use a
#   certificate of its own region (and CloudFront only one of us-east-1),
#   so a listener given a certificate of another region fails to deploy.
#   The rule fires when the region of a certificate that an ALB/NLB
#   listener (certificate_arn, Certificates), a listener certificate
#   (aws_lb_listener_certificate, ListenerCertificate) or a Classic
#   listener (ssl_certificate_id, SSLCertificateId) names is known and
#   differs from the known region of the load balancer side: the region of
#   a literal ACM ARN (arn:aws:acm:REGION:...), or of the ACM certificate
#   of the scan it references, which for Terraform is its provider
#   configuration's region (provider aliases included). IAM server
#   certificates are global; unknown regions never fire. A CloudFront
#   distribution's viewer certificate (acm_certificate_arn,
#   AcmCertificateArn) fires when its region is known and not us-east-1.
# custom:
#   id: aws-acm-certificate-region-mismatch
#   severity: HIGH
#   kind: correctness
#   collections: [aws.elb.listeners, aws.elb.listener_certificates, aws.elb.load_balancers, aws.cloudfront.distributions]
#   resource_types: [aws_lb_listener, aws_alb_listener, aws_lb_listener_certificate, aws_elb, aws_cloudfront_distribution, aws_acm_certificate, AWS::CloudFront::Distribution, AWS::ElasticLoadBalancingV2::Listener, AWS::ElasticLoadBalancingV2::ListenerCertificate, AWS::ElasticLoadBalancing::LoadBalancer, AWS::CertificateManager::Certificate]
#   remediation:
#     terraform: |
#       Request (or import) the certificate in the load balancer's region:
#       give aws_acm_certificate the same provider as the load balancer.
#       ```hcl
#       resource "aws_acm_certificate" "web" {
#         # no provider = aws.us_east_1 here: that one is for CloudFront
#         domain_name       = "example.com"
#         validation_method = "DNS"
#       }
#       ```
#     cloudformation: |
#       Create the certificate in the load balancer's stack (same region),
#       and reference it:
#       ```yaml
#       Certificate:
#         Type: AWS::CertificateManager::Certificate
#         Properties:
#           DomainName: example.com
#           ValidationMethod: DNS
#       ```
package seclint.aws.acm.certificate_region_mismatch

import data.seclint.lib

listeners_by_id := {x.id: x | some x in input.aws.elb.listeners}

mismatch(cert, region) if {
	is_string(cert.region)
	is_string(region)
	cert.region != region
}

message(what, cert, region) := sprintf(
	"%s uses an ACM certificate of %s but is in %s; ACM certificates can be used only in their own region.",
	[what, cert.region, region],
)

deny contains finding if {
	some x in input.aws.elb.listeners
	mismatch(x.certificate, x.region)
	finding := {"resource": x.id, "attribute": "certificate", "message": message(sprintf("Listener %s", [x.id]), x.certificate, x.region)}
}

# A listener certificate is deployed with its listener; its own region
# stands for it when the listener is outside the scan.
side_region(c) := listeners_by_id[c.listener_ref].region

side_region(c) := c.region if not listeners_by_id[object.get(c, "listener_ref", "")]

deny contains finding if {
	some c in input.aws.elb.listener_certificates
	region := side_region(c)
	some i, cert in c.certificates
	mismatch(cert, region)
	finding := {"resource": c.id, "attribute": sprintf("certificates[%d]", [i]), "message": message(sprintf("Listener certificate %s", [c.id]), cert, region)}
}

deny contains finding if {
	some lb in input.aws.elb.load_balancers
	some i, l in lb.listeners
	mismatch(l.certificate, lb.region)
	finding := {"resource": lb.id, "attribute": sprintf("listeners[%d].certificate", [i]), "message": message(sprintf("Classic Load Balancer %s (port %v)", [lb.id, l.port]), l.certificate, lb.region)}
}

# CloudFront takes viewer certificates from us-east-1 only (CloudFront developer guide, "Requirements for using SSL/TLS certificates with CloudFront").
deny contains finding if {
	some dist in input.aws.cloudfront.distributions
	cert := dist.viewer_certificate.certificate
	mismatch(cert, "us-east-1")
	finding := {"resource": dist.id, "attribute": "viewer_certificate.acm_certificate_arn", "message": sprintf("Distribution %s uses an ACM certificate of %s; CloudFront accepts only certificates from us-east-1.", [dist.id, cert.region])}
}
