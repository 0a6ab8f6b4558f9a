package seclint.aws.cloudtrail.multi_region_test

import data.seclint.aws.cloudtrail.multi_region as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

trails(ts) := {"aws": {"cloudtrail": {"trails": ts}}}

trail(fields) := object.union({"id": "t", "type": "aws_cloudtrail"}, fields)

test_absent_fires if {
	fs := rule.deny with input as trails([trail({})])
	count(fs) == 1
	some f in fs
	f.resource == "t"
	f.attribute == "multi_region"
}

test_false_fires if {
	count(rule.deny) == 1 with input as trails([trail({"multi_region": false})])
	count(rule.deny) == 1 with input as trails([trail({"multi_region": false, "organization": true})])
}

test_multi_region_passes if {
	count(rule.deny) == 0 with input as trails([trail({"multi_region": true})])
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as trails([trail({"multi_region": unknown})])
}

stores(ss) := {"aws": {"cloudtrail": {"trails": [], "event_data_stores": ss}}}

store(fields) := object.union({"id": "s", "type": "aws_cloudtrail_event_data_store"}, fields)

test_store_false_fires if {
	fs := rule.deny with input as stores([store({"multi_region": false})])
	count(fs) == 1
	some f in fs
	f.resource == "s"
	f.attribute == "multi_region"
}

# Trap: unlike a trail, a store that does not write the setting is
# multi-Region.
test_store_absent_passes if {
	count(rule.deny) == 0 with input as stores([store({})])
	count(rule.deny) == 0 with input as stores([store({"multi_region": true})])
}

test_store_unknown_never_fires if {
	count(rule.deny) == 0 with input as stores([store({"multi_region": unknown})])
}
