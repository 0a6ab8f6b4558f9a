# A CDN in front of the site: plain HTTP allowed, the default
# *.cloudfront.net certificate (TLSv1), no access logs, and an origin
# load balancer open to the internet, which clients can use to skip it.
resource "aws_cloudfront_distribution" "cdn" {
  enabled    = true
  web_acl_id = "arn:aws:wafv2:us-east-1:111122223333:global/webacl/cdn/a1b2c3d4"

  origin {
    origin_id   = "site"
    domain_name = aws_lb.origin.dns_name
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "site"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    viewer_protocol_policy = "allow-all"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}

# Only an IP reputation list: no rules against exploits, no rate limit,
# and no logging.
resource "aws_wafv2_web_acl" "cdn" {
  name  = "cdn"
  scope = "CLOUDFRONT"

  default_action {
    allow {}
  }

  rule {
    name     = "reputation"
    priority = 1
    override_action {
      none {}
    }
    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "AWSManagedRulesAmazonIpReputationList"
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "reputation"
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "cdn"
    sampled_requests_enabled   = true
  }
}

# Logged to a log group without the aws-waf-logs- prefix: rejected.
resource "aws_wafv2_web_acl" "api" {
  name  = "api"
  scope = "REGIONAL"

  default_action {
    allow {}
  }

  rule {
    name     = "rate"
    priority = 0
    action {
      block {}
    }
    statement {
      rate_based_statement {
        limit              = 2000
        aggregate_key_type = "IP"
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "rate"
      sampled_requests_enabled   = true
    }
  }
  rule {
    name     = "common"
    priority = 1
    override_action {
      none {}
    }
    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "AWSManagedRulesCommonRuleSet"
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "common"
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "api"
    sampled_requests_enabled   = true
  }
}

resource "aws_wafv2_web_acl_logging_configuration" "api" {
  resource_arn            = aws_wafv2_web_acl.api.arn
  log_destination_configs = ["arn:aws:logs:us-east-1:111122223333:log-group:api-waf"]
}

resource "aws_security_group" "origin" {
  name = "cdn-origin"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_lb" "origin" {
  name            = "cdn-origin"
  security_groups = [aws_security_group.origin.id]
  access_logs {
    bucket  = "acme-lb-logs"
    enabled = true
  }
}

resource "aws_wafv2_web_acl_association" "origin" {
  resource_arn = aws_lb.origin.arn
  web_acl_arn  = aws_wafv2_web_acl.api.arn
}
