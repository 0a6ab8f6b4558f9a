package terraform

import (
	"fmt"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

const secretsSrc = `
variable "db_password" {
  type      = string
  sensitive = true
  default   = "from-a-default"
}

resource "aws_kms_key" "secrets" {
  enable_key_rotation = true
}

resource "random_password" "db" {
  length = 32
}

resource "aws_secretsmanager_secret" "rotated" {
  name       = "/app/prod/db"
  kms_key_id = aws_kms_key.secrets.arn
}

resource "aws_secretsmanager_secret_rotation" "rotated" {
  secret_id           = aws_secretsmanager_secret.rotated.id
  rotation_lambda_arn = "arn:aws:lambda:us-east-1:111122223333:function:rotate"
  rotation_rules {
    automatically_after_days = 30
  }
}

resource "aws_secretsmanager_secret" "by_name" {
  name = "partner-api"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::444455556666:root" }
      Action    = "secretsmanager:GetSecretValue"
      Resource  = "*"
    }]
  })
}

resource "aws_secretsmanager_secret_rotation" "by_arn" {
  secret_id           = "arn:aws:secretsmanager:us-east-1:111122223333:secret:partner-api-AbCdEf"
  rotation_lambda_arn = "arn:aws:lambda:us-east-1:111122223333:function:rotate"
  rotation_rules {
    automatically_after_days = 30
  }
}

resource "aws_secretsmanager_secret" "plain" {
  kms_key_id = "alias/aws/secretsmanager"
}

resource "aws_secretsmanager_secret_policy" "plain" {
  secret_arn = aws_secretsmanager_secret.plain.arn
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "secretsmanager:GetSecretValue", Resource = "*" }]
  })
}

resource "aws_secretsmanager_secret_version" "literal" {
  secret_id     = aws_secretsmanager_secret.plain.id
  secret_string = jsonencode({ username = "admin", password = "hunter2" })
}

resource "aws_secretsmanager_secret_version" "generated" {
  secret_id     = aws_secretsmanager_secret.rotated.id
  secret_string = jsonencode({ username = "admin", password = random_password.db.result })
}

resource "aws_secretsmanager_secret_version" "placeholder" {
  secret_id     = "somewhere-else"
  secret_string = "changeme"

  lifecycle {
    ignore_changes = [secret_string]
  }
}

resource "aws_db_instance" "literal" {
  engine   = "postgres"
  username = "dbadmin"
  password = "Winter2024!"
}

resource "aws_db_instance" "variable" {
  engine   = "postgres"
  username = "dbadmin"
  password = var.db_password
}

resource "aws_db_instance" "managed" {
  engine                      = "postgres"
  username                    = "dbadmin"
  manage_master_user_password = true
}

resource "aws_rds_cluster" "placeholder" {
  engine          = "aurora-postgresql"
  master_username = "dbadmin"
  master_password = "changeme"

  lifecycle {
    ignore_changes = [master_password]
  }
}

resource "aws_rds_cluster" "write_only" {
  engine                      = "aurora-postgresql"
  master_username             = "dbadmin"
  master_password_wo          = random_password.db.result
  master_password_wo_version  = 1
}
`

func TestSecrets(t *testing.T) {
	u, _ := parseSrc(t, secretsSrc)
	noErrors(t, u)
	got := map[string]string{}
	for _, s := range u.Model.AWS.SecretsManager.Secrets {
		got[s.ID] = fmt.Sprintf("name=%s key=%s rotation=%t policies=%v", showValue(s.Name), showValue(s.KMSKeyID), s.RotationConfigured, s.Policies)
	}
	want := map[string]string{
		"aws_secretsmanager_secret.rotated": "name=/app/prod/db key=? rotation=true policies=[]",
		// A literal ARN of the secret's name (and random suffix) is the secret.
		"aws_secretsmanager_secret.by_name": "name=partner-api key=- rotation=true policies=[aws_secretsmanager_secret.by_name.policy]",
		"aws_secretsmanager_secret.plain":   "name=- key=alias/aws/secretsmanager rotation=false policies=[aws_secretsmanager_secret_policy.plain.policy]",
	}
	if len(got) != len(want) {
		t.Errorf("got %d secrets, want %d: %v", len(got), len(want), got)
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s:\n got  %s\n want %s", id, got[id], w)
		}
	}
	values := map[string]string{}
	for _, v := range u.Model.AWS.SecretsManager.SecretValues {
		values[v.ID] = fmt.Sprintf("secret=%s literal=%t ignored=%t", v.SecretRef, v.Literal, v.Ignored)
	}
	wantValues := map[string]string{
		"aws_secretsmanager_secret_version.literal":     "secret=aws_secretsmanager_secret.plain literal=true ignored=false",
		"aws_secretsmanager_secret_version.generated":   "secret=aws_secretsmanager_secret.rotated literal=false ignored=false",
		"aws_secretsmanager_secret_version.placeholder": "secret= literal=true ignored=true",
	}
	if len(values) != len(wantValues) {
		t.Errorf("got %d values, want %d: %v", len(values), len(wantValues), values)
	}
	for id, w := range wantValues {
		if values[id] != w {
			t.Errorf("%s:\n got  %s\n want %s", id, values[id], w)
		}
	}
	wantLine(t, u, "aws_secretsmanager_secret_version.literal", "secret_string", lineOf(t, secretsSrc, `secret_string = jsonencode({ username = "admin", password = "hunter2" })`, 1))
	wantLine(t, u, "aws_secretsmanager_secret.plain", "kms_key_id", lineOf(t, secretsSrc, `kms_key_id = "alias/aws/secretsmanager"`, 1))
	wantLine(t, u, "aws_secretsmanager_secret.plain", "policies[0]", lineOf(t, secretsSrc, "policy = jsonencode", 2))
	wantLine(t, u, "aws_secretsmanager_secret.by_name", "", lineOf(t, secretsSrc, `resource "aws_secretsmanager_secret" "by_name"`, 1))
}

func showDB(m model.DBMaster) string {
	return fmt.Sprintf("password=%s literal=%t ignored=%t managed=%s", showValue(m.MasterPassword), m.PasswordLiteral, m.PasswordIgnored, showValue(m.ManagedPassword))
}

func TestRDSMasterPasswords(t *testing.T) {
	u, _ := parseSrc(t, secretsSrc)
	got := map[string]string{}
	for _, db := range u.Model.AWS.RDS.Instances {
		got[db.ID] = showDB(db.DBMaster)
	}
	for _, db := range u.Model.AWS.RDS.Clusters {
		got[db.ID] = showDB(db.DBMaster)
	}
	want := map[string]string{
		"aws_db_instance.literal": "password=Winter2024! literal=true ignored=false managed=-",
		// A variable's default is known, not a literal.
		"aws_db_instance.variable":    "password=from-a-default literal=false ignored=false managed=-",
		"aws_db_instance.managed":     "password=- literal=false ignored=false managed=true",
		"aws_rds_cluster.placeholder": "password=changeme literal=true ignored=true managed=-",
		"aws_rds_cluster.write_only":  "password=? literal=false ignored=false managed=-",
	}
	if len(got) != len(want) {
		t.Errorf("got %d databases, want %d: %v", len(got), len(want), got)
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s:\n got  %s\n want %s", id, got[id], w)
		}
	}
	wantLine(t, u, "aws_db_instance.literal", "master_password", lineOf(t, secretsSrc, `password = "Winter2024!"`, 1))
	wantLine(t, u, "aws_db_instance.managed", "managed_password", lineOf(t, secretsSrc, "manage_master_user_password = true", 1))
	wantLine(t, u, "aws_rds_cluster.write_only", "master_password", lineOf(t, secretsSrc, "master_password_wo          = random_password.db.result", 1))
}
