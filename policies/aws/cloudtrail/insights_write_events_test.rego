package seclint.aws.cloudtrail.insights_write_events_test

import data.seclint.aws.cloudtrail.insights_write_events as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

trails(ts) := {"aws": {"cloudtrail": {"trails": ts}}}

trail(fields) := object.union({"id": "t", "type": "aws_cloudtrail"}, fields)

mgmt(extra) := {"field_selectors": array.concat([{"field": "eventCategory", "equals": ["Management"]}], extra)}

rate := [{"insight_type": "ApiCallRateInsight"}]

errors := [{"insight_type": "ApiErrorRateInsight"}]

test_read_only_trail_fires if {
	fs := rule.deny with input as trails([trail({"event_selectors": [{"read_write_type": "ReadOnly"}], "insight_selectors": rate})])
	count(fs) == 1
	some f in fs
	f.attribute == "insight_selectors[0].insight_type"
	count(rule.deny) == 1 with input as trails([trail({"advanced_event_selectors": [mgmt([{"field": "readOnly", "equals": ["true"]}])], "insight_selectors": rate})])
	count(rule.deny) == 1 with input as trails([trail({"event_selectors": [{"read_write_type": "ReadOnly"}], "insight_selectors": [{"insight_type": "ApiCallRateInsight", "event_categories": ["Management"]}]})])
}

test_no_management_events_fires_for_both_types if {
	fs := rule.deny with input as trails([trail({"event_selectors": [{"include_management_events": false}], "insight_selectors": array.concat(rate, errors)})])
	count(fs) == 2
}

test_write_events_pass if {
	count(rule.deny) == 0 with input as trails([trail({"insight_selectors": rate})])
	count(rule.deny) == 0 with input as trails([trail({"event_selectors": [{"read_write_type": "WriteOnly"}], "insight_selectors": rate})])
	count(rule.deny) == 0 with input as trails([trail({"event_selectors": [{"read_write_type": "ReadOnly"}], "insight_selectors": errors})])
}

# Insights on data events do not need management events.
test_data_categories_pass if {
	count(rule.deny) == 0 with input as trails([trail({"event_selectors": [{"read_write_type": "ReadOnly"}], "insight_selectors": [{"insight_type": "ApiCallRateInsight", "event_categories": ["Data"]}]})])
	count(rule.deny) == 0 with input as trails([trail({"event_selectors": [{"read_write_type": "ReadOnly"}], "insight_selectors": [{"insight_type": "ApiCallRateInsight", "event_categories": ["Management", "Data"]}]})])
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as trails([trail({"event_selectors": unknown, "insight_selectors": rate})])
	count(rule.deny) == 0 with input as trails([trail({"event_selectors": [{"read_write_type": "ReadOnly"}], "insight_selectors": unknown})])
	count(rule.deny) == 0 with input as trails([trail({"event_selectors": [{"read_write_type": "ReadOnly"}], "insight_selectors": [{"insight_type": unknown}]})])
	count(rule.deny) == 0 with input as trails([trail({"event_selectors": [{"read_write_type": "ReadOnly"}], "insight_selectors": [{"insight_type": "ApiCallRateInsight", "event_categories": unknown}]})])
	count(rule.deny) == 0 with input as trails([trail({"event_selectors": [{"read_write_type": "ReadOnly"}], "insight_selectors": [{"insight_type": "ApiCallRateInsight", "event_categories": [unknown]}]})])
}
