# METADATA
# title: VPC without flow logs
# description: |
#   VPC flow logs record the IP traffic of a VPC's network interfaces
#   (source, destination, ports, bytes, accept or reject): the record an
#   investigation needs to see what a compromised instance talked to, and
#   one of the sources GuardDuty analyses. The rule fires on a VPC that no
#   flow log of the scan captures: no aws_flow_log with its vpc_id, no
#   AWS::EC2::FlowLog with ResourceType VPC and its ResourceId. Flow logs
#   of a subnet or network interface capture only part of the VPC and do
#   not count. A VPC flow log whose VPC is not known (a variable, an
#   imported value) may be any VPC of the scan, so no VPC of that scan
#   fires.
# custom:
#   id: aws-vpc-flow-logs
#   severity: MEDIUM
#   kind: security
#   fsbp: [EC2.6]
#   collections: [aws.vpc.vpcs, aws.vpc.flow_logs]
#   resource_types: [aws_vpc, aws_flow_log, AWS::EC2::VPC, AWS::EC2::FlowLog]
#   remediation:
#     terraform: |
#       Capture the VPC's traffic (rejected traffic at least):
#       ```hcl
#       resource "aws_flow_log" "main" {
#         vpc_id          = aws_vpc.main.id
#         traffic_type    = "ALL"
#         log_destination = aws_cloudwatch_log_group.flow.arn
#         iam_role_arn    = aws_iam_role.flow.arn
#       }
#       ```
#     cloudformation: |
#       Add a flow log for the VPC:
#       ```yaml
#       FlowLog:
#         Type: AWS::EC2::FlowLog
#         Properties:
#           ResourceType: VPC
#           ResourceId: !Ref Vpc
#           TrafficType: ALL
#           LogDestinationType: s3
#           LogDestination: !GetAtt FlowLogBucket.Arn
#       ```
package seclint.aws.vpc.flow_logs

import data.seclint.lib

deny contains finding if {
	some v in input.aws.vpc.vpcs
	count(v.flow_logs) == 0
	finding := {
		"resource": v.id,
		"attribute": "",
		"message": sprintf(
			"VPC %s has no flow log: add an aws_flow_log (AWS::EC2::FlowLog with ResourceType VPC) that captures its traffic.",
			[v.id],
		),
	}
}
