package cloudformation

import (
	"encoding/binary"
	"net/netip"
	"strconv"

	"gopkg.in/yaml.v3"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// cidr evaluates Fn::Cidr [ipBlock, count, cidrBits]: the first count
// subnets of ipBlock that have cidrBits host bits (a /24 block with
// cidrBits 5 gives /27 subnets), IPv4 or IPv6, as CloudFormation computes
// them.
func (t *template) cidr(r model.Range, fn, arg *yaml.Node, depth int) *node.Node {
	args, ok := t.args(fn, arg, "Fn::Cidr", 3, 3)
	if !ok {
		return node.NewUnknown(r)
	}
	block, bv, ok1 := t.text(args[0], depth)
	countText, cv, ok2 := t.text(args[1], depth)
	bitsText, xv, ok3 := t.text(args[2], depth)
	if !ok1 || !ok2 || !ok3 {
		return node.NewUnknown(r, refsOf(bv, cv, xv)...)
	}
	subnets, err := cidrSubnets(block, countText, bitsText)
	if err != "" {
		t.warnf(fn, "invalid Fn::Cidr", "%s; the value is treated as unknown", err)
		return node.NewUnknown(r)
	}
	if !t.charge(fn, len(subnets)) {
		return node.NewUnknown(r)
	}
	out := &node.Node{Kind: node.List, Range: r, List: make([]*node.Node, 0, len(subnets))}
	for _, s := range subnets {
		out.List = append(out.List, node.NewString(s, r))
	}
	return out
}

// cidrSubnets computes Fn::Cidr, or says why the arguments are invalid.
func cidrSubnets(block, countText, bitsText string) ([]string, string) {
	p, err := netip.ParsePrefix(block)
	if err != nil {
		return nil, strconv.Quote(block) + " is not a CIDR block"
	}
	p = p.Masked()
	count, err1 := strconv.Atoi(countText)
	bits, err2 := strconv.Atoi(bitsText)
	size := p.Addr().BitLen()
	newLen := size - bits
	switch {
	case err1 != nil || count < 1 || count > 256:
		return nil, "the count must be a number from 1 to 256"
	case err2 != nil || bits < 0 || newLen < p.Bits():
		return nil, "cidrBits must leave the subnets inside " + block
	case newLen-p.Bits() < 9 && count > 1<<(newLen-p.Bits()):
		return nil, strconv.Itoa(count) + " subnets do not fit in " + block
	}
	base := p.Addr().As16()
	out := make([]string, 0, count)
	for i := range count {
		a := addShifted(base, uint64(i), bits)
		addr := netip.AddrFrom16(a)
		if p.Addr().Is4() {
			addr = addr.Unmap()
		}
		out = append(out, netip.PrefixFrom(addr, newLen).String())
	}
	return out, ""
}

// addShifted returns the 128-bit address a plus i << shift.
func addShifted(a [16]byte, i uint64, shift int) [16]byte {
	hi := binary.BigEndian.Uint64(a[:8])
	lo := binary.BigEndian.Uint64(a[8:])
	var addHi, addLo uint64
	switch {
	case shift >= 128:
	case shift >= 64:
		addHi = i << (shift - 64)
	case shift == 0:
		addLo = i
	default:
		addLo = i << shift
		addHi = i >> (64 - shift)
	}
	lo2 := lo + addLo
	if lo2 < lo {
		hi++
	}
	hi += addHi
	binary.BigEndian.PutUint64(a[:8], hi)
	binary.BigEndian.PutUint64(a[8:], lo2)
	return a
}
