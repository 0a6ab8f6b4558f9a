# A trail left at the API defaults: single-Region, no log file validation,
# no KMS key, no CloudWatch Logs, read-only management events with
# call-rate Insights that can never fire.
resource "aws_cloudtrail" "audit" {
  name                       = "audit"
  s3_bucket_name             = "acme-central-trail-logs"
  cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/trail-to-logs"
  sns_topic_name             = "trail-delivery"

  event_selector {
    read_write_type = "ReadOnly"
    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3"]
    }
  }

  insight_selector {
    insight_type = "ApiCallRateInsight"
  }
}

# The log bucket's policy lets any trail of any account write into it.
resource "aws_s3_bucket_policy" "trail_logs" {
  bucket = "acme-central-trail-logs"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AWSCloudTrailWrite"
      Effect    = "Allow"
      Principal = { Service = "cloudtrail.amazonaws.com" }
      Action    = "s3:PutObject"
      Resource  = "arn:aws:s3:::acme-central-trail-logs/AWSLogs/*"
    }]
  })
}

# A CloudTrail Lake event data store kept in one Region, under a key
# CloudTrail owns.
resource "aws_cloudtrail_event_data_store" "lake" {
  name                 = "acme-audit-lake"
  multi_region_enabled = false
}
