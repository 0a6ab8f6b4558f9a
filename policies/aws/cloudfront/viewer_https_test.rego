package seclint.aws.cloudfront.viewer_https_test

import data.seclint.aws.cloudfront.viewer_https as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

scan(dist) := {"aws": {"cloudfront": {"distributions": [object.union({"id": "d", "type": "aws_cloudfront_distribution"}, dist)]}}}

test_default_allow_all_fires if {
	fs := rule.deny with input as scan({"default_cache_behavior": {"viewer_protocol_policy": "allow-all"}})
	count(fs) == 1
	some f in fs
	f.attribute == "default_cache_behavior.viewer_protocol_policy"
}

test_ordered_allow_all_fires if {
	fs := rule.deny with input as scan({
		"default_cache_behavior": {"viewer_protocol_policy": "https-only"},
		"ordered_cache_behaviors": [
			{"path_pattern": "/a/*", "viewer_protocol_policy": "redirect-to-https"},
			{"path_pattern": "/b/*", "viewer_protocol_policy": "allow-all"},
		],
	})
	count(fs) == 1
	some f in fs
	f.attribute == "ordered_cache_behaviors[1].viewer_protocol_policy"
	contains(f.message, "/b/*")
}

test_unknown_path_still_fires if {
	fs := rule.deny with input as scan({"ordered_cache_behaviors": [{"path_pattern": unknown, "viewer_protocol_policy": "allow-all"}, {"viewer_protocol_policy": "allow-all"}]})
	count(fs) == 2
}

test_https_passes if {
	count(rule.deny) == 0 with input as scan({"default_cache_behavior": {"viewer_protocol_policy": "redirect-to-https"}})
	count(rule.deny) == 0 with input as scan({"default_cache_behavior": {"viewer_protocol_policy": "https-only"}, "ordered_cache_behaviors": []})
	count(rule.deny) == 0 with input as scan({})
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as scan({"default_cache_behavior": {"viewer_protocol_policy": unknown}})
	count(rule.deny) == 0 with input as scan({"ordered_cache_behaviors": unknown})
	count(rule.deny) == 0 with input as scan({"ordered_cache_behaviors": [{"viewer_protocol_policy": unknown}]})
}
