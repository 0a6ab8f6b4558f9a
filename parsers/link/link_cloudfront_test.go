package link

import "testing"

func TestWebACLName(t *testing.T) {
	for _, tt := range []struct{ arn, want string }{
		{"arn:aws:wafv2:us-east-1:111122223333:regional/webacl/edge/a1b2", "edge"},
		{"arn:aws:wafv2:us-east-1:111122223333:global/webacl/site-acl/a1b2", "site-acl"},
		{"arn:aws:wafv2:us-east-1:111122223333:regional/ipset/edge/a1b2", ""},
		{"edge", ""},
	} {
		if got := WebACLName(tt.arn); got != tt.want {
			t.Errorf("WebACLName(%q) = %q, want %q", tt.arn, got, tt.want)
		}
	}
}

func TestLoadBalancerName(t *testing.T) {
	for _, tt := range []struct{ arn, want string }{
		{"arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188", "web"},
		{"arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/nlb/50dc6c495c0c9188", "nlb"},
		{"arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/web/50dc/f2f7", ""},
		{"web", ""},
	} {
		if got := LoadBalancerName(tt.arn); got != tt.want {
			t.Errorf("LoadBalancerName(%q) = %q, want %q", tt.arn, got, tt.want)
		}
	}
}
