package seclint.aws.ssm.hardcoded_secure_value_test

import data.seclint.aws.ssm.hardcoded_secure_value as rule

unknown := json.unmarshal(`{"__unknown__": true}`)

model(p) := {"aws": {"ssm": {"parameters": [object.union({"id": "p", "name": "/app/api-key"}, p)]}}}

fires(p) if count(rule.deny) == 1 with input as model(p)

quiet(p) if count(rule.deny) == 0 with input as model(p)

test_literal_secure_string_fires if {
	fires({"parameter_type": "SecureString", "value": "sk_live_x", "value_literal": true})
	some f in rule.deny with input as model({"parameter_type": "SecureString", "value": "x", "value_literal": true})
	f.attribute == "value"
}

test_traps_do_not_fire if {
	# From a variable, an attribute or a file: not a literal.
	quiet({"parameter_type": "SecureString", "value": "from-a-default"})
	quiet({"parameter_type": "SecureString", "value": unknown})
	# A placeholder that Terraform ignores.
	quiet({"parameter_type": "SecureString", "value": "changeme", "value_literal": true, "value_ignored": true})
	# Plain parameters are aws-ssm-secret-not-securestring's business.
	quiet({"parameter_type": "String", "value": "x", "value_literal": true})
	quiet({"parameter_type": unknown, "value": "x", "value_literal": true})
}
