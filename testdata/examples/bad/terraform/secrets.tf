# Secrets in code: a password in a plain-text parameter, an API key written
# into a SecureString under the AWS managed key with a flat name, a 5 KB
# value in the Standard tier, a secret that never rotates and whose value is
# in the code, and a database password in the code.
variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_ssm_parameter" "db_password" {
  name  = "/acme/prod/db-password"
  type  = "String"
  value = var.db_password
}

resource "aws_ssm_parameter" "api_key" {
  name  = "stripe-api-key"
  type  = "SecureString"
  value = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"
}

resource "aws_ssm_parameter" "ca_bundle" {
  name  = "/acme/prod/ca-bundle"
  type  = "String"
  value = file("${path.module}/ca-bundle.pem")
}

resource "aws_kms_key" "secrets" {
  description         = "secrets encryption key"
  enable_key_rotation = true
}

resource "aws_secretsmanager_secret" "db" {
  name       = "/acme/prod/db"
  kms_key_id = aws_kms_key.secrets.arn
}

resource "aws_secretsmanager_secret_version" "db" {
  secret_id     = aws_secretsmanager_secret.db.id
  secret_string = jsonencode({ username = "dbadmin", password = "Winter2024!" })
}

resource "aws_db_instance" "orders" {
  identifier     = "orders"
  engine         = "postgres"
  instance_class = "db.t4g.micro"
  username       = "dbadmin"
  password       = "Winter2024!"
}
