package seclint.aws.ssm.parameter_policy_tier_test

import data.seclint.aws.ssm.parameter_policy_tier as rule

unknown := json.unmarshal(`{"__unknown__": true}`)

policies := `[{"Type":"Expiration","Version":"1.0","Attributes":{"Timestamp":"2030-01-01T00:00:00.000Z"}}]`

model(p) := {"aws": {"ssm": {"parameters": [object.union({"id": "p", "name": "/app/flag", "parameter_type": "String"}, p)]}}}

fires(p) if count(rule.deny) == 1 with input as model(p)

quiet(p) if count(rule.deny) == 0 with input as model(p)

test_standard_or_default_tier_fires if {
	fires({"policies": policies})
	fires({"policies": policies, "tier": "Standard"})
	some f in rule.deny with input as model({"policies": policies})
	f.attribute == "policies"
}

test_traps_do_not_fire if {
	quiet({"policies": policies, "tier": "Advanced"})
	quiet({"policies": policies, "tier": "Intelligent-Tiering"})
	quiet({"policies": policies, "tier": unknown})
	quiet({"policies": unknown})
	quiet({"policies": ""})
	quiet({"policies": " [] "})
	quiet({"tier": "Standard"})
}
