package link

import (
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

// TestLoadBalancerLogBucket checks that a load balancer's access log bucket
// is linked to the bucket of the scan, by reference, known name or name
// template, and to nothing when it is outside the scan or not written.
func TestLoadBalancerLogBucket(t *testing.T) {
	tests := []struct {
		name   string
		target model.Target
		want   string
	}{
		{"reference", model.Target{Refs: []string{"b2"}, Name: unknown()}, "b2"},
		{"known name", model.Target{Name: known("one")}, "b1"},
		{"name template", model.Target{Name: unknown(), Template: "T2"}, "b2"},
		{"outside the scan", model.Target{Name: known("elsewhere")}, ""},
		{"not written", model.Target{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := unitWith(func(m *model.Model) {
				m.AWS.ELB.LoadBalancers = []*model.LoadBalancer{{Meta: model.Meta{ID: "lb"}, AccessLogsTarget: tt.target, AccessLogsBucketRef: "stale"}}
			})
			Unit(u)
			if got := u.Model.AWS.ELB.LoadBalancers[0].AccessLogsBucketRef; got != tt.want {
				t.Errorf("AccessLogsBucketRef = %q, want %q", got, tt.want)
			}
		})
	}
}
