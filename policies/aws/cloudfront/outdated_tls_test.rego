package seclint.aws.cloudfront.outdated_tls_test

import data.seclint.aws.cloudfront.outdated_tls as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

acm := "arn:aws:acm:us-east-1:111122223333:certificate/abc"

scan(dist) := {"aws": {"cloudfront": {"distributions": [object.union({"id": "d", "type": "aws_cloudfront_distribution"}, dist)]}}}

test_old_policy_fires if {
	some v in ["SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016"]
	fs := rule.deny with input as scan({"viewer_certificate": {"acm_certificate_arn": acm, "minimum_protocol_version": v}})
	count(fs) == 1
	some f in fs
	f.attribute == "viewer_certificate.minimum_protocol_version"
}

# Absent means TLSv1 with a custom certificate.
test_absent_policy_fires if {
	fs := rule.deny with input as scan({"viewer_certificate": {"iam_certificate_id": "ASCA123"}})
	count(fs) == 1
	some f in fs
	contains(f.message, "default")
}

test_default_certificate_fires if {
	fs := rule.deny with input as scan({"viewer_certificate": {"cloudfront_default_certificate": true, "minimum_protocol_version": "TLSv1.2_2021"}})
	count(fs) == 1
	some f in fs
	f.attribute == "viewer_certificate.cloudfront_default_certificate"
	count(rule.deny) == 1 with input as scan({"type": "AWS::CloudFront::Distribution"})
}

test_modern_policy_passes if {
	count(rule.deny) == 0 with input as scan({"viewer_certificate": {"acm_certificate_arn": acm, "minimum_protocol_version": "TLSv1.2_2021"}})
	count(rule.deny) == 0 with input as scan({"viewer_certificate": {"acm_certificate_arn": unknown, "minimum_protocol_version": "TLSv1.2_2019"}})
	count(rule.deny) == 0 with input as scan({"viewer_certificate": {"acm_certificate_arn": acm, "minimum_protocol_version": "TLSv1.3_2025"}})
	# A Terraform distribution always writes viewer_certificate; none is no finding.
	count(rule.deny) == 0 with input as scan({})
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as scan({"viewer_certificate": {"acm_certificate_arn": acm, "minimum_protocol_version": unknown}})
	count(rule.deny) == 0 with input as scan({"viewer_certificate": {"cloudfront_default_certificate": unknown}})
	count(rule.deny) == 0 with input as scan({"viewer_certificate": {"cloudfront_default_certificate": false}})
}
