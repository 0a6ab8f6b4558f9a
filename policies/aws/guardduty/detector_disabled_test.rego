package seclint.aws.guardduty.detector_disabled_test

import data.seclint.aws.guardduty.detector_disabled as rule

model(d) := {"aws": {"guardduty": {"detectors": [object.union({"id": "d", "type": "aws_guardduty_detector", "features": [], "feature_resources": []}, d)]}}}

test_disabled_fires if {
	some f in rule.deny with input as model({"enable": false})
	f.attribute == "enable"
	f.resource == "d"
}

test_enabled_absent_or_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as model({"enable": true})
	count(rule.deny) == 0 with input as model({})
	count(rule.deny) == 0 with input as model({"enable": {"__unknown__": true}})
}
