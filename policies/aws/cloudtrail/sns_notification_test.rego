package seclint.aws.cloudtrail.sns_notification_test

import data.seclint.aws.cloudtrail.sns_notification as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

trails(ts) := {"aws": {"cloudtrail": {"trails": ts}}}

trail(fields) := object.union({"id": "t", "type": "aws_cloudtrail"}, fields)

test_absent_fires if {
	fs := rule.deny with input as trails([trail({})])
	count(fs) == 1
	some f in fs
	f.attribute == "sns_topic_name"
	count(rule.deny) == 1 with input as trails([trail({"sns_topic_name": ""})])
}

test_topic_passes if {
	count(rule.deny) == 0 with input as trails([trail({"sns_topic_name": "trail-delivery"})])
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as trails([trail({"sns_topic_name": unknown})])
}
