package adapt

import "github.com/seclint/seclint/parsers/model"

// SecurityGroupFields maps aws_security_group and AWS::EC2::SecurityGroup
// but for their rules.
func SecurityGroupFields(g *model.SecurityGroup) []Field {
	return []Field{
		{Path: "name", TF: "name", CFN: "GroupName", String: &g.Name},
	}
}

// SecurityGroupPermissionFields maps one security group rule under prefix
// ("", "ingress[i].", "egress[i]."): an inline ingress or egress block, an
// aws_security_group_rule or aws_vpc_security_group_ingress_rule /
// _egress_rule, an element of SecurityGroupIngress / SecurityGroupEgress,
// or an AWS::EC2::SecurityGroupIngress / Egress. The protocol is
// normalized by each adapter (Protocol); whether the rule is public is
// derived from the ranges (PublicCIDRs).
func SecurityGroupPermissionFields(prefix string, p *model.SecurityGroupPermission) []Field {
	return []Field{
		{Path: prefix + "from_port", TF: "from_port", CFN: "FromPort", Number: &p.FromPort},
		{Path: prefix + "to_port", TF: "to_port", CFN: "ToPort", Number: &p.ToPort},
		{Path: prefix + "cidr_blocks", TF: "cidr_blocks|cidr_ipv4", CFN: "CidrIp", List: &p.CIDRBlocks},
		{Path: prefix + "ipv6_cidr_blocks", TF: "ipv6_cidr_blocks|cidr_ipv6", CFN: "CidrIpv6", List: &p.IPv6CIDRBlocks},
		{Path: prefix + "prefix_lists", TF: "prefix_list_ids|prefix_list_id", CFN: "SourcePrefixListId|DestinationPrefixListId", List: &p.PrefixLists},
		{Path: prefix + "security_groups", TF: "security_groups|source_security_group_id|referenced_security_group_id",
			CFN: "SourceSecurityGroupId|SourceSecurityGroupName|DestinationSecurityGroupId", List: &p.SecurityGroups},
	}
}

// NetworkACLEntryFields maps one network ACL entry under prefix ("" or
// "entries[i]."): an inline ingress / egress block of aws_network_acl or
// aws_default_network_acl, an aws_network_acl_rule, or an
// AWS::EC2::NetworkAclEntry (whose ports are in PortRange, mapped with
// NetworkACLPortFields). Protocol and action are normalized by the
// adapters; Terraform's inline blocks say the direction by their type.
func NetworkACLEntryFields(prefix string, e *model.NetworkACLEntry) []Field {
	return []Field{
		{Path: prefix + "egress", TF: "egress", CFN: "Egress", Bool: &e.Egress},
		{Path: prefix + "rule_number", TF: "rule_no|rule_number", CFN: "RuleNumber", Number: &e.RuleNumber},
		{Path: prefix + "from_port", TF: "from_port", Number: &e.FromPort},
		{Path: prefix + "to_port", TF: "to_port", Number: &e.ToPort},
		{Path: prefix + "cidr", TF: "cidr_block|ipv6_cidr_block", CFN: "CidrBlock|Ipv6CidrBlock", String: &e.CIDR},
	}
}

// NetworkACLPortFields maps an AWS::EC2::NetworkAclEntry's PortRange.
func NetworkACLPortFields(prefix string, e *model.NetworkACLEntry) []Field {
	return []Field{
		{Path: prefix + "from_port", CFN: "From", Number: &e.FromPort},
		{Path: prefix + "to_port", CFN: "To", Number: &e.ToPort},
	}
}

// NetworkACLAssociationFields maps aws_network_acl_association and
// AWS::EC2::SubnetNetworkAclAssociation but for their ACL, a target.
func NetworkACLAssociationFields(a *model.NetworkACLAssociation) []Field {
	return []Field{
		{Path: "subnet", TF: "subnet_id", CFN: "SubnetId", String: &a.Subnet},
	}
}
