package terraform

import (
	"fmt"
	"math/big"
	"net"

	"github.com/apparentlymart/go-cidr/cidr"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/gocty"
)

// The CIDR functions follow Terraform's (lang/funcs/cidr.go), on the same
// library, so that their results and errors are Terraform's.

var cidrHostFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "prefix", Type: cty.String},
		{Name: "hostnum", Type: cty.Number},
	},
	Type: function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		var hostNum *big.Int
		if err := gocty.FromCtyValue(args[1], &hostNum); err != nil {
			return cty.NilVal, err
		}
		network, err := parseCIDR(args[0].AsString())
		if err != nil {
			return cty.NilVal, err
		}
		ip, err := cidr.HostBig(network, hostNum)
		if err != nil {
			return cty.NilVal, err
		}
		return cty.StringVal(ip.String()), nil
	},
})

var cidrNetmaskFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "prefix", Type: cty.String}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		network, err := parseCIDR(args[0].AsString())
		if err != nil {
			return cty.NilVal, err
		}
		if network.IP.To4() == nil {
			return cty.NilVal, fmt.Errorf("IPv6 addresses cannot have a netmask: %s", args[0].AsString())
		}
		return cty.StringVal(net.IP(network.Mask).String()), nil
	},
})

var cidrSubnetFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "prefix", Type: cty.String},
		{Name: "newbits", Type: cty.Number},
		{Name: "netnum", Type: cty.Number},
	},
	Type: function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		var newbits int
		if err := gocty.FromCtyValue(args[1], &newbits); err != nil {
			return cty.NilVal, err
		}
		var netnum *big.Int
		if err := gocty.FromCtyValue(args[2], &netnum); err != nil {
			return cty.NilVal, err
		}
		network, err := parseCIDR(args[0].AsString())
		if err != nil {
			return cty.NilVal, err
		}
		sub, err := cidr.SubnetBig(network, newbits, netnum)
		if err != nil {
			return cty.NilVal, err
		}
		return cty.StringVal(sub.String()), nil
	},
})

var cidrSubnetsFunc = function.New(&function.Spec{
	Params:   []function.Parameter{{Name: "prefix", Type: cty.String}},
	VarParam: &function.Parameter{Name: "newbits", Type: cty.Number},
	Type:     function.StaticReturnType(cty.List(cty.String)),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		network, err := parseCIDR(args[0].AsString())
		if err != nil {
			return cty.NilVal, err
		}
		startLen, _ := network.Mask.Size()
		lengths := args[1:]
		if len(lengths) == 0 {
			return cty.ListValEmpty(cty.String), nil
		}
		var first int
		if err := gocty.FromCtyValue(lengths[0], &first); err != nil {
			return cty.NilVal, err
		}
		current, _ := cidr.PreviousSubnet(network, first+startLen)
		out := make([]cty.Value, len(lengths))
		for i, l := range lengths {
			var length int
			if err := gocty.FromCtyValue(l, &length); err != nil {
				return cty.NilVal, err
			}
			if length < 1 {
				return cty.NilVal, fmt.Errorf("must extend prefix by at least one bit")
			}
			length += startLen
			if length > len(network.IP)*8 {
				return cty.NilVal, fmt.Errorf("would extend prefix to %d bits, which is too long for an IPv%d address", length, ipVersion(network))
			}
			next, rollover := cidr.NextSubnet(current, length)
			if rollover || !network.Contains(next.IP) {
				return cty.NilVal, fmt.Errorf("not enough remaining address space for a subnet with a prefix of %d bits after %s", length, current.String())
			}
			current = next
			out[i] = cty.StringVal(current.String())
		}
		return cty.ListVal(out), nil
	},
})

func parseCIDR(s string) (*net.IPNet, error) {
	_, network, err := net.ParseCIDR(s)
	if err != nil {
		return nil, fmt.Errorf("invalid CIDR expression: %w", err)
	}
	return network, nil
}

func ipVersion(n *net.IPNet) int {
	if n.IP.To4() != nil {
		return 4
	}
	return 6
}
