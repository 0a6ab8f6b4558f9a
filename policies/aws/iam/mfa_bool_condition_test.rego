package seclint.aws.iam.mfa_bool_condition_test

import data.seclint.aws.iam.mfa_bool_condition as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

pol(kind, statements) := {"aws": {"iam": {"policies": [{"id": "p", "kind": kind, "statements": statements}]}}}

cond(op, base, key, values) := {"operator": op, "base": base, "key": key, "values": values}

mfa(op, base, values) := cond(op, base, "aws:MultiFactorAuthPresent", values)

stmt(effect, conditions) := {"effect": effect, "not_actions": ["iam:*"], "resources": ["*"], "conditions": conditions}

test_deny_bool_false_fires if {
	fs := rule.deny with input as pol("identity", [stmt("Deny", [
		cond("Bool", "Bool", "aws:ViaAWSService", ["false"]),
		mfa("Bool", "Bool", ["false"]),
	])])
	count(fs) == 1
	some f in fs
	f.attribute == "statements[0].conditions[1]"
}

test_key_and_value_case_do_not_matter if {
	count(rule.deny) == 1 with input as pol("resource", [stmt("Deny", [cond("Bool", "Bool", "AWS:multifactorauthpresent", ["FALSE"])])])
	count(rule.deny) == 1 with input as pol("identity", [stmt("Deny", [object.union(mfa("ForAnyValue:Bool", "Bool", ["false"]), {"set_operator": "ForAnyValue"})])])
}

test_traps_do_not_fire if {
	count(rule.deny) == 0 with input as pol("identity", [stmt("Deny", [object.union(mfa("BoolIfExists", "Bool", ["false"]), {"if_exists": true})])])
	count(rule.deny) == 0 with input as pol("identity", [stmt("Deny", [object.union(mfa("ForAllValues:Bool", "Bool", ["false"]), {"set_operator": "ForAllValues"})])])
	count(rule.deny) == 0 with input as pol("identity", [stmt("Deny", [mfa("Bool", "Bool", ["true"])])])
	count(rule.deny) == 0 with input as pol("identity", [stmt("Allow", [mfa("Bool", "Bool", ["true"])])])
	count(rule.deny) == 0 with input as pol("identity", [stmt("Allow", [mfa("Bool", "Bool", ["false"])])])
	count(rule.deny) == 0 with input as pol("identity", [stmt(unknown, [mfa("Bool", "Bool", ["false"])])])
	count(rule.deny) == 0 with input as pol("identity", [stmt("Deny", [mfa("Bool", "Bool", [unknown])])])
	count(rule.deny) == 0 with input as pol("identity", [stmt("Deny", [mfa("Bool", "Bool", unknown)])])
	count(rule.deny) == 0 with input as pol("identity", [stmt("Deny", unknown)])
	count(rule.deny) == 0 with input as pol("identity", [stmt("Deny", [cond("Bool", "Bool", "aws:SecureTransport", ["false"])])])

	# A companion Deny on Null aws:MultiFactorAuthPresent = true covers long-term keys.
	count(rule.deny) == 0 with input as pol("identity", [
		stmt("Deny", [mfa("Bool", "Bool", ["false"])]),
		stmt("Deny", [mfa("Null", "Null", ["true"])]),
	])
}
