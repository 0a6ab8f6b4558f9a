package seclint.aws.config.delivery_channel_missing_test

import data.seclint.aws.config.delivery_channel_missing as rule

model(r, statuses) := {"aws": {"config": {
	"recorders": [object.union({"id": "r", "type": "aws_config_configuration_recorder", "starts_on_create": false, "statuses": [s.id | some s in statuses], "delivery_channels": []}, r)],
	"recorder_statuses": statuses,
	"delivery_channels": [{"id": c, "type": "aws_config_delivery_channel"} | some c in object.get(r, "delivery_channels", [])],
}}}

test_started_without_channel_fires if {
	count(rule.deny) == 1 with input as model({"starts_on_create": true, "type": "AWS::Config::ConfigurationRecorder"}, [])
	some f in rule.deny with input as model({}, [{"id": "s", "is_enabled": true}])
	f.resource == "r"
	f.attribute == ""
}

test_channel_present_does_not_fire if {
	count(rule.deny) == 0 with input as model({"starts_on_create": true, "delivery_channels": ["c"]}, [])
	count(rule.deny) == 0 with input as model({"delivery_channels": ["c"]}, [{"id": "s", "is_enabled": true}])
}

test_not_meant_to_start_does_not_fire if {
	# Never started (aws-config-recorder-disabled), disabled, or unknown.
	count(rule.deny) == 0 with input as model({}, [])
	count(rule.deny) == 0 with input as model({}, [{"id": "s", "is_enabled": false}])
	count(rule.deny) == 0 with input as model({}, [{"id": "s", "is_enabled": {"__unknown__": true}}])
}
