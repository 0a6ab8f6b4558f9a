package seclint.lib_test

import data.seclint.lib

unknown_value := json.unmarshal(`{"__unknown__": true}`)

test_name_words if {
	lib.name_words("DBPassword") == ["db", "password"]
	lib.name_words("apiKey") == ["api", "key"]
	lib.name_words("GitHubAPIToken") == ["git", "hub", "api", "token"]
	lib.name_words("db_master-password.v2") == ["db", "master", "password", "v"]
	lib.name_words("db_password2") == ["db", "password"]
	lib.name_words("MYSECRET2") == ["mysecret"]
	lib.name_words("Token2Fa") == ["token", "fa"]
	lib.name_words("") == []
}

test_last_path_segment if {
	lib.last_path_segment("/app/prod/db-password") == "db-password"
	lib.last_path_segment("plain") == "plain"
	lib.last_path_segment("/trailing/") == "trailing"
}

test_secret_names if {
	lib.looks_like_secret_name("/app/prod/db-password")
	lib.looks_like_secret_name("DBPassword")
	lib.looks_like_secret_name("db_passwd")
	lib.looks_like_secret_name("/ci/github-token")
	lib.looks_like_secret_name("GitHubToken")
	lib.looks_like_secret_name("client_secret")
	lib.looks_like_secret_name("clientSecret")
	lib.looks_like_secret_name("stripe-api-key")
	lib.looks_like_secret_name("StripeApiKey")
	lib.looks_like_secret_name("stripe_apikey")
	lib.looks_like_secret_name("tls-private-key")
	lib.looks_like_secret_name("service-credentials")
	lib.looks_like_secret_name("aws-secret-key")
	lib.looks_like_secret_name("db_password_prod")
	lib.looks_like_secret_name("PASSWORD")
	lib.looks_like_secret_name("db_password2")
	lib.looks_like_secret_name("MYSECRET2")
	lib.looks_like_secret_name("/app/v2/ApiKey1")
	lib.looks_like_secret_name("SECRET_2_KEY")
}

test_not_secret_names if {
	not lib.looks_like_secret_name("/app/prod/db-host")
	not lib.looks_like_secret_name("/secret/app/db-host")
	not lib.looks_like_secret_name("token-endpoint-url")
	not lib.looks_like_secret_name("DBPasswordSecretArn")
	not lib.looks_like_secret_name("db-password-arn")
	not lib.looks_like_secret_name("PasswordLength")
	not lib.looks_like_secret_name("secret_name")
	not lib.looks_like_secret_name("SessionTokenTTL")
	not lib.looks_like_secret_name("tokenizer-model")
	not lib.looks_like_secret_name("secretary-email")
	not lib.looks_like_secret_name("secretary2")
	not lib.looks_like_secret_name("db_password2_arn")
	not lib.looks_like_secret_name("Token2Url")
	not lib.looks_like_secret_name("private-key-path")
	not lib.looks_like_secret_name("api-version")
	not lib.looks_like_secret_name("SecretsManagerDomainCredentialsSecretsKMSKey")
	not lib.looks_like_secret_name("pSRASecretsKeyAlias")
	not lib.looks_like_secret_name("pMaxPasswordAge")
	not lib.looks_like_secret_name("pPasswordReusePrevention")
	not lib.looks_like_secret_name("VectorStoreSecretRuleParams")
	not lib.looks_like_secret_name(unknown_value)
	not lib.looks_like_secret_name(null)
}

test_secret_descriptions if {
	lib.looks_like_secret_text("Database password for the app")
	lib.looks_like_secret_text("API key for Stripe")
	lib.looks_like_secret_text("OAuth client secret")
	not lib.looks_like_secret_text("ARN of the secret that holds the password")
	not lib.looks_like_secret_text("The token endpoint URL")
	not lib.looks_like_secret_text("Log level of the app")
	not lib.looks_like_secret_text(unknown_value)
}

test_uses_aws_managed_key if {
	lib.uses_aws_managed_key({}, "key_id", "ssm")
	lib.uses_aws_managed_key({"key_id": ""}, "key_id", "ssm")
	lib.uses_aws_managed_key({"key_id": "alias/aws/ssm"}, "key_id", "ssm")
	lib.uses_aws_managed_key({"key_id": "arn:aws:kms:us-east-1:111122223333:alias/aws/ssm"}, "key_id", "ssm")
	lib.uses_aws_managed_key({"kms_key_id": "alias/aws/secretsmanager"}, "kms_key_id", "secretsmanager")
	not lib.uses_aws_managed_key({"key_id": "alias/app"}, "key_id", "ssm")
	not lib.uses_aws_managed_key({"key_id": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}, "key_id", "ssm")
	not lib.uses_aws_managed_key({"key_id": "alias/aws/secretsmanager"}, "key_id", "ssm")
	not lib.uses_aws_managed_key({"key_id": unknown_value}, "key_id", "ssm")
}

test_setting_value if {
	lib.setting_value("true")
	lib.setting_value("Enabled")
	lib.setting_value("required")
	lib.setting_value("90")
	not lib.setting_value("hunter2")
	not lib.setting_value("")
	not lib.setting_value(unknown_value)
}
