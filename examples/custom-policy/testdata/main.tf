resource "aws_s3_bucket" "logs" {
  bucket = "platform-logs"
}

resource "aws_s3_bucket" "reports" {
  bucket = "acme-platform-reports"
}
