variable "region" {
  default = "eu-west-1"
}

provider "aws" {
  region = var.region
}

module "bucket" {
  source   = "./modules/bucket"
  for_each = { reports = "public-read", logs = "private" }
  name     = "acme-${each.key}"
  acl      = each.value
}

resource "aws_s3_bucket" "counted" {
  count  = 2
  bucket = "acme-counted-${count.index}"
}

resource "aws_s3_bucket_policy" "counted" {
  count  = 2
  bucket = aws_s3_bucket.counted[count.index].id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Deny", Principal = "*", Action = "s3:*", Resource = "${aws_s3_bucket.counted[count.index].arn}/*", Condition = { Bool = { "aws:SecureTransport" = "false" } } }]
  })
}

resource "aws_iam_role" "inline" {
  name = "inline"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
  inline_policy {
    name = "admin"
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
    })
  }
}
