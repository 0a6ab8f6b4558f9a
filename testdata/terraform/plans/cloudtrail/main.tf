# A trail with the provider's defaults (single-Region, no log file
# validation, no KMS key, no CloudWatch Logs, no SNS topic), read-only
# management events and call-rate Insights, read from its plan: the plan
# writes every default as a value.
resource "aws_cloudtrail" "audit" {
  name           = "audit"
  s3_bucket_name = "central-trail-logs"

  event_selector {
    read_write_type = "ReadOnly"
  }

  insight_selector {
    insight_type = "ApiCallRateInsight"
  }
}
