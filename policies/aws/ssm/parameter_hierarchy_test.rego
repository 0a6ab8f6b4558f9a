package seclint.aws.ssm.parameter_hierarchy_test

import data.seclint.aws.ssm.parameter_hierarchy as rule

unknown := json.unmarshal(`{"__unknown__": true}`)

model(p) := {"aws": {"ssm": {"parameters": [object.union({"id": "p", "parameter_type": "String"}, p)]}}}

test_flat_name_fires if {
	count(rule.deny) == 1 with input as model({"name": "prod-db-host"})
	count(rule.deny) == 1 with input as model({"name": "app/prod/db-host"})
	some f in rule.deny with input as model({"name": "prod-db-host"})
	f.attribute == "name"
}

test_traps_do_not_fire if {
	count(rule.deny) == 0 with input as model({"name": "/app/prod/db-host"})
	count(rule.deny) == 0 with input as model({"name": "/db-host"})
	count(rule.deny) == 0 with input as model({"name": unknown})
	count(rule.deny) == 0 with input as model({})
}
