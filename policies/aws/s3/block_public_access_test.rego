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
