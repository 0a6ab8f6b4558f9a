package seclint.aws.cloudtrail.bucket_policy_confused_deputy_test

import data.seclint.aws.cloudtrail.bucket_policy_confused_deputy as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

policy(statement) := {"aws": {"iam": {"policies": [{"id": "p", "type": "aws_s3_bucket_policy", "kind": "resource", "errors": [], "statements": [statement]}]}}}

write(fields) := object.union({
	"effect": "Allow",
	"actions": ["s3:PutObject"],
	"resources": ["arn:aws:s3:::trail-logs/AWSLogs/111122223333/*"],
	"principals": [{"type": "Service", "value": "cloudtrail.amazonaws.com"}],
}, fields)

cond(op, key, values) := {"operator": op, "base": op, "key": key, "values": values}

test_write_without_condition_fires if {
	fs := rule.deny with input as policy(write({}))
	count(fs) == 1
	some f in fs
	f.resource == "p"
	f.attribute == "statements[0]"
	count(rule.deny) == 1 with input as policy(write({"actions": ["s3:*"]}))
	count(rule.deny) == 1 with input as policy(write({"actions": ["s3:Put*"]}))
	count(rule.deny) == 1 with input as policy(write({"principals": [{"type": "Service", "value": "CloudTrail.amazonaws.com"}, {"type": "Service", "value": "config.amazonaws.com"}]}))
	count(rule.deny) == 1 with input as policy(write({"conditions": [cond("StringEquals", "s3:x-amz-acl", ["bucket-owner-full-control"])]}))
}

test_source_condition_passes if {
	count(rule.deny) == 0 with input as policy(write({"conditions": [cond("StringEquals", "aws:SourceArn", ["arn:aws:cloudtrail:us-east-1:111122223333:trail/main"])]}))
	count(rule.deny) == 0 with input as policy(write({"conditions": [cond("StringEquals", "aws:SourceAccount", ["111122223333"])]}))
	count(rule.deny) == 0 with input as policy(write({"conditions": [cond("ArnLike", "AWS:SourceArn", ["arn:aws:cloudtrail:*:111122223333:trail/*"])]}))
	count(rule.deny) == 0 with input as policy(write({"conditions": [cond("StringEquals", "aws:SourceOrgID", ["o-a1b2c3d4e5"])]}))
}

# A negated operator or a value matching everything does not bind the source.
test_condition_that_does_not_limit_fires if {
	count(rule.deny) == 1 with input as policy(write({"conditions": [cond("StringNotEquals", "aws:SourceAccount", ["111122223333"])]}))
	count(rule.deny) == 1 with input as policy(write({"conditions": [cond("StringLike", "aws:SourceArn", ["*"])]}))
}

test_other_statements_pass if {
	count(rule.deny) == 0 with input as policy(write({"actions": ["s3:GetBucketAcl"]}))
	count(rule.deny) == 0 with input as policy(write({"effect": "Deny"}))
	count(rule.deny) == 0 with input as policy(write({"principals": [{"type": "Service", "value": "delivery.logs.amazonaws.com"}]}))
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as policy(write({"conditions": unknown}))
	count(rule.deny) == 0 with input as policy(write({"conditions": [{"operator": "StringEquals", "base": "StringEquals", "key": unknown, "values": ["x"]}]}))
	count(rule.deny) == 0 with input as policy(write({"conditions": [cond("StringEquals", "aws:SourceArn", unknown)]}))
	count(rule.deny) == 0 with input as policy(write({"actions": unknown}))
	count(rule.deny) == 0 with input as policy(write({"principals": [{"type": "Service", "value": unknown}]}))
}
