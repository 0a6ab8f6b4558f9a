package seclint.aws.cloudtrail.s3_data_events_test

import data.seclint.aws.cloudtrail.s3_data_events as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

trails(ts) := {"aws": {"cloudtrail": {"trails": ts}}}

trail(fields) := object.union({"id": "t", "type": "aws_cloudtrail"}, fields)

mgmt(extra) := {"field_selectors": array.concat([{"field": "eventCategory", "equals": ["Management"]}], extra)}

s3_basic := {"event_selectors": [{"data_resources": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]}]}

s3_advanced := {"advanced_event_selectors": [{"field_selectors": [
	{"field": "eventCategory", "equals": ["Data"]},
	{"field": "resources.type", "equals": ["AWS::S3::Object"]},
]}]}

test_no_data_events_fires if {
	fs := rule.deny with input as trails([trail({})])
	count(fs) == 1
	count(rule.deny) == 1 with input as trails([trail({"event_selectors": [{"data_resources": [{"type": "AWS::Lambda::Function", "values": ["arn:aws:lambda"]}]}]})])
	count(rule.deny) == 1 with input as trails([trail({"advanced_event_selectors": [mgmt([])]})])
}

test_s3_data_events_pass if {
	count(rule.deny) == 0 with input as trails([trail(s3_basic)])
	count(rule.deny) == 0 with input as trails([trail(s3_advanced)])
}

# Advanced selectors replace basic ones: the basic data resource is gone.
test_advanced_replace_basic if {
	count(rule.deny) == 1 with input as trails([trail(object.union(s3_basic, {"advanced_event_selectors": [mgmt([])]}))])
}

# Another trail of the scan records them: neither fires.
test_dedicated_data_trail_passes if {
	count(rule.deny) == 0 with input as trails([trail({"id": "management"}), trail(object.union(s3_basic, {"id": "data"}))])
	fs := rule.deny with input as trails([trail({"id": "a"}), trail({"id": "b"})])
	{f.resource | some f in fs} == {"a", "b"}
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as trails([trail({"event_selectors": unknown})])
	count(rule.deny) == 0 with input as trails([trail({"event_selectors": [{"data_resources": unknown}]})])
	count(rule.deny) == 0 with input as trails([trail({"event_selectors": [{"data_resources": [{"type": unknown}]}]})])
	count(rule.deny) == 0 with input as trails([trail({"advanced_event_selectors": unknown})])
	count(rule.deny) == 0 with input as trails([trail({"advanced_event_selectors": [{"field_selectors": unknown}]})])
	count(rule.deny) == 0 with input as trails([trail({"advanced_event_selectors": [{"field_selectors": [{"field": "eventCategory", "equals": ["Data"]}, {"field": "resources.type", "equals": unknown}]}]})])
	count(rule.deny) == 0 with input as trails([trail({"id": "a"}), trail({"id": "b", "event_selectors": unknown})])
}
