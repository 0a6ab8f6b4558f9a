package seclint.aws.config.recorder_scope_test

import data.seclint.aws.config.recorder_scope as rule

model(r) := {"aws": {"config": {"recorders": [object.union({"id": "r", "type": "aws_config_configuration_recorder", "starts_on_create": false, "statuses": [], "delivery_channels": []}, r)]}}}

test_some_types_fires if {
	some f in rule.deny with input as model({"all_supported": false, "resource_types": ["AWS::EC2::Instance"]})
	f.attribute == "all_supported"
}

test_all_absent_or_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as model({"all_supported": true})
	count(rule.deny) == 0 with input as model({})
	count(rule.deny) == 0 with input as model({"all_supported": {"__unknown__": true}})
}
