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

resource "aws_subnet" "app" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_network_acl_association" "app" {
  network_acl_id = aws_network_acl.main.id
  subnet_id      = aws_subnet.app.id
}

resource "aws_network_acl_association" "elsewhere" {
  network_acl_id = "acl-0123456789abcdef0"
  subnet_id      = "subnet-0123456789abcdef0"
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

	if len(v.NetworkACLAssociations) != 2 {
		t.Fatalf("got %d associations, want 2", len(v.NetworkACLAssociations))
	}
	app, elsewhere := v.NetworkACLAssociations[0], v.NetworkACLAssociations[1]
	if app.ID != "aws_network_acl_association.app" {
		app, elsewhere = elsewhere, app
	}
	if app.ACLRef != acl.ID || app.Subnet.State != model.Unknown {
		t.Errorf("app association = %+v, want linked to %s, subnet unknown", app, acl.ID)
	}
	if elsewhere.ACLRef != "" || elsewhere.ACL.Name != model.KnownOf("acl-0123456789abcdef0") || elsewhere.Subnet != model.KnownOf("subnet-0123456789abcdef0") {
		t.Errorf("elsewhere association = %+v, want unlinked with the literal IDs", elsewhere)
	}
	if len(acl.Associations) != 1 || acl.Associations[0] != app.ID {
		t.Errorf("acl associations = %v, want [%s]", acl.Associations, app.ID)
	}
	wantLine(t, u, acl.ID, "associations[0]", lineOf(t, networkSrc, `resource "aws_network_acl_association" "app"`, 1))
	wantLine(t, u, elsewhere.ID, "subnet", lineOf(t, networkSrc, `subnet_id      = "subnet-`, 1))

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
