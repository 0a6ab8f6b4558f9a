package seclint.aws.ssm.secret_not_securestring_test

import data.seclint.aws.ssm.secret_not_securestring as rule

unknown := json.unmarshal(`{"__unknown__": true}`)

model(p) := {"aws": {"ssm": {"parameters": [object.union({"id": "p"}, p)]}}}

fires(p) if count(rule.deny) == 1 with input as model(p)

quiet(p) if count(rule.deny) == 0 with input as model(p)

test_secret_names_in_plain_text_fire if {
	fires({"name": "/app/prod/db-password", "parameter_type": "String"})
	fires({"name": "GitHubToken", "parameter_type": "String"})
	fires({"name": "/app/api-keys", "parameter_type": "StringList"})
	fires({"name": "/app/stripe-api-key", "parameter_type": "String", "value": unknown})
	some f in rule.deny with input as model({"name": "/app/prod/db-password", "parameter_type": "String"})
	f.attribute == "parameter_type"
}

test_description_fires if {
	fires({"name": "/app/prod/db", "description": "Database password for the app", "parameter_type": "String"})
	fires({"name": unknown, "description": "OAuth client secret", "parameter_type": "String"})
}

test_one_finding_for_name_and_description if {
	fires({"name": "/app/prod/db-password", "description": "the database password", "parameter_type": "String"})
}

# Traps: SecureString, names about a secret, secret words in the path but
# not in the last segment, words that contain a secret word, unknowns.
test_traps_do_not_fire if {
	quiet({"name": "/app/prod/db-password", "parameter_type": "SecureString"})
	quiet({"name": "/app/prod/token-endpoint-url", "parameter_type": "String"})
	quiet({"name": "/app/prod/db-password-secret-arn", "parameter_type": "String"})
	quiet({"name": "/secrets/app/db-host", "parameter_type": "String"})
	quiet({"name": "/app/tokenizer", "parameter_type": "String"})
	quiet({"name": "/app/prod/encrypt-secrets", "parameter_type": "String", "value": "Enabled"})
	quiet({"name": "/app/prod/max-password", "parameter_type": "String", "value": "64"})
	quiet({"name": "/app/prod/db-host", "description": "ARN of the secret with the password", "parameter_type": "String"})
	quiet({"name": "/app/prod/db-password", "parameter_type": unknown})
	quiet({"name": "/app/prod/db-password"})
	quiet({"name": unknown, "parameter_type": "String"})
}
