package seclint.aws.waf.public_endpoint_unprotected_test

import data.seclint.aws.waf.public_endpoint_unprotected as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

scan(lbs, stages, apis, dists, assocs) := {"aws": {
	"elb": {"load_balancers": lbs},
	"apigateway": {"stages": stages, "rest_apis": apis},
	"cloudfront": {"distributions": dists},
	"wafv2": {"associations": assocs},
}}

lb(fields) := object.union({"id": "lb", "type": "aws_lb"}, fields)

test_public_alb_fires if {
	count(rule.deny) == 1 with input as scan([lb({})], [], [], [], [])
	count(rule.deny) == 1 with input as scan([lb({"internal": false, "lb_type": "application"})], [], [], [], [])
	# An association of another, known resource.
	count(rule.deny) == 1 with input as scan([lb({})], [], [], [], [{"id": "a", "resource_arn": "arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/app/other/1"}])
}

test_alb_traps_pass if {
	count(rule.deny) == 0 with input as scan([lb({"internal": true})], [], [], [], [])
	count(rule.deny) == 0 with input as scan([lb({"lb_type": "network"})], [], [], [], [])
	count(rule.deny) == 0 with input as scan([lb({})], [], [], [], [{"id": "a", "resource_ref": "lb"}])
}

test_stages if {
	api := {"id": "api", "type": "aws_api_gateway_rest_api"}
	stage := {"id": "s", "type": "aws_api_gateway_stage", "rest_api_ref": "api"}
	count(rule.deny) == 1 with input as scan([], [stage], [api], [], [])
	count(rule.deny) == 1 with input as scan([], [stage], [object.union(api, {"endpoint_types": ["REGIONAL"]})], [], [])
	count(rule.deny) == 0 with input as scan([], [stage], [object.union(api, {"endpoint_types": ["PRIVATE"]})], [], [])
	count(rule.deny) == 0 with input as scan([], [stage], [api], [], [{"id": "a", "resource_ref": "s"}])
	# The REST API is outside the scan: its endpoint type is not known.
	count(rule.deny) == 0 with input as scan([], [{"id": "s", "type": "aws_api_gateway_stage"}], [], [], [])
}

test_distributions if {
	count(rule.deny) == 1 with input as scan([], [], [], [{"id": "d", "type": "aws_cloudfront_distribution", "enabled": true}], [])
	count(rule.deny) == 1 with input as scan([], [], [], [{"id": "d", "type": "aws_cloudfront_distribution", "web_acl_id": ""}], [])
	count(rule.deny) == 0 with input as scan([], [], [], [{"id": "d", "type": "aws_cloudfront_distribution", "web_acl_id": "arn:aws:wafv2:us-east-1:1:global/webacl/x/1"}], [])
	count(rule.deny) == 0 with input as scan([], [], [], [{"id": "d", "type": "aws_cloudfront_distribution", "enabled": false}], [])
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as scan([lb({"internal": unknown})], [], [], [], [])
	count(rule.deny) == 0 with input as scan([lb({"lb_type": unknown})], [], [], [], [])
	count(rule.deny) == 0 with input as scan([lb({})], [], [], [], [{"id": "a", "resource_arn": unknown}])
	count(rule.deny) == 0 with input as scan([], [{"id": "s", "rest_api_ref": "api"}], [{"id": "api", "endpoint_types": unknown}], [], [])
	count(rule.deny) == 0 with input as scan([], [], [], [{"id": "d", "web_acl_id": unknown}], [])
}
