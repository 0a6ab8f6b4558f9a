package adapt

import (
	"net/netip"
	"strconv"
	"strings"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// protocolNames are the protocol spellings EC2 accepts beside numbers,
// mapped to the model's.
var protocolNames = map[string]string{
	"-1": model.ProtocolAll, "all": model.ProtocolAll,
	"6": model.ProtocolTCP, "tcp": model.ProtocolTCP,
	"17": model.ProtocolUDP, "udp": model.ProtocolUDP,
	"1": "icmp", "icmp": "icmp",
	"58": "icmpv6", "icmpv6": "icmpv6",
}

// Protocol converts a security group or network ACL protocol to the
// model's spelling (model.ProtocolAll, "tcp", "udp", "icmp", "icmpv6", or
// the number as written): the API, Terraform and CloudFormation accept
// names and numbers alike, and -1 or "all" for every protocol.
func Protocol(n *node.Node) model.String {
	s := String(n)
	v, ok := s.Get()
	if !ok {
		return s
	}
	v = strings.ToLower(strings.TrimSpace(v))
	if f, err := strconv.ParseFloat(v, 64); err == nil {
		v = strconv.Itoa(int(f))
	}
	if p, ok := protocolNames[v]; ok {
		return model.KnownOf(p)
	}
	return model.KnownOf(v)
}

// Action converts a network ACL entry's action (allow or deny) to the
// model's lower-case spelling; an unknown action stays unknown.
func Action(n *node.Node) model.String {
	s := String(n)
	if v, ok := s.Get(); ok {
		return model.KnownOf(strings.ToLower(v))
	}
	return s
}

// PublicCIDR reports whether a CIDR covers every address of its family
// (0.0.0.0/0, ::/0, or any address with prefix length 0): absent for an
// absent CIDR, unknown for an unknown one, false for text that is not a
// CIDR (AWS rejects it).
func PublicCIDR(c model.String) model.Bool {
	switch s, ok := c.Get(); {
	case c.IsZero():
		return model.Bool{}
	case !ok:
		return model.UnknownOf[bool]()
	default:
		p, err := netip.ParsePrefix(strings.TrimSpace(s))
		return model.KnownOf(err == nil && p.Bits() == 0)
	}
}

// PublicCIDRs reports whether one of the CIDRs covers every address of its
// family: true when a known one does, unknown when none does but the list
// or one of its elements is not known, false otherwise.
func PublicCIDRs(lists ...model.StringList) model.Bool {
	unknown := false
	for _, l := range lists {
		cidrs, ok := l.Get()
		if !ok {
			unknown = unknown || l.State == model.Unknown
			continue
		}
		for _, c := range cidrs {
			switch pub := PublicCIDR(c); {
			case pub.State == model.Unknown:
				unknown = true
			case pub.V:
				return model.KnownOf(true)
			}
		}
	}
	if unknown {
		return model.UnknownOf[bool]()
	}
	return model.KnownOf(false)
}

// JoinLists concatenates string lists: absent when all are, unknown when
// one is.
func JoinLists(lists ...model.StringList) model.StringList {
	var out []model.String
	written := false
	for _, l := range lists {
		switch l.State {
		case model.Unknown:
			return model.UnknownOf[[]model.String]()
		case model.Known:
			written = true
			out = append(out, l.V...)
		}
	}
	if !written {
		return model.StringList{}
	}
	return model.KnownOf(out)
}
