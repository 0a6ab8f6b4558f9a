# METADATA
# title: CloudFront distribution has no access logging
# description: |
#   Without standard logging there is no record of the requests a
#   distribution served: who fetched what, from where, with which result.
#   A distribution logs when it has a legacy logging configuration
#   (logging_config / Logging, to an S3 bucket) or when a CloudWatch Logs
#   delivery source of the scan names it (aws_cloudwatch_log_delivery_source
#   / AWS::Logs::DeliverySource with the distribution's ARN: standard
#   logging v2). The rule fires when it has neither. A delivery source whose
#   resource is not known may be this distribution's, so it keeps every
#   distribution of the scan from firing; an unknown logging block never
#   fires.
# custom:
#   id: aws-cloudfront-logging
#   severity: LOW
#   kind: security
#   fsbp: [CloudFront.5]
#   collections: [aws.cloudfront.distributions, aws.cloudfront.log_delivery_sources]
#   resource_types: [aws_cloudfront_distribution, aws_cloudwatch_log_delivery_source, AWS::CloudFront::Distribution, AWS::Logs::DeliverySource]
#   remediation:
#     terraform: |
#       ```hcl
#       resource "aws_cloudfront_distribution" "site" {
#         # ...
#         logging_config {
#           bucket = aws_s3_bucket.cdn_logs.bucket_domain_name
#           prefix = "site/"
#         }
#       }
#       ```
#       Or standard logging v2: an `aws_cloudwatch_log_delivery_source`
#       with `log_type = "ACCESS_LOGS"` and `resource_arn` the
#       distribution's ARN, with a delivery destination and a delivery.
#     cloudformation: |
#       ```yaml
#       Distribution:
#         Type: AWS::CloudFront::Distribution
#         Properties:
#           DistributionConfig:
#             Logging:
#               Bucket: !GetAtt CdnLogs.DomainName
#               Prefix: site/
#       ```
#       Or standard logging v2: an `AWS::Logs::DeliverySource` with
#       `LogType: ACCESS_LOGS` and the distribution's ARN as `ResourceArn`.
package seclint.aws.cloudfront.logging

import data.seclint.lib

deny contains finding if {
	some dist in input.aws.cloudfront.distributions
	not dist.logging
	count(object.get(dist, "log_delivery_sources", [])) == 0
	not _unresolved_source
	finding := {"resource": dist.id, "attribute": "", "message": sprintf("Distribution %s has no access logging; add a logging_config (Logging) bucket or a CloudWatch Logs delivery source for it.", [dist.id])}
}

# A delivery source whose resource is not a distribution of the scan and
# is not known may name any of them.
_unresolved_source if {
	some s in input.aws.cloudfront.log_delivery_sources
	object.get(s, "resource_ref", "") == ""
	not _known_arn(s)
}

_known_arn(s) if is_string(s.resource_arn)
