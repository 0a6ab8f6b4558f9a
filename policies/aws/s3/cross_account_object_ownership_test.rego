package seclint.aws.s3.cross_account_object_ownership_test

import data.seclint.aws.s3.cross_account_object_ownership as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

put_from(value) := {"effect": "Allow", "actions": ["s3:PutObject"], "principals": [{"type": "AWS", "value": value}]}

model(ownership, statements) := {"aws": {
	"s3": {"buckets": [{"id": "b", "object_ownership": ownership, "policies": ["b.policy"]}]},
	"iam": {"policies": [{"id": "b.policy", "kind": "resource", "statements": statements}]},
}}

fires(ownership, statements) if count(rule.deny) == 1 with input as model(ownership, statements)

quiet(ownership, statements) if count(rule.deny) == 0 with input as model(ownership, statements)

test_account_id_and_arn_fire if {
	fires("ObjectWriter", [put_from("111122223333")])
	fires("ObjectWriter", [put_from("arn:aws:iam::111122223333:root")])
	fires("ObjectWriter", [put_from("arn:aws:iam::111122223333:role/uploader")])
	some f in rule.deny with input as model("ObjectWriter", [put_from("111122223333")])
	f.attribute == "object_ownership"
}

test_wildcard_actions_fire if {
	fires("ObjectWriter", [object.union(put_from("111122223333"), {"actions": ["s3:Put*"]})])
	fires("ObjectWriter", [object.union(put_from("111122223333"), {"actions": ["*"]})])
	fires("ObjectWriter", [{"effect": "Allow", "not_actions": ["s3:DeleteObject"], "principals": [{"type": "AWS", "value": "111122223333"}]}])
}

test_public_principal_fires if {
	fires("ObjectWriter", [{"effect": "Allow", "actions": ["s3:PutObject"], "principals": [{"type": "*", "value": "*"}]}])
}

test_one_finding_per_bucket if {
	fires("ObjectWriter", [put_from("111122223333"), put_from("444455556666")])
}

# Traps: other ownership settings, absent ownership (BucketOwnerEnforced by
# default), reads only, Deny, own account, service principals, unknowns.
test_other_ownership_does_not_fire if {
	quiet("BucketOwnerEnforced", [put_from("111122223333")])
	quiet("BucketOwnerPreferred", [put_from("111122223333")])
	quiet(unknown, [put_from("111122223333")])
	m := {"aws": {
		"s3": {"buckets": [{"id": "b", "policies": ["b.policy"]}]},
		"iam": {"policies": [{"id": "b.policy", "kind": "resource", "statements": [put_from("111122223333")]}]},
	}}
	count(rule.deny) == 0 with input as m
}

test_non_put_and_non_account_statements_do_not_fire if {
	quiet("ObjectWriter", [object.union(put_from("111122223333"), {"actions": ["s3:GetObject"]})])
	quiet("ObjectWriter", [object.union(put_from("111122223333"), {"effect": "Deny"})])
	quiet("ObjectWriter", [{"effect": "Allow", "actions": ["s3:PutObject"], "principals": [{"type": "Service", "value": "logging.s3.amazonaws.com"}]}])
	quiet("ObjectWriter", [{"effect": "Allow", "not_actions": ["s3:Put*"], "principals": [{"type": "AWS", "value": "111122223333"}]}])
}

test_own_account_does_not_fire if {
	quiet("ObjectWriter", [{"effect": "Allow", "actions": ["s3:PutObject"], "principals": [{"type": "AWS", "value": "arn:aws:iam::111122223333:root", "own_account": true}]}])
}

test_unknown_values_do_not_fire if {
	quiet("ObjectWriter", [put_from(unknown)])
	quiet("ObjectWriter", [object.union(put_from("111122223333"), {"actions": [unknown]})])
	quiet("ObjectWriter", [object.union(put_from("111122223333"), {"conditions": unknown})])
	quiet("ObjectWriter", [{"effect": "Allow", "not_actions": [unknown], "principals": [{"type": "AWS", "value": "111122223333"}]}])
}

test_owner_full_control_required_does_not_fire if {
	acl := {"base": "StringEquals", "key": "s3:x-amz-acl", "values": ["bucket-owner-full-control"]}
	quiet("ObjectWriter", [object.union(put_from("111122223333"), {"conditions": [acl]})])
	deny_other := {
		"effect": "Deny", "actions": ["s3:PutObject"], "principals": [{"type": "*", "value": "*"}],
		"conditions": [{"base": "StringNotEquals", "key": "s3:x-amz-acl", "values": ["bucket-owner-full-control"]}],
	}
	quiet("ObjectWriter", [put_from("111122223333"), deny_other])
}

test_if_exists_acl_condition_still_fires if {
	acl := {"base": "StringEquals", "if_exists": true, "key": "s3:x-amz-acl", "values": ["bucket-owner-full-control"]}
	fires("ObjectWriter", [object.union(put_from("111122223333"), {"conditions": [acl]})])
}

test_allowed_account_ids_are_own if {
	m := object.union(model("ObjectWriter", [put_from("arn:aws:iam::111122223333:root")]), {"aws": {"account": {"ids": ["111122223333"]}}})
	count(rule.deny) == 0 with input as m
	other := object.union(model("ObjectWriter", [put_from("arn:aws:iam::444455556666:root")]), {"aws": {"account": {"ids": ["111122223333"]}}})
	count(rule.deny) == 1 with input as other
	maybe := object.union(model("ObjectWriter", [put_from("arn:aws:iam::444455556666:root")]), {"aws": {"account": {"ids": [unknown]}}})
	count(rule.deny) == 0 with input as maybe
}

test_sts_session_fires if {
	fires("ObjectWriter", [put_from("arn:aws:sts::111122223333:assumed-role/uploader/s")])
}
