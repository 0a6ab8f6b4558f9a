# Deliberately insecure S3 settings, each rule of issue 5 at least once.

# A partner drop bucket: ACLs enabled, and another account writes objects
# that then belong to it; SSE-S3; a policy with no TLS deny; no versioning
# and no access logs.
resource "aws_s3_bucket" "drop" {
  bucket = "acme-partner-drop"
}

resource "aws_s3_bucket_ownership_controls" "drop" {
  bucket = aws_s3_bucket.drop.id
  rule {
    object_ownership = "ObjectWriter"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "drop" {
  bucket = aws_s3_bucket.drop.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_policy" "drop" {
  bucket = aws_s3_bucket.drop.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PartnerUploads"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Action    = "s3:PutObject"
      Resource  = "${aws_s3_bucket.drop.arn}/*"
    }]
  })
}

# Website hosting on the public site bucket of main.tf: HTTP only.
resource "aws_s3_bucket_website_configuration" "site" {
  bucket = aws_s3_bucket.site.id
  index_document {
    suffix = "index.html"
  }
}

# An access point that turns off a flag the site bucket turns off too.
resource "aws_s3_access_point" "site" {
  bucket = aws_s3_bucket.site.id
  name   = "site"
  public_access_block_configuration {
    ignore_public_acls = false
  }
}
