package link

import (
	"strings"

	"github.com/seclint/seclint/parsers/model"
)

// elb links load balancers with their security groups of the scan (by
// reference) and with the bucket of the scan their access logs go to (by
// reference, known name or name template), listeners with their load
// balancer (by reference or known name), listener certificates with their
// listener, every certificate a listener names with the ACM certificate of
// the scan and its region, and works out for each Classic Load Balancer listener the SSL negotiation
// policy that applies to it: the policies the listener names, those of
// aws_load_balancer_listener_policy resources for its port, and those
// whose own ports include it.
func (l *linker) elb() {
	e := &l.m.AWS.ELB
	lbs := newIndex(e.LoadBalancers, func(b *model.LoadBalancer) (string, model.String) { return b.ID, b.Name }, nil)
	listeners := byID(e.Listeners, func(x *model.Listener) string { return x.ID })
	groups := byID(l.m.AWS.EC2.SecurityGroups, func(g *model.SecurityGroup) string { return g.ID })
	for _, b := range e.LoadBalancers {
		b.AccessLogsBucketRef = ""
		if t := l.buckets.resolve(b.AccessLogsTarget); t != nil {
			b.AccessLogsBucketRef = t.ID
		}
		b.SecurityGroupRefs = nil
		for _, t := range b.SecurityGroupTargets {
			if g := groups.resolve(t); g != nil {
				b.SecurityGroupRefs = append(b.SecurityGroupRefs, g.ID)
			}
		}
	}
	for _, x := range e.Listeners {
		x.LoadBalancerRef = ""
		if b := lbs.resolve(x.Target); b != nil {
			x.LoadBalancerRef = b.ID
		}
		l.certs.resolve(&x.Certificate)
	}
	for _, c := range e.ListenerCertificates {
		c.ListenerRef = ""
		if x := listeners.resolve(c.Target); x != nil {
			c.ListenerRef = x.ID
		}
		for i := range c.Certificates {
			l.certs.resolve(&c.Certificates[i])
		}
	}
	for _, b := range e.LoadBalancers {
		for _, x := range b.Listeners.V {
			l.certs.resolve(&x.Certificate)
		}
	}
	l.clbPolicies(lbs)
}

// certificates finds ACM certificates by ID and by the IDs of their
// validation resources.
type certificates map[string]*model.ACMCertificate

func newCertificates(cs []*model.ACMCertificate) certificates {
	byID := certificates{}
	for _, c := range cs {
		byID[c.ID] = c
		for _, v := range c.Validations {
			if _, dup := byID[v]; !dup {
				byID[v] = c
			}
		}
	}
	return byID
}

// resolve sets the certificate reference's link and region: the region of
// a known ACM ARN, else that of the linked certificate.
func (cs certificates) resolve(c *model.CertificateRef) {
	c.CertificateRef, c.Region = "", model.String{}
	if c.IsZero() {
		return
	}
	var linked *model.ACMCertificate
	for _, ref := range c.Target.Refs {
		if x := cs[ref]; x != nil {
			linked = x
			break
		}
	}
	if linked != nil {
		c.CertificateRef = linked.ID
		c.Region = linked.Region
	}
	if arn, ok := c.Target.Name.Get(); ok {
		if region, ok := ACMRegion(arn); ok {
			c.Region = model.KnownOf(region)
		}
	}
}

// ACMRegion returns the region of an ACM certificate ARN
// (arn:PARTITION:acm:REGION:ACCOUNT:certificate/ID).
func ACMRegion(arn string) (string, bool) {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) < 6 || parts[0] != "arn" || parts[2] != "acm" || parts[3] == "" {
		return "", false
	}
	return parts[3], true
}

// clbPolicies sets each Classic listener's PolicyAttached, SSLPolicy and
// SSLProtocols from the SSL negotiation policies that apply to its port.
func (l *linker) clbPolicies(lbs *index[*model.LoadBalancer]) {
	e := &l.m.AWS.ELB
	// Policies and listener policies of each load balancer; one whose
	// load balancer is not known may be any load balancer's.
	policies := map[string][]*model.CLBPolicy{}
	portPolicies := map[string][]*model.CLBListenerPolicy{}
	anyUnknown := false
	for _, p := range e.CLBPolicies {
		p.LoadBalancerRef = ""
		if b := lbs.resolve(p.Target); b != nil {
			p.LoadBalancerRef = b.ID
			policies[b.ID] = append(policies[b.ID], &p.CLBPolicy)
		} else if !p.Target.Name.IsKnown() {
			anyUnknown = true
		}
	}
	for _, p := range e.CLBListenerPolicies {
		p.LoadBalancerRef = ""
		if b := lbs.resolve(p.Target); b != nil {
			p.LoadBalancerRef = b.ID
			portPolicies[b.ID] = append(portPolicies[b.ID], p)
		} else if !p.Target.Name.IsKnown() {
			anyUnknown = true
		}
	}
	for _, b := range e.LoadBalancers {
		if !b.Listeners.IsKnown() {
			continue
		}
		own := append(append([]*model.CLBPolicy{}, b.Policies.V...), policies[b.ID]...)
		for _, x := range b.Listeners.V {
			x.PolicyAttached, x.SSLPolicy, x.SSLProtocols = model.Bool{}, model.String{}, model.StringList{}
			s := negotiation{unknown: anyUnknown || b.Policies.State == model.Unknown}
			s.names(x.PolicyNames)
			for _, lp := range portPolicies[b.ID] {
				switch port, ok := lp.Port.Get(); {
				case !ok:
					s.unknown = true
				case x.Port.IsKnown() && port == x.Port.V:
					s.names(lp.PolicyNames)
				}
			}
			for _, p := range own {
				if p.Ports.State == model.Unknown {
					s.unknown = true
				}
				for _, port := range p.Ports.V {
					if !port.IsKnown() || !x.Port.IsKnown() {
						s.unknown = true
					} else if port.V == x.Port.V {
						s.add(p)
					}
				}
			}
			for name := range s.named {
				for _, p := range own {
					if n, ok := p.Name.Get(); ok && n == name {
						s.add(p)
					} else if !ok {
						s.unknown = true
					}
				}
			}
			s.result(x)
		}
	}
}

// negotiation gathers the SSL negotiation policies of one Classic
// listener.
type negotiation struct {
	named    map[string]bool
	policies []*model.CLBPolicy
	unknown  bool
}

func (s *negotiation) names(l model.StringList) {
	if l.State == model.Unknown {
		s.unknown = true
	}
	for _, n := range l.V {
		if v, ok := n.Get(); ok {
			if s.named == nil {
				s.named = map[string]bool{}
			}
			s.named[v] = true
		} else {
			s.unknown = true
		}
	}
}

func (s *negotiation) add(p *model.CLBPolicy) {
	switch t, ok := p.PolicyType.Get(); {
	case !ok && p.PolicyType.State == model.Unknown:
		s.unknown = true
	case ok && t == "SSLNegotiationPolicyType":
		s.policies = append(s.policies, p)
	}
}

// result writes what the policies say: attached when one is, whatever
// else is unknown; the reference policy and protocols only when every
// attached policy's are known.
func (s *negotiation) result(x *model.CLBListener) {
	switch {
	case len(s.policies) > 0:
		x.PolicyAttached = model.KnownOf(true)
	case s.unknown:
		x.PolicyAttached = model.UnknownOf[bool]()
		return
	default:
		x.PolicyAttached = model.KnownOf(false)
		return
	}
	protocols := []model.String{}
	for _, p := range s.policies {
		switch p.ReferenceSecurityPolicy.State {
		case model.Unknown:
			x.SSLPolicy = model.UnknownOf[string]()
		case model.Known:
			if x.SSLPolicy.IsZero() {
				x.SSLPolicy = p.ReferenceSecurityPolicy
			}
		}
		if p.EnabledProtocols.State == model.Unknown {
			x.SSLProtocols = model.UnknownOf[[]model.String]()
		}
		protocols = append(protocols, p.EnabledProtocols.V...)
	}
	if x.SSLProtocols.State != model.Unknown {
		x.SSLProtocols = model.KnownOf(protocols)
	}
}
