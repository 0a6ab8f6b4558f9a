package seclint.aws.secretsmanager.default_key_test

import data.seclint.aws.secretsmanager.default_key as rule

unknown := json.unmarshal(`{"__unknown__": true}`)

model(s) := {"aws": {"secretsmanager": {"secrets": [object.union({"id": "s", "policies": []}, s)]}}}

fires(s) if count(rule.deny) == 1 with input as model(s)

quiet(s) if count(rule.deny) == 0 with input as model(s)

test_aws_managed_key_fires if {
	fires({})
	fires({"kms_key_id": ""})
	fires({"kms_key_id": "alias/aws/secretsmanager"})
	fires({"kms_key_id": "arn:aws:kms:us-east-1:111122223333:alias/aws/secretsmanager"})
	some f in rule.deny with input as model({})
	f.attribute == "kms_key_id"
}

test_traps_do_not_fire if {
	quiet({"kms_key_id": "alias/secrets"})
	quiet({"kms_key_id": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"})
	quiet({"kms_key_id": "alias/aws/ssm-like-but-mine"})
	quiet({"kms_key_id": unknown})
}
