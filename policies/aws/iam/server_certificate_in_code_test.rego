package seclint.aws.iam.server_certificate_in_code_test

import data.seclint.aws.iam.server_certificate_in_code as rule

unknown := json.unmarshal(`{"__unknown__": true}`)

model(c) := {"aws": {"iam": {"server_certificates": [object.union({"id": "c", "type": "aws_iam_server_certificate"}, c)]}}}

test_literal_fires if {
	fs := rule.deny with input as model({"private_key_literal": true})
	count(fs) == 1
	some f in fs
	f.attribute == "private_key_literal"
}

test_passed_in_key_passes if {
	count(rule.deny) == 0 with input as model({"private_key_literal": false})
	count(rule.deny) == 0 with input as model({})
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as model({"private_key_literal": unknown})
}
