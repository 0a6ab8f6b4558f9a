package adapt

import "github.com/seclint/seclint/parsers/model"

// LoadBalancerFields maps the settings aws_lb/aws_alb and
// AWS::ElasticLoadBalancingV2::LoadBalancer share with their table; the
// scheme, access logs (a block in Terraform, attributes in
// CloudFormation) and the Classic Load Balancer's forms are the adapters'.
func LoadBalancerFields(lb *model.LoadBalancer) []Field {
	return []Field{
		{Path: "name", TF: "name", CFN: "Name", String: &lb.Name},
		{Path: "lb_type", TF: "load_balancer_type", CFN: "Type", String: &lb.LBType},
		{Path: "security_groups", TF: "security_groups", CFN: "SecurityGroups", List: &lb.SecurityGroups},
	}
}

// ClassicLoadBalancerFields maps aws_elb and
// AWS::ElasticLoadBalancing::LoadBalancer.
func ClassicLoadBalancerFields(lb *model.LoadBalancer) []Field {
	return []Field{
		{Path: "name", TF: "name", CFN: "LoadBalancerName", String: &lb.Name},
		{Path: "security_groups", TF: "security_groups", CFN: "SecurityGroups", List: &lb.SecurityGroups},
	}
}

// AccessLogsFields maps Terraform's access_logs block and
// CloudFormation's AccessLoggingPolicy (Classic).
func AccessLogsFields(lb *model.LoadBalancer) []Field {
	return []Field{
		{Path: "access_logs_enabled", TF: "enabled", CFN: "Enabled", Bool: &lb.AccessLogsEnabled},
		{Path: "access_logs_bucket", TF: "bucket", CFN: "S3BucketName", String: &lb.AccessLogsBucket},
	}
}

// CLBListenerFields maps a Classic listener at path ("listeners[0]").
func CLBListenerFields(path string, l *model.CLBListener) []Field {
	return []Field{
		{Path: path + ".protocol", TF: "lb_protocol", CFN: "Protocol", String: &l.Protocol},
		{Path: path + ".port", TF: "lb_port", CFN: "LoadBalancerPort", Number: &l.Port},
		{Path: path + ".policy_names", CFN: "PolicyNames", List: &l.PolicyNames},
	}
}

// CLBPolicyFields maps a Classic Load Balancer policy at path: an inline
// CloudFormation policy or aws_load_balancer_policy (aws_lb_ssl_negotiation_policy
// is read by its adapter).
func CLBPolicyFields(path string, p *model.CLBPolicy) []Field {
	return []Field{
		{Path: path + "name", TF: "policy_name", CFN: "PolicyName", String: &p.Name},
		{Path: path + "policy_type", TF: "policy_type_name", CFN: "PolicyType", String: &p.PolicyType},
	}
}

// ListenerFields maps aws_lb_listener and
// AWS::ElasticLoadBalancingV2::Listener.
func ListenerFields(l *model.Listener) []Field {
	return []Field{
		{Path: "protocol", TF: "protocol", CFN: "Protocol", String: &l.Protocol},
		{Path: "port", TF: "port", CFN: "Port", Number: &l.Port},
		{Path: "ssl_policy", TF: "ssl_policy", CFN: "SslPolicy", String: &l.SSLPolicy},
	}
}

// ListenerActionFields maps a default action at path.
func ListenerActionFields(path string, a *model.ListenerAction) []Field {
	return []Field{
		{Path: path + ".type", TF: "type", CFN: "Type", String: &a.Type},
	}
}

// RedirectFields maps the redirect of a default action at path (Terraform
// redirect block, CloudFormation RedirectConfig).
func RedirectFields(path string, a *model.ListenerAction) []Field {
	return []Field{
		{Path: path + ".redirect_protocol", TF: "protocol", CFN: "Protocol", String: &a.RedirectProtocol},
	}
}

// ACMCertificateFields maps aws_acm_certificate and
// AWS::CertificateManager::Certificate.
func ACMCertificateFields(c *model.ACMCertificate) []Field {
	return []Field{
		{Path: "domain_name", TF: "domain_name", CFN: "DomainName", String: &c.DomainName},
	}
}

// ServerCertificateFields maps aws_iam_server_certificate and
// AWS::IAM::ServerCertificate (the key's source is the adapters').
func ServerCertificateFields(c *model.ServerCertificate) []Field {
	return []Field{
		{Path: "name", TF: "name", CFN: "ServerCertificateName", String: &c.Name},
	}
}
