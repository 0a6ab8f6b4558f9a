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

partial(parts) := json.unmarshal(json.marshal({"__unknown__": true, "parts": parts}))

test_partly_known_name if {
	# app-${Env}/db-host: its known beginning is no path.
	fs := rule.deny with input as model({"name": partial([{"text": "app-"}, {"unknown": true}, {"text": "/db-host"}])})
	count(fs) == 1
	some f in fs
	contains(f.message, `"app-${…}/db-host"`)

	# /${Env}/db-host and ${Prefix}/db-host: a path, or not known.
	count(rule.deny) == 0 with input as model({"name": partial([{"text": "/"}, {"unknown": true}, {"text": "/db-host"}])})
	count(rule.deny) == 0 with input as model({"name": partial([{"unknown": true}, {"text": "/db-host"}])})
}
