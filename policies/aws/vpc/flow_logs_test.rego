package seclint.aws.vpc.flow_logs_test

import data.seclint.aws.vpc.flow_logs as rule

model(logs) := {"aws": {"vpc": {"vpcs": [{"id": "v", "type": "aws_vpc", "flow_logs": logs}], "flow_logs": []}}}

test_vpc_without_flow_log_fires if {
	some f in rule.deny with input as model([])
	f.resource == "v"
	f.attribute == ""
}

test_vpc_with_flow_log_does_not_fire if {
	# The linking step lists the flow logs that reference the VPC, and those
	# of a VPC that is not known.
	count(rule.deny) == 0 with input as model(["f"])
}
