package terraform

import (
	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// adaptELB maps load balancers, listeners, their certificates and Classic
// Load Balancer policies, ACM and IAM server certificates. A listener's load balancer and
// certificate, a policy's load balancer and a load balancer's security
// groups are recorded as targets, which the linking step resolves.
func (a *adapter) adaptELB() {
	m := &a.model.AWS
	for _, r := range a.managed("aws_lb", "aws_alb") {
		lb := &model.LoadBalancer{}
		n := a.nodeOf(r, fieldNames(adapt.LoadBalancerFields(lb), lbCommonArgs...)...)
		o := a.object(r, r.id, &lb.Meta)
		o.Apply(n, adapt.LoadBalancerFields(lb))
		a.lbCommon(o, lb, n, false)
		m.ELB.LoadBalancers = append(m.ELB.LoadBalancers, lb)
	}
	for _, r := range a.managed("aws_elb") {
		n := a.node(r)
		lb := &model.LoadBalancer{LBType: model.KnownOf("classic")}
		o := a.object(r, r.id, &lb.Meta)
		o.Apply(n, adapt.ClassicLoadBalancerFields(lb))
		a.lbCommon(o, lb, n, true)
		lb.Listeners = adapt.Each(o, "listeners", field(n, "listener"), func(el *node.Node, at string) *model.CLBListener {
			l := &model.CLBListener{}
			o.Apply(el, adapt.CLBListenerFields(at, l))
			l.Certificate.Target = target(field(el, "ssl_certificate_id"))
			o.At(at+".certificate", field(el, "ssl_certificate_id"))
			return l
		})
		m.ELB.LoadBalancers = append(m.ELB.LoadBalancers, lb)
	}
	for _, r := range a.managed("aws_lb_listener", "aws_alb_listener") {
		l := &model.Listener{}
		n := a.nodeOf(r, fieldNames(adapt.ListenerFields(l), "load_balancer_arn", "certificate_arn", "default_action")...)
		l.Target = target(field(n, "load_balancer_arn"))
		o := a.object(r, r.id, &l.Meta)
		o.Apply(n, adapt.ListenerFields(l))
		l.Certificate.Target = target(field(n, "certificate_arn"))
		o.At("certificate", field(n, "certificate_arn"))
		l.DefaultActions = adapt.Each(o, "default_actions", field(n, "default_action"), func(el *node.Node, at string) *model.ListenerAction {
			act := &model.ListenerAction{}
			o.Apply(el, adapt.ListenerActionFields(at, act))
			o.Apply(first(el, "redirect"), adapt.RedirectFields(at, act))
			return act
		})
		m.ELB.Listeners = append(m.ELB.Listeners, l)
	}
	for _, r := range a.managed("aws_lb_listener_certificate", "aws_alb_listener_certificate") {
		n := a.node(r)
		c := &model.ListenerCertificate{Target: target(field(n, "listener_arn"))}
		o := a.object(r, r.id, &c.Meta)
		if arn := o.At("certificates[0]", field(n, "certificate_arn")); !arn.IsNull() {
			c.Certificates = []model.CertificateRef{{Target: target(arn)}}
		}
		m.ELB.ListenerCertificates = append(m.ELB.ListenerCertificates, c)
	}
	for _, r := range a.managed("aws_load_balancer_policy") {
		n := a.node(r)
		p := &model.CLBPolicyResource{Target: target(field(n, "load_balancer_name"))}
		o := a.object(r, r.id, &p.Meta)
		o.Apply(n, adapt.CLBPolicyFields("", &p.CLBPolicy))
		adapt.CLBPolicyAttributes(o, "", field(n, "policy_attribute"), &p.CLBPolicy)
		m.ELB.CLBPolicies = append(m.ELB.CLBPolicies, p)
	}
	for _, r := range a.managed("aws_lb_ssl_negotiation_policy") {
		n := a.node(r)
		p := &model.CLBPolicyResource{Target: target(field(n, "load_balancer"))}
		o := a.object(r, r.id, &p.Meta)
		o.String(&p.Name, "name", field(n, "name"))
		p.PolicyType = model.KnownOf("SSLNegotiationPolicyType")
		var port model.Number
		o.Number(&port, "ports", field(n, "lb_port"))
		p.Ports = model.KnownOf([]model.Number{port})
		adapt.CLBPolicyAttributes(o, "", field(n, "attribute"), &p.CLBPolicy)
		m.ELB.CLBPolicies = append(m.ELB.CLBPolicies, p)
	}
	for _, r := range a.managed("aws_load_balancer_listener_policy") {
		n := a.node(r)
		p := &model.CLBListenerPolicy{Target: target(field(n, "load_balancer_name"))}
		o := a.object(r, r.id, &p.Meta)
		o.Number(&p.Port, "port", field(n, "load_balancer_port"))
		o.StringList(&p.PolicyNames, "policy_names", field(n, "policy_names"))
		m.ELB.CLBListenerPolicies = append(m.ELB.CLBListenerPolicies, p)
	}
	certs := map[string]*model.ACMCertificate{}
	for _, r := range a.managed("aws_acm_certificate") {
		c := &model.ACMCertificate{}
		o := a.object(r, r.id, &c.Meta)
		o.Apply(a.node(r), adapt.ACMCertificateFields(c))
		certs[c.ID] = c
		m.ACM.Certificates = append(m.ACM.Certificates, c)
	}
	// A validation's certificate_arn is its certificate's ARN, which
	// listeners commonly read instead of the certificate's own.
	for _, r := range a.managed("aws_acm_certificate_validation") {
		for _, ref := range field(a.node(r), "certificate_arn").Refs {
			if c := certs[ref]; c != nil {
				c.Validations = append(c.Validations, r.id)
				break
			}
		}
	}
	for _, r := range a.managed("aws_iam_server_certificate") {
		n := a.node(r)
		c := &model.ServerCertificate{}
		o := a.object(r, r.id, &c.Meta)
		o.Apply(n, adapt.ServerCertificateFields(c))
		if key := o.At("private_key_literal", field(n, "private_key")); !key.IsNull() {
			c.PrivateKeyLiteral = model.KnownOf(o.LiteralAt(a.unit.Uses, "private_key_literal", key))
		}
		m.IAM.ServerCertificates = append(m.IAM.ServerCertificates, c)
	}
}

// lbCommonArgs are the arguments lbCommon reads.
var lbCommonArgs = []string{"internal", "security_groups", "access_logs"}

// lbCommon reads what aws_lb and aws_elb write alike: the scheme, the
// security groups as targets and the access_logs block, whose enabled
// defaults to logsByDefault (false for aws_lb even with a bucket, true for
// aws_elb).
func (a *adapter) lbCommon(o adapt.Object, lb *model.LoadBalancer, n *node.Node, logsByDefault bool) {
	o.Bool(&lb.Internal, "internal", field(n, "internal"))
	lb.SecurityGroupTargets = adapt.Targets(field(n, "security_groups"), target)
	logs := first(n, "access_logs")
	o.Apply(logs, adapt.AccessLogsFields(lb))
	lb.AccessLogsTarget = target(field(logs, "bucket"))
	if logs != nil && !logs.IsUnknown() && field(logs, "enabled").IsNull() {
		lb.AccessLogsEnabled = model.KnownOf(logsByDefault)
		o.At("access_logs_enabled", logs)
	}
}
