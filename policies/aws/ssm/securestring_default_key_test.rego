package seclint.aws.ssm.securestring_default_key_test

import data.seclint.aws.ssm.securestring_default_key as rule

unknown := json.unmarshal(`{"__unknown__": true}`)

model(p) := {"aws": {"ssm": {"parameters": [object.union({"id": "p", "name": "/app/db-password"}, p)]}}}

fires(p) if count(rule.deny) == 1 with input as model(p)

quiet(p) if count(rule.deny) == 0 with input as model(p)

test_aws_managed_key_fires if {
	fires({"parameter_type": "SecureString"})
	fires({"parameter_type": "SecureString", "key_id": "alias/aws/ssm"})
	fires({"parameter_type": "SecureString", "key_id": "arn:aws:kms:eu-west-1:111122223333:alias/aws/ssm"})
	some f in rule.deny with input as model({"parameter_type": "SecureString"})
	f.attribute == "key_id"
}

test_traps_do_not_fire if {
	quiet({"parameter_type": "SecureString", "key_id": "alias/app-params"})
	quiet({"parameter_type": "SecureString", "key_id": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"})
	quiet({"parameter_type": "SecureString", "key_id": unknown})
	quiet({"parameter_type": "String"})
	quiet({"parameter_type": unknown})
}
