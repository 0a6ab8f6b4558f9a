# METADATA
# title: Config recorder has no delivery channel
# description: |
#   AWS Config cannot start a configuration recorder while its region has
#   no delivery channel: StartConfigurationRecorder fails with
#   NoAvailableDeliveryChannelException. A Terraform
#   aws_config_configuration_recorder_status with is_enabled = true then
#   fails to apply, and a CloudFormation recorder (which CloudFormation
#   starts itself) never records. The rule fires on a recorder that is
#   meant to start (every CloudFormation recorder; a Terraform recorder
#   that a recorder status enables) when no delivery channel of the scan
#   can serve it (one of its region, or whose region or the recorder's is
#   not known). A Terraform recorder that nothing starts is
#   aws-config-recorder-disabled; an unknown is_enabled never fires. A
#   channel created by another stack or configuration outside the scan is
#   not seen: scan it together with the recorder.
# custom:
#   id: aws-config-delivery-channel-missing
#   severity: HIGH
#   kind: correctness
#   collections: [aws.config.recorders, aws.config.recorder_statuses]
#   resource_types: [aws_config_configuration_recorder, aws_config_configuration_recorder_status, aws_config_delivery_channel, AWS::Config::ConfigurationRecorder, AWS::Config::DeliveryChannel]
#   remediation:
#     terraform: |
#       Add a delivery channel and start the recorder after it:
#       ```hcl
#       resource "aws_config_delivery_channel" "main" {
#         name           = "main"
#         s3_bucket_name = aws_s3_bucket.config.bucket
#         depends_on     = [aws_config_configuration_recorder.main]
#       }
#
#       resource "aws_config_configuration_recorder_status" "main" {
#         name       = aws_config_configuration_recorder.main.name
#         is_enabled = true
#         depends_on = [aws_config_delivery_channel.main]
#       }
#       ```
#     cloudformation: |
#       Add a delivery channel to the stack:
#       ```yaml
#       DeliveryChannel:
#         Type: AWS::Config::DeliveryChannel
#         Properties:
#           S3BucketName: !Ref ConfigBucket
#       ```
package seclint.aws.config.delivery_channel_missing

import data.seclint.lib

# meant_to_start(r): CloudFormation starts the recorder itself, or a
# recorder status enables it.
meant_to_start(r) if r.starts_on_create == true

meant_to_start(r) if {
	some id in r.statuses
	lib.is_true(lib.recorder_statuses_by_id[id].is_enabled)
}

deny contains finding if {
	some r in input.aws.config.recorders
	meant_to_start(r)
	count(r.delivery_channels) == 0
	finding := {
		"resource": r.id,
		"attribute": "",
		"message": sprintf(
			"Config recorder %s has no delivery channel in the scan: AWS Config cannot start it (NoAvailableDeliveryChannelException); add an aws_config_delivery_channel (AWS::Config::DeliveryChannel) in its region.",
			[r.id],
		),
	}
}
