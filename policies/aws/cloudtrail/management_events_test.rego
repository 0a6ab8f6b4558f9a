package seclint.aws.cloudtrail.management_events_test

import data.seclint.aws.cloudtrail.management_events as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

trails(ts) := {"aws": {"cloudtrail": {"trails": ts}}}

trail(fields) := object.union({"id": "t", "type": "aws_cloudtrail"}, fields)

mgmt(extra) := {"field_selectors": array.concat([{"field": "eventCategory", "equals": ["Management"]}], extra)}

test_no_selector_passes if {
	count(rule.deny) == 0 with input as trails([trail({})])
	count(rule.deny) == 0 with input as trails([trail({"event_selectors": []})])
}

test_basic_excluding_fires if {
	fs := rule.deny with input as trails([trail({"event_selectors": [{"include_management_events": false}]})])
	count(fs) == 1
	some f in fs
	f.attribute == "event_selectors[0].include_management_events"
}

test_basic_one_kind_fires if {
	fs := rule.deny with input as trails([trail({"event_selectors": [{"include_management_events": false}, {"read_write_type": "ReadOnly"}]})])
	count(fs) == 1
	some f in fs
	f.attribute == "event_selectors[1].read_write_type"
	contains(f.message, "only read")
	count(rule.deny) == 1 with input as trails([trail({"event_selectors": [{"read_write_type": "WriteOnly", "include_management_events": true}]})])
}

# Two selectors that together record both kinds.
test_basic_union_passes if {
	count(rule.deny) == 0 with input as trails([trail({"event_selectors": [{"read_write_type": "ReadOnly"}, {"read_write_type": "WriteOnly"}]})])
	count(rule.deny) == 0 with input as trails([trail({"event_selectors": [{"read_write_type": "All", "data_resources": [{"type": "AWS::S3::Object"}]}]})])
}

# Advanced selectors replace the basic ones.
test_advanced_replace_basic if {
	count(rule.deny) == 0 with input as trails([trail({
		"event_selectors": [{"include_management_events": false}],
		"advanced_event_selectors": [mgmt([])],
	})])
	fs := rule.deny with input as trails([trail({
		"event_selectors": [{"read_write_type": "All"}],
		"advanced_event_selectors": [{"field_selectors": [{"field": "eventCategory", "equals": ["Data"]}, {"field": "resources.type", "equals": ["AWS::S3::Object"]}]}],
	})])
	count(fs) == 1
	some f in fs
	f.attribute == "advanced_event_selectors"
}

test_advanced_read_only_fires if {
	fs := rule.deny with input as trails([trail({"advanced_event_selectors": [mgmt([{"field": "readOnly", "equals": ["true"]}])]})])
	count(fs) == 1
	some f in fs
	f.attribute == "advanced_event_selectors[0].field_selectors[1]"
	count(rule.deny) == 1 with input as trails([trail({"advanced_event_selectors": [mgmt([{"field": "readOnly", "not_equals": ["true"]}])]})])
}

test_advanced_both_kinds_pass if {
	count(rule.deny) == 0 with input as trails([trail({"advanced_event_selectors": [
		mgmt([{"field": "readOnly", "equals": ["true"]}]),
		mgmt([{"field": "readOnly", "equals": ["false"]}]),
	]})])
	count(rule.deny) == 0 with input as trails([trail({"advanced_event_selectors": [mgmt([{"field": "eventSource", "not_equals": ["kms.amazonaws.com"]}])]})])
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as trails([trail({"event_selectors": unknown})])
	count(rule.deny) == 0 with input as trails([trail({"event_selectors": [{"include_management_events": unknown}]})])
	count(rule.deny) == 0 with input as trails([trail({"event_selectors": [{"read_write_type": unknown}]})])
	count(rule.deny) == 0 with input as trails([trail({"advanced_event_selectors": unknown, "event_selectors": [{"include_management_events": false}]})])
	count(rule.deny) == 0 with input as trails([trail({"advanced_event_selectors": [{"field_selectors": unknown}]})])
	count(rule.deny) == 0 with input as trails([trail({"advanced_event_selectors": [{"field_selectors": [{"field": "eventCategory", "equals": unknown}]}]})])
	count(rule.deny) == 0 with input as trails([trail({"advanced_event_selectors": [mgmt([{"field": "readOnly", "equals": [unknown]}])]})])
	count(rule.deny) == 0 with input as trails([trail({"advanced_event_selectors": [mgmt([{"field": unknown, "equals": ["true"]}])]})])
}
