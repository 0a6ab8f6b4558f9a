# Load balancer lookups and the TLS security policy table.
package seclint.lib

load_balancers_by_id := {b.id: b | some b in input.aws.elb.load_balancers}

# listener_lb(x) is the load balancer of the scan a listener belongs to.
listener_lb(x) := load_balancers_by_id[x.load_balancer_ref]

# internet_facing(lb): the load balancer's scheme is known to be
# internet-facing (internal absent, the default of both formats, or false).
internet_facing(lb) if false_or_absent(lb, "internal")

# is_application(lb): an ALB (load_balancer_type / Type absent means
# application).
is_application(lb) if absent(lb, "lb_type")

is_application(lb) if lb.lb_type == "application"

# is_network(lb): an NLB.
is_network(lb) if lb.lb_type == "network"

# is_classic(lb): a Classic Load Balancer.
is_classic(lb) if lb.lb_type == "classic"

# elb_default_ssl_policy is what AWS applies to an HTTPS/TLS listener
# created through the API (Terraform, CloudFormation, CLI, CDK) with no
# policy, and to a Classic HTTPS/SSL listener with no SSL negotiation
# policy: ELBSecurityPolicy-2016-08, which allows TLS 1.0 and 1.1.
# Sources: ALB and NLB user guides, "Security policies" (Considerations);
# Classic user guide, ssl-config-update.
elb_default_ssl_policy := "ELBSecurityPolicy-2016-08"

# elb_tls_below_12_policies are the predefined ELB security policies that
# allow TLS 1.0 or TLS 1.1 (the ALB/NLB policy tables of the ELB user
# guides, and the Classic predefined policies). A name not listed is not
# reported: newer policies require TLS 1.2 or later.
elb_tls_below_12_policies := {
	"ELBSecurityPolicy-2016-08",
	"ELBSecurityPolicy-2015-05",
	"ELBSecurityPolicy-2015-03",
	"ELBSecurityPolicy-2015-02",
	"ELBSecurityPolicy-2014-10",
	"ELBSecurityPolicy-2014-01",
	"ELBSecurityPolicy-2011-08",
	"ELBSecurityPolicy-TLS-1-0-2015-04",
	"ELBSecurityPolicy-TLS-1-1-2017-01",
	"ELBSecurityPolicy-FS-2018-06",
	"ELBSecurityPolicy-FS-1-1-2019-08",
	"ELBSecurityPolicy-TLS13-1-0-2021-06",
	"ELBSecurityPolicy-TLS13-1-1-2021-06",
	"ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04",
	"ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04",
	"ELBSecurityPolicy-TLS13-1-0-PQ-2025-09",
	"ELBSecurityPolicy-TLS13-1-1-PQ-2025-09",
	"ELBSecurityPolicy-TLS13-1-0-FIPS-PQ-2025-09",
	"ELBSecurityPolicy-TLS13-1-1-FIPS-PQ-2025-09",
}

# elb_tls_below_12_protocols are the Protocol-* attributes of a custom
# Classic SSL negotiation policy that enable a protocol below TLS 1.2.
elb_tls_below_12_protocols := {"Protocol-SSLv3", "Protocol-TLSv1", "Protocol-TLSv1.1"}
