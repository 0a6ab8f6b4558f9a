package cloudformation

import (
	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// elb maps the template's load balancers, listeners, listener
// certificates, ACM and IAM server certificates, and the user data of
// instances, launch templates and launch configurations. Relations (a
// listener's load balancer and certificates, a load balancer's security
// groups) are recorded as targets for the linking step.
func (a *adapter) elb() {
	m := &a.u.Model.AWS
	for _, r := range a.t.resources {
		if r.dropped {
			continue
		}
		switch r.typ {
		case "AWS::ElasticLoadBalancingV2::LoadBalancer":
			props := a.props(r)
			lb := &model.LoadBalancer{}
			o := a.object(r, &lb.Meta)
			o.Apply(props, adapt.LoadBalancerFields(lb))
			a.lbScheme(o, lb, props)
			a.lbAttributes(o, lb, get(props, "LoadBalancerAttributes"))
			m.ELB.LoadBalancers = append(m.ELB.LoadBalancers, lb)
		case "AWS::ElasticLoadBalancing::LoadBalancer":
			props := a.props(r)
			lb := &model.LoadBalancer{LBType: model.KnownOf("classic")}
			o := a.object(r, &lb.Meta)
			o.Apply(props, adapt.ClassicLoadBalancerFields(lb))
			a.lbScheme(o, lb, props)
			o.Apply(get(props, "AccessLoggingPolicy"), adapt.AccessLogsFields(lb))
			lb.AccessLogsTarget = a.target(get(get(props, "AccessLoggingPolicy"), "S3BucketName"))
			lb.Listeners = adapt.Each(o, "listeners", get(props, "Listeners"), func(el *node.Node, at string) *model.CLBListener {
				l := &model.CLBListener{}
				o.Apply(el, adapt.CLBListenerFields(at, l))
				l.Certificate.Target = a.target(o.At(at+".certificate", get(el, "SSLCertificateId")))
				return l
			})
			lb.Policies = adapt.Each(o, "policies", get(props, "Policies"), func(el *node.Node, at string) *model.CLBPolicy {
				p := &model.CLBPolicy{}
				o.Apply(el, adapt.CLBPolicyFields(at+".", p))
				adapt.CLBPolicyAttributes(o, at+".", get(el, "Attributes"), p)
				if ports := o.At(at+".ports", get(el, "LoadBalancerPorts")); !ports.IsNull() {
					p.Ports = numbers(ports)
				}
				return p
			})
			m.ELB.LoadBalancers = append(m.ELB.LoadBalancers, lb)
		case "AWS::ElasticLoadBalancingV2::Listener":
			props := a.props(r)
			l := &model.Listener{Target: a.target(get(props, "LoadBalancerArn"))}
			o := a.object(r, &l.Meta)
			o.Apply(props, adapt.ListenerFields(l))
			// A listener takes exactly one default certificate.
			if arn := o.At("certificate", get(index(get(props, "Certificates"), 0), "CertificateArn")); !arn.IsNull() {
				l.Certificate.Target = a.target(arn)
			}
			l.DefaultActions = adapt.Each(o, "default_actions", get(props, "DefaultActions"), func(el *node.Node, at string) *model.ListenerAction {
				act := &model.ListenerAction{}
				o.Apply(el, adapt.ListenerActionFields(at, act))
				o.Apply(get(el, "RedirectConfig"), adapt.RedirectFields(at, act))
				return act
			})
			m.ELB.Listeners = append(m.ELB.Listeners, l)
		case "AWS::ElasticLoadBalancingV2::ListenerCertificate":
			props := a.props(r)
			c := &model.ListenerCertificate{Target: a.target(get(props, "ListenerArn"))}
			o := a.object(r, &c.Meta)
			certs := adapt.Each(o, "certificates", get(props, "Certificates"), func(el *node.Node, at string) *model.CertificateRef {
				return &model.CertificateRef{Target: a.target(get(el, "CertificateArn"))}
			})
			for _, cr := range certs.V {
				c.Certificates = append(c.Certificates, *cr)
			}
			m.ELB.ListenerCertificates = append(m.ELB.ListenerCertificates, c)
		case "AWS::CertificateManager::Certificate":
			c := &model.ACMCertificate{}
			o := a.object(r, &c.Meta)
			o.Apply(a.props(r), adapt.ACMCertificateFields(c))
			m.ACM.Certificates = append(m.ACM.Certificates, c)
		case "AWS::IAM::ServerCertificate":
			props := a.props(r)
			c := &model.ServerCertificate{}
			o := a.object(r, &c.Meta)
			o.Apply(props, adapt.ServerCertificateFields(c))
			if key := o.At("private_key_literal", get(props, "PrivateKey")); !key.IsNull() {
				c.PrivateKeyLiteral = model.KnownOf(o.LiteralAt(a.u.Uses, "private_key_literal", key))
			}
			m.IAM.ServerCertificates = append(m.IAM.ServerCertificates, c)
		}
	}
}

// lbScheme reads Scheme (internet-facing, the default, or internal) and
// the security groups as targets.
func (a *adapter) lbScheme(o adapt.Object, lb *model.LoadBalancer, props *node.Node) {
	if scheme := o.At("internal", get(props, "Scheme")); !scheme.IsNull() {
		if s, ok := scheme.Scalar(); ok {
			lb.Internal = model.KnownOf(s == "internal")
		} else {
			lb.Internal = model.UnknownOf[bool]()
		}
	}
	lb.SecurityGroupTargets = adapt.Targets(get(props, "SecurityGroups"), a.target)
}

// lbAttributes reads the access log attributes of an ALB/NLB
// (LoadBalancerAttributes: access_logs.s3.enabled and .bucket); an
// unknown list or key may enable them.
func (a *adapter) lbAttributes(o adapt.Object, lb *model.LoadBalancer, attrs *node.Node) {
	if attrs.IsNull() {
		return
	}
	items, ok := attrs.Items()
	if !ok {
		lb.AccessLogsEnabled = model.UnknownOf[bool]()
		o.At("access_logs_enabled", attrs)
		return
	}
	for _, el := range items {
		if el.IsNull() {
			continue
		}
		key, ok := get(el, "Key").Scalar()
		value := get(el, "Value")
		switch {
		case !ok:
			if lb.AccessLogsEnabled.IsZero() {
				lb.AccessLogsEnabled = model.UnknownOf[bool]()
				o.At("access_logs_enabled", el)
			}
		case key == "access_logs.s3.enabled":
			o.Bool(&lb.AccessLogsEnabled, "access_logs_enabled", value)
		case key == "access_logs.s3.bucket":
			o.String(&lb.AccessLogsBucket, "access_logs_bucket", value)
			lb.AccessLogsTarget = a.target(value)
		}
	}
}

// numbers reads a list of numbers (CloudFormation LoadBalancerPorts).
func numbers(n *node.Node) model.Value[[]model.Number] {
	items, ok := n.Items()
	if !ok {
		return model.UnknownOf[[]model.Number]()
	}
	out := make([]model.Number, 0, len(items))
	for _, el := range items {
		out = append(out, adapt.Number(el))
	}
	return model.KnownOf(out)
}
