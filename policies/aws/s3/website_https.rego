# METADATA
# title: S3 static website hosting serves HTTP only
# description: |
#   An S3 website endpoint (bucket.s3-website-REGION.amazonaws.com) speaks
#   plain HTTP only, so pages and everything they load can be read and
#   altered in transit, and the bucket has to be public for the endpoint to
#   serve it. Serve the content through CloudFront with an HTTPS viewer
#   policy and an origin access control to the S3 REST endpoint, and keep
#   the bucket private. The rule fires on every bucket with website hosting
#   configured (a redirect-all website included: the redirect itself is
#   served over HTTP).
# custom:
#   id: aws-s3-website-https
#   severity: MEDIUM
#   kind: security
#   collections: [aws.s3.buckets]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_website_configuration, AWS::S3::Bucket]
#   remediation:
#     terraform: |
#       Remove the website configuration and put CloudFront in front of the bucket:
#       ```hcl
#       # before
#       resource "aws_s3_bucket_website_configuration" "site" {
#         bucket = aws_s3_bucket.site.id
#         index_document { suffix = "index.html" }
#       }
#       # after
#       resource "aws_cloudfront_origin_access_control" "site" {
#         name                              = "site"
#         origin_access_control_origin_type = "s3"
#         signing_behavior                  = "always"
#         signing_protocol                  = "sigv4"
#       }
#       # aws_cloudfront_distribution: origin { domain_name = aws_s3_bucket.site.bucket_regional_domain_name,
#       #   origin_access_control_id = aws_cloudfront_origin_access_control.site.id },
#       #   default_root_object = "index.html", viewer_protocol_policy = "redirect-to-https"
#       ```
#     cloudformation: |
#       Remove `WebsiteConfiguration` and put CloudFront in front of the bucket:
#       ```yaml
#       # before
#       WebsiteConfiguration:
#         IndexDocument: index.html
#       # after (on an AWS::CloudFront::Distribution)
#       DistributionConfig:
#         DefaultRootObject: index.html
#         Origins:
#           - Id: site
#             DomainName: !GetAtt SiteBucket.RegionalDomainName
#             OriginAccessControlId: !Ref SiteOAC
#             S3OriginConfig: {}
#         DefaultCacheBehavior:
#           TargetOriginId: site
#           ViewerProtocolPolicy: redirect-to-https
#       ```
package seclint.aws.s3.website_https

import data.seclint.lib

deny contains finding if {
	some bucket in input.aws.s3.buckets
	bucket.website
	finding := {"resource": bucket.id, "attribute": "website", "message": sprintf("Bucket %s hosts a static website, whose endpoint serves HTTP only; serve it through CloudFront over HTTPS and keep the bucket private.", [bucket.id])}
}
