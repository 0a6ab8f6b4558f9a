# Secrets kept out of the code: a generated API token in a rotated Secrets
# Manager secret and in a SecureString parameter, both under a customer
# managed key, with hierarchical names.
variable "rotation_lambda_arn" {
  type        = string
  description = "ARN of the function that rotates the reports API token"
}

resource "aws_kms_key" "secrets" {
  description         = "Secrets and SecureString parameters of the reports app"
  enable_key_rotation = true
}

resource "random_password" "reports_api" {
  length  = 40
  special = false
}

resource "aws_secretsmanager_secret" "reports_api" {
  name       = "/acme/${var.environment}/reports/api-token"
  kms_key_id = aws_kms_key.secrets.arn
}

resource "aws_secretsmanager_secret_version" "reports_api" {
  secret_id     = aws_secretsmanager_secret.reports_api.id
  secret_string = random_password.reports_api.result
}

resource "aws_secretsmanager_secret_rotation" "reports_api" {
  secret_id           = aws_secretsmanager_secret.reports_api.id
  rotation_lambda_arn = var.rotation_lambda_arn
  rotation_rules {
    automatically_after_days = 30
  }
}

resource "aws_ssm_parameter" "reports_api_token" {
  name   = "/acme/${var.environment}/reports/api-token"
  type   = "SecureString"
  key_id = aws_kms_key.secrets.arn
  value  = random_password.reports_api.result
}

resource "aws_ssm_parameter" "reports_bucket" {
  name  = "/acme/${var.environment}/reports/bucket"
  type  = "String"
  value = aws_s3_bucket.reports.id
}
