package terraform

import (
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

const networkSrc = `
variable "vpc" {}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_vpc" "other" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_flow_log" "main" {
  vpc_id = aws_vpc.main.id
}

resource "aws_flow_log" "subnet" {
  subnet_id = "subnet-0123456789abcdef0"
}

resource "aws_security_group" "web" {
  name = "web"
  ingress {
    protocol         = "6"
    from_port        = 22
    to_port          = 22
    cidr_blocks      = ["10.0.0.0/8"]
    ipv6_cidr_blocks = ["::/0"]
  }
  ingress {
    protocol  = "tcp"
    from_port = 443
    to_port   = 443
    self      = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "rdp" {
  security_group_id = aws_security_group.web.id
  ip_protocol       = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_security_group_rule" "out" {
  type              = "egress"
  security_group_id = "sg-0123456789abcdef0"
  protocol          = "all"
  from_port         = 0
  to_port           = 0
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_network_acl" "main" {
  vpc_id = aws_vpc.main.id
  ingress {
    rule_no    = 100
    action     = "ALLOW"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }
}

resource "aws_network_acl_rule" "out" {
  network_acl_id = aws_network_acl.main.id
  rule_number    = 100
  egress         = true
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "10.0.0.0/16"
  from_port      = 1024
  to_port        = 65535
}
`

func TestAdaptNetwork(t *testing.T) {
	u, _ := parseSrc(t, networkSrc)
	noErrors(t, u)
	e, v := u.Model.AWS.EC2, u.Model.AWS.VPC
	if len(e.SecurityGroups) != 1 || len(e.SecurityGroupRules) != 2 {
		t.Fatalf("got %d groups, %d rules", len(e.SecurityGroups), len(e.SecurityGroupRules))
	}
	g := e.SecurityGroups[0]
	if len(g.Ingress) != 2 || g.IngressUnknown {
		t.Fatalf("ingress = %d (unknown %v)", len(g.Ingress), g.IngressUnknown)
	}
	ssh := g.Ingress[0]
	if ssh.Protocol != model.KnownOf("tcp") || ssh.FromPort != model.KnownOf(22.0) || ssh.Public != model.KnownOf(true) {
		t.Errorf("ssh rule = %+v", ssh)
	}
	if g.Ingress[1].Public != model.KnownOf(false) {
		t.Errorf("self rule public = %v", g.Ingress[1].Public)
	}
	if got, _ := strs(g.Ingress[1].SecurityGroups); len(got) != 1 || got[0] != "self" {
		t.Errorf("self rule groups = %v", got)
	}
	if len(g.Rules) != 1 || g.Rules[0] != "aws_vpc_security_group_ingress_rule.rdp" {
		t.Errorf("group rules = %v", g.Rules)
	}
	rdp, out := e.SecurityGroupRules[0], e.SecurityGroupRules[1]
	if rdp.ID != "aws_vpc_security_group_ingress_rule.rdp" {
		rdp, out = out, rdp
	}
	if rdp.Direction != model.KnownOf("ingress") || rdp.GroupRef != g.ID || rdp.Public != model.KnownOf(true) {
		t.Errorf("rdp = %+v", rdp)
	}
	if out.Direction != model.KnownOf("egress") || out.GroupRef != "" || out.Protocol != model.KnownOf("-1") {
		t.Errorf("out = %+v", out)
	}

	if len(v.NetworkACLs) != 1 || len(v.NetworkACLRules) != 1 {
		t.Fatalf("got %d ACLs, %d entries", len(v.NetworkACLs), len(v.NetworkACLRules))
	}
	acl := v.NetworkACLs[0]
	if len(acl.Entries) != 1 || acl.EntriesUnknown || len(acl.Rules) != 1 {
		t.Fatalf("acl = %+v", acl)
	}
	in := acl.Entries[0]
	if in.Egress != model.KnownOf(false) || in.Action != model.KnownOf("allow") || in.RuleNumber != model.KnownOf(100.0) || in.Public != model.KnownOf(true) {
		t.Errorf("inline entry = %+v", in)
	}
	r := v.NetworkACLRules[0]
	if r.ACLRef != acl.ID || r.Egress != model.KnownOf(true) || r.Public != model.KnownOf(false) || r.ToPort != model.KnownOf(65535.0) {
		t.Errorf("entry resource = %+v", r)
	}
	wantLine(t, u, acl.ID, "entries[0]", lineOf(t, networkSrc, "ingress {", 3))
	wantLine(t, u, acl.ID, "rules[0]", lineOf(t, networkSrc, `resource "aws_network_acl_rule" "out"`, 1))

	flows := map[string][]string{}
	for _, x := range v.VPCs {
		flows[x.ID] = x.FlowLogs
	}
	if got := flows["aws_vpc.main"]; len(got) != 1 || got[0] != "aws_flow_log.main" {
		t.Errorf("main flow logs = %v", got)
	}
	if got := flows["aws_vpc.other"]; len(got) != 0 {
		t.Errorf("other flow logs = %v (a subnet flow log does not cover a VPC)", got)
	}
}

// TestAdaptNetworkUnknown: a dynamic block over an unknown collection is
// one rule of unknown ports (a resource or block of unknown multiplicity
// is checked as one instance), an
// entry resource of unknown ACL makes every ACL's entries unknown, and a
// VPC flow log of unknown VPC may be any VPC.
func TestAdaptNetworkUnknown(t *testing.T) {
	u, _ := parseSrc(t, `
variable "ports" {}
variable "acl" {}
variable "vpc" {}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_flow_log" "any" {
  vpc_id = var.vpc
}

resource "aws_security_group" "dyn" {
  dynamic "ingress" {
    for_each = var.ports
    content {
      protocol  = "tcp"
      from_port = ingress.value
      to_port   = ingress.value
    }
  }
}

resource "aws_network_acl" "main" {
  vpc_id = aws_vpc.main.id
}

resource "aws_network_acl_rule" "somewhere" {
  network_acl_id = var.acl
  rule_number    = 50
  protocol       = "-1"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
}
`)
	noErrors(t, u)
	if g := u.Model.AWS.EC2.SecurityGroups[0]; len(g.Ingress) != 1 || g.Ingress[0].FromPort.State != model.Unknown {
		t.Errorf("dynamic ingress = %+v, want one rule of unknown ports", g.Ingress)
	}
	if acl := u.Model.AWS.VPC.NetworkACLs[0]; !acl.EntriesUnknown || len(acl.Rules) != 0 {
		t.Errorf("acl = %+v, want entries unknown", acl)
	}
	if x := u.Model.AWS.VPC.VPCs[0]; len(x.FlowLogs) != 1 {
		t.Errorf("flow logs = %v, want the flow log of unknown VPC", x.FlowLogs)
	}
}
