package seclint.aws.cloudfront.origin_bypass_test

import data.seclint.aws.cloudfront.origin_bypass as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

scan(origins, ingress) := {"aws": {
	"cloudfront": {"distributions": [{"id": "d", "type": "aws_cloudfront_distribution", "origins": origins}]},
	"elb": {"load_balancers": [{"id": "lb", "type": "aws_lb", "security_group_refs": ["sg"]}]},
	"ec2": {
		"security_groups": [{"id": "sg", "type": "aws_security_group", "ingress": ingress, "egress": [], "rules": []}],
		"security_group_rules": [],
	},
}}

world := [{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"], "public": true}]

test_open_origin_fires if {
	fs := rule.deny with input as scan([{"id": "o", "load_balancer_ref": "lb"}], world)
	count(fs) == 1
	some f in fs
	f.attribute == "origins[0]"
}

test_restricted_or_other_origins_pass if {
	count(rule.deny) == 0 with input as scan([{"id": "o", "load_balancer_ref": "lb"}], [])
	count(rule.deny) == 0 with input as scan([{"id": "o", "domain_name": "site.example.com"}], world)
}

test_unknown_never_fires if {
	count(rule.deny) == 0 with input as scan(unknown, world)
}
