package seclint.aws.cloudtrail.cloudwatch_logs_test

import data.seclint.aws.cloudtrail.cloudwatch_logs as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

trails(ts) := {"aws": {"cloudtrail": {"trails": ts}}}

trail(fields) := object.union({"id": "t", "type": "aws_cloudtrail"}, fields)

test_absent_fires if {
	fs := rule.deny with input as trails([trail({})])
	count(fs) == 1
	some f in fs
	f.attribute == "cloudwatch_logs_group_arn"
}

test_empty_fires if {
	count(rule.deny) == 1 with input as trails([trail({"cloudwatch_logs_group_arn": ""})])
}

test_log_group_passes if {
	count(rule.deny) == 0 with input as trails([trail({"cloudwatch_logs_group_arn": "arn:aws:logs:us-east-1:111122223333:log-group:trail:*"})])
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as trails([trail({"cloudwatch_logs_group_arn": unknown})])
}
