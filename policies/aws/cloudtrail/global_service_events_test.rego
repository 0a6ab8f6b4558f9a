package seclint.aws.cloudtrail.global_service_events_test

import data.seclint.aws.cloudtrail.global_service_events as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

trails(ts) := {"aws": {"cloudtrail": {"trails": ts}}}

trail(fields) := object.union({"id": "t", "type": "aws_cloudtrail"}, fields)

test_false_fires if {
	fs := rule.deny with input as trails([trail({"include_global_service_events": false})])
	count(fs) == 1
	some f in fs
	f.attribute == "include_global_service_events"
}

# Absent means true (the API, Terraform and CloudFormation default).
test_absent_or_true_passes if {
	count(rule.deny) == 0 with input as trails([trail({})])
	count(rule.deny) == 0 with input as trails([trail({"include_global_service_events": true})])
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as trails([trail({"include_global_service_events": unknown})])
}
