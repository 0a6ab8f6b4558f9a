# METADATA
# title: Public hosted zone without DNS query logging
# description: |
#   Route 53 query logging records the DNS queries that reach a public
#   hosted zone (the name, type, edge location and resolver of each): the
#   record incident responders use to see who resolved a name, spot
#   subdomain enumeration or confirm that a decommissioned record is still
#   looked up. Without a query logging configuration those queries leave
#   no trace. The rule fires on a public hosted zone (no VPC association)
#   with no query logging in the scan: no inline QueryLoggingConfig and no
#   aws_route53_query_log linked to it. Private zones (VPC associations;
#   their queries are logged by Resolver query logging instead) and zones
#   whose associations are unknown never fire, nor does any zone of a scan
#   with an aws_route53_query_log whose zone cannot be resolved (its
#   zone_id is unknown, so it may be this zone).
# custom:
#   id: aws-route53-query-logging
#   severity: LOW
#   kind: security
#   collections: [aws.route53.hosted_zones, aws.route53.query_logs]
#   resource_types: [aws_route53_zone, aws_route53_query_log, AWS::Route53::HostedZone]
#   remediation:
#     terraform: |
#       Log the zone's queries to a CloudWatch Logs group in us-east-1 (its
#       resource policy must let route53.amazonaws.com write to it):
#       ```hcl
#       resource "aws_route53_query_log" "example" {
#         depends_on               = [aws_cloudwatch_log_resource_policy.route53]
#         cloudwatch_log_group_arn = aws_cloudwatch_log_group.dns.arn
#         zone_id                  = aws_route53_zone.example.zone_id
#       }
#       ```
#     cloudformation: |
#       Add a query logging configuration to the zone (log group in us-east-1):
#       ```yaml
#       Zone:
#         Type: AWS::Route53::HostedZone
#         Properties:
#           Name: example.com
#           QueryLoggingConfig:
#             CloudWatchLogsLogGroupArn: !GetAtt DnsLogGroup.Arn
#       ```
package seclint.aws.route53.query_logging

import data.seclint.lib

# unresolved_query_log: a query log of the scan names a zone that is not
# known (an unknown zone_id), so it may be any zone of the scan.
unresolved_query_log if {
	some q in input.aws.route53.query_logs
	not q.zone_ref
	not is_string(q.target.name)
}

deny contains finding if {
	some z in input.aws.route53.hosted_zones
	lib.is_false(z.private)
	lib.absent(z, "query_log_group")
	count(z.query_logs) == 0
	not unresolved_query_log
	finding := {
		"resource": z.id,
		"attribute": "",
		"message": sprintf(
			"Public hosted zone %s has no DNS query logging: add an aws_route53_query_log (QueryLoggingConfig) that logs its queries to CloudWatch Logs.",
			[z.id],
		),
	}
}
