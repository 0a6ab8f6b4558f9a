# METADATA
# title: Config recorder is never started
# description: |
#   In Terraform a configuration recorder records nothing until an
#   aws_config_configuration_recorder_status with is_enabled = true starts
#   it; without one, Config keeps no history of resource changes and its
#   rules evaluate nothing. The rule fires on a Terraform recorder that no
#   recorder status of the scan enables (linked by reference or by the
#   recorder's name; a status whose name is unknown counts for the
#   recorder of its region, which has only one). CloudFormation starts an
#   AWS::Config::ConfigurationRecorder as soon as a delivery channel is
#   available, so CloudFormation recorders never fire here (a missing
#   channel is aws-config-delivery-channel-missing). An unknown is_enabled
#   never fires.
# custom:
#   id: aws-config-recorder-disabled
#   severity: MEDIUM
#   kind: security
#   collections: [aws.config.recorders, aws.config.recorder_statuses]
#   resource_types: [aws_config_configuration_recorder, aws_config_configuration_recorder_status, AWS::Config::ConfigurationRecorder]
#   remediation:
#     terraform: |
#       Start the recorder with a recorder status (after its delivery channel):
#       ```hcl
#       # Before: only the recorder and its delivery channel
#
#       # After
#       resource "aws_config_configuration_recorder_status" "main" {
#         name       = aws_config_configuration_recorder.main.name
#         is_enabled = true
#         depends_on = [aws_config_delivery_channel.main]
#       }
#       ```
#     cloudformation: |
#       CloudFormation starts the recorder when its delivery channel exists;
#       make sure the stack has one:
#       ```yaml
#       DeliveryChannel:
#         Type: AWS::Config::DeliveryChannel
#         Properties:
#           S3BucketName: !Ref ConfigBucket
#       ```
package seclint.aws.config.recorder_disabled

import data.seclint.lib

# started(r): a status of the recorder enables it, or may (unknown).
started(r) if {
	some id in r.statuses
	not lib.is_false(lib.recorder_statuses_by_id[id].is_enabled)
	lib.has(lib.recorder_statuses_by_id[id], "is_enabled")
}

deny contains finding if {
	some r in input.aws.config.recorders
	not r.starts_on_create == true
	not started(r)
	finding := {
		"resource": r.id,
		"attribute": "",
		"message": sprintf(
			"Config recorder %s is never started: add an aws_config_configuration_recorder_status with is_enabled = true for it.",
			[r.id],
		),
	}
}
