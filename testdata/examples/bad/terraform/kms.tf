# KMS: a key that never rotates, and a replica of a single-Region key.
resource "aws_kms_key" "reports" {
  description = "reports encryption key"
}

resource "aws_kms_key" "orders" {
  description         = "orders encryption key"
  enable_key_rotation = true
}

provider "aws" {
  alias  = "secondary"
  region = "eu-west-1"
}

resource "aws_kms_replica_key" "orders" {
  provider        = aws.secondary
  description     = "orders key, second Region"
  primary_key_arn = aws_kms_key.orders.arn
}
