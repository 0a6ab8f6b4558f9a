package seclint.aws.config.recorder_disabled_test

import data.seclint.aws.config.recorder_disabled as rule

model(r, statuses) := {"aws": {"config": {
	"recorders": [object.union({"id": "r", "type": "aws_config_configuration_recorder", "starts_on_create": false, "statuses": [s.id | some s in statuses], "delivery_channels": []}, r)],
	"recorder_statuses": statuses,
}}}

test_no_status_or_disabled_fires if {
	count(rule.deny) == 1 with input as model({}, [])
	count(rule.deny) == 1 with input as model({}, [{"id": "s", "is_enabled": false}])
}

test_enabled_unknown_or_cfn_does_not_fire if {
	count(rule.deny) == 0 with input as model({}, [{"id": "s", "is_enabled": true}])
	count(rule.deny) == 0 with input as model({}, [{"id": "s", "is_enabled": {"__unknown__": true}}])
	count(rule.deny) == 0 with input as model({"starts_on_create": true}, [])
}
