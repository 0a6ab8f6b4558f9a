package seclint.aws.iam.public_principal_test

import data.seclint.aws.iam.public_principal as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

pol(kind, statements) := {"aws": {"iam": {"policies": [{"id": "p", "kind": kind, "statements": statements}]}}}

star := [{"type": "*", "value": "*"}]

test_public_principal_fires if {
	fs := rule.deny with input as pol("resource", [{"effect": "Allow", "principals": star, "actions": ["s3:GetObject"]}])
	count(fs) == 1
	some f in fs
	f.attribute == "statements[0].principals[0]"
}

test_aws_star_in_trust_policy_fires if {
	count(rule.deny) == 1 with input as pol("trust", [{"effect": "Allow", "principals": [{"type": "AWS", "value": "*"}]}])
}

test_not_principal_allow_fires if {
	some f in rule.deny with input as pol("resource", [{"effect": "Allow", "not_principals": [{"type": "AWS", "value": "arn:aws:iam::111122223333:root"}]}])
	f.attribute == "statements[0].not_principals"
}

test_traps_do_not_fire if {
	org := [{"operator": "StringEquals", "base": "StringEquals", "key": "aws:PrincipalOrgID", "values": ["o-1"]}]
	count(rule.deny) == 0 with input as pol("resource", [{"effect": "Deny", "principals": star}])
	count(rule.deny) == 0 with input as pol("resource", [{"effect": "Allow", "principals": star, "conditions": org}])
	count(rule.deny) == 0 with input as pol("resource", [{"effect": "Allow", "principals": unknown}])
	count(rule.deny) == 0 with input as pol("resource", [{"effect": unknown, "principals": star}])
	count(rule.deny) == 0 with input as pol("resource", [{"effect": "Allow", "principals": [{"type": "AWS", "value": unknown}]}])
	count(rule.deny) == 0 with input as pol("identity", [{"effect": "Allow", "principals": star}])
	count(rule.deny) == 0 with input as pol("resource", [{"effect": "Allow", "principals": [{"type": "Service", "value": "cloudtrail.amazonaws.com"}]}])
}

test_private_source_ip_does_not_narrow if {
	private := [{"operator": "IpAddress", "base": "IpAddress", "key": "aws:SourceIp", "values": ["10.0.0.0/8", "192.168.0.0/16"]}]
	fs := rule.deny with input as pol("resource", [{"effect": "Allow", "principals": star, "conditions": private}])
	count(fs) == 1
	some f in fs
	contains(f.message, "lists only private addresses")
	public := [{"operator": "IpAddress", "base": "IpAddress", "key": "aws:SourceIp", "values": ["10.0.0.0/8", "203.0.113.0/24"]}]
	count(rule.deny) == 0 with input as pol("resource", [{"effect": "Allow", "principals": star, "conditions": public}])
	vpc := [{"operator": "IpAddress", "base": "IpAddress", "key": "aws:VpcSourceIp", "values": ["10.0.0.0/8"]}]
	count(rule.deny) == 0 with input as pol("resource", [{"effect": "Allow", "principals": star, "conditions": vpc}])
}
