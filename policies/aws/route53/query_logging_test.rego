package seclint.aws.route53.query_logging_test

import data.seclint.aws.route53.query_logging as rule

model(z, logs) := {"aws": {"route53": {
	"hosted_zones": [object.union({"id": "z", "type": "aws_route53_zone", "name": "example.com", "query_logs": [q.id | some q in logs; q.zone_ref == "z"]}, z)],
	"query_logs": logs,
}}}

test_public_without_logging_fires if {
	some f in rule.deny with input as model({"private": false}, [])
	f.resource == "z"
	f.attribute == ""
	# A query log of another zone (a literal zone ID outside the scan).
	count(rule.deny) == 1 with input as model({"private": false}, [{"id": "q", "zone_ref": "", "target": {"name": "Z0123456789"}}])
}

test_logged_does_not_fire if {
	count(rule.deny) == 0 with input as model({"private": false}, [{"id": "q", "zone_ref": "z", "target": {"refs": ["z"]}}])
	count(rule.deny) == 0 with input as model({"private": false, "query_log_group": "arn:aws:logs:us-east-1:111122223333:log-group:dns"}, [])
	count(rule.deny) == 0 with input as model({"private": false, "query_log_group": {"__unknown__": true}}, [])
}

test_private_or_unknown_does_not_fire if {
	count(rule.deny) == 0 with input as model({"private": true}, [])
	count(rule.deny) == 0 with input as model({"private": {"__unknown__": true}}, [])
	count(rule.deny) == 0 with input as model({}, [])
	count(rule.deny) == 0 with input as model({"private": false}, [{"id": "q", "target": {"name": {"__unknown__": true}}}])
}
