package cloudformation

import (
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

func TestAdaptNetwork(t *testing.T) {
	u := parseUnit("network.yaml", `
Parameters:
  Cidr:
    Type: String
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  FlowLog:
    Type: AWS::EC2::FlowLog
    Properties: {ResourceType: VPC, ResourceId: !Ref Vpc, TrafficType: ALL}
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupName: web
      GroupDescription: web
      SecurityGroupIngress:
        - {IpProtocol: -1, CidrIpv6: "::/0"}
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref Cidr}
  ByName:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: {GroupName: web, IpProtocol: "17", FromPort: 53, ToPort: 53, SourcePrefixListId: pl-0123456789abcdef0}
  Acl:
    Type: AWS::EC2::NetworkAcl
    Properties: {VpcId: !Ref Vpc}
  Entry:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: !Ref Acl
      RuleNumber: 100
      Protocol: 6
      RuleAction: DENY
      CidrBlock: 0.0.0.0/0
      PortRange: {From: 22, To: 22}
  Subnet:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}
  AclAssoc:
    Type: AWS::EC2::SubnetNetworkAclAssociation
    Properties: {NetworkAclId: !GetAtt Acl.Id, SubnetId: !Ref Subnet}
  OtherAssoc:
    Type: AWS::EC2::SubnetNetworkAclAssociation
    Properties:
      NetworkAclId: acl-0123456789abcdef0
      SubnetId: subnet-0123456789abcdef0
`, Options{})
	if len(u.Diagnostics) != 0 {
		t.Fatalf("diagnostics: %v", u.Diagnostics)
	}
	e, v := u.Model.AWS.EC2, u.Model.AWS.VPC
	g := e.SecurityGroups[0]
	if len(g.Ingress) != 2 || g.Ingress[0].Protocol != model.KnownOf("-1") || g.Ingress[0].Public != model.KnownOf(true) {
		t.Errorf("ingress = %+v", g.Ingress)
	}
	if g.Ingress[1].Public.State != model.Unknown {
		t.Errorf("rule from a parameter without value: public = %v, want unknown", g.Ingress[1].Public)
	}
	r := e.SecurityGroupRules[0]
	if r.GroupRef != "Web" || r.Protocol != model.KnownOf("udp") || r.Direction != model.KnownOf("ingress") || len(g.Rules) != 1 {
		t.Errorf("rule = %+v, group rules %v", r, g.Rules)
	}
	ent := v.NetworkACLRules[0]
	if ent.ACLRef != "Acl" || ent.Action != model.KnownOf("deny") || ent.Egress != model.KnownOf(false) ||
		ent.FromPort != model.KnownOf(22.0) || ent.Protocol != model.KnownOf("tcp") || ent.Public != model.KnownOf(true) {
		t.Errorf("entry = %+v", ent)
	}
	if len(v.NetworkACLAssociations) != 2 {
		t.Fatalf("got %d associations, want 2", len(v.NetworkACLAssociations))
	}
	assoc, other := v.NetworkACLAssociations[0], v.NetworkACLAssociations[1]
	if assoc.ACLRef != "Acl" || assoc.Subnet.State != model.Unknown {
		t.Errorf("association = %+v, want linked to Acl, subnet unknown", assoc)
	}
	if other.ACLRef != "" || other.ACL.Name != model.KnownOf("acl-0123456789abcdef0") || other.Subnet != model.KnownOf("subnet-0123456789abcdef0") {
		t.Errorf("other association = %+v, want unlinked with the literal IDs", other)
	}
	if acl := v.NetworkACLs[0]; len(acl.Associations) != 1 || acl.Associations[0] != "AclAssoc" {
		t.Errorf("acl associations = %v, want [AclAssoc]", acl.Associations)
	}
	if x := v.VPCs[0]; len(x.FlowLogs) != 1 || v.FlowLogs[0].VPCRef != "Vpc" {
		t.Errorf("vpc flow logs = %v", x.FlowLogs)
	}
}
