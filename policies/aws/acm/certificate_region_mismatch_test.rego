package seclint.aws.acm.certificate_region_mismatch_test

import data.seclint.aws.acm.certificate_region_mismatch as rule

unknown := json.unmarshal(`{"__unknown__": true}`)

elb(e) := {"aws": {"elb": object.union({"listeners": [], "listener_certificates": [], "load_balancers": []}, e)}}

listener(region, cert_region) := elb({"listeners": [{"id": "l", "type": "aws_lb_listener", "region": region, "certificate": {"target": {"name": "x"}, "region": cert_region}}]})

test_other_region_fires if {
	fs := rule.deny with input as listener("eu-west-1", "us-east-1")
	count(fs) == 1
	some f in fs
	f.attribute == "certificate"
}

test_same_region_passes if {
	count(rule.deny) == 0 with input as listener("eu-west-1", "eu-west-1")
}

test_unknown_or_global_never_fires if {
	count(rule.deny) == 0 with input as listener(unknown, "us-east-1")
	count(rule.deny) == 0 with input as listener("eu-west-1", unknown)
	# An IAM server certificate has no region.
	count(rule.deny) == 0 with input as elb({"listeners": [{"id": "l", "type": "aws_lb_listener", "region": "eu-west-1", "certificate": {"target": {"name": "arn:aws:iam::1:server-certificate/x"}}}]})
}

test_listener_certificate_uses_listener_region if {
	count(rule.deny) == 1 with input as elb({
		"listeners": [{"id": "l", "type": "aws_lb_listener", "region": "eu-west-1"}],
		"listener_certificates": [{"id": "c", "type": "aws_lb_listener_certificate", "region": "us-east-1", "listener_ref": "l", "certificates": [{"region": "us-east-1"}]}],
	})
}

test_listener_certificate_outside_scan if {
	count(rule.deny) == 1 with input as elb({"listener_certificates": [{"id": "c", "type": "aws_lb_listener_certificate", "region": "eu-west-1", "certificates": [{"region": "us-east-1"}]}]})
	count(rule.deny) == 0 with input as elb({"listener_certificates": [{"id": "c", "type": "aws_lb_listener_certificate", "region": "us-east-1", "certificates": [{"region": "us-east-1"}]}]})
}

test_classic_listener if {
	count(rule.deny) == 1 with input as elb({"load_balancers": [{"id": "lb", "type": "aws_elb", "region": "eu-west-1", "listeners": [{"port": 443, "certificate": {"region": "us-west-2"}}]}]})
	count(rule.deny) == 0 with input as elb({"load_balancers": [{"id": "lb", "type": "aws_elb", "region": unknown, "listeners": [{"port": 443, "certificate": {"region": "us-west-2"}}]}]})
}

distribution(cert) := {"aws": {"cloudfront": {"distributions": [{"id": "d", "type": "aws_cloudfront_distribution", "viewer_certificate": {"certificate": cert}}]}}}

test_cloudfront_certificate_outside_us_east_1_fires if {
	fs := rule.deny with input as distribution({"region": "eu-west-1"})
	count(fs) == 1
	some f in fs
	f.attribute == "viewer_certificate.acm_certificate_arn"
	count(rule.deny) == 0 with input as distribution({"region": "us-east-1"})
	count(rule.deny) == 0 with input as distribution({"region": unknown})
	count(rule.deny) == 0 with input as distribution({})
}
