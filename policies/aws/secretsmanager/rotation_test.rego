package seclint.aws.secretsmanager.rotation_test

import data.seclint.aws.secretsmanager.rotation as rule

model(s) := {"aws": {"secretsmanager": {"secrets": [object.union({"id": "s", "policies": []}, s)]}}}

test_no_rotation_fires if {
	count(rule.deny) == 1 with input as model({})
	count(rule.deny) == 1 with input as model({"rotation_configured": false})
	some f in rule.deny with input as model({})
	f.attribute == "rotation_configured"
}

test_rotation_does_not_fire if {
	count(rule.deny) == 0 with input as model({"rotation_configured": true})
	count(rule.deny) == 0 with input as {"aws": {"secretsmanager": {"secrets": []}}}
}
