package seclint.aws.cloudfront.logging_test

import data.seclint.aws.cloudfront.logging as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

scan(dist, sources) := {"aws": {"cloudfront": {
	"distributions": [object.union({"id": "d", "type": "aws_cloudfront_distribution"}, dist)],
	"log_delivery_sources": sources,
}}}

test_no_logging_fires if {
	fs := rule.deny with input as scan({}, [])
	count(fs) == 1
	some f in fs
	f.resource == "d"
	# A source of another, known resource.
	count(rule.deny) == 1 with input as scan({}, [{"id": "s", "resource_arn": "arn:aws:cloudfront::111122223333:distribution/EXAMPLE"}])
}

test_legacy_logging_passes if {
	count(rule.deny) == 0 with input as scan({"logging": {"bucket": "logs.s3.amazonaws.com"}}, [])
	count(rule.deny) == 0 with input as scan({"logging": {"bucket": unknown}}, [])
}

test_delivery_source_passes if {
	count(rule.deny) == 0 with input as scan({"log_delivery_sources": ["s"]}, [{"id": "s", "resource_ref": "d"}])
}

test_unknown_source_never_fires if {
	count(rule.deny) == 0 with input as scan({}, [{"id": "s", "resource_arn": unknown}])
}
