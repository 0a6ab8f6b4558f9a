# METADATA
# title: Internet-facing ALB listener serves HTTP without redirecting to HTTPS
# description: |
#   An HTTP listener of an internet-facing Application Load Balancer whose
#   default action is not a redirect to HTTPS serves requests, cookies and
#   credentials in clear text. The rule fires on an aws_lb_listener /
#   AWS::ElasticLoadBalancingV2::Listener whose protocol is HTTP (Terraform's
#   default for an ALB) when its load balancer is in the scan, is an
#   Application Load Balancer (load_balancer_type / Type absent or
#   application) with an internet-facing scheme (internal absent or false,
#   Scheme absent or internet-facing), and none of its default actions is a
#   redirect whose protocol is HTTPS (a redirect that keeps #{protocol},
#   the default, stays on HTTP). Unknown protocols, schemes, action types
#   or redirect protocols, and listeners whose load balancer is outside the
#   scan, never fire. Security Hub control ELB.1 ("Application Load
#   Balancer should be configured to redirect all HTTP requests to HTTPS")
#   fails in the same case.
# custom:
#   id: aws-elb-http-not-redirected
#   severity: HIGH
#   kind: security
#   fsbp: [ELB.1]
#   collections: [aws.elb.listeners, aws.elb.load_balancers]
#   resource_types: [aws_lb_listener, aws_alb_listener, aws_lb, aws_alb, AWS::ElasticLoadBalancingV2::Listener, AWS::ElasticLoadBalancingV2::LoadBalancer]
#   remediation:
#     terraform: |
#       Make the HTTP listener's default action a redirect to HTTPS (and
#       serve the application from an HTTPS listener):
#       ```hcl
#       resource "aws_lb_listener" "http" {
#         load_balancer_arn = aws_lb.web.arn
#         port              = 80
#         protocol          = "HTTP"
#         default_action {
#           type = "redirect"
#           redirect {
#             port        = "443"
#             protocol    = "HTTPS"
#             status_code = "HTTP_301"
#           }
#         }
#       }
#       ```
#     cloudformation: |
#       Make the HTTP listener's default action a redirect to HTTPS:
#       ```yaml
#       HttpListener:
#         Type: AWS::ElasticLoadBalancingV2::Listener
#         Properties:
#           LoadBalancerArn: !Ref LoadBalancer
#           Port: 80
#           Protocol: HTTP
#           DefaultActions:
#             - Type: redirect
#               RedirectConfig:
#                 Port: "443"
#                 Protocol: HTTPS
#                 StatusCode: HTTP_301
#       ```
package seclint.aws.elb.http_not_redirected

import data.seclint.lib

http(x) if lib.equals_ci(x.protocol, "HTTP")

http(x) if lib.absent(x, "protocol")

# may_redirect(x): a default action redirects to HTTPS, or may.
may_redirect(x) if {
	some a in x.default_actions
	lib.equals_ci(a.redirect_protocol, "HTTPS")
	a.type == "redirect"
}

may_redirect(x) if {
	some a in x.default_actions
	lib.is_unknown(a.type)
}

may_redirect(x) if {
	some a in x.default_actions
	a.type == "redirect"
	lib.is_unknown(a.redirect_protocol)
}

attribute(x) := "protocol" if lib.has(x, "protocol")

else := ""

deny contains finding if {
	some x in input.aws.elb.listeners
	http(x)
	is_array(x.default_actions)
	not may_redirect(x)
	lb := lib.listener_lb(x)
	lib.is_application(lb)
	lib.internet_facing(lb)
	finding := {
		"resource": x.id,
		"attribute": attribute(x),
		"message": sprintf(
			"Listener %s of internet-facing Application Load Balancer %s serves HTTP and its default action does not redirect to HTTPS; make it a redirect with protocol HTTPS.",
			[x.id, lb.id],
		),
	}
}
