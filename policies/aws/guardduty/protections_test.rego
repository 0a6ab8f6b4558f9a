package seclint.aws.guardduty.protections_test

import data.seclint.aws.guardduty.protections as rule

detector(d) := object.union({"id": "d", "type": "aws_guardduty_detector", "features": [], "feature_resources": []}, d)

model(d, features) := {"aws": {"guardduty": {
	"detectors": [detector(object.union(d, {"feature_resources": [f.id | some f in features; f.detector_ref == "d"]}))],
	"features": features,
}}}

feature(id, name, status) := {"id": id, "type": "aws_guardduty_detector_feature", "name": name, "status": status, "detector_ref": "d"}

test_legacy_disabled_fires if {
	some f in rule.deny with input as model({"s3_logs": false}, [])
	f.attribute == "s3_logs"
	some g in rule.deny with input as model({"kubernetes_audit_logs": false}, [])
	g.attribute == "kubernetes_audit_logs"
}

test_inline_disabled_fires if {
	some f in rule.deny with input as model({"features": [{"name": "EKS_RUNTIME_MONITORING", "status": "DISABLED"}, {"name": "S3_DATA_EVENTS", "status": "DISABLED"}]}, [])
	f.attribute == "features[1].status"
	count(rule.deny) == 1 with input as model({"features": [{"name": "EKS_RUNTIME_MONITORING", "status": "DISABLED"}, {"name": "S3_DATA_EVENTS", "status": "DISABLED"}]}, [])
}

test_feature_resource_disabled_fires if {
	some f in rule.deny with input as model({}, [feature("f", "EKS_AUDIT_LOGS", "DISABLED")])
	f.resource == "f"
	f.attribute == "status"
}

test_enabled_absent_or_other_does_not_fire if {
	count(rule.deny) == 0 with input as model({}, [])
	count(rule.deny) == 0 with input as model({"s3_logs": true, "kubernetes_audit_logs": true}, [])
	count(rule.deny) == 0 with input as model({"features": [{"name": "RDS_LOGIN_EVENTS", "status": "DISABLED"}]}, [])
}

test_feature_of_same_detector_enables if {
	count(rule.deny) == 0 with input as model({"s3_logs": false}, [feature("f", "S3_DATA_EVENTS", "ENABLED")])
	count(rule.deny) == 0 with input as model({"s3_logs": false, "features": [{"name": "S3_DATA_EVENTS", "status": "ENABLED"}]}, [])
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as model({"s3_logs": {"__unknown__": true}}, [])
	count(rule.deny) == 0 with input as model({}, [feature("f", "S3_DATA_EVENTS", {"__unknown__": true})])
	# A Features list that cannot be evaluated: one feature of unknown name and status.
	count(rule.deny) == 0 with input as model({"kubernetes_audit_logs": false, "features": [{"name": {"__unknown__": true}, "status": {"__unknown__": true}}]}, [])
	count(rule.deny) == 0 with input as model({"s3_logs": false}, [feature("f", {"__unknown__": true}, "ENABLED")])
}

test_unlinked_feature_may_enable if {
	unlinked := {"id": "u", "type": "aws_guardduty_detector_feature", "name": "S3_DATA_EVENTS", "status": "ENABLED", "target": {"name": {"__unknown__": true}}}
	count(rule.deny) == 0 with input as model({"s3_logs": false}, [unlinked])
	count(rule.deny) == 1 with input as model({"s3_logs": false, "kubernetes_audit_logs": false}, [unlinked])
}
