package link

import (
	"strings"

	"github.com/seclint/seclint/parsers/model"
)

// cloudFront links the web edge: each distribution with its web ACL and
// the log delivery sources naming it, each web ACL with its associations
// and logging configurations, each association with the resource it
// protects (a load balancer or an API Gateway stage of the scan), each
// distribution's viewer certificate with its region and each origin with
// its load balancer, each
// stage with its REST API, each logging destination with its bucket. A
// web ACL is named by reference or by its ARN, whose last but one segment
// is the ACL's name.
func (l *linker) cloudFront() {
	a := &l.m.AWS
	acls := newIndex(a.WAFv2.WebACLs, func(w *model.WebACL) (string, model.String) { return w.ID, w.Name }, WebACLName)
	dists := byID(a.CloudFront.Distributions, func(d *model.Distribution) string { return d.ID })
	stages := byID(a.APIGateway.Stages, func(s *model.APIStage) string { return s.ID })
	apis := byID(a.APIGateway.RestAPIs, func(r *model.RestAPI) string { return r.ID })
	lbs := newIndex(a.ELB.LoadBalancers, func(b *model.LoadBalancer) (string, model.String) { return b.ID, b.Name }, LoadBalancerName)
	for _, d := range a.CloudFront.Distributions {
		if d.ViewerCertificate != nil {
			l.certs.resolve(&d.ViewerCertificate.Certificate)
		}
		// An origin is a load balancer of the scan when its domain name
		// is computed from one (aws_lb.web.dns_name, !GetAtt LB.DNSName).
		if origins, ok := d.Origins.Get(); ok {
			for _, o := range origins {
				o.LoadBalancerRef = ""
				if b := lbs.resolve(model.Target{Refs: o.Target.Refs}); b != nil {
					o.LoadBalancerRef = b.ID
				}
			}
		}
	}
	for _, w := range a.WAFv2.WebACLs {
		w.Associations, w.LoggingConfigurations = nil, nil
	}
	for _, d := range a.CloudFront.Distributions {
		d.WebACLRef, d.LogDeliverySources = "", nil
		if w := acls.resolve(d.WebACL); w != nil {
			d.WebACLRef = w.ID
		}
	}
	for _, s := range a.CloudFront.LogDeliverySources {
		s.ResourceRef = ""
		if d := dists.resolve(s.Resource); d != nil {
			s.ResourceRef = d.ID
			d.LogDeliverySources = append(d.LogDeliverySources, s.ID)
		}
	}
	for _, s := range a.APIGateway.Stages {
		s.RestAPIRef = ""
		if r := apis.resolve(s.RestAPI); r != nil {
			s.RestAPIRef = r.ID
		}
	}
	for _, as := range a.WAFv2.Associations {
		as.WebACLRef, as.ResourceRef = "", ""
		if w := acls.resolve(as.WebACL); w != nil {
			as.WebACLRef = w.ID
			l.attach(w.ID, "associations", &w.Associations, as.ID)
		}
		if s := stages.resolve(as.Resource); s != nil {
			as.ResourceRef = s.ID
		} else if b := lbs.resolve(as.Resource); b != nil {
			as.ResourceRef = b.ID
		}
	}
	for _, c := range a.WAFv2.LoggingConfigurations {
		c.WebACLRef = ""
		if w := acls.resolve(c.WebACL); w != nil {
			c.WebACLRef = w.ID
			l.attach(w.ID, "logging_configurations", &w.LoggingConfigurations, c.ID)
		}
		if ds, ok := c.Destinations.Get(); ok {
			for _, d := range ds {
				d.BucketRef = ""
				if b := l.buckets.resolve(model.Target{Refs: d.Target.Refs}); b != nil {
					d.BucketRef = b.ID
				}
			}
		}
	}
}

// LoadBalancerName returns the name of the load balancer that an ELBv2
// load balancer ARN names
// (arn:aws:elasticloadbalancing:REGION:ACCOUNT:loadbalancer/app/NAME/ID),
// or "".
func LoadBalancerName(text string) string {
	_, rest, ok := strings.Cut(text, ":loadbalancer/")
	if !ok {
		return ""
	}
	parts := strings.Split(rest, "/")
	if len(parts) != 3 {
		return ""
	}
	return parts[1]
}

// WebACLName returns the name of the web ACL that a WAFv2 web ACL ARN
// names (arn:aws:wafv2:REGION:ACCOUNT:SCOPE/webacl/NAME/ID), or "".
func WebACLName(text string) string {
	_, rest, ok := strings.Cut(text, "/webacl/")
	if !ok {
		return ""
	}
	name, _, ok := strings.Cut(rest, "/")
	if !ok {
		return ""
	}
	return name
}
