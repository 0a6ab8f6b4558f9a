# METADATA
# title: Load balancer without access logs
# description: |
#   Access logs are the record of every request (client IP, path, TLS
#   protocol and cipher, response) a load balancer handles; without them an
#   incident cannot be traced through it. The rule fires on an Application,
#   Network or Classic Load Balancer whose access logs to S3 are off:
#   Terraform access_logs.enabled false, or no access_logs block (aws_lb's
#   enabled defaults to false even when a bucket is given; aws_elb's
#   defaults to true once the block is written), CloudFormation attribute
#   access_logs.s3.enabled not "true" (ELBv2 LoadBalancerAttributes) or
#   AccessLoggingPolicy.Enabled false or absent (Classic). Gateway Load
#   Balancers, which have no access logs, are not checked; unknown values
#   never fire. Network Load Balancers log only TLS listeners' requests.
#   Security Hub control ELB.5 ("Application and Classic Load Balancers
#   logging should be enabled") fails for the ALB and CLB cases.
# custom:
#   id: aws-elb-access-logs
#   severity: LOW
#   kind: security
#   fsbp: [ELB.5]
#   collections: [aws.elb.load_balancers]
#   resource_types: [aws_lb, aws_alb, aws_elb, AWS::ElasticLoadBalancingV2::LoadBalancer, AWS::ElasticLoadBalancing::LoadBalancer]
#   remediation:
#     terraform: |
#       Turn access logs on (the bucket policy must let the ELB service
#       write; access log buckets support SSE-S3 only):
#       ```hcl
#       resource "aws_lb" "web" {
#         # ...
#         access_logs {
#           bucket  = aws_s3_bucket.lb_logs.id
#           enabled = true
#         }
#       }
#       ```
#     cloudformation: |
#       Turn access logs on with the load balancer attributes (Classic:
#       AccessLoggingPolicy with Enabled: true):
#       ```yaml
#       LoadBalancer:
#         Type: AWS::ElasticLoadBalancingV2::LoadBalancer
#         Properties:
#           LoadBalancerAttributes:
#             - Key: access_logs.s3.enabled
#               Value: "true"
#             - Key: access_logs.s3.bucket
#               Value: !Ref LogBucket
#       ```
package seclint.aws.elb.access_logs

import data.seclint.lib

checked(lb) if lib.is_application(lb)

checked(lb) if lib.is_network(lb)

checked(lb) if lib.is_classic(lb)

message(lb) := sprintf(
	"Load balancer %s has no access logs; enable access logs to an S3 bucket.",
	[lb.id],
)

deny contains finding if {
	some lb in input.aws.elb.load_balancers
	checked(lb)
	lib.is_false(lb.access_logs_enabled)
	finding := {"resource": lb.id, "attribute": "access_logs_enabled", "message": message(lb)}
}

deny contains finding if {
	some lb in input.aws.elb.load_balancers
	checked(lb)
	lib.absent(lb, "access_logs_enabled")
	finding := {"resource": lb.id, "attribute": "", "message": message(lb)}
}
