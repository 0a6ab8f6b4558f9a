# METADATA
# title: CloudFront viewer connections allow TLS below 1.2
# description: |
#   The viewer certificate's security policy (minimum_protocol_version /
#   MinimumProtocolVersion) sets the oldest protocol CloudFront accepts
#   from viewers; SSLv3, TLSv1, TLSv1_2016 and TLSv1.1_2016 accept
#   protocols with known weaknesses. With a custom certificate (ACM or IAM)
#   the policy defaults to TLSv1 when it is not written (the CloudFront API
#   and the Terraform provider default). A distribution on the default
#   CloudFront certificate (*.cloudfront.net: cloudfront_default_certificate
#   true, or no ViewerCertificate in CloudFormation) is reported too: AWS
#   sets its security policy to TLSv1 whatever is written, so the fix is a
#   custom domain with an ACM certificate (in us-east-1) and TLSv1.2_2021.
#   An unknown certificate or policy never fires.
# custom:
#   id: aws-cloudfront-outdated-tls
#   severity: MEDIUM
#   kind: security
#   collections: [aws.cloudfront.distributions]
#   resource_types: [aws_cloudfront_distribution, AWS::CloudFront::Distribution]
#   remediation:
#     terraform: |
#       ```hcl
#       resource "aws_cloudfront_distribution" "site" {
#         # ...
#         aliases = ["www.example.com"]
#         viewer_certificate {
#           acm_certificate_arn      = aws_acm_certificate.site.arn # in us-east-1
#           ssl_support_method       = "sni-only"
#           minimum_protocol_version = "TLSv1.2_2021"
#         }
#       }
#       ```
#     cloudformation: |
#       ```yaml
#       Distribution:
#         Type: AWS::CloudFront::Distribution
#         Properties:
#           DistributionConfig:
#             Aliases: [www.example.com]
#             ViewerCertificate:
#               AcmCertificateArn: !Ref SiteCertificate # in us-east-1
#               SslSupportMethod: sni-only
#               MinimumProtocolVersion: TLSv1.2_2021
#       ```
package seclint.aws.cloudfront.outdated_tls

import data.seclint.lib

# CloudFormation: no ViewerCertificate is the default certificate.
deny contains finding if {
	some dist in input.aws.cloudfront.distributions
	dist.type == "AWS::CloudFront::Distribution"
	not dist.viewer_certificate
	finding := {"resource": dist.id, "attribute": "", "message": sprintf("Distribution %s uses the default CloudFront certificate, whose minimum protocol is fixed at TLSv1; serve a custom domain with an ACM certificate and minimum_protocol_version TLSv1.2_2021.", [dist.id])}
}

deny contains finding if {
	some dist in input.aws.cloudfront.distributions
	lib.is_true(dist.viewer_certificate.cloudfront_default_certificate)
	not _custom(dist.viewer_certificate)
	finding := {"resource": dist.id, "attribute": "viewer_certificate.cloudfront_default_certificate", "message": sprintf("Distribution %s uses the default CloudFront certificate, whose minimum protocol is fixed at TLSv1; serve a custom domain with an ACM certificate and minimum_protocol_version TLSv1.2_2021.", [dist.id])}
}

deny contains finding if {
	some dist in input.aws.cloudfront.distributions
	vc := dist.viewer_certificate
	_custom(vc)
	not _default_certificate(vc)
	version := object.get(vc, "minimum_protocol_version", "TLSv1")
	_outdated(version)
	finding := {"resource": dist.id, "attribute": "viewer_certificate.minimum_protocol_version", "message": sprintf("Distribution %s accepts viewers on %s; set minimum_protocol_version (MinimumProtocolVersion) to TLSv1.2_2021.", [dist.id, _shown(vc, version)])}
}

# (A helper: in "not f(x.y)" OPA evaluates x.y outside the negation.)
_default_certificate(vc) if lib.is_true(vc.cloudfront_default_certificate)

# A custom certificate is written (known or not).
_custom(vc) if lib.has(vc, "acm_certificate_arn")

_custom(vc) if lib.has(vc, "iam_certificate_id")

_outdated(version) if {
	is_string(version)
	not startswith(version, "TLSv1.2")
	not startswith(version, "TLSv1.3")
}

_shown(vc, version) := version if lib.has(vc, "minimum_protocol_version")

_shown(vc, _) := "TLSv1 (the default when minimum_protocol_version is not set)" if not lib.has(vc, "minimum_protocol_version")
