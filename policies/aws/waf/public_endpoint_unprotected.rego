# METADATA
# title: Public endpoint without a WAF web ACL
# description: |
#   An internet-facing Application Load Balancer, a public API Gateway REST
#   API stage or a CloudFront distribution with no AWS WAF web ACL takes
#   every request, malicious or not, straight to the application. The rule
#   fires on an internet-facing ALB (scheme not internal, type application)
#   and on a stage of a REST API of the scan whose endpoint is not PRIVATE
#   (EDGE, the default, or REGIONAL) when no web ACL association of the scan
#   names it (by reference, or an ALB by its ARN), and on an enabled
#   distribution with no web_acl_id / WebACLId. An association whose
#   resource is not known may be any resource's, so it keeps every ALB and
#   stage of the scan from firing; unknown schemes, types, endpoint types
#   and web ACL IDs never fire, and a stage whose REST API is outside the
#   scan is not checked. A SAM AWS::Serverless::Api is checked as the REST
#   API and stage the transform makes of it (EndpointConfiguration a type
#   or an object with Type). FSBP CloudFront.6 covers distributions.
# custom:
#   id: aws-waf-public-endpoint-unprotected
#   severity: MEDIUM
#   kind: security
#   fsbp: [CloudFront.6]
#   collections: [aws.elb.load_balancers, aws.apigateway.stages, aws.apigateway.rest_apis, aws.cloudfront.distributions, aws.wafv2.associations]
#   resource_types: [aws_lb, aws_alb, aws_api_gateway_stage, aws_api_gateway_rest_api, aws_cloudfront_distribution, aws_wafv2_web_acl_association, AWS::ElasticLoadBalancingV2::LoadBalancer, AWS::ApiGateway::Stage, AWS::ApiGateway::RestApi, AWS::Serverless::Api, AWS::CloudFront::Distribution, AWS::WAFv2::WebACLAssociation]
#   remediation:
#     terraform: |
#       ```hcl
#       resource "aws_wafv2_web_acl_association" "web" {
#         resource_arn = aws_lb.web.arn # or aws_api_gateway_stage.prod.arn
#         web_acl_arn  = aws_wafv2_web_acl.regional.arn
#       }
#
#       resource "aws_cloudfront_distribution" "site" {
#         # ...
#         web_acl_id = aws_wafv2_web_acl.cloudfront.arn # scope CLOUDFRONT, us-east-1
#       }
#       ```
#     cloudformation: |
#       ```yaml
#       WebAssociation:
#         Type: AWS::WAFv2::WebACLAssociation
#         Properties:
#           ResourceArn: !Ref LoadBalancer
#           WebACLArn: !GetAtt RegionalWebACL.Arn
#       Distribution:
#         Type: AWS::CloudFront::Distribution
#         Properties:
#           DistributionConfig:
#             WebACLId: !GetAtt CloudFrontWebACL.Arn
#       ```
package seclint.aws.waf.public_endpoint_unprotected

import data.seclint.lib

_associated contains a.resource_ref if {
	some a in input.aws.wafv2.associations
	object.get(a, "resource_ref", "") != ""
}

# An association whose resource is neither linked nor known.
_unresolved_association if {
	some a in input.aws.wafv2.associations
	object.get(a, "resource_ref", "") == ""
	not _known_arn(a)
}

_known_arn(a) if is_string(a.resource_arn)

_rest_apis := {r.id: r | some r in input.aws.apigateway.rest_apis}

deny contains finding if {
	some lb in input.aws.elb.load_balancers
	lib.is_application(lb)
	lib.internet_facing(lb)
	not lb.id in _associated
	not _unresolved_association
	finding := {"resource": lb.id, "attribute": "", "message": sprintf("Internet-facing load balancer %s has no WAF web ACL; associate one (aws_wafv2_web_acl_association / AWS::WAFv2::WebACLAssociation).", [lb.id])}
}

deny contains finding if {
	some stage in input.aws.apigateway.stages
	api := _rest_apis[stage.rest_api_ref]
	_public(api)
	not stage.id in _associated
	not _unresolved_association
	finding := {"resource": stage.id, "attribute": "", "message": sprintf("API Gateway stage %s of the public REST API %s has no WAF web ACL; associate one (aws_wafv2_web_acl_association / AWS::WAFv2::WebACLAssociation).", [stage.id, api.id])}
}

_public(api) if lib.absent(api, "endpoint_types")

_public(api) if {
	is_array(api.endpoint_types)
	count([t | some t in api.endpoint_types; not is_string(t)]) == 0
	not "PRIVATE" in api.endpoint_types
}

deny contains finding if {
	some dist in input.aws.cloudfront.distributions
	not _disabled(dist)
	_no_web_acl(dist)
	finding := {"resource": dist.id, "attribute": _path(dist), "message": sprintf("Distribution %s has no WAF web ACL; set web_acl_id (WebACLId) to a web ACL of scope CLOUDFRONT.", [dist.id])}
}

_disabled(dist) if lib.is_false(dist.enabled)

_no_web_acl(dist) if lib.absent(dist, "web_acl_id")

_no_web_acl(dist) if dist.web_acl_id == ""

_path(dist) := "web_acl_id" if lib.has(dist, "web_acl_id")

_path(dist) := "" if lib.absent(dist, "web_acl_id")
