package seclint.aws.s3.acls_enabled_test

import data.seclint.aws.s3.acls_enabled as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

bucket(fields) := object.union({"id": "b", "grants": [], "policies": [], "acls": []}, fields)

s3(buckets) := {"aws": {"s3": {"buckets": buckets}}}

attributes(buckets) := {f.attribute | some f in rule.deny with input as s3(buckets)}

test_object_writer_and_preferred_fire if {
	attributes([bucket({"object_ownership": "ObjectWriter"})]) == {"object_ownership"}
	attributes([bucket({"object_ownership": "BucketOwnerPreferred"})]) == {"object_ownership"}
}

test_acl_resource_fires if {
	attributes([bucket({"acls": ["aws_s3_bucket_acl.b"], "acl": "private"})]) == {"acls[0]"}
}

test_non_private_canned_acl_fires if {
	attributes([bucket({"acl": "log-delivery-write"})]) == {"acl"}
	attributes([bucket({"acl": "public-read"})]) == {"acl"}
}

test_legacy_grants_fire if {
	attributes([bucket({"grants": [{"permission": "READ"}]})]) == {"grants[0]"}
}

test_one_finding_per_bucket if {
	b := bucket({"object_ownership": "ObjectWriter", "acls": ["aws_s3_bucket_acl.b"], "acl": "public-read"})
	count(rule.deny) == 1 with input as s3([b])
	attributes([b]) == {"object_ownership"}
}

test_defaults_and_enforced_do_not_fire if {
	count(rule.deny) == 0 with input as s3([
		bucket({}),
		bucket({"id": "c", "object_ownership": "BucketOwnerEnforced"}),
		bucket({"id": "d", "acl": "private"}),
		bucket({"id": "e", "acl": "bucket-owner-full-control"}),
	])
}

# A canned ACL with ownership known BucketOwnerEnforced fails to deploy;
# ACLs stay disabled.
test_acl_with_enforced_ownership_does_not_fire if {
	count(rule.deny) == 0 with input as s3([bucket({"object_ownership": "BucketOwnerEnforced", "acl": "public-read"})])
}

test_unknown_values_do_not_fire if {
	count(rule.deny) == 0 with input as s3([
		bucket({"object_ownership": unknown}),
		bucket({"id": "c", "acl": unknown}),
	])
}

# Sub-resources of buckets outside the scan are checked on their own.
orphans(settings, acls) := {"aws": {"s3": {"buckets": [], "bucket_settings": settings, "bucket_acls": acls}}}

orphan_findings(settings, acls) := {[f.resource, f.attribute] | some f in rule.deny with input as orphans(settings, acls)}

test_orphan_ownership_controls_fire if {
	orphan_findings(
		[
			{"id": "w", "target": {"name": "shared"}, "object_ownership": "ObjectWriter"},
			{"id": "p", "target": {"name": "shared"}, "object_ownership": "BucketOwnerPreferred"},
		],
		[],
	) == {["w", "object_ownership"], ["p", "object_ownership"]}
}

test_orphan_settings_without_acl_ownership_do_not_fire if {
	orphan_findings(
		[
			{"id": "e", "object_ownership": "BucketOwnerEnforced"},
			{"id": "u", "object_ownership": unknown},
			{"id": "v", "versioning": {"status": "Suspended"}},
		],
		[],
	) == set()
}

test_orphan_acls_that_need_acls_enabled_fire if {
	orphan_findings([], [
		{"id": "canned", "acl": "public-read", "grants": []},
		{"id": "group", "grants": [
			{"grantee_type": "CanonicalUser", "id": "owner", "permission": "FULL_CONTROL"},
			{"grantee_type": "Group", "uri": "http://acs.amazonaws.com/groups/s3/LogDelivery", "permission": "WRITE"},
			{"grantee_type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AllUsers", "permission": "READ"},
		]},
		{"id": "read", "grants": [{"grantee_type": "CanonicalUser", "id": "other", "permission": "READ"}]},
	]) == {["canned", "acl"], ["group", "grants[1]"], ["read", "grants[0]"]}
}

test_orphan_owner_only_and_unknown_acls_do_not_fire if {
	orphan_findings([], [
		{"id": "private", "acl": "private", "grants": []},
		{"id": "bofc", "acl": "bucket-owner-full-control", "grants": []},
		{"id": "unknown", "acl": unknown, "grants": []},
		{"id": "owner", "grants": [{"grantee_type": "CanonicalUser", "id": "owner", "permission": "FULL_CONTROL"}]},
		{"id": "unknown-grant", "grants": [{"grantee_type": unknown, "permission": unknown}]},
	]) == set()
}

# A linked sub-resource is checked through its bucket (merged ownership,
# acls), not again on its own.
test_linked_sub_resources_are_not_orphans if {
	orphan_findings(
		[{"id": "w", "bucket_ref": "b", "object_ownership": "ObjectWriter"}],
		[{"id": "a", "bucket_ref": "b", "acl": "public-read", "grants": []}],
	) == set()
}
