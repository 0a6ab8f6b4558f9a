package seclint.aws.s3.public_acl_test

import data.seclint.aws.s3.public_acl

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

bucket(fields) := object.union({"id": "b", "grants": []}, fields)

s3(buckets, account) := {"aws": {"s3": {"buckets": buckets, "account_public_access_blocks": account}}}

test_public_read_is_high if {
	fs := public_acl.deny with input as s3([bucket({"acl": "public-read"})], [])
	count(fs) == 1
	some f in fs
	f.severity == "HIGH"
	f.attribute == "acl"
}

test_public_read_write_is_critical if {
	some f in public_acl.deny with input as s3([bucket({"acl": "public-read-write"})], [])
	f.severity == "CRITICAL"
}

test_public_group_grant if {
	g := {"uri": "http://acs.amazonaws.com/groups/global/AllUsers", "permission": "WRITE"}
	some f in public_acl.deny with input as s3([bucket({"grants": [{"uri": "x", "permission": "READ"}, g]})], [])
	f.attribute == "grants[1]"
	f.severity == "CRITICAL"
}

test_private_unknown_and_absent_acl_do_not_fire if {
	count(public_acl.deny) == 0 with input as s3([bucket({"acl": "private"}), bucket({"id": "c", "acl": unknown}), bucket({"id": "d"})], [])
}

test_ignore_public_acls_silences if {
	b := bucket({"acl": "public-read", "public_access_block": {"ignore_public_acls": true}})
	count(public_acl.deny) == 0 with input as s3([b], [])
	count(public_acl.deny) == 0 with input as s3([bucket({"acl": "public-read"})], [{"ignore_public_acls": true}])
}

test_unknown_ignore_flag_does_not_silence if {
	b := bucket({"acl": "public-read", "public_access_block": {"ignore_public_acls": unknown}})
	count(public_acl.deny) == 1 with input as s3([b], [])
}
