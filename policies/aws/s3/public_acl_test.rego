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

# ACLs declared as resources of their own (aws.s3.bucket_acls).
acls(buckets, bucket_acls, account) := {"aws": {"s3": {"buckets": buckets, "bucket_acls": bucket_acls, "account_public_access_blocks": account, "public_access_blocks": [{"id": "pab", "ignore_public_acls": true}]}}}

test_acl_resource_of_bucket_outside_scan_fires if {
	a := {"id": "aws_s3_bucket_acl.x", "target": {"name": "elsewhere"}, "acl": "public-read", "grants": [{"uri": "http://acs.amazonaws.com/groups/global/AllUsers", "permission": "WRITE"}]}
	fs := public_acl.deny with input as acls([], [a], [])
	{[f.resource, f.attribute, f.severity] | some f in fs} == {["aws_s3_bucket_acl.x", "acl", "HIGH"], ["aws_s3_bucket_acl.x", "grants[0]", "CRITICAL"]}
}

# An ACL resource of a bucket of the scan is reported once, on the ACL
# resource, and not when the bucket's linked block ignores public ACLs.
test_linked_acl_resource_once_and_ignored_by_bucket_block if {
	a := {"id": "acl", "bucket_ref": "b", "target": {"refs": ["b"]}, "acl": "public-read", "grants": []}
	fs := public_acl.deny with input as acls([bucket({"public_access_blocks": []})], [a], [])
	{[f.resource, f.attribute] | some f in fs} == {["acl", "acl"]}
	count(public_acl.deny) == 0 with input as acls([bucket({"public_access_blocks": ["pab"]})], [a], [])
	count(public_acl.deny) == 0 with input as acls([], [a], [{"ignore_public_acls": true}])
}

test_acl_resource_unknown_acl_does_not_fire if {
	count(public_acl.deny) == 0 with input as acls([], [{"id": "acl", "acl": unknown, "grants": []}], [])
}

objects_input(objects, buckets) := {"aws": {"s3": {"buckets": buckets, "objects": objects, "account_public_access_blocks": []}}}

s3_object(fields) := object.union({"id": "aws_s3_object.o", "type": "aws_s3_object", "target": {"name": "site"}, "grants": []}, fields)

test_object_public_canned_acl if {
	fs := public_acl.deny with input as objects_input([s3_object({"acl": "public-read-write"})], [])
	count(fs) == 1
	some f in fs
	f.resource == "aws_s3_object.o"
	f.attribute == "acl"
	f.severity == "CRITICAL"
	startswith(f.message, "Object aws_s3_object.o in site ")
}

test_object_public_grant if {
	g := {"uri": "http://acs.amazonaws.com/groups/global/AuthenticatedUsers", "permission": "READ"}
	some f in public_acl.deny with input as objects_input([s3_object({"type": "aws_s3_object_copy", "grants": [g]})], [])
	f.attribute == "grants[0]"
	f.severity == "HIGH"
}

test_object_private_unknown_absent_do_not_fire if {
	objs := [s3_object({"acl": "private"}), s3_object({"id": "u", "acl": unknown}), s3_object({"id": "a"}), s3_object({"id": "o", "acl": "bucket-owner-full-control"})]
	count(public_acl.deny) == 0 with input as objects_input(objs, [])
}

test_object_in_bucket_ignoring_public_acls_does_not_fire if {
	b := bucket({"id": "b", "public_access_block": {"ignore_public_acls": true}})
	count(public_acl.deny) == 0 with input as objects_input([s3_object({"acl": "public-read", "bucket_ref": "b"})], [b])
}
