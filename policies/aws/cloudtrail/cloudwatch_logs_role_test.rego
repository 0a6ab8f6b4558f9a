package seclint.aws.cloudtrail.cloudwatch_logs_role_test

import data.seclint.aws.cloudtrail.cloudwatch_logs_role as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

trails(ts) := {"aws": {"cloudtrail": {"trails": ts}}}

trail(fields) := object.union({"id": "t", "type": "aws_cloudtrail"}, fields)

group := "arn:aws:logs:us-east-1:111122223333:log-group:trail:*"

role := "arn:aws:iam::111122223333:role/trail"

test_group_without_role_fires if {
	fs := rule.deny with input as trails([trail({"cloudwatch_logs_group_arn": group})])
	count(fs) == 1
	some f in fs
	f.attribute == "cloudwatch_logs_group_arn"
	count(rule.deny) == 1 with input as trails([trail({"cloudwatch_logs_group_arn": group, "cloudwatch_logs_role_arn": ""})])
}

test_role_without_group_fires if {
	fs := rule.deny with input as trails([trail({"cloudwatch_logs_role_arn": role})])
	count(fs) == 1
	some f in fs
	f.attribute == "cloudwatch_logs_role_arn"
}

test_both_or_neither_pass if {
	count(rule.deny) == 0 with input as trails([trail({"cloudwatch_logs_group_arn": group, "cloudwatch_logs_role_arn": role})])
	count(rule.deny) == 0 with input as trails([trail({})])
	count(rule.deny) == 0 with input as trails([trail({"cloudwatch_logs_group_arn": "", "cloudwatch_logs_role_arn": ""})])
}

# An unknown value may be null at deploy time, or set: nothing is known.
test_unknown_never_fires if {
	count(rule.deny) == 0 with input as trails([trail({"cloudwatch_logs_group_arn": unknown})])
	count(rule.deny) == 0 with input as trails([trail({"cloudwatch_logs_group_arn": unknown, "cloudwatch_logs_role_arn": role})])
	count(rule.deny) == 0 with input as trails([trail({"cloudwatch_logs_group_arn": group, "cloudwatch_logs_role_arn": unknown})])
}
