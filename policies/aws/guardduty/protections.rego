# METADATA
# title: GuardDuty detector disables S3 or EKS audit log protection
# description: |
#   A detector that explicitly turns off S3 protection (S3 data events) or
#   EKS audit log monitoring leaves GuardDuty blind to data access in S3
#   buckets (exfiltration, access from known malicious addresses) or to
#   suspicious activity in Kubernetes clusters. The rule fires on an
#   explicit off: a legacy data source with enable = false
#   (datasources.s3_logs / datasources.kubernetes.audit_logs; DataSources.
#   S3Logs / DataSources.Kubernetes.AuditLogs), an inline feature
#   (CloudFormation Features) or an aws_guardduty_detector_feature of the
#   detector with status DISABLED for S3_DATA_EVENTS or EKS_AUDIT_LOGS. It
#   does not fire when a feature of the same detector enables the
#   protection, or may (an unknown name or status, a Features list that
#   cannot be evaluated), nor when a feature resource of the scan that is
#   not linked to a detector (its detector_id is unknown or outside the
#   scan; a region has one detector per account) may enable it. Omitted
#   settings are left to GuardDuty's account defaults and never fire.
# custom:
#   id: aws-guardduty-protections
#   severity: LOW
#   kind: security
#   collections: [aws.guardduty.detectors, aws.guardduty.features]
#   resource_types: [aws_guardduty_detector, aws_guardduty_detector_feature, AWS::GuardDuty::Detector]
#   remediation:
#     terraform: |
#       Enable the protection with a detector feature (the datasources block is
#       deprecated):
#       ```hcl
#       # Before
#       resource "aws_guardduty_detector_feature" "s3" {
#         detector_id = aws_guardduty_detector.main.id
#         name        = "S3_DATA_EVENTS"
#         status      = "DISABLED"
#       }
#
#       # After
#       resource "aws_guardduty_detector_feature" "s3" {
#         detector_id = aws_guardduty_detector.main.id
#         name        = "S3_DATA_EVENTS"
#         status      = "ENABLED"
#       }
#       ```
#     cloudformation: |
#       Enable the feature (and drop the legacy DataSources setting):
#       ```yaml
#       # Before
#       Features:
#         - Name: S3_DATA_EVENTS
#           Status: DISABLED
#
#       # After
#       Features:
#         - Name: S3_DATA_EVENTS
#           Status: ENABLED
#         - Name: EKS_AUDIT_LOGS
#           Status: ENABLED
#       ```
package seclint.aws.guardduty.protections

import data.seclint.lib

# The protections the rule checks: feature name -> legacy data source path.
protections := {
	"S3_DATA_EVENTS": "s3_logs",
	"EKS_AUDIT_LOGS": "kubernetes_audit_logs",
}

labels := {
	"S3_DATA_EVENTS": "S3 protection (S3 data events)",
	"EKS_AUDIT_LOGS": "EKS audit log monitoring",
}

features_by_id := {f.id: f | some f in input.aws.guardduty.features}

detectors_by_id := {d.id: d | some d in input.aws.guardduty.detectors}

# Names (or "*" for any) that a feature resource not linked to a detector
# may enable: it may be for any detector of the scan.
unlinked_may_enable contains n if {
	some f in input.aws.guardduty.features
	not f.detector_ref
	n := _may_enable_name(f)
}

# _may_enable_name(f) is the protection f may enable: its name, or "*"
# when the name is unknown. Undefined when f is known to disable.
_may_enable_name(f) := f.name if {
	is_string(f.name)
	not lib.equals_ci(f.status, "DISABLED")
}

_may_enable_name(f) := "*" if {
	lib.is_unknown(f.name)
	not lib.equals_ci(f.status, "DISABLED")
}

# may_enable(d, name): a feature of the detector enables the protection,
# or may.
may_enable(d, name) if {
	some f in d.features
	_may_enable_name(f) in {name, "*"}
}

may_enable(d, name) if {
	some id in d.feature_resources
	_may_enable_name(features_by_id[id]) in {name, "*"}
}

may_enable(_, name) if name in unlinked_may_enable

may_enable(_, _) if "*" in unlinked_may_enable

_disables(f, name) if {
	f.name == name
	lib.equals_ci(f.status, "DISABLED")
}

message(d, name) := sprintf(
	"GuardDuty detector %s turns off %s: enable the %s feature.",
	[d.id, labels[name], name],
)

# Legacy data sources.
deny contains finding if {
	some d in input.aws.guardduty.detectors
	some name, path in protections
	lib.is_false(d[path])
	not may_enable(d, name)
	finding := {"resource": d.id, "attribute": path, "message": message(d, name)}
}

# Inline features (CloudFormation Features).
deny contains finding if {
	some d in input.aws.guardduty.detectors
	some i, f in d.features
	some name, _ in protections
	_disables(f, name)
	not may_enable(d, name)
	finding := {"resource": d.id, "attribute": sprintf("features[%d].status", [i]), "message": message(d, name)}
}

# aws_guardduty_detector_feature resources linked to a detector of the scan.
deny contains finding if {
	some f in input.aws.guardduty.features
	d := detectors_by_id[f.detector_ref]
	some name, _ in protections
	_disables(f, name)
	not may_enable(d, name)
	finding := {"resource": f.id, "attribute": "status", "message": message(d, name)}
}
