package seclint.lib_test

import data.seclint.lib

test_action_matches_aws_wildcards if {
	lib.action_matches("s3:*", "s3:GetObject")
	lib.action_matches("S3:get*", "s3:GetObject")
	lib.action_matches("iam:Pass?ole", "iam:PassRole")
	lib.action_matches("*", "kms:Decrypt")
	lib.action_matches("*:Decrypt", "kms:Decrypt")
	not lib.action_matches("s3:Put*", "s3:GetObject")
	not lib.action_matches("s3:*", "s3express:CreateSession")
	not lib.action_matches(unknown, "s3:GetObject")
}

test_known_items_skips_unknown if {
	lib.known_items(["a", unknown, "b"]) == [[0, "a"], [2, "b"]]
	lib.known_items(unknown) == []
}

test_public_principal if {
	lib.is_public_principal({"type": "*", "value": "*"})
	lib.is_public_principal({"type": "AWS", "value": "*"})
	not lib.is_public_principal({"type": "AWS", "value": "arn:aws:iam::111122223333:root"})
	not lib.is_public_principal({"type": "Service", "value": "*"})
	not lib.is_public_principal({"type": "AWS", "value": unknown})
}

cond(op, base, key, values) := {"operator": op, "base": base, "key": key, "values": values}

test_narrowing_conditions if {
	lib.narrows(cond("StringEquals", "StringEquals", "aws:PrincipalOrgID", ["o-abc"]))
	lib.narrows(cond("StringEquals", "StringEquals", "AWS:SourceVpce", ["vpce-1"]))
	lib.narrows(cond("IpAddress", "IpAddress", "aws:SourceIp", ["203.0.113.0/24"]))
	lib.narrows(cond("StringEquals", "StringEquals", "aws:SourceAccount", [unknown]))
	lib.narrows(cond("StringEquals", "StringEquals", "aws:SourceAccount", unknown))
	lib.narrows(cond("StringLike", "StringLike", "token.actions.githubusercontent.com:sub", ["repo:acme/app:*"]))
	lib.narrows(cond("StringEquals", "StringEquals", "oidc.eks.us-east-1.amazonaws.com/id/ABC:aud", ["sts.amazonaws.com"]))
	lib.narrows(cond("Bool", "Bool", "aws:PrincipalIsAWSService", ["true"]))
	lib.narrows(cond("IpAddress", "IpAddress", "aws:SourceIp", ["10.0.0.0/8", "203.0.113.7"]))
	lib.narrows(cond("IpAddress", "IpAddress", "aws:SourceIp", ["10.0.0.0/7"]))
	lib.narrows(cond("IpAddress", "IpAddress", "aws:SourceIp", ["2001:db8::/32"]))
	lib.narrows(cond("IpAddress", "IpAddress", "aws:SourceIp", ["10.0.0.0/8", unknown]))
	lib.narrows(cond("IpAddress", "IpAddress", "aws:VpcSourceIp", ["10.0.0.0/8"]))
}

# A condition that no request can satisfy narrows nothing: aws:SourceIp is
# the public address of the caller, absent through a VPC endpoint.
test_unsatisfiable_source_ip_does_not_narrow if {
	not lib.narrows(cond("IpAddress", "IpAddress", "aws:SourceIp", ["10.0.0.0/8"]))
	not lib.narrows(cond("IpAddress", "IpAddress", "AWS:SourceIP", ["192.168.1.10", "172.16.0.0/12"]))
	not lib.narrows(cond("IpAddress", "IpAddress", "aws:SourceIp", ["fc00::/7"]))
	not lib.narrows(cond("IpAddress", "IpAddress", "aws:SourceIp", ["not-an-address"]))
	lib.private_source_ip_only({"conditions": [cond("IpAddress", "IpAddress", "aws:SourceIp", ["10.0.0.0/8"])]})
	not lib.private_source_ip_only({"conditions": [cond("IpAddress", "IpAddress", "aws:SourceIp", ["10.0.0.0/8", "203.0.113.7"])]})
	not lib.private_source_ip_only({"conditions": [cond("NotIpAddress", "NotIpAddress", "aws:SourceIp", ["10.0.0.0/8"])]})
	not lib.private_source_ip_only({"conditions": [cond("IpAddress", "IpAddress", "aws:SourceIp", unknown)]})
}

test_non_narrowing_conditions if {
	not lib.narrows(cond("StringNotEquals", "StringNotEquals", "aws:PrincipalOrgID", ["o-abc"]))
	not lib.narrows(object.union(cond("StringEqualsIfExists", "StringEquals", "aws:SourceVpce", ["vpce-1"]), {"if_exists": true}))
	not lib.narrows(cond("IpAddress", "IpAddress", "aws:SourceIp", ["0.0.0.0/0"]))
	not lib.narrows(cond("IpAddress", "IpAddress", "aws:SourceIp", ["::/0"]))
	not lib.narrows(cond("StringLike", "StringLike", "aws:PrincipalOrgID", ["*"]))
	not lib.narrows(cond("Bool", "Bool", "aws:SecureTransport", ["true"]))
	not lib.narrows(cond("Bool", "Bool", "aws:PrincipalIsAWSService", ["false"]))
	not lib.narrows(cond("StringLike", "StringLike", "s3:prefix", ["home/"]))
	not lib.narrows(object.union(cond("ForAllValues:StringEquals", "StringEquals", "aws:PrincipalOrgID", ["o-1"]), {"set_operator": "ForAllValues"}))
}

test_narrowed_statement if {
	lib.narrowed({"conditions": unknown})
	lib.narrowed({"conditions": [cond("StringEquals", "StringEquals", "aws:SourceArn", ["arn:aws:sns:us-east-1:111122223333:t"])]})
	not lib.narrowed({"conditions": [cond("Bool", "Bool", "aws:SecureTransport", ["true"])]})
	not lib.narrowed({})
}

test_action_matches_is_not_a_glob if {
	# IAM has only * and ?: brackets, braces and dots are literal.
	not lib.action_matches("s3:Get[O]bject", "s3:GetObject")
	lib.action_matches("s3:Get[O]bject", "s3:Get[O]bject")
	not lib.action_matches("s3:{Get,Put}Object", "s3:GetObject")
	not lib.action_matches("s3:Get.bject", "s3:GetObject")
	not lib.action_matches("iam:Pass?ole", "iam:PassRolee")
	lib.action_matches("IAM:PASSROLE", "iam:PassRole")
	lib.action_matches("*:*", "iam:PassRole")
	not lib.action_matches("s3:GetObject", unknown)
}

test_action_service_wildcard if {
	lib.action_service_wildcard("s3:*") == "s3"
	lib.action_service_wildcard("KMS:*") == "kms"
	lib.action_service_wildcard("s3-object-lambda:*") == "s3-object-lambda"
	not lib.action_service_wildcard("*")
	not lib.action_service_wildcard("*:*")
	not lib.action_service_wildcard("s3:Get*")
	not lib.action_service_wildcard("s3*:*")
	not lib.action_service_wildcard(unknown)
}

test_action_well_formed if {
	lib.action_well_formed("*")
	lib.action_well_formed("s3:GetObject")
	lib.action_well_formed("ec2:Describe*")
	lib.action_well_formed("*:*")
	not lib.action_well_formed("GetObject")
	not lib.action_well_formed("s3:")
	not lib.action_well_formed(":GetObject")
	not lib.action_well_formed("s3::GetObject")
	not lib.action_well_formed("s3:Get Object")
	not lib.action_well_formed("")
}

test_covers_and_allows_action if {
	allow := {"effect": "Allow", "actions": ["s3:Get*", unknown]}
	lib.allows_action(allow, "s3:GetObject")
	not lib.allows_action(allow, "s3:PutObject")
	not lib.denies_action(allow, "s3:GetObject")

	# NotAction covers every action it does not match.
	not_action := {"effect": "Allow", "not_actions": ["iam:*", "organizations:*"]}
	lib.allows_action(not_action, "s3:GetObject")
	not lib.allows_action(not_action, "iam:PassRole")

	# An unknown NotAction element might exclude anything.
	not lib.allows_action({"effect": "Allow", "not_actions": ["iam:*", unknown]}, "s3:GetObject")
	not lib.allows_action({"effect": "Allow", "not_actions": unknown}, "s3:GetObject")
	not lib.allows_action({"effect": unknown, "actions": ["*"]}, "s3:GetObject")
	lib.denies_action({"effect": "Deny", "actions": ["*"]}, "s3:GetObject")
}

test_principal_kind if {
	lib.principal_kind({"type": "*", "value": "*"}) == "public"
	lib.principal_kind({"type": "AWS", "value": "*"}) == "public"
	lib.principal_kind({"type": "AWS", "value": "111122223333"}) == "account"
	lib.principal_kind({"type": "AWS", "value": "arn:aws:iam::111122223333:root"}) == "account"
	lib.principal_kind({"type": "AWS", "value": "arn:aws-us-gov:iam::111122223333:root"}) == "account"
	lib.principal_kind({"type": "AWS", "value": "arn:aws:iam::111122223333:role/app"}) == "arn"
	lib.principal_kind({"type": "AWS", "value": "AROAEXAMPLEID"}) == "unique_id"
	lib.principal_kind({"type": "Service", "value": "lambda.amazonaws.com"}) == "service"
	lib.principal_kind({"type": "Federated", "value": "cognito-identity.amazonaws.com"}) == "federated"
	lib.principal_kind({"type": "CanonicalUser", "value": "79a59df900b949e55d96a1e698fbace"}) == "canonical_user"
	not lib.principal_kind({"type": "AWS", "value": unknown})
}

test_principal_account if {
	lib.principal_account({"type": "AWS", "value": "111122223333"}) == "111122223333"
	lib.principal_account({"type": "AWS", "value": "arn:aws:iam::111122223333:root"}) == "111122223333"
	lib.principal_account({"type": "AWS", "value": "arn:aws:iam::444455556666:role/path/app"}) == "444455556666"
	lib.principal_account({"type": "AWS", "value": "arn:aws:sts::444455556666:assumed-role/app/session"}) == "444455556666"
	lib.principal_account({"type": "AWS", "value": "arn:aws-cn:iam::444455556666:user/u"}) == "444455556666"
	not lib.principal_account({"type": "AWS", "value": "*"})
	not lib.principal_account({"type": "AWS", "value": "arn:aws:iam::*:root"})
	not lib.principal_account({"type": "AWS", "value": "arn:aws:s3:::bucket"})
	not lib.principal_account({"type": "Service", "value": "111122223333"})
	not lib.principal_account({"type": "AWS", "value": unknown})
}

test_condition_operator_known if {
	lib.condition_operator_known("StringEquals")
	lib.condition_operator_known("StringNotEqualsIgnoreCase")
	lib.condition_operator_known("StringLikeIfExists")
	lib.condition_operator_known("ForAllValues:StringLike")
	lib.condition_operator_known("ForAnyValue:ArnNotLikeIfExists")
	lib.condition_operator_known("NumericGreaterThanEquals")
	lib.condition_operator_known("DateLessThanIfExists")
	lib.condition_operator_known("Bool")
	lib.condition_operator_known("BoolIfExists")
	lib.condition_operator_known("BinaryEquals")
	lib.condition_operator_known("IpAddress")
	lib.condition_operator_known("NotIpAddressIfExists")
	lib.condition_operator_known("ArnEquals")
	lib.condition_operator_known("Null")
	lib.condition_operator_known("stringequals")
	not lib.condition_operator_known("NullIfExists")
	not lib.condition_operator_known("StringEqual")
	not lib.condition_operator_known("StringMatches")
	not lib.condition_operator_known("IfExists")
	not lib.condition_operator_known("ForSomeValues:StringLike")
	not lib.condition_operator_known("ForAllValues:")
	not lib.condition_operator_known("BinaryNotEquals")
	not lib.condition_operator_known(unknown)
}

# condition_operator_pattern agrees with condition_operator_known on every
# base operator with every prefix and suffix, and on the unknown spellings.
test_condition_operator_pattern if {
	ops := {concat("", [prefix, base, suffix]) |
		some base in lib.condition_base_operators
		some prefix in ["", "ForAllValues:", "foranyvalue:", "ForSomeValues:"]
		some suffix in ["", "IfExists", "ifexists", "IfExistsIfExists", "Equals"]
	}
	others := {
		"StringEquals", "StringNotEqualsIgnoreCase", "ForAnyValue:ArnNotLikeIfExists", "StringEqual",
		"IfExists", "ForAllValues:", "ForAllValues:ForAllValues:Bool", "BinaryNotEquals", "",
		"StringLi\u212ae", # the Kelvin sign lowers to k
	}
	every op in ops | others {
		regex.match(lib.condition_operator_pattern, op) == _operator_known(op)
	}
}

_operator_known(op) if lib.condition_operator_known(op)

else := false

test_cidr_classification if {
	lib.cidr_is_private("10.0.0.0/8")
	lib.cidr_is_private("10.1.2.3")
	lib.cidr_is_private("172.16.0.0/12")
	lib.cidr_is_private("172.31.255.0/24")
	lib.cidr_is_private("192.168.1.0/24")
	lib.cidr_is_private("100.64.0.0/10")
	lib.cidr_is_private("127.0.0.1")
	lib.cidr_is_private("169.254.169.254/32")
	lib.cidr_is_private("fd00::/8")
	lib.cidr_is_private("fc00::1")
	lib.cidr_is_private("fe80::1/64")
	lib.cidr_is_private("::1")
	not lib.cidr_is_private("172.32.0.0/16")
	not lib.cidr_is_private("203.0.113.0/24")
	not lib.cidr_is_private("0.0.0.0/0")
	not lib.cidr_is_private("10.0.0.0/7")
	not lib.cidr_is_private("2001:db8::/32")
	not lib.cidr_is_private("::/0")
	not lib.cidr_is_private("not-an-ip")
	not lib.cidr_is_private("10.0.0.0/33")
	not lib.cidr_is_private(unknown)
	lib.cidr_is_public("203.0.113.7")
	lib.cidr_is_public("2001:db8::/32")
	not lib.cidr_is_public("0.0.0.0/0")
	not lib.cidr_is_public("10.0.0.1")
	not lib.cidr_is_public("nonsense")
}

test_condition_helpers if {
	lib.is_ip_condition(cond("NotIpAddressIfExists", "NotIpAddress", "aws:SourceIp", ["10.0.0.0/8"]))
	not lib.is_ip_condition(cond("StringEquals", "StringEquals", "aws:SourceIp", ["10.0.0.0/8"]))
	lib.condition_key_is(cond("Bool", "Bool", "AWS:MultiFactorAuthPresent", ["false"]), "aws:multifactorauthpresent")
	not lib.condition_key_is(cond("Bool", "Bool", unknown, ["false"]), "aws:multifactorauthpresent")
}

test_policy_name_says_the_kind_of_a_policy_file if {
	lib.policy_name({"id": "p.json", "kind": "endpoint", "kind_reason": "its path has \"endpoint\""}) == "p.json (read as a VPC endpoint policy: its path has \"endpoint\")"
	lib.policy_name({"id": "aws_iam_policy.p.policy", "kind": "identity"}) == "aws_iam_policy.p.policy"
	lib.statement_name({"id": "b.json", "kind": "boundary", "kind_reason": "the config says so"}, {"sid": "All"}, 0) == "Statement \"All\" of b.json (read as a permissions boundary: the config says so)"
}

# A VPC endpoint policy, a permissions boundary and an SCP grant nothing:
# they are neither identity nor resource policies.
test_limiting_kinds_are_not_granting_policies if {
	pols := [{"id": "e", "kind": "endpoint"}, {"id": "b", "kind": "boundary"}, {"id": "s", "kind": "scp"}, {"id": "i", "kind": "identity"}, {"id": "r", "kind": "resource"}]
	{p.id | some p in lib.identity_policies} == {"i"} with input as {"aws": {"iam": {"policies": pols}}}
	{p.id | some p in lib.resource_policies} == {"r"} with input as {"aws": {"iam": {"policies": pols}}}
}
