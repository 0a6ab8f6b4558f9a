package seclint.aws.waf.logging_destination_name_test

import data.seclint.aws.waf.logging_destination_name as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

scan(destinations) := {"aws": {
	"s3": {"buckets": [
		{"id": "good", "type": "aws_s3_bucket", "name": "aws-waf-logs-main", "policies": [], "grants": []},
		{"id": "bad", "type": "aws_s3_bucket", "name": "waf-logs", "policies": [], "grants": []},
		{"id": "unnamed", "type": "aws_s3_bucket", "name": unknown, "policies": [], "grants": []},
	]},
	"wafv2": {"logging_configurations": [{"id": "c", "type": "aws_wafv2_web_acl_logging_configuration", "destinations": destinations}]},
}}

test_bad_names_fire if {
	some arn in [
		"arn:aws:logs:us-east-1:111122223333:log-group:waf-logs",
		"arn:aws:logs:us-east-1:111122223333:log-group:waf-logs:*",
		"arn:aws:s3:::waf-logs",
		"arn:aws-us-gov:firehose:us-gov-west-1:111122223333:deliverystream/waf",
	]
	fs := rule.deny with input as scan([{"arn": arn}])
	count(fs) == 1
	some f in fs
	f.attribute == "destinations[0]"
}

test_linked_bucket_fires if {
	fs := rule.deny with input as scan([{"arn": "arn:aws:logs:us-east-1:111122223333:log-group:aws-waf-logs-a"}, {"arn": unknown, "bucket_ref": "bad"}])
	count(fs) == 1
	some f in fs
	f.attribute == "destinations[1]"
}

test_good_names_pass if {
	count(rule.deny) == 0 with input as scan([
		{"arn": "arn:aws:logs:us-east-1:111122223333:log-group:aws-waf-logs-main:*"},
		{"arn": "arn:aws:s3:::aws-waf-logs-main"},
		{"arn": "arn:aws:firehose:us-east-1:111122223333:deliverystream/aws-waf-logs-main"},
		{"arn": unknown, "bucket_ref": "good"},
	])
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as scan(unknown)
	count(rule.deny) == 0 with input as scan([{"arn": unknown}])
	count(rule.deny) == 0 with input as scan([{"arn": unknown, "bucket_ref": "unnamed"}])
	count(rule.deny) == 0 with input as scan([{"arn": "not-an-arn"}])
}

# Partly known names (built at run time so the type checker treats them as
# any, as it does input).
partial(parts) := json.unmarshal(json.marshal({"__unknown__": true, "parts": parts}))

hole := {"unknown": true}

test_partly_known_name_fires_when_its_known_beginning_differs if {
	# !Sub arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:acme-waf-${Env}
	arn := partial([{"text": "arn:"}, hole, {"text": ":logs:"}, hole, {"text": ":"}, hole, {"text": ":log-group:acme-waf-"}, hole])
	fs := rule.deny with input as scan([{"arn": arn}])
	count(fs) == 1
	some f in fs
	contains(f.message, `"acme-waf-${…}"`)
}

test_partly_known_bucket_name_fires if {
	input_ := json.patch(scan([{"arn": unknown, "bucket_ref": "unnamed"}]), [{"op": "replace", "path": "/aws/s3/buckets/2/name", "value": partial([{"text": "acme-logs-"}, hole])}])
	count(rule.deny) == 1 with input as input_
}

test_partly_known_name_that_may_be_right_passes if {
	count(rule.deny) == 0 with input as scan([
		# aws-waf-logs-${Env}, aws-${Env}, ${Prefix}-logs
		{"arn": partial([{"text": "arn:"}, hole, {"text": ":s3:::aws-waf-logs-"}, hole])},
		{"arn": partial([{"text": "arn:"}, hole, {"text": ":s3:::aws-"}, hole])},
		{"arn": partial([{"text": "arn:"}, hole, {"text": ":s3:::"}, hole, {"text": "-logs"}])},
		# The service is unknown: no name is read.
		{"arn": partial([{"text": "arn:aws:"}, hole, {"text": ":::acme"}])},
	])
}
