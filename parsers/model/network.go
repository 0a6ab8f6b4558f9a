package model

// EC2 holds EC2 resources: the scan's security groups and the security
// group rules declared as resources of their own (network.go), and what
// other files declare beside them. Rules of other families read whether a
// group admits the internet through policies/lib/network.rego
// (sg_public_ingress), which follows a group's inline Ingress and the
// Rules linked to it.
type EC2 struct {
	// EC2Launch holds what launches instances (userdata.go).
	EC2Launch
	// SecurityGroups are aws_security_group and AWS::EC2::SecurityGroup
	// resources, with their inline rules.
	SecurityGroups []*SecurityGroup `json:"security_groups"`
	// SecurityGroupRules are the rules declared as resources of their own
	// (aws_security_group_rule, aws_vpc_security_group_ingress_rule and
	// _egress_rule, AWS::EC2::SecurityGroupIngress and _Egress), linked to
	// their group when it is in the scan and checked on their own either
	// way.
	SecurityGroupRules []*SecurityGroupRule `json:"security_group_rules"`
}

// SecurityGroup is a security group. Locations: "" is the resource,
// "ingress[i]" and "egress[i]" the inline rules with their fields below
// them, "rules[i]" the linked rule resources.
type SecurityGroup struct {
	Meta
	// Name is name (GroupName); absent when generated.
	Name String `json:"name,omitzero"`
	// Ingress are the inline ingress rules (ingress blocks;
	// SecurityGroupIngress).
	Ingress []*SecurityGroupPermission `json:"ingress"`
	// Egress are the inline egress rules (egress blocks;
	// SecurityGroupEgress).
	Egress []*SecurityGroupPermission `json:"egress"`
	// IngressUnknown is true when the list of inline ingress rules cannot
	// be evaluated (ingress = var.rules, an intrinsic function). A dynamic
	// block over an unknown collection is one rule of unknown values
	// instead, as every construct of unknown multiplicity is.
	IngressUnknown bool `json:"ingress_unknown"`
	// EgressUnknown is the same for the egress rules.
	EgressUnknown bool `json:"egress_unknown"`
	// Rules are the IDs of the ec2.security_group_rules of the scan that
	// belong to this group (set by the linking step).
	Rules []string `json:"rules"`
}

// Security group protocols as the model writes them: "-1" (all protocols,
// also written "all", -1), "tcp" (also 6), "udp" (17), "icmp" (1),
// "icmpv6" (58); other protocols keep their number.
const (
	ProtocolAll = "-1"
	ProtocolTCP = "tcp"
	ProtocolUDP = "udp"
)

// SecurityGroupPermission is one rule of a security group: a protocol, a
// port range and the sources (ingress) or destinations (egress) it
// allows.
type SecurityGroupPermission struct {
	// Protocol is the normalized protocol (protocol, ip_protocol;
	// IpProtocol): see ProtocolAll.
	Protocol String `json:"protocol,omitzero"`
	// FromPort is the first port (from_port; FromPort); for protocol "-1"
	// every port is covered whatever it says. -1 also means every port.
	FromPort Number `json:"from_port,omitzero"`
	// ToPort is the last port (to_port; ToPort).
	ToPort Number `json:"to_port,omitzero"`
	// CIDRBlocks are the IPv4 ranges (cidr_blocks, cidr_ipv4; CidrIp).
	CIDRBlocks StringList `json:"cidr_blocks,omitzero"`
	// IPv6CIDRBlocks are the IPv6 ranges (ipv6_cidr_blocks, cidr_ipv6;
	// CidrIpv6).
	IPv6CIDRBlocks StringList `json:"ipv6_cidr_blocks,omitzero"`
	// PrefixLists are managed prefix list IDs (prefix_list_ids,
	// prefix_list_id; SourcePrefixListId, DestinationPrefixListId).
	PrefixLists StringList `json:"prefix_lists,omitzero"`
	// SecurityGroups are the source or destination groups (security_groups,
	// source_security_group_id, referenced_security_group_id, self;
	// SourceSecurityGroupId, SourceSecurityGroupName,
	// DestinationSecurityGroupId).
	SecurityGroups StringList `json:"security_groups,omitzero"`
	// Public is true when a known CIDR covers every address of its family
	// (0.0.0.0/0 or ::/0: prefix length 0), unknown when none does but one
	// is not known, false otherwise (set by the adapters).
	Public Bool `json:"public,omitzero"`
}

// SecurityGroupRule is a security group rule declared as a resource of
// its own. Locations: "" is the resource, each field the path of its JSON
// name ("cidr_blocks[i]" for each range).
type SecurityGroupRule struct {
	Meta
	// Target is the group as written (security_group_id; GroupId,
	// GroupName).
	Target Target `json:"target,omitzero"`
	// GroupRef is the ID of the group when it is in the scan (set by the
	// linking step).
	GroupRef string `json:"group_ref,omitempty"`
	// Direction is "ingress" or "egress" (aws_security_group_rule's type;
	// implied by the resource type elsewhere).
	Direction String `json:"direction,omitzero"`
	SecurityGroupPermission
}

// VPC holds the VPCs, flow logs and network ACLs of the scan.
type VPC struct {
	// VPCs are aws_vpc and AWS::EC2::VPC resources.
	VPCs []*VPCNetwork `json:"vpcs"`
	// FlowLogs are aws_flow_log and AWS::EC2::FlowLog resources.
	FlowLogs []*FlowLog `json:"flow_logs"`
	// NetworkACLs are aws_network_acl, aws_default_network_acl and
	// AWS::EC2::NetworkAcl resources, with their inline entries.
	NetworkACLs []*NetworkACL `json:"network_acls"`
	// NetworkACLRules are the entries declared as resources of their own
	// (aws_network_acl_rule, AWS::EC2::NetworkAclEntry), linked to their
	// network ACL when it is in the scan.
	NetworkACLRules []*NetworkACLRule `json:"network_acl_rules"`
	// NetworkACLAssociations are the subnet associations declared as
	// resources of their own (aws_network_acl_association,
	// AWS::EC2::SubnetNetworkAclAssociation), linked to their network ACL
	// when it is in the scan.
	NetworkACLAssociations []*NetworkACLAssociation `json:"network_acl_associations"`
}

// VPCNetwork is a VPC. Locations: "" is the resource.
type VPCNetwork struct {
	Meta
	// FlowLogs are the IDs of the vpc.flow_logs of the scan that may
	// capture this VPC's traffic: those that reference it, and those of
	// resource type VPC (or unknown type) whose VPC is not known, which
	// may be this one (set by the linking step).
	FlowLogs []string `json:"flow_logs"`
}

// Flow log resource types (CloudFormation ResourceType; Terraform's by
// the argument written: vpc_id, subnet_id, eni_id, transit_gateway_id,
// transit_gateway_attachment_id).
const (
	FlowLogVPC = "VPC"
)

// FlowLog is a flow log. Locations: "" is the resource.
type FlowLog struct {
	Meta
	// ResourceType is VPC, Subnet, NetworkInterface, TransitGateway or
	// TransitGatewayAttachment; unknown when not known.
	ResourceType String `json:"resource_type,omitzero"`
	// Target is the resource logged as written (vpc_id, subnet_id, ...;
	// ResourceId).
	Target Target `json:"target,omitzero"`
	// VPCRef is the ID of the VPC when the flow log is for a VPC of the
	// scan (set by the linking step).
	VPCRef string `json:"vpc_ref,omitempty"`
}

// NetworkACL is a network ACL. Locations: "" is the resource, "entries[i]"
// the inline entries with their fields below them, "rules[i]" the linked
// entry resources, "associations[i]" the linked association resources.
type NetworkACL struct {
	Meta
	// Default is true for aws_default_network_acl, which adopts a VPC's
	// default network ACL and removes every entry it does not write.
	Default bool `json:"default"`
	// Entries are the inline entries (ingress and egress blocks;
	// CloudFormation has none).
	Entries []*NetworkACLEntry `json:"entries"`
	// Rules are the IDs of the vpc.network_acl_rules of the scan that
	// belong to this ACL (set by the linking step).
	Rules []string `json:"rules"`
	// EntriesUnknown is true when the ACL's entries are not all known: an
	// inline list that cannot be evaluated (ingress = var.rules), or an entry
	// resource of the scan whose ACL is not known and may be this one
	// (set by the adapters and the linking step).
	EntriesUnknown bool `json:"entries_unknown"`
	// SubnetIDs are the subnets it is associated with inline (subnet_ids).
	SubnetIDs StringList `json:"subnet_ids,omitzero"`
	// Associations are the IDs of the vpc.network_acl_associations of the
	// scan that associate a subnet with this ACL (set by the linking
	// step). With SubnetIDs they say which subnets the ACL governs.
	Associations []string `json:"associations"`
}

// NetworkACLEntry is one rule of a network ACL. AWS evaluates the entries
// of one direction in increasing rule number and applies the first that
// matches; traffic no entry matches is denied.
type NetworkACLEntry struct {
	// Egress is true for outbound entries (egress blocks; Egress).
	Egress Bool `json:"egress,omitzero"`
	// RuleNumber is rule_no / rule_number (RuleNumber).
	RuleNumber Number `json:"rule_number,omitzero"`
	// Action is "allow" or "deny" (action, rule_action; RuleAction),
	// lower-cased.
	Action String `json:"action,omitzero"`
	// Protocol is the normalized protocol, as SecurityGroupPermission's.
	Protocol String `json:"protocol,omitzero"`
	// FromPort is from_port (PortRange.From).
	FromPort Number `json:"from_port,omitzero"`
	// ToPort is to_port (PortRange.To).
	ToPort Number `json:"to_port,omitzero"`
	// CIDR is cidr_block or ipv6_cidr_block (CidrBlock, Ipv6CidrBlock).
	CIDR String `json:"cidr,omitzero"`
	// Public is true when CIDR is known and covers every address of its
	// family (prefix length 0), unknown when CIDR is not known.
	Public Bool `json:"public,omitzero"`
}

// NetworkACLRule is a network ACL entry declared as a resource of its own.
// Locations: "" is the resource, each field the path of its JSON name.
type NetworkACLRule struct {
	Meta
	// Target is the ACL as written (network_acl_id; NetworkAclId).
	Target Target `json:"target,omitzero"`
	// ACLRef is the ID of the network ACL when it is in the scan (set by
	// the linking step).
	ACLRef string `json:"acl_ref,omitempty"`
	NetworkACLEntry
}

// NetworkACLAssociation associates one subnet with a network ACL, which
// then governs the traffic entering and leaving that subnet (replacing
// the subnet's previous ACL, by default its VPC's default ACL). It says
// which subnets an ACL applies to; no rule reads it yet. Locations: ""
// is the resource, each field the path of its JSON name.
type NetworkACLAssociation struct {
	Meta
	// ACL is the network ACL as written (network_acl_id; NetworkAclId).
	ACL Target `json:"acl,omitzero"`
	// ACLRef is the ID of the network ACL when it is in the scan (set by
	// the linking step); an association whose ACL is outside the scan or
	// not known is linked to none.
	ACLRef string `json:"acl_ref,omitempty"`
	// Subnet is the subnet as written (subnet_id; SubnetId).
	Subnet String `json:"subnet,omitzero"`
}

func (m *Model) normalizeNetwork() {
	e, v := &m.AWS.EC2, &m.AWS.VPC
	e.Instances = nonNil(e.Instances)
	e.SecurityGroups = nonNil(e.SecurityGroups)
	e.SecurityGroupRules = nonNil(e.SecurityGroupRules)
	for _, g := range e.SecurityGroups {
		g.Ingress, g.Egress, g.Rules = nonNil(g.Ingress), nonNil(g.Egress), nonNil(g.Rules)
	}
	v.VPCs = nonNil(v.VPCs)
	v.FlowLogs = nonNil(v.FlowLogs)
	v.NetworkACLs = nonNil(v.NetworkACLs)
	v.NetworkACLRules = nonNil(v.NetworkACLRules)
	v.NetworkACLAssociations = nonNil(v.NetworkACLAssociations)
	for _, x := range v.VPCs {
		x.FlowLogs = nonNil(x.FlowLogs)
	}
	for _, a := range v.NetworkACLs {
		a.Entries, a.Rules, a.Associations = nonNil(a.Entries), nonNil(a.Rules), nonNil(a.Associations)
	}
}
