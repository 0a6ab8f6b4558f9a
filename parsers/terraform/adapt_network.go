package terraform

import (
	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// adaptNetwork maps security groups with their inline rules and rule
// resources, network ACLs (aws_default_network_acl too) with their inline
// entries, entry resources and subnet association resources, VPCs and
// flow logs. Which group, ACL or VPC a sub-resource belongs to is
// resolved by the linking step from the targets recorded here.
func (a *adapter) adaptNetwork() {
	e, v := &a.model.AWS.EC2, &a.model.AWS.VPC
	for _, r := range a.managed("aws_security_group") {
		g := &model.SecurityGroup{}
		n := a.nodeOf(r, fieldNames(adapt.SecurityGroupFields(g), "ingress", "egress")...)
		o := a.object(r, r.id, &g.Meta)
		o.Apply(n, adapt.SecurityGroupFields(g))
		g.Ingress, g.IngressUnknown = sgPermissions(o, n, "ingress")
		g.Egress, g.EgressUnknown = sgPermissions(o, n, "egress")
		e.SecurityGroups = append(e.SecurityGroups, g)
	}
	for _, r := range a.managed("aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule") {
		sr := &model.SecurityGroupRule{}
		n := a.nodeOf(r, fieldNames(adapt.SecurityGroupPermissionFields("", &sr.SecurityGroupPermission),
			"security_group_id", "type", "protocol", "ip_protocol", "self")...)
		sr.Target = target(field(n, "security_group_id"))
		o := a.object(r, r.id, &sr.Meta)
		switch r.res.typ {
		case "aws_security_group_rule":
			o.String(&sr.Direction, "direction", field(n, "type"))
		case "aws_vpc_security_group_ingress_rule":
			sr.Direction = model.KnownOf("ingress")
		default:
			sr.Direction = model.KnownOf("egress")
		}
		sgPermission(o, n, "", &sr.SecurityGroupPermission)
		e.SecurityGroupRules = append(e.SecurityGroupRules, sr)
	}
	for _, r := range a.managed("aws_network_acl", "aws_default_network_acl") {
		n := a.nodeOf(r, "subnet_ids", "ingress", "egress")
		acl := &model.NetworkACL{Default: r.res.typ == "aws_default_network_acl"}
		o := a.object(r, r.id, &acl.Meta)
		o.StringList(&acl.SubnetIDs, "subnet_ids", field(n, "subnet_ids"))
		for _, dir := range []string{"ingress", "egress"} {
			if field(n, dir).IsUnknown() {
				acl.EntriesUnknown = true
				continue
			}
			for _, b := range blocks(n, dir) {
				prefix := model.ElementPath("entries", len(acl.Entries))
				ent := &model.NetworkACLEntry{Egress: model.KnownOf(dir == "egress")}
				o.At(prefix, b)
				naclEntry(o, b, prefix+".", ent)
				acl.Entries = append(acl.Entries, ent)
			}
		}
		v.NetworkACLs = append(v.NetworkACLs, acl)
	}
	for _, r := range a.managed("aws_network_acl_rule") {
		n := a.node(r)
		nr := &model.NetworkACLRule{Target: target(field(n, "network_acl_id"))}
		o := a.object(r, r.id, &nr.Meta)
		naclEntry(o, n, "", &nr.NetworkACLEntry)
		if nr.Egress.IsZero() {
			nr.Egress = model.KnownOf(false) // egress defaults to false
		}
		v.NetworkACLRules = append(v.NetworkACLRules, nr)
	}
	for _, r := range a.managed("aws_network_acl_association") {
		n := a.node(r)
		as := &model.NetworkACLAssociation{ACL: target(field(n, "network_acl_id"))}
		o := a.object(r, r.id, &as.Meta)
		o.Apply(n, adapt.NetworkACLAssociationFields(as))
		v.NetworkACLAssociations = append(v.NetworkACLAssociations, as)
	}
	for _, r := range a.managed("aws_vpc") {
		x := &model.VPCNetwork{}
		a.object(r, r.id, &x.Meta)
		v.VPCs = append(v.VPCs, x)
	}
	for _, r := range a.managed("aws_flow_log") {
		v.FlowLogs = append(v.FlowLogs, a.flowLog(r))
	}
}

// flowLogTargets are the arguments of aws_flow_log that name what it
// logs, with the resource type each means (exactly one is written).
var flowLogTargets = []struct{ arg, typ string }{
	{"vpc_id", model.FlowLogVPC},
	{"subnet_id", "Subnet"},
	{"eni_id", "NetworkInterface"},
	{"transit_gateway_id", "TransitGateway"},
	{"transit_gateway_attachment_id", "TransitGatewayAttachment"},
}

func (a *adapter) flowLog(r *resInst) *model.FlowLog {
	n := a.node(r)
	f := &model.FlowLog{}
	a.object(r, r.id, &f.Meta)
	for _, t := range flowLogTargets {
		if v := field(n, t.arg); !v.IsNull() {
			f.ResourceType = model.KnownOf(t.typ)
			f.Target = target(v)
			return f
		}
	}
	if n.IsUnknown() {
		f.ResourceType = model.UnknownOf[string]()
	}
	return f
}

// sgPermissions reads the inline ingress or egress rules of a group, and
// whether they are not all known (a dynamic block).
func sgPermissions(o adapt.Object, n *node.Node, dir string) ([]*model.SecurityGroupPermission, bool) {
	if field(n, dir).IsUnknown() {
		return nil, true
	}
	var out []*model.SecurityGroupPermission
	for i, b := range blocks(n, dir) {
		prefix := model.ElementPath(dir, i)
		p := &model.SecurityGroupPermission{}
		o.At(prefix, b)
		sgPermission(o, b, prefix+".", p)
		out = append(out, p)
	}
	return out, false
}

// sgPermission reads one security group rule under prefix. self = true
// admits the group itself, a source like the groups it names.
func sgPermission(o adapt.Object, n *node.Node, prefix string, p *model.SecurityGroupPermission) {
	o.Apply(n, adapt.SecurityGroupPermissionFields(prefix, p))
	proto, _ := adapt.FirstOf(n, "protocol", "ip_protocol")
	o.At(prefix+"protocol", proto)
	if !proto.IsNull() {
		p.Protocol = adapt.Protocol(proto)
	}
	if self := adapt.Bool(field(n, "self")); self.V && self.IsKnown() {
		p.SecurityGroups = adapt.JoinLists(p.SecurityGroups, model.KnownOf([]model.String{model.KnownOf("self")}))
	}
	p.Public = adapt.PublicCIDRs(p.CIDRBlocks, p.IPv6CIDRBlocks)
}

// naclEntry reads one network ACL entry under prefix: the inline blocks
// spell the action "action" and the number "rule_no", aws_network_acl_rule
// "rule_action" and "rule_number".
func naclEntry(o adapt.Object, n *node.Node, prefix string, e *model.NetworkACLEntry) {
	o.Apply(n, adapt.NetworkACLEntryFields(prefix, e))
	if proto := o.At(prefix+"protocol", field(n, "protocol")); !proto.IsNull() {
		e.Protocol = adapt.Protocol(proto)
	}
	if act, _ := adapt.FirstOf(n, "action", "rule_action"); !act.IsNull() {
		o.At(prefix+"action", act)
		e.Action = adapt.Action(act)
	}
	e.Public = adapt.PublicCIDR(e.CIDR)
}
