# METADATA
# title: Config recorder records only some resource types
# description: |
#   A configuration recorder with all_supported = false
#   (RecordingGroup.AllSupported: false) records only the resource types it
#   lists, or all but those it excludes: changes to every other resource go
#   unrecorded, and Config rules and Security Hub controls that evaluate
#   them see nothing. Absent means all supported types (the default of
#   Terraform's recording group and of a recorder without one); an unknown
#   value never fires.
# custom:
#   id: aws-config-recorder-scope
#   severity: LOW
#   kind: security
#   collections: [aws.config.recorders]
#   resource_types: [aws_config_configuration_recorder, AWS::Config::ConfigurationRecorder]
#   remediation:
#     terraform: |
#       Record all supported resource types:
#       ```hcl
#       # Before
#       recording_group {
#         all_supported  = false
#         resource_types = ["AWS::EC2::Instance"]
#       }
#
#       # After
#       recording_group {
#         all_supported                 = true
#         include_global_resource_types = true
#       }
#       ```
#     cloudformation: |
#       Record all supported resource types:
#       ```yaml
#       # Before
#       RecordingGroup:
#         AllSupported: false
#         ResourceTypes: [AWS::EC2::Instance]
#
#       # After
#       RecordingGroup:
#         AllSupported: true
#         IncludeGlobalResourceTypes: true
#       ```
package seclint.aws.config.recorder_scope

import data.seclint.lib

deny contains finding if {
	some r in input.aws.config.recorders
	lib.is_false(r.all_supported)
	finding := {
		"resource": r.id,
		"attribute": "all_supported",
		"message": sprintf(
			"Config recorder %s records only some resource types (all_supported = false); record all supported types.",
			[r.id],
		),
	}
}
