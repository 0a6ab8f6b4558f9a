package seclint.aws.cloudformation.secret_parameter_noecho_test

import data.seclint.aws.cloudformation.secret_parameter_noecho as rule

unknown := json.unmarshal(`{"__unknown__": true}`)

model(p) := {"aws": {"cloudformation": {"parameters": [object.union({"id": p.name, "parameter_type": "String", "has_default": false}, p)]}}}

finding(p) := f if {
	some f in rule.deny with input as model(p)
}

test_missing_noecho_fires if {
	finding({"name": "DBPassword"}).attribute == "no_echo"
	finding({"name": "GitHubToken", "no_echo": false}).attribute == "no_echo"
	count(rule.deny) == 1 with input as model({"name": "DBPassword"})
}

test_default_fires if {
	finding({"name": "DBPassword", "no_echo": true, "default": "Winter2024!", "has_default": true}).attribute == "default"
	f := finding({"name": "ApiKey", "default": "abc", "has_default": true})
	f.attribute == "default"
	contains(f.message, "NoEcho")
	count(rule.deny) == 1 with input as model({"name": "ApiKey", "default": "abc", "has_default": true})
}

# Traps: masked with no default, an empty default, a dynamic reference as
# default, names about a secret, SSM parameter types, unknown NoEcho.
test_traps_do_not_fire if {
	count(rule.deny) == 0 with input as model({"name": "DBPassword", "no_echo": true})
	count(rule.deny) == 0 with input as model({"name": "DBPassword", "no_echo": true, "default": "", "has_default": true})
	count(rule.deny) == 0 with input as model({"name": "DBPassword", "no_echo": true, "default": unknown, "has_default": true})
	count(rule.deny) == 0 with input as model({"name": "DBPasswordSecretArn"})
	count(rule.deny) == 0 with input as model({"name": "TokenTTL", "parameter_type": "Number"})
	count(rule.deny) == 0 with input as model({"name": "DBPassword", "parameter_type": "Number"})
	count(rule.deny) == 0 with input as model({"name": "DBPassword", "parameter_type": "List<AWS::EC2::KeyPair::KeyName>"})
	count(rule.deny) == 1 with input as model({"name": "DBPassword", "parameter_type": unknown})
	count(rule.deny) == 0 with input as model({"name": "Environment"})
	count(rule.deny) == 0 with input as model({"name": "DBPassword", "parameter_type": "AWS::SSM::Parameter::Value<String>", "default": "/app/db-password", "has_default": true})
	count(rule.deny) == 0 with input as model({"name": "DBPassword", "no_echo": unknown})
	count(rule.deny) == 0 with input as model({"name": "KeyPairPassword", "parameter_type": "AWS::EC2::KeyPair::KeyName"})
	count(rule.deny) == 0 with input as model({"name": "EKSEncryptSecrets", "default": "Enabled", "has_default": true})
	count(rule.deny) == 0 with input as model({"name": "AllowUsersToChangePassword", "default": "true", "has_default": true})
}
