package terraform

import (
	"encoding/json"
	"strings"
	"testing"
)

const cloudFrontSrc = `
variable "rules" {}

resource "aws_lb" "web" {
  name = "web"
}

resource "aws_wafv2_web_acl" "edge" {
  name  = "edge"
  scope = "CLOUDFRONT"
  default_action {
    allow {}
  }
  rule {
    name     = "common"
    priority = 1
    override_action {
      count {}
    }
    statement {
      managed_rule_group_statement {
        name        = "AWSManagedRulesCommonRuleSet"
        vendor_name = "AWS"
      }
    }
  }
  rule {
    name     = "rate"
    priority = 2
    action {
      block {}
    }
    statement {
      rate_based_statement {
        limit              = 1000
        aggregate_key_type = "IP"
        scope_down_statement {
          not_statement {
            statement {
              sqli_match_statement {
                field_to_match {
                  body {}
                }
              }
            }
          }
        }
      }
    }
  }
}

resource "aws_wafv2_web_acl" "dynamic" {
  name  = "dynamic"
  scope = "REGIONAL"
  dynamic "rule" {
    for_each = var.rules
    content {
      name = rule.value
    }
  }
}

resource "aws_cloudfront_distribution" "site" {
  enabled    = true
  web_acl_id = aws_wafv2_web_acl.edge.arn
  origin {
    origin_id   = "alb"
    domain_name = aws_lb.web.dns_name
  }
  default_cache_behavior {
    viewer_protocol_policy = "allow-all"
  }
  ordered_cache_behavior {
    path_pattern           = "/api/*"
    viewer_protocol_policy = "https-only"
  }
  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:111122223333:certificate/abc"
    minimum_protocol_version = "TLSv1.2_2021"
  }
  logging_config {
    bucket = "logs.s3.amazonaws.com"
  }
}

resource "aws_cloudwatch_log_delivery_source" "site" {
  name         = "site"
  log_type     = "ACCESS_LOGS"
  resource_arn = aws_cloudfront_distribution.site.arn
}

resource "aws_api_gateway_rest_api" "api" {
  name = "api"
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}

resource "aws_api_gateway_stage" "prod" {
  stage_name  = "prod"
  rest_api_id = aws_api_gateway_rest_api.api.id
}

resource "aws_wafv2_web_acl_association" "prod" {
  resource_arn = aws_api_gateway_stage.prod.arn
  web_acl_arn  = aws_wafv2_web_acl.dynamic.arn
}

resource "aws_s3_bucket" "waflogs" {
  bucket = "aws-waf-logs-edge"
}

resource "aws_wafv2_web_acl_logging_configuration" "edge" {
  resource_arn            = aws_wafv2_web_acl.edge.arn
  log_destination_configs = [aws_s3_bucket.waflogs.arn, "arn:aws:logs:us-east-1:111122223333:log-group:waf"]
}
`

func TestCloudFrontModel(t *testing.T) {
	u, _ := parseSrc(t, cloudFrontSrc)
	noErrors(t, u)
	var got []string
	for _, v := range []any{u.Model.AWS.CloudFront, u.Model.AWS.WAFv2, u.Model.AWS.APIGateway} {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, string(b))
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		`"web_acl_ref":"aws_wafv2_web_acl.edge"`,
		`"origins":[{"id":"alb","domain_name":{"__unknown__":true},"target":{"refs":["aws_lb.web"]`,
		`"log_delivery_sources":["aws_cloudwatch_log_delivery_source.site"]`,
		// The origin's load balancer; the certificate's region from its ARN.
		`"load_balancer_ref":"aws_lb.web"`,
		`"certificate":{"target":{"name":"arn:aws:acm:us-east-1:111122223333:certificate/abc"},"region":"us-east-1"}`,
		`"minimum_protocol_version":"TLSv1.2_2021"`,
		`"logging":{"bucket":"logs.s3.amazonaws.com"}`,
		`"override_action":"count","statements":["managed_rule_group"]`,
		// Statements nested in a scope-down and a not statement.
		`"action":"block","statements":["rate_based","not","sqli_match"]`,
		// A dynamic rule block whose for_each is unknown.
		`"name":"dynamic","scope":"REGIONAL","rules":{"__unknown__":true},"associations":["aws_wafv2_web_acl_association.prod"]`,
		`"resource_ref":"aws_api_gateway_stage.prod"`,
		// A destination known only after apply stays one destination,
		// linked to its bucket.
		`"destinations":[{"arn":{"__unknown__":true},"target":{"refs":["aws_s3_bucket.waflogs"],"name":{"__unknown__":true}},"bucket_ref":"aws_s3_bucket.waflogs"}`,
		`"endpoint_types":["PRIVATE"]`,
		`"rest_api_ref":"aws_api_gateway_rest_api.api"`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("model lacks %s:\n%s", want, all)
		}
	}
}
