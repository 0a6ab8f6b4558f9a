package seclint.aws.ecr.scan_on_push_test

import data.seclint.aws.ecr.scan_on_push as rule

model(r) := {"aws": {"ecr": {"repositories": [object.union({"id": "r", "type": "aws_ecr_repository", "name": "app"}, r)]}}}

test_not_scanned_fires if {
	some f in rule.deny with input as model({"scan_on_push": false})
	f.attribute == "scan_on_push"
	some g in rule.deny with input as model({})
	g.attribute == ""
}

test_scan_on_push_does_not_fire if {
	count(rule.deny) == 0 with input as model({"scan_on_push": true})
}

test_registry_coverage_does_not_fire if {
	count(rule.deny) == 0 with input as model({"scan_on_push": false, "registry_scan_on_push": true, "scanned_by": "c"})
	count(rule.deny) == 0 with input as model({"registry_scan_on_push": true, "scanned_by": "c"})
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as model({"scan_on_push": {"__unknown__": true}})
	count(rule.deny) == 0 with input as model({"registry_scan_on_push": {"__unknown__": true}})
	count(rule.deny) == 0 with input as model({"scan_on_push": false, "registry_scan_on_push": {"__unknown__": true}})
}
