# METADATA
# title: CloudFront cache behaviour allows plain HTTP to viewers
# description: |
#   A cache behaviour whose viewer protocol policy is allow-all serves
#   viewers over plain HTTP: requests, cookies and responses can be read
#   and changed on the way. redirect-to-https sends HTTP viewers to HTTPS,
#   https-only refuses HTTP. The rule fires on the default cache behaviour
#   and on each ordered cache behaviour whose policy is allow-all; an
#   unknown policy never fires.
# custom:
#   id: aws-cloudfront-viewer-https
#   severity: MEDIUM
#   kind: security
#   fsbp: [CloudFront.3]
#   collections: [aws.cloudfront.distributions]
#   resource_types: [aws_cloudfront_distribution, AWS::CloudFront::Distribution]
#   remediation:
#     terraform: |
#       ```hcl
#       resource "aws_cloudfront_distribution" "site" {
#         # ...
#         default_cache_behavior {
#           # ...
#           viewer_protocol_policy = "redirect-to-https" # or "https-only"
#         }
#       }
#       ```
#     cloudformation: |
#       ```yaml
#       Distribution:
#         Type: AWS::CloudFront::Distribution
#         Properties:
#           DistributionConfig:
#             DefaultCacheBehavior:
#               ViewerProtocolPolicy: redirect-to-https # or https-only
#       ```
package seclint.aws.cloudfront.viewer_https

import data.seclint.lib

deny contains finding if {
	some dist in input.aws.cloudfront.distributions
	dist.default_cache_behavior.viewer_protocol_policy == "allow-all"
	finding := {"resource": dist.id, "attribute": "default_cache_behavior.viewer_protocol_policy", "message": sprintf("Distribution %s serves its default cache behaviour over plain HTTP (viewer_protocol_policy allow-all); use redirect-to-https or https-only.", [dist.id])}
}

deny contains finding if {
	some dist in input.aws.cloudfront.distributions
	is_array(dist.ordered_cache_behaviors)
	some i, behavior in dist.ordered_cache_behaviors
	behavior.viewer_protocol_policy == "allow-all"
	finding := {"resource": dist.id, "attribute": sprintf("ordered_cache_behaviors[%d].viewer_protocol_policy", [i]), "message": sprintf("Distribution %s serves the cache behaviour %v over plain HTTP (viewer_protocol_policy allow-all); use redirect-to-https or https-only.", [dist.id, _pattern(behavior)])}
}

_pattern(behavior) := behavior.path_pattern if {
	is_string(behavior.path_pattern)
} else := "(unknown path)"
