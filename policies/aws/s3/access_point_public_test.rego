package seclint.aws.s3.access_point_public_test

import data.seclint.aws.s3.access_point_public as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

all_on := {"block_public_acls": true, "ignore_public_acls": true, "block_public_policy": true, "restrict_public_buckets": true}

relaxed := object.union(all_on, {"block_public_policy": false})

ap(fields) := object.union({"id": "ap", "network_origin": "VPC", "policies": []}, fields)

model(aps, buckets, account, policies) := {"aws": {
	"s3": {"access_points": aps, "buckets": buckets, "account_public_access_blocks": account, "public_access_blocks": [
		object.union(all_on, {"id": "pab.on"}),
		object.union(relaxed, {"id": "pab.relaxed"}),
	]},
	"iam": {"policies": policies},
}}

attributes(m) := {f.attribute | some f in rule.deny with input as m}

test_relaxed_flag_with_outside_bucket_fires if {
	attributes(model([ap({"public_access_block": relaxed})], [], [], [])) == {"public_access_block.block_public_policy"}
}

test_relaxed_flag_with_relaxed_bucket_fires if {
	b := {"id": "b", "public_access_block": relaxed, "public_access_blocks": ["pab.relaxed"]}
	attributes(model([ap({"bucket_ref": "b", "public_access_block": relaxed})], [b], [], [])) == {"public_access_block.block_public_policy"}
}

test_no_block_and_all_on_do_not_fire if {
	count(rule.deny) == 0 with input as model([ap({}), ap({"id": "ap2", "public_access_block": all_on})], [], [], [])
}

# The bucket's or the account's block covers the access point.
test_bucket_block_covers if {
	b := {"id": "b", "public_access_block": all_on, "public_access_blocks": []}
	count(rule.deny) == 0 with input as model([ap({"bucket_ref": "b", "public_access_block": relaxed})], [b], [], [])
}

# A block declared as a resource of its own, linked to the bucket, covers too.
test_linked_bucket_block_covers if {
	b := {"id": "b", "public_access_blocks": ["pab.on"]}
	count(rule.deny) == 0 with input as model([ap({"bucket_ref": "b", "public_access_block": relaxed})], [b], [], [])
}

test_default_bucket_block_covers if {
	count(rule.deny) == 0 with input as model([ap({"bucket_ref": "b", "public_access_block": relaxed})], [{"id": "b", "public_access_blocks": []}], [], [])
}

test_account_block_covers if {
	count(rule.deny) == 0 with input as model([ap({"public_access_block": relaxed})], [], [{"block_public_policy": true}], [])
	count(rule.deny) == 1 with input as model([ap({"public_access_block": relaxed})], [], [{"block_public_policy": unknown}], [])
}

test_unknown_flag_does_not_fire if {
	count(rule.deny) == 0 with input as model([ap({"public_access_block": object.union(all_on, {"block_public_acls": unknown})})], [], [], [])
}

public_policy := {"id": "ap.policy", "kind": "resource", "statements": [{"effect": "Allow", "actions": ["s3:GetObject"], "principals": [{"type": "*", "value": "*"}]}]}

test_internet_origin_public_policy_fires if {
	attributes(model([ap({"network_origin": "Internet", "policies": ["ap.policy"]})], [], [], [public_policy])) == {"policies[0]"}
}

test_vpc_or_unknown_origin_does_not_fire if {
	count(rule.deny) == 0 with input as model([ap({"policies": ["ap.policy"]})], [], [], [public_policy])
	count(rule.deny) == 0 with input as model([ap({"network_origin": unknown, "policies": ["ap.policy"]})], [], [], [public_policy])
}

test_narrowed_or_named_principal_does_not_fire if {
	narrowed := object.union(public_policy, {"statements": [object.union(public_policy.statements[0], {"conditions": [{"base": "StringEquals", "key": "aws:PrincipalOrgID", "values": ["o-abc"]}]})]})
	count(rule.deny) == 0 with input as model([ap({"network_origin": "Internet", "policies": ["ap.policy"]})], [], [], [narrowed])
	named := object.union(public_policy, {"statements": [object.union(public_policy.statements[0], {"principals": [{"type": "AWS", "value": "arn:aws:iam::111122223333:root"}]})]})
	count(rule.deny) == 0 with input as model([ap({"network_origin": "Internet", "policies": ["ap.policy"]})], [], [], [named])
}
