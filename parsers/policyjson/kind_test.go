package policyjson

import (
	"strings"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

func TestKindOf(t *testing.T) {
	const (
		withPrincipal = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}`
		noPrincipal   = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}`
	)
	endpointRule := KindRule{Match: func(p string) bool { return strings.HasPrefix(p, "net/") }, Kind: model.PolicyEndpoint, Source: `"net/**" (.seclint.yaml)`}
	tests := []struct {
		path, src string
		rules     []KindRule
		kind      string
		reason    string // a part of it
	}{
		{"bucket.json", withPrincipal, nil, model.PolicyResource, `"bucket"`},
		{"queue.json", withPrincipal, nil, model.PolicyResource, "has a Principal"},
		{"admin.json", noPrincipal, nil, model.PolicyIdentity, "has no Principal"},
		{"vpc-endpoint-policies/default.json", withPrincipal, nil, model.PolicyEndpoint, `"endpoint"`},
		{"x/vpc_endpoint_policies/s3_endpoint_policy.json", withPrincipal, nil, model.PolicyEndpoint, `"endpoint"`},
		{"VpcEndpointPolicy.json", withPrincipal, nil, model.PolicyEndpoint, `"endpoint"`},
		{"policies/s3-vpce.json", withPrincipal, nil, model.PolicyEndpoint, `"vpce"`},
		{"iam/permissions-boundary.json", noPrincipal, nil, model.PolicyBoundary, `"boundary"`},
		{"PermissionsBoundaries/dev.json", noPrincipal, nil, model.PolicyBoundary, `"boundaries"`},
		{"org/scps/deny-regions.json", noPrincipal, nil, model.PolicySCP, `"scps"`},
		{"service-control-policy-examples/Region-controls/deny.json", noPrincipal, nil, model.PolicySCP, `"service control"`},
		// The content decides first: a boundary or SCP has no Principal,
		// an endpoint policy must have one.
		{"scps/queue.json", withPrincipal, nil, model.PolicyResource, "has a Principal"},
		{"vpc-endpoint-policies/admin.json", noPrincipal, nil, model.PolicyIdentity, "has no Principal"},
		// The word nearest the file wins; the usual kinds' words stop the search.
		{"scps/endpoint.json", withPrincipal, nil, model.PolicyEndpoint, `"endpoint"`},
		{"endpoint-project/policies/bucket-policy.json", withPrincipal, nil, model.PolicyResource, `"bucket"`},
		{"boundary/identity/admin.json", noPrincipal, nil, model.PolicyIdentity, `"identity"`},
		// Words are words: "endpoints" in a longer word is not one.
		{"scpfoo/endpointless.json", withPrincipal, nil, model.PolicyResource, "has a Principal"},
		// The config wins over everything.
		{"net/admin.json", noPrincipal, []KindRule{endpointRule}, model.PolicyEndpoint, `config sets it for "net/**"`},
		{"other/admin.json", noPrincipal, []KindRule{endpointRule}, model.PolicyIdentity, "has no Principal"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			u := ParseKinds(tt.path, []byte(tt.src), tt.rules)
			if len(u.Model.AWS.IAM.Policies) != 1 {
				t.Fatalf("policies %v, diagnostics %v", u.Model.AWS.IAM.Policies, u.Diagnostics)
			}
			p := u.Model.AWS.IAM.Policies[0]
			if p.Kind != tt.kind || !strings.Contains(p.KindReason, tt.reason) {
				t.Errorf("kind %q (%s), want %q (%s)", p.Kind, p.KindReason, tt.kind, tt.reason)
			}
		})
	}
}
