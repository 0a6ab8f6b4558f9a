# METADATA
# title: Load balancer listener allows TLS below 1.2
# description: |
#   TLS 1.0 and 1.1 are deprecated (RFC 8996): a listener that accepts them
#   lets clients negotiate weak protocol versions and ciphers. The rule
#   fires on an HTTPS or TLS listener of an Application or Network Load
#   Balancer whose ssl_policy / SslPolicy is a predefined policy that
#   allows TLS 1.0 or 1.1 (the table in policies/lib/elb.rego, from the
#   ELB user guides), or that sets no policy: a listener created through
#   the API, Terraform, CloudFormation, the CLI or the CDK then gets
#   ELBSecurityPolicy-2016-08 (TLS 1.0+; only the console picks a TLS 1.2+
#   default). For a Classic Load Balancer HTTPS/SSL listener it fires when
#   its SSL negotiation policy references such a predefined policy
#   (Reference-Security-Policy) or enables Protocol-TLSv1, Protocol-TLSv1.1
#   or Protocol-SSLv3, or when no SSL negotiation policy of the scan
#   applies to its port (PolicyNames, aws_load_balancer_listener_policy,
#   aws_lb_ssl_negotiation_policy, LoadBalancerPorts): AWS then applies
#   ELBSecurityPolicy-2016-08 (TLS 1.0 and up). A policy name the table does
#   not list, and anything unknown, never fires.
# custom:
#   id: aws-elb-outdated-tls-policy
#   severity: MEDIUM
#   kind: security
#   collections: [aws.elb.listeners, aws.elb.load_balancers]
#   resource_types: [aws_lb_listener, aws_alb_listener, aws_elb, aws_load_balancer_policy, aws_load_balancer_listener_policy, aws_lb_ssl_negotiation_policy, AWS::ElasticLoadBalancingV2::Listener, AWS::ElasticLoadBalancing::LoadBalancer]
#   remediation:
#     terraform: |
#       Use a policy that requires TLS 1.2 or later:
#       ```hcl
#       resource "aws_lb_listener" "https" {
#         # ...
#         protocol   = "HTTPS"
#         ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"
#       }
#       ```
#       For a Classic Load Balancer, attach an SSL negotiation policy that
#       references ELBSecurityPolicy-TLS-1-2-2017-01 with
#       aws_load_balancer_policy and aws_load_balancer_listener_policy.
#     cloudformation: |
#       Use a policy that requires TLS 1.2 or later:
#       ```yaml
#       HttpsListener:
#         Type: AWS::ElasticLoadBalancingV2::Listener
#         Properties:
#           Protocol: HTTPS
#           SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
#       ```
#       For a Classic Load Balancer, add a Policies entry of type
#       SSLNegotiationPolicyType with the attribute Reference-Security-Policy
#       = ELBSecurityPolicy-TLS-1-2-2017-01 and name it in the listener's
#       PolicyNames.
package seclint.aws.elb.outdated_tls_policy

import data.seclint.lib

tls(x) if lib.equals_ci(x.protocol, "HTTPS")

tls(x) if lib.equals_ci(x.protocol, "TLS")

tls(x) if lib.equals_ci(x.protocol, "SSL")

outdated(name) if name in lib.elb_tls_below_12_policies

message(id, policy) := sprintf(
	"Listener %s uses security policy %s, which allows TLS 1.0/1.1; use one that requires TLS 1.2 or later (e.g. ELBSecurityPolicy-TLS13-1-2-2021-06).",
	[id, policy],
)

# ALB and NLB listeners.
deny contains finding if {
	some x in input.aws.elb.listeners
	tls(x)
	outdated(x.ssl_policy)
	finding := {"resource": x.id, "attribute": "ssl_policy", "message": message(x.id, x.ssl_policy)}
}

deny contains finding if {
	some x in input.aws.elb.listeners
	tls(x)
	lib.absent(x, "ssl_policy")
	finding := {"resource": x.id, "attribute": "protocol", "message": message(x.id, sprintf("%s (the default when none is set)", [lib.elb_default_ssl_policy]))}
}

# Classic listeners: what AWS applies when no SSL negotiation policy does,
# an outdated referenced policy, or an old protocol a custom policy enables.
classic_message(lb, l, policy) := message(sprintf("%s (port %v)", [lb.id, l.port]), policy)

deny contains finding if {
	some lb in input.aws.elb.load_balancers
	some i, l in lb.listeners
	tls(l)
	lib.is_false(l.policy_attached)
	policy := sprintf("%s (the default when no SSL negotiation policy applies)", [lib.elb_default_ssl_policy])
	finding := {"resource": lb.id, "attribute": sprintf("listeners[%d].protocol", [i]), "message": classic_message(lb, l, policy)}
}

outdated_reference(l) if outdated(l.ssl_policy)

deny contains finding if {
	some lb in input.aws.elb.load_balancers
	some i, l in lb.listeners
	tls(l)
	lib.is_true(l.policy_attached)
	outdated_reference(l)
	finding := {"resource": lb.id, "attribute": sprintf("listeners[%d].protocol", [i]), "message": classic_message(lb, l, l.ssl_policy)}
}

deny contains finding if {
	some lb in input.aws.elb.load_balancers
	some i, l in lb.listeners
	tls(l)
	lib.is_true(l.policy_attached)
	not outdated_reference(l)
	old := [p | some p in l.ssl_protocols; p in lib.elb_tls_below_12_protocols]
	count(old) > 0
	policy := sprintf("a custom SSL negotiation policy with %s enabled", [concat(", ", old)])
	finding := {"resource": lb.id, "attribute": sprintf("listeners[%d].protocol", [i]), "message": classic_message(lb, l, policy)}
}
