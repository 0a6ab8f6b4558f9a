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
	lib.known_items(["a", unknown, "b"]) == {[0, "a"], [2, "b"]}
	lib.known_items(unknown) == set()
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
