# Load balancers: an internet-facing ALB that serves HTTP, without access
# logs, with an old TLS policy and a certificate of another region; an NLB
# without security groups; a Classic Load Balancer on its TLS 1.0 default.
resource "aws_lb" "public" {
  provider        = aws.secondary
  name            = "public"
  security_groups = ["sg-0123456789abcdef0"]
}

resource "aws_lb_listener" "http" {
  provider          = aws.secondary
  load_balancer_arn = aws_lb.public.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/0123456789abcdef"
  }
}

resource "aws_lb_listener" "https" {
  provider          = aws.secondary
  load_balancer_arn = aws_lb.public.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS-1-1-2017-01"
  certificate_arn   = "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/0123456789abcdef"
  }
}

resource "aws_lb" "nlb" {
  provider           = aws.secondary
  name               = "nlb"
  load_balancer_type = "network"
  access_logs {
    bucket  = "acme-lb-logs"
    enabled = true
  }
}

resource "aws_elb" "legacy" {
  provider           = aws.secondary
  name               = "legacy"
  availability_zones = ["eu-west-1a"]
  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 80
    instance_protocol  = "http"
    ssl_certificate_id = aws_iam_server_certificate.legacy.arn
  }
  access_logs {
    bucket = "acme-lb-logs"
  }
}

# Keys in code: a server certificate's private key and instance user data.
resource "aws_iam_server_certificate" "legacy" {
  name             = "legacy"
  certificate_body = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
  private_key      = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n"
}

resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  user_data     = "#!/bin/bash\ncat > /etc/ssl/private/web.key <<'K'\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\nK\n"
}
