package terraform

import (
	"encoding/json"
	"strings"
	"testing"
)

const elbSrc = `
provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "use1"
  region = "us-east-1"
}

variable "key" {}

resource "aws_lb" "web" {
  name               = "web"
  load_balancer_type = "application"
  security_groups    = ["sg-0123"]
  access_logs {
    bucket = "logs"
  }
}

resource "aws_acm_certificate" "edge" {
  provider    = aws.use1
  domain_name = "example.com"
}

resource "aws_acm_certificate_validation" "edge" {
  provider        = aws.use1
  certificate_arn = aws_acm_certificate.edge.arn
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.web.arn
  protocol          = "HTTPS"
  port              = 443
  ssl_policy        = "ELBSecurityPolicy-2016-08"
  certificate_arn   = aws_acm_certificate_validation.edge.certificate_arn
  default_action {
    type = "forward"
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  default_action {
    type = "redirect"
    redirect {
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_listener_certificate" "extra" {
  listener_arn    = aws_lb_listener.https.arn
  certificate_arn = "arn:aws:acm:us-west-2:111122223333:certificate/abc"
}

resource "aws_elb" "classic" {
  name = "classic"
  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 80
    instance_protocol  = "http"
    ssl_certificate_id = "arn:aws:iam::111122223333:server-certificate/x"
  }
  listener {
    lb_port           = 80
    lb_protocol       = "http"
    instance_port     = 80
    instance_protocol = "http"
  }
  access_logs {
    bucket = "logs"
  }
}

resource "aws_load_balancer_policy" "tls" {
  load_balancer_name = aws_elb.classic.name
  policy_name        = "tls"
  policy_type_name   = "SSLNegotiationPolicyType"
  policy_attribute {
    name  = "Reference-Security-Policy"
    value = "ELBSecurityPolicy-TLS-1-2-2017-01"
  }
}

resource "aws_load_balancer_listener_policy" "tls" {
  load_balancer_name = aws_elb.classic.name
  load_balancer_port = 443
  policy_names       = [aws_load_balancer_policy.tls.policy_name]
}

resource "aws_iam_server_certificate" "literal" {
  name             = "literal"
  certificate_body = "body"
  private_key      = "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n"
}

resource "aws_iam_server_certificate" "var" {
  name             = "var"
  certificate_body = "body"
  private_key      = var.key
}

resource "aws_instance" "key" {
  user_data = <<-EOT
    #!/bin/bash
    cat > /etc/ssl/key.pem <<'K'
    -----BEGIN PRIVATE KEY-----
    MIIEvQIBADANBgkqhkiG9w0BAQEFAASC
    -----END PRIVATE KEY-----
    K
  EOT
}

resource "aws_launch_template" "b64" {
  user_data = base64encode("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n")
}

resource "aws_launch_configuration" "clean" {
  user_data = "#!/bin/bash\necho hello\n"
}

resource "aws_instance" "unknown" {
  user_data = var.key
}
`

func TestAdaptELB(t *testing.T) {
	u, _ := parseSrc(t, elbSrc)
	noErrors(t, u)
	b, err := json.Marshal(u.Model.AWS.ELB)
	if err != nil {
		t.Fatal(err)
	}
	got := string(b)
	for _, want := range []string{
		`"id":"aws_lb.web","type":"aws_lb","region":"eu-west-1","name":"web","lb_type":"application","security_groups":["sg-0123"],"security_group_targets":[{"name":"sg-0123"}]`,
		`"access_logs_enabled":false,"access_logs_bucket":"logs"`,
		`"load_balancer_ref":"aws_lb.web","protocol":"HTTPS","port":443,"ssl_policy":"ELBSecurityPolicy-2016-08","certificate":{"target":{"refs":["aws_acm_certificate.edge","aws_acm_certificate_validation.edge"]`,
		`"certificate_ref":"aws_acm_certificate.edge","region":"us-east-1"`,
		`"default_actions":[{"type":"redirect","redirect_protocol":"HTTPS"}]`,
		`"listener_ref":"aws_lb_listener.https","certificates":[{"target":{"name":"arn:aws:acm:us-west-2:111122223333:certificate/abc"},"region":"us-west-2"}]`,
		`"lb_type":"classic"`,
		`"protocol":"https","port":443,"certificate":{"target":{"name":"arn:aws:iam::111122223333:server-certificate/x"}},"policy_attached":true,"ssl_policy":"ELBSecurityPolicy-TLS-1-2-2017-01","ssl_protocols":[]`,
		`"protocol":"http","port":80,"policy_attached":false`,
		`"access_logs_enabled":true`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("model lacks %s\n%s", want, got)
		}
	}
	want := map[string]string{
		"aws_iam_server_certificate.literal": "true",
		"aws_iam_server_certificate.var":     "false",
	}
	for _, c := range u.Model.AWS.IAM.ServerCertificates {
		if got, _ := json.Marshal(c.PrivateKeyLiteral); string(got) != want[c.ID] {
			t.Errorf("%s: private_key_literal %s, want %s", c.ID, got, want[c.ID])
		}
	}
	keys := map[string]string{
		"aws_instance.key":               "true",
		"aws_launch_template.b64":        "true",
		"aws_launch_configuration.clean": "false",
		"aws_instance.unknown":           `{"__unknown__":true}`,
	}
	for _, i := range u.Model.AWS.EC2.Instances {
		if got, _ := json.Marshal(i.UserDataPrivateKey); string(got) != keys[i.ID] {
			t.Errorf("%s: user_data_private_key %s, want %s", i.ID, got, keys[i.ID])
		}
	}
}
