package seclint.aws.s3.block_public_access_test

import data.seclint.aws.s3.block_public_access as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

s3(buckets, account) := {"aws": {"s3": {"buckets": buckets, "account_public_access_blocks": account}}}

all_on := {"block_public_acls": true, "ignore_public_acls": true, "block_public_policy": true, "restrict_public_buckets": true}

test_each_false_flag_is_a_finding if {
	b := {"id": "b", "public_access_block": object.union(all_on, {"block_public_policy": false, "restrict_public_buckets": false})}
	fs := rule.deny with input as s3([b], [])
	{f.attribute | some f in fs} == {"public_access_block.block_public_policy", "public_access_block.restrict_public_buckets"}
}

test_no_block_is_fine if {
	count(rule.deny) == 0 with input as s3([{"id": "b"}], [])
}

test_unknown_flag_does_not_fire if {
	b := {"id": "b", "public_access_block": object.union(all_on, {"block_public_acls": unknown})}
	count(rule.deny) == 0 with input as s3([b], [])
}

test_account_block_covers_bucket if {
	b := {"id": "b", "public_access_block": object.union(all_on, {"block_public_acls": false})}
	count(rule.deny) == 0 with input as s3([b], [{"block_public_acls": true}])
	count(rule.deny) == 1 with input as s3([b], [{"block_public_acls": unknown}])
}

# Blocks declared as resources of their own (aws.s3.public_access_blocks).
separate(blocks, account) := {"aws": {"s3": {"buckets": [], "public_access_blocks": blocks, "account_public_access_blocks": account}}}

test_separate_block_of_bucket_outside_scan_fires_at_its_flag if {
	block := object.union(all_on, {"id": "aws_s3_bucket_public_access_block.x", "target": {"name": "elsewhere"}, "ignore_public_acls": false})
	fs := rule.deny with input as separate([block], [])
	{[f.resource, f.attribute] | some f in fs} == {["aws_s3_bucket_public_access_block.x", "ignore_public_acls"]}
}

# Every block of a bucket is checked, not only the last.
test_every_block_of_a_bucket_is_checked if {
	one := object.union(all_on, {"id": "one", "bucket_ref": "b", "block_public_acls": false})
	two := object.union(all_on, {"id": "two", "bucket_ref": "b"})
	three := object.union(all_on, {"id": "three", "bucket_ref": "b", "block_public_policy": false})
	fs := rule.deny with input as separate([one, two, three], [])
	{[f.resource, f.attribute] | some f in fs} == {["one", "block_public_acls"], ["three", "block_public_policy"]}
}

test_separate_block_traps if {
	# unknown flags, and an account block that turns the flag on
	count(rule.deny) == 0 with input as separate([object.union(all_on, {"id": "u", "block_public_acls": unknown})], [])
	count(rule.deny) == 0 with input as separate([object.union(all_on, {"id": "a", "block_public_acls": false})], [{"block_public_acls": true}])
}
