package seclint.aws.s3.website_https_test

import data.seclint.aws.s3.website_https as rule

s3(buckets) := {"aws": {"s3": {"buckets": buckets}}}

test_website_fires if {
	fs := rule.deny with input as s3([{"id": "b", "website": {"index_document": "index.html"}}])
	{f.attribute | some f in fs} == {"website"}
}

test_redirect_website_fires if {
	count(rule.deny) == 1 with input as s3([{"id": "b", "website": {"redirect_all_requests_to": "example.com"}}])
}

test_no_website_does_not_fire if {
	count(rule.deny) == 0 with input as s3([{"id": "b"}])
}
