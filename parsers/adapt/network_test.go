package adapt

import (
	"testing"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

func TestProtocol(t *testing.T) {
	for _, tt := range []struct {
		in   *node.Node
		want model.String
	}{
		{&node.Node{Kind: node.String, Str: "-1"}, model.KnownOf("-1")},
		{&node.Node{Kind: node.String, Str: "ALL"}, model.KnownOf("-1")},
		{&node.Node{Kind: node.Number, Str: "-1"}, model.KnownOf("-1")},
		{&node.Node{Kind: node.String, Str: "6"}, model.KnownOf("tcp")},
		{&node.Node{Kind: node.String, Str: "TCP"}, model.KnownOf("tcp")},
		{&node.Node{Kind: node.String, Str: "17"}, model.KnownOf("udp")},
		{&node.Node{Kind: node.String, Str: "58"}, model.KnownOf("icmpv6")},
		{&node.Node{Kind: node.String, Str: "50"}, model.KnownOf("50")},
		{&node.Node{Kind: node.Unknown}, model.UnknownOf[string]()},
		{nil, model.String{}},
	} {
		if got := Protocol(tt.in); got != tt.want {
			t.Errorf("Protocol(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestPublicCIDRs(t *testing.T) {
	list := func(cidrs ...model.String) model.StringList { return model.KnownOf(cidrs) }
	k := model.KnownOf[string]
	for _, tt := range []struct {
		name  string
		lists []model.StringList
		want  model.Bool
	}{
		{"ipv4 any", []model.StringList{list(k("10.0.0.0/8"), k("0.0.0.0/0"))}, model.KnownOf(true)},
		{"ipv6 any", []model.StringList{{}, list(k("::/0"))}, model.KnownOf(true)},
		{"any prefix of length 0", []model.StringList{list(k("192.168.1.0/0"))}, model.KnownOf(true)},
		{"narrow", []model.StringList{list(k("0.0.0.0/1"), k("2001:db8::/32"))}, model.KnownOf(false)},
		{"none", nil, model.KnownOf(false)},
		{"not a CIDR", []model.StringList{list(k("anywhere"))}, model.KnownOf(false)},
		{"unknown element", []model.StringList{list(k("10.0.0.0/8"), model.UnknownOf[string]())}, model.UnknownOf[bool]()},
		{"unknown list", []model.StringList{model.UnknownOf[[]model.String]()}, model.UnknownOf[bool]()},
		{"known any beats unknown", []model.StringList{model.UnknownOf[[]model.String](), list(k("::/0"))}, model.KnownOf(true)},
	} {
		if got := PublicCIDRs(tt.lists...); got != tt.want {
			t.Errorf("%s: PublicCIDRs = %v, want %v", tt.name, got, tt.want)
		}
	}
}
