package seclint.aws.ssm.parameter_size_tier_test

import data.seclint.aws.ssm.parameter_size_tier as rule

unknown := json.unmarshal(`{"__unknown__": true}`)

model(p) := {"aws": {"ssm": {"parameters": [object.union({"id": "p", "name": "/app/bundle", "parameter_type": "String"}, p)]}}}

fires(p) if count(rule.deny) == 1 with input as model(p)

quiet(p) if count(rule.deny) == 0 with input as model(p)

test_standard_limit if {
	fires({"value_length": 4097})
	fires({"value_length": 4097, "tier": "Standard"})
	fires({"value_length": 4097, "tier": "standard"})
	quiet({"value_length": 4096})
	quiet({"value_length": 4096, "tier": "Standard"})
	some f in rule.deny with input as model({"value_length": 5000})
	f.attribute == "value"
}

test_advanced_limit if {
	quiet({"value_length": 8192, "tier": "Advanced"})
	quiet({"value_length": 5000, "tier": "Advanced"})
	quiet({"value_length": 5000, "tier": "Intelligent-Tiering"})
	fires({"value_length": 8193, "tier": "Advanced"})
	fires({"value_length": 9000, "tier": "Intelligent-Tiering"})
}

test_unknowns if {
	quiet({"value_length": 5000, "tier": unknown})
	fires({"value_length": 9000, "tier": unknown})
	quiet({"value": unknown})
	quiet({"value_length": unknown})
}
