package seclint.aws.ec2.private_key_in_user_data_test

import data.seclint.aws.ec2.private_key_in_user_data as rule

unknown := json.unmarshal(`{"__unknown__": true}`)

model(i) := {"aws": {"ec2": {"instances": [object.union({"id": "i", "type": "aws_instance"}, i)]}}}

test_key_fires if {
	fs := rule.deny with input as model({"user_data_private_key": true})
	count(fs) == 1
	some f in fs
	f.attribute == "user_data_private_key"
}

test_clean_or_absent_passes if {
	count(rule.deny) == 0 with input as model({"user_data_private_key": false})
	count(rule.deny) == 0 with input as model({})
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as model({"user_data_private_key": unknown})
}
