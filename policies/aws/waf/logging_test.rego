package seclint.aws.waf.logging_test

import data.seclint.aws.waf.logging as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

scan(acl, configs) := {"aws": {"wafv2": {
	"web_acls": [object.union({"id": "w", "type": "aws_wafv2_web_acl"}, acl)],
	"logging_configurations": configs,
}}}

test_no_logging_fires if {
	count(rule.deny) == 1 with input as scan({}, [])
	# A configuration of another web ACL, by a known ARN.
	count(rule.deny) == 1 with input as scan({}, [{"id": "c", "resource_arn": "arn:aws:wafv2:us-east-1:111122223333:regional/webacl/other/1"}])
}

test_logged_passes if {
	count(rule.deny) == 0 with input as scan({"logging_configurations": ["c"]}, [{"id": "c", "web_acl_ref": "w"}])
}

test_unknown_configuration_never_fires if {
	count(rule.deny) == 0 with input as scan({}, [{"id": "c", "resource_arn": unknown}])
}
