package cloudformation

import (
	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// network maps AWS::EC2::SecurityGroup (SecurityGroupIngress and
// SecurityGroupEgress inline), AWS::EC2::SecurityGroupIngress and
// AWS::EC2::SecurityGroupEgress, AWS::EC2::NetworkAcl with its
// AWS::EC2::NetworkAclEntry and AWS::EC2::SubnetNetworkAclAssociation
// resources, AWS::EC2::VPC and
// AWS::EC2::FlowLog. Which group, ACL or VPC a resource belongs to is
// resolved by the linking step from the targets recorded here.
func (a *adapter) network() {
	e, v := &a.u.Model.AWS.EC2, &a.u.Model.AWS.VPC
	for _, r := range a.t.resources {
		if r.dropped {
			continue
		}
		switch r.typ {
		case "AWS::EC2::SecurityGroup":
			props := a.props(r)
			g := &model.SecurityGroup{}
			o := a.object(r, &g.Meta)
			o.Apply(props, adapt.SecurityGroupFields(g))
			g.Ingress, g.IngressUnknown = sgPermissions(o, get(props, "SecurityGroupIngress"), "ingress")
			g.Egress, g.EgressUnknown = sgPermissions(o, get(props, "SecurityGroupEgress"), "egress")
			e.SecurityGroups = append(e.SecurityGroups, g)
		case "AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress":
			props := a.props(r)
			group, _ := adapt.FirstOf(props, "GroupId", "GroupName")
			if group == nil {
				group = get(props, "GroupId")
			}
			sr := &model.SecurityGroupRule{Target: a.target(group), Direction: model.KnownOf("ingress")}
			if r.typ == "AWS::EC2::SecurityGroupEgress" {
				sr.Direction = model.KnownOf("egress")
			}
			o := a.object(r, &sr.Meta)
			sgPermission(o, props, "", &sr.SecurityGroupPermission)
			e.SecurityGroupRules = append(e.SecurityGroupRules, sr)
		case "AWS::EC2::NetworkAcl":
			acl := &model.NetworkACL{}
			a.object(r, &acl.Meta)
			v.NetworkACLs = append(v.NetworkACLs, acl)
		case "AWS::EC2::NetworkAclEntry":
			props := a.props(r)
			nr := &model.NetworkACLRule{Target: a.target(get(props, "NetworkAclId"))}
			o := a.object(r, &nr.Meta)
			o.Apply(props, adapt.NetworkACLEntryFields("", &nr.NetworkACLEntry))
			o.Apply(get(props, "PortRange"), adapt.NetworkACLPortFields("", &nr.NetworkACLEntry))
			if nr.Egress.IsZero() {
				nr.Egress = model.KnownOf(false) // Egress defaults to false
			}
			if proto := o.At("protocol", get(props, "Protocol")); present(proto) {
				nr.Protocol = adapt.Protocol(proto)
			}
			if act := o.At("action", get(props, "RuleAction")); present(act) {
				nr.Action = adapt.Action(act)
			}
			nr.Public = adapt.PublicCIDR(nr.CIDR)
			v.NetworkACLRules = append(v.NetworkACLRules, nr)
		case "AWS::EC2::SubnetNetworkAclAssociation":
			props := a.props(r)
			as := &model.NetworkACLAssociation{ACL: a.target(get(props, "NetworkAclId"))}
			o := a.object(r, &as.Meta)
			o.Apply(props, adapt.NetworkACLAssociationFields(as))
			v.NetworkACLAssociations = append(v.NetworkACLAssociations, as)
		case "AWS::EC2::VPC":
			x := &model.VPCNetwork{}
			a.object(r, &x.Meta)
			v.VPCs = append(v.VPCs, x)
		case "AWS::EC2::FlowLog":
			props := a.props(r)
			f := &model.FlowLog{Target: a.target(get(props, "ResourceId"))}
			o := a.object(r, &f.Meta)
			o.String(&f.ResourceType, "resource_type", get(props, "ResourceType"))
			v.FlowLogs = append(v.FlowLogs, f)
		}
	}
}

// sgPermissions reads a SecurityGroupIngress or SecurityGroupEgress list,
// and whether it is not known (an intrinsic that cannot be evaluated).
func sgPermissions(o adapt.Object, list *node.Node, dir string) ([]*model.SecurityGroupPermission, bool) {
	items, ok := list.Items()
	if !ok {
		return nil, true
	}
	var out []*model.SecurityGroupPermission
	for i, it := range items {
		prefix := model.ElementPath(dir, i)
		p := &model.SecurityGroupPermission{}
		o.At(prefix, it)
		sgPermission(o, it, prefix+".", p)
		out = append(out, p)
	}
	return out, false
}

// sgPermission reads one rule (an element of SecurityGroupIngress, an
// AWS::EC2::SecurityGroupIngress's properties) under prefix.
func sgPermission(o adapt.Object, n *node.Node, prefix string, p *model.SecurityGroupPermission) {
	o.Apply(n, adapt.SecurityGroupPermissionFields(prefix, p))
	if proto := o.At(prefix+"protocol", get(n, "IpProtocol")); present(proto) {
		p.Protocol = adapt.Protocol(proto)
	}
	p.Public = adapt.PublicCIDRs(p.CIDRBlocks, p.IPv6CIDRBlocks)
}
