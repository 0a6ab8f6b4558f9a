# Load balancers, certificates and user data read from a plan: the
# provider writes access_logs.enabled false, an aws_lb's default type and
# scheme, and leaves ARNs and a certificate's region-derived ARN unknown.
provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"
}

resource "aws_acm_certificate" "edge" {
  provider          = aws.us_east_1
  domain_name       = "example.com"
  validation_method = "DNS"
}

resource "aws_lb" "web" {
  name            = "web"
  subnets         = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  security_groups = ["sg-0123456789abcdef0"]
  access_logs {
    bucket = "acme-lb-logs"
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/0123456789abcdef"
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = aws_acm_certificate.edge.arn
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/0123456789abcdef"
  }
}

resource "aws_iam_server_certificate" "legacy" {
  name             = "legacy"
  certificate_body = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
  private_key      = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n"
}

resource "aws_launch_template" "web" {
  name      = "web"
  user_data = base64encode("#!/bin/bash\ncat > /etc/ssl/private/web.key <<'K'\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\nK\n")
}
