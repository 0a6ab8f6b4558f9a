package terraform

import (
	"fmt"
	"strings"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

const ssmSrc = `
variable "token" {
  type    = string
  default = "from-a-default"
}

variable "unset" {
  type = string
}

locals {
  env = "prod"
}

resource "random_password" "db" {
  length = 32
}

resource "aws_ssm_parameter" "literal" {
  name   = "/app/prod/api-key"
  type   = "SecureString"
  key_id = "alias/app"
  value  = "sk_live_literal"
}

resource "aws_ssm_parameter" "from_default" {
  name  = "/app/prod/token"
  type  = "SecureString"
  value = var.token
}

resource "aws_ssm_parameter" "unset" {
  name  = "plain-name"
  type  = "String"
  value = var.unset
}

resource "aws_ssm_parameter" "generated" {
  name        = "/app/${local.env}/db-password"
  type        = "SecureString"
  description = "Database password"
  value       = random_password.db.result
}

resource "aws_ssm_parameter" "encoded" {
  name  = "/app/prod/creds"
  type  = "SecureString"
  value = jsonencode({ user = "app", password = "hunter2" })
}

resource "aws_ssm_parameter" "template" {
  name  = "/app/prod/conn"
  type  = "SecureString"
  value = "postgres://app:${var.token}@db"
}

resource "aws_ssm_parameter" "interpolated_literal" {
  name  = "/app/prod/x"
  type  = "SecureString"
  value = "${"abc"}def"
}

resource "aws_ssm_parameter" "from_file" {
  name  = "/app/prod/bundle"
  type  = "String"
  tier  = "Advanced"
  value = file("${path.module}/bundle.pem")
}

resource "aws_ssm_parameter" "placeholder" {
  name   = "/app/prod/placeholder"
  type   = "SecureString"
  value  = "changeme"

  lifecycle {
    ignore_changes = [value]
  }
}

resource "aws_ssm_parameter" "ignore_all" {
  name           = "/app/prod/all"
  type           = "String"
  insecure_value = "ünïcode"

  lifecycle {
    ignore_changes = all
  }
}

resource "aws_ssm_parameter" "write_only" {
  name             = "/app/prod/wo"
  type             = "SecureString"
  value_wo         = "write-only-literal"
  value_wo_version = 1
}
`

func showParam(p *model.SSMParameter) string {
	return fmt.Sprintf("name=%s type=%s tier=%s key=%s desc=%s value=%s literal=%t len=%s ignored=%t policies=%s",
		showValue(p.Name), showValue(p.Type), showValue(p.Tier), showValue(p.KeyID), showValue(p.Description),
		showValue(p.Value), p.ValueLiteral, showValue(p.ValueLength), p.ValueIgnored, showValue(p.Policies))
}

func TestSSMParameters(t *testing.T) {
	dir := writeModule(t, map[string]string{"main.tf": ssmSrc, "bundle.pem": strings.Repeat("x", 5000)})
	u := ParseModule(dir, nil, Options{})
	noErrors(t, u)
	got := map[string]string{}
	for _, p := range u.Model.AWS.SSM.Parameters {
		got[p.ID] = showParam(p)
		if p.Meta.Type != "aws_ssm_parameter" {
			t.Errorf("%s: type %s", p.ID, p.Meta.Type)
		}
	}
	for _, tt := range []struct{ id, want string }{
		{"aws_ssm_parameter.literal", "name=/app/prod/api-key type=SecureString tier=- key=alias/app desc=- value=sk_live_literal literal=true len=15 ignored=false policies=-"},
		// A variable's default is known but not a literal: whoever deploys
		// can set it.
		{"aws_ssm_parameter.from_default", "name=/app/prod/token type=SecureString tier=- key=- desc=- value=from-a-default literal=false len=14 ignored=false policies=-"},
		{"aws_ssm_parameter.unset", "name=plain-name type=String tier=- key=- desc=- value=? literal=false len=- ignored=false policies=-"},
		{"aws_ssm_parameter.generated", "name=/app/prod/db-password type=SecureString tier=- key=- desc=Database password value=? literal=false len=- ignored=false policies=-"},
		// A function of literals only is still written in the code.
		{"aws_ssm_parameter.encoded", `name=/app/prod/creds type=SecureString tier=- key=- desc=- value={"password":"hunter2","user":"app"} literal=true len=35 ignored=false policies=-`},
		{"aws_ssm_parameter.template", "name=/app/prod/conn type=SecureString tier=- key=- desc=- value=postgres://app:from-a-default@db literal=false len=32 ignored=false policies=-"},
		{"aws_ssm_parameter.interpolated_literal", "name=/app/prod/x type=SecureString tier=- key=- desc=- value=abcdef literal=true len=6 ignored=false policies=-"},
		// A file's content is known (its length counts) but not written in
		// the configuration.
		{"aws_ssm_parameter.from_file", "name=/app/prod/bundle type=String tier=Advanced key=- desc=- value=" + strings.Repeat("x", 5000) + " literal=false len=5000 ignored=false policies=-"},
		{"aws_ssm_parameter.placeholder", "name=/app/prod/placeholder type=SecureString tier=- key=- desc=- value=changeme literal=true len=8 ignored=true policies=-"},
		// The length is in characters, not bytes.
		{"aws_ssm_parameter.ignore_all", "name=/app/prod/all type=String tier=- key=- desc=- value=ünïcode literal=true len=7 ignored=true policies=-"},
		{"aws_ssm_parameter.write_only", "name=/app/prod/wo type=SecureString tier=- key=- desc=- value=write-only-literal literal=true len=18 ignored=false policies=-"},
	} {
		if got[tt.id] != tt.want {
			t.Errorf("%s:\n got  %s\n want %s", tt.id, got[tt.id], tt.want)
		}
	}
	if len(got) != 11 {
		t.Errorf("got %d parameters, want 11", len(got))
	}
	for _, tt := range []struct {
		id, path, marker string
	}{
		{"aws_ssm_parameter.literal", "", `resource "aws_ssm_parameter" "literal"`},
		{"aws_ssm_parameter.literal", "value", `value  = "sk_live_literal"`},
		{"aws_ssm_parameter.literal", "key_id", `key_id = "alias/app"`},
		{"aws_ssm_parameter.literal", "parameter_type", `type   = "SecureString"`},
		{"aws_ssm_parameter.unset", "name", `name  = "plain-name"`},
		{"aws_ssm_parameter.from_file", "tier", `tier  = "Advanced"`},
		{"aws_ssm_parameter.ignore_all", "value", `insecure_value = "ünïcode"`},
	} {
		wantLine(t, u, tt.id, tt.path, lineOf(t, ssmSrc, tt.marker, 1))
	}
}

func TestSSMParameterJSON(t *testing.T) {
	const src = `{
  "resource": {
    "aws_ssm_parameter": {
      "literal": {
        "name": "/app/prod/api-key",
        "type": "SecureString",
        "value": "sk_live_literal"
      },
      "interpolated": {
        "name": "/app/prod/other",
        "type": "SecureString",
        "value": "${upper(\"abc\")}"
      },
      "ignored": {
        "name": "/app/prod/ignored",
        "type": "SecureString",
        "value": "changeme",
        "lifecycle": {"ignore_changes": ["value"]}
      }
    }
  }
}
`
	dir := writeModule(t, map[string]string{"main.tf.json": src})
	u := ParseModule(dir, nil, Options{})
	noErrors(t, u)
	got := map[string]string{}
	for _, p := range u.Model.AWS.SSM.Parameters {
		got[p.ID] = fmt.Sprintf("literal=%t ignored=%t", p.ValueLiteral, p.ValueIgnored)
	}
	want := map[string]string{
		"aws_ssm_parameter.literal": "literal=true ignored=false",
		// In JSON a template that calls a function is not taken for a literal.
		"aws_ssm_parameter.interpolated": "literal=false ignored=false",
		"aws_ssm_parameter.ignored":      "literal=true ignored=true",
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: got %s, want %s", id, got[id], w)
		}
	}
}
