package seclint.aws.secretsmanager.hardcoded_secret_test

import data.seclint.aws.secretsmanager.hardcoded_secret as rule

model(v) := {"aws": {"secretsmanager": {"secret_values": [object.union({"id": "v"}, v)]}}}

test_literal_fires if {
	count(rule.deny) == 1 with input as model({"literal": true})
	some f in rule.deny with input as model({"literal": true})
	f.attribute == "secret_string"
}

test_traps_do_not_fire if {
	count(rule.deny) == 0 with input as model({"literal": false})
	count(rule.deny) == 0 with input as model({"literal": true, "ignored": true})
	count(rule.deny) == 0 with input as model({})
}
