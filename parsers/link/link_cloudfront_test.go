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
