package seclint.aws.cloudtrail.log_file_validation_test

import data.seclint.aws.cloudtrail.log_file_validation as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

trails(ts) := {"aws": {"cloudtrail": {"trails": ts}}}

trail(fields) := object.union({"id": "t", "type": "aws_cloudtrail"}, fields)

test_absent_fires if {
	fs := rule.deny with input as trails([trail({})])
	count(fs) == 1
	some f in fs
	f.attribute == "log_file_validation"
}

test_false_fires if {
	count(rule.deny) == 1 with input as trails([trail({"log_file_validation": false})])
}

test_enabled_passes if {
	count(rule.deny) == 0 with input as trails([trail({"log_file_validation": true})])
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as trails([trail({"log_file_validation": unknown})])
}
