package link

import "github.com/seclint/seclint/parsers/model"

// network links security group rule resources with their group, network
// ACL entry and subnet association resources with their ACL, and flow
// logs with their VPC.
func (l *linker) network() {
	l.securityGroups()
	acls := byID(l.m.AWS.VPC.NetworkACLs, func(a *model.NetworkACL) string { return a.ID })
	l.networkACLs(acls)
	l.networkACLAssociations(acls)
	l.flowLogs()
}

// securityGroups links each rule resource to its group: by reference
// (security_group_id = aws_security_group.web.id, !Ref, !GetAtt
// Web.GroupId) or by the group's known name (CloudFormation GroupName).
// A rule of a group outside the scan keeps an empty link and is checked
// on its own.
func (l *linker) securityGroups() {
	e := &l.m.AWS.EC2
	groups := byID(e.SecurityGroups, func(g *model.SecurityGroup) string { return g.ID })
	named := map[string]*model.SecurityGroup{}
	for _, g := range e.SecurityGroups {
		g.Rules = nil
		if n, ok := g.Name.Get(); ok && named[n] == nil {
			named[n] = g
		}
	}
	for _, r := range e.SecurityGroupRules {
		r.GroupRef = ""
		g := groups.resolve(r.Target)
		if n, ok := r.Target.Name.Get(); ok && g == nil && len(r.Target.Refs) == 0 {
			g = named[n]
		}
		if g != nil {
			r.GroupRef = g.ID
			l.attach(g.ID, "rules", &g.Rules, r.ID)
		}
	}
}

// networkACLs links each entry resource to its ACL by reference. An entry
// whose ACL is neither in the scan nor named by a known ID may belong to
// any ACL of the scan, whose entries are then not all known: AWS applies
// the lowest-numbered matching entry, so an unknown entry may decide.
func (l *linker) networkACLs(acls *index[*model.NetworkACL]) {
	v := &l.m.AWS.VPC
	for _, a := range v.NetworkACLs {
		a.Rules = nil
	}
	floating := false
	for _, r := range v.NetworkACLRules {
		r.ACLRef = ""
		if a := acls.resolve(r.Target); a != nil {
			r.ACLRef = a.ID
			l.attach(a.ID, "rules", &a.Rules, r.ID)
			continue
		}
		if _, known := r.Target.Name.Get(); !known {
			floating = true
		}
	}
	if floating {
		for _, a := range v.NetworkACLs {
			a.EntriesUnknown = true
		}
	}
}

// networkACLAssociations links each subnet association resource to its
// ACL by reference, as networkACLs links the entries. An association
// whose ACL is outside the scan (a literal acl-... ID) or not known is
// linked to none: it changes no ACL's entries, only which subnets an ACL
// governs.
func (l *linker) networkACLAssociations(acls *index[*model.NetworkACL]) {
	v := &l.m.AWS.VPC
	for _, a := range v.NetworkACLs {
		a.Associations = nil
	}
	for _, as := range v.NetworkACLAssociations {
		as.ACLRef = ""
		if a := acls.resolve(as.ACL); a != nil {
			as.ACLRef = a.ID
			l.attach(a.ID, "associations", &a.Associations, as.ID)
		}
	}
}

// flowLogs links each flow log of a VPC to it by reference. A flow log
// that may be of a VPC (type VPC or not known) and whose VPC is not known
// may capture any VPC of the scan, so it is listed by each. Subnet and
// network interface flow logs do not cover their VPC.
func (l *linker) flowLogs() {
	v := &l.m.AWS.VPC
	vpcs := byID(v.VPCs, func(x *model.VPCNetwork) string { return x.ID })
	for _, x := range v.VPCs {
		x.FlowLogs = nil
	}
	for _, f := range v.FlowLogs {
		f.VPCRef = ""
		typ, known := f.ResourceType.Get()
		if known && typ != model.FlowLogVPC {
			continue
		}
		if x := vpcs.resolve(f.Target); x != nil {
			f.VPCRef = x.ID
			x.FlowLogs = append(x.FlowLogs, f.ID)
			continue
		}
		if _, named := f.Target.Name.Get(); named || f.Target.IsZero() {
			continue
		}
		for _, x := range v.VPCs {
			x.FlowLogs = append(x.FlowLogs, f.ID)
		}
	}
}
