package model

// ELB holds the scan's load balancers and what configures their listeners
// (elb.go): Application, Network and Gateway Load Balancers (Terraform
// aws_lb/aws_alb, CloudFormation AWS::ElasticLoadBalancingV2::LoadBalancer)
// and Classic Load Balancers (aws_elb,
// AWS::ElasticLoadBalancing::LoadBalancer).
type ELB struct {
	// LoadBalancers are every kind of load balancer; Classic ones carry
	// their listeners inline.
	LoadBalancers []*LoadBalancer `json:"load_balancers"`
	// Listeners are ALB/NLB/GWLB listeners (aws_lb_listener/aws_alb_listener,
	// AWS::ElasticLoadBalancingV2::Listener).
	Listeners []*Listener `json:"listeners"`
	// ListenerCertificates are the additional (SNI) certificates of a
	// listener (aws_lb_listener_certificate,
	// AWS::ElasticLoadBalancingV2::ListenerCertificate).
	ListenerCertificates []*ListenerCertificate `json:"listener_certificates"`
	// CLBPolicies are Classic Load Balancer policies declared as resources
	// of their own (aws_load_balancer_policy, aws_lb_ssl_negotiation_policy).
	CLBPolicies []*CLBPolicyResource `json:"clb_policies"`
	// CLBListenerPolicies attach policies to a Classic Load Balancer port
	// (aws_load_balancer_listener_policy).
	CLBListenerPolicies []*CLBListenerPolicy `json:"clb_listener_policies"`
}

// LoadBalancer is a load balancer. Locations: "" is the resource, each
// field the path of its JSON name, "listeners[i]" a Classic listener.
type LoadBalancer struct {
	Meta
	// Name is the load balancer's name (name / Name, LoadBalancerName).
	Name String `json:"name,omitzero"`
	// LBType is application, network or gateway (load_balancer_type /
	// Type, absent means application), or classic for a Classic Load
	// Balancer.
	LBType String `json:"lb_type,omitzero"`
	// Internal is whether the scheme is internal (Terraform internal,
	// CloudFormation Scheme = internal). Absent means internet-facing,
	// the default of both formats.
	Internal Bool `json:"internal,omitzero"`
	// SecurityGroups are the security group IDs as written
	// (security_groups / SecurityGroups); absent when none is written.
	SecurityGroups StringList `json:"security_groups,omitzero"`
	// SecurityGroupTargets are the security groups as written, with the
	// references they are computed from, for the linking step.
	SecurityGroupTargets []Target `json:"security_group_targets,omitempty"`
	// SecurityGroupRefs are the IDs of the security groups of the scan
	// (aws.ec2.security_groups) that the targets reference (set by the
	// linking step); a group written as a literal ID or a variable is
	// not linked.
	SecurityGroupRefs []string `json:"security_group_refs,omitempty"`
	// AccessLogsEnabled is whether access logs go to S3: Terraform
	// access_logs.enabled (aws_lb: absent means false even with a bucket;
	// aws_elb: absent means true once an access_logs block is written),
	// CloudFormation attribute access_logs.s3.enabled or
	// AccessLoggingPolicy.Enabled. Absent means no access logs.
	AccessLogsEnabled Bool `json:"access_logs_enabled,omitzero"`
	// AccessLogsBucket is the bucket access logs go to.
	AccessLogsBucket String `json:"access_logs_bucket,omitzero"`
	// AccessLogsTarget is that bucket as written, with the references it is
	// computed from, for the linking step.
	AccessLogsTarget Target `json:"access_logs_target,omitzero"`
	// AccessLogsBucketRef is the ID of that bucket when it is in the scan
	// (set by the linking step): ELB writes its access logs there (and, for
	// an Application or Classic Load Balancer, supports only SSE-S3 on it).
	AccessLogsBucketRef string `json:"access_logs_bucket_ref,omitempty"`
	// Listeners are a Classic Load Balancer's listeners (listener blocks,
	// Listeners); absent for the other types, unknown as lists of blocks are.
	Listeners Value[[]*CLBListener] `json:"listeners,omitzero"`
	// Policies are the policies a CloudFormation Classic Load Balancer
	// declares inline (Policies).
	Policies Value[[]*CLBPolicy] `json:"policies,omitzero"`
}

// CLBListener is a Classic Load Balancer listener.
type CLBListener struct {
	// Protocol is lb_protocol / Protocol: HTTP, HTTPS, TCP or SSL.
	Protocol String `json:"protocol,omitzero"`
	// Port is lb_port / LoadBalancerPort.
	Port Number `json:"port,omitzero"`
	// Certificate is ssl_certificate_id / SSLCertificateId (an ACM or IAM
	// server certificate ARN).
	Certificate CertificateRef `json:"certificate,omitzero"`
	// PolicyNames are the policies the listener names itself
	// (CloudFormation PolicyNames).
	PolicyNames StringList `json:"policy_names,omitzero"`
	// PolicyAttached is set by the linking step: known true when an SSL
	// negotiation policy of the scan applies to the listener's port,
	// known false when none does and nothing unknown could (AWS then
	// applies ELBSecurityPolicy-2016-08), unknown otherwise.
	PolicyAttached Bool `json:"policy_attached,omitzero"`
	// SSLPolicy is the predefined security policy that the attached SSL
	// negotiation policy references (Reference-Security-Policy), set by
	// the linking step; unknown when an attached policy's is not known.
	SSLPolicy String `json:"ssl_policy,omitzero"`
	// SSLProtocols are the Protocol-* attributes that the attached
	// policies enable (value true), set by the linking step.
	SSLProtocols StringList `json:"ssl_protocols,omitzero"`
}

// CLBPolicy is a Classic Load Balancer policy.
type CLBPolicy struct {
	// Name is policy_name / name / PolicyName.
	Name String `json:"name,omitzero"`
	// PolicyType is policy_type_name / PolicyType, e.g.
	// SSLNegotiationPolicyType; aws_lb_ssl_negotiation_policy is always one.
	PolicyType String `json:"policy_type,omitzero"`
	// ReferenceSecurityPolicy is the value of the Reference-Security-Policy
	// attribute (a predefined policy such as ELBSecurityPolicy-2016-08).
	ReferenceSecurityPolicy String `json:"reference_security_policy,omitzero"`
	// EnabledProtocols are the Protocol-* attributes set to true.
	EnabledProtocols StringList `json:"enabled_protocols,omitzero"`
	// Ports are the load balancer ports the policy applies to by itself
	// (CloudFormation LoadBalancerPorts, aws_lb_ssl_negotiation_policy
	// lb_port).
	Ports Value[[]Number] `json:"ports,omitzero"`
}

// CLBPolicyResource is a Classic Load Balancer policy declared as a
// resource. Locations: "" is the resource.
type CLBPolicyResource struct {
	Meta
	// Target is the load balancer (load_balancer_name, load_balancer) as
	// written.
	Target Target `json:"target,omitzero"`
	// LoadBalancerRef is the ID of the load balancer when it is in the
	// scan (set by the linking step).
	LoadBalancerRef string `json:"load_balancer_ref,omitempty"`
	CLBPolicy
}

// CLBListenerPolicy is an aws_load_balancer_listener_policy: the policies
// of one Classic Load Balancer port. Locations: "" is the resource.
type CLBListenerPolicy struct {
	Meta
	// Target is load_balancer_name as written.
	Target Target `json:"target,omitzero"`
	// LoadBalancerRef is the ID of the load balancer when it is in the
	// scan (set by the linking step).
	LoadBalancerRef string `json:"load_balancer_ref,omitempty"`
	// Port is load_balancer_port.
	Port Number `json:"port,omitzero"`
	// PolicyNames are policy_names.
	PolicyNames StringList `json:"policy_names,omitzero"`
}

// Listener is an ALB, NLB or GWLB listener. Locations: "" is the
// resource, each field the path of its JSON name, "default_actions[i]".
type Listener struct {
	Meta
	// Target is load_balancer_arn / LoadBalancerArn as written.
	Target Target `json:"target,omitzero"`
	// LoadBalancerRef is the ID of the load balancer when it is in the
	// scan (set by the linking step).
	LoadBalancerRef string `json:"load_balancer_ref,omitempty"`
	// Protocol is protocol / Protocol: HTTP, HTTPS (ALB), TCP, TLS, UDP,
	// TCP_UDP (NLB). Terraform's absent protocol is HTTP for an ALB.
	Protocol String `json:"protocol,omitzero"`
	// Port is port / Port.
	Port Number `json:"port,omitzero"`
	// SSLPolicy is ssl_policy / SslPolicy, the security policy of an
	// HTTPS or TLS listener.
	SSLPolicy String `json:"ssl_policy,omitzero"`
	// Certificate is the default certificate (certificate_arn,
	// Certificates[0].CertificateArn).
	Certificate CertificateRef `json:"certificate,omitzero"`
	// DefaultActions are the default actions (default_action blocks,
	// DefaultActions).
	DefaultActions Value[[]*ListenerAction] `json:"default_actions,omitzero"`
}

// ListenerAction is a listener's default action.
type ListenerAction struct {
	// Type is type / Type: forward, redirect, fixed-response, ...
	Type String `json:"type,omitzero"`
	// RedirectProtocol is redirect.protocol / RedirectConfig.Protocol:
	// HTTP, HTTPS or #{protocol} (absent means #{protocol}, the request's).
	RedirectProtocol String `json:"redirect_protocol,omitzero"`
}

// ListenerCertificate adds certificates to a listener. Locations: "" is
// the resource, "certificates[i]".
type ListenerCertificate struct {
	Meta
	// Target is listener_arn / ListenerArn as written.
	Target Target `json:"target,omitzero"`
	// ListenerRef is the ID of the listener when it is in the scan (set by
	// the linking step).
	ListenerRef string `json:"listener_ref,omitempty"`
	// Certificates are certificate_arn (one) / Certificates[].CertificateArn.
	Certificates []CertificateRef `json:"certificates"`
}

// CertificateRef is a certificate as a consumer (a listener, a CloudFront
// viewer certificate) names it, and the region it lives in.
type CertificateRef struct {
	// Target is the ARN as written, with its references.
	Target Target `json:"target,omitzero"`
	// CertificateRef is the ID of the ACM certificate when it is in the
	// scan (set by the linking step).
	CertificateRef string `json:"certificate_ref,omitempty"`
	// Region is the certificate's region, set by the linking step: the
	// region of a known ARN, else the region of the linked certificate
	// (unknown when that is); absent when neither says it. IAM server
	// certificates (arn:aws:iam::...) are global and have none.
	Region String `json:"region,omitzero"`
}

// IsZero reports whether no certificate is written; `omitzero` uses it.
func (c CertificateRef) IsZero() bool { return c.Target.IsZero() }

// ACM holds the scan's certificates.
type ACM struct {
	// Certificates are aws_acm_certificate and
	// AWS::CertificateManager::Certificate; their region is Meta.Region.
	Certificates []*ACMCertificate `json:"certificates"`
}

// ACMCertificate is an ACM certificate. Locations: "" is the resource.
type ACMCertificate struct {
	Meta
	// DomainName is domain_name / DomainName.
	DomainName String `json:"domain_name,omitzero"`
	// Validations are the IDs of the aws_acm_certificate_validation
	// resources of the certificate (recorded by the adapter): a reference
	// to their certificate_arn names this certificate.
	Validations []string `json:"validations,omitempty"`
}

// ServerCertificate is an IAM server certificate
// (aws_iam_server_certificate, AWS::IAM::ServerCertificate). Locations:
// "" is the resource, "private_key_literal" the key.
type ServerCertificate struct {
	Meta
	// Name is name / ServerCertificateName.
	Name String `json:"name,omitzero"`
	// PrivateKeyLiteral is whether the private key (private_key /
	// PrivateKey) is written in the source as a literal (node.Node's
	// Literal): known false when it comes from a variable, parameter,
	// file or reference; absent when no key is written.
	PrivateKeyLiteral Bool `json:"private_key_literal,omitzero"`
}

func (m *Model) normalizeELB() {
	a := &m.AWS
	a.ELB.LoadBalancers = nonNil(a.ELB.LoadBalancers)
	a.ELB.Listeners = nonNil(a.ELB.Listeners)
	a.ELB.ListenerCertificates = nonNil(a.ELB.ListenerCertificates)
	for _, c := range a.ELB.ListenerCertificates {
		c.Certificates = nonNil(c.Certificates)
	}
	a.ELB.CLBPolicies = nonNil(a.ELB.CLBPolicies)
	a.ELB.CLBListenerPolicies = nonNil(a.ELB.CLBListenerPolicies)
	a.ACM.Certificates = nonNil(a.ACM.Certificates)
	a.IAM.ServerCertificates = nonNil(a.IAM.ServerCertificates)
}
