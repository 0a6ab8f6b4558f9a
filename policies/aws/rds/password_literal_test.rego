package seclint.aws.rds.password_literal_test

import data.seclint.aws.rds.password_literal as rule

unknown := json.unmarshal(`{"__unknown__": true}`)

instance(db) := {"aws": {"rds": {"instances": [object.union({"id": "db"}, db)], "clusters": []}}}

cluster(db) := {"aws": {"rds": {"instances": [], "clusters": [object.union({"id": "c"}, db)]}}}

test_literal_fires if {
	count(rule.deny) == 1 with input as instance({"master_password": "Winter2024!", "password_literal": true})
	count(rule.deny) == 1 with input as cluster({"master_password": "Winter2024!", "password_literal": true})
	some f in rule.deny with input as instance({"master_password": "x", "password_literal": true})
	f.attribute == "master_password"
}

test_traps_do_not_fire if {
	# A variable, a parameter, a generated password, a dynamic reference.
	count(rule.deny) == 0 with input as instance({"master_password": "from-a-default"})
	count(rule.deny) == 0 with input as instance({"master_password": unknown})
	count(rule.deny) == 0 with input as cluster({"managed_password": true})
	# A placeholder that Terraform ignores.
	count(rule.deny) == 0 with input as instance({"master_password": "changeme", "password_literal": true, "password_ignored": true})
}
