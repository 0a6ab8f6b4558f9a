package seclint.lib_test

import data.seclint.lib

# Partly known strings as the parsers write them (built at run time so the
# type checker treats them as any, as it does input).
partial(parts) := json.unmarshal(json.marshal({"__unknown__": true, "parts": parts}))

hole := {"unknown": true}

# arn:${AWS::Partition}:iam::444455556666:root
partition_root := partial([{"text": "arn:"}, hole, {"text": ":iam::444455556666:root"}])

# arn:${AWS::Partition}:iam::${Account}:root
unknown_account_root := partial([{"text": "arn:"}, hole, {"text": ":iam::"}, hole, {"text": ":root"}])

test_prefix_and_suffix if {
	v := partial([{"text": "acme-logs-"}, hole, {"text": "-x"}, hole, {"text": ".log"}])
	lib.is_partly_known(v)
	lib.known_prefix(v) == "acme-logs-"
	lib.known_suffix(v) == ".log"
	lib.known_prefix("abc") == "abc"
	lib.known_prefix(partial([hole, {"text": "-logs"}])) == ""
	not lib.known_prefix(unknown)
	not lib.is_partly_known(unknown)
	not lib.is_partly_known("x")
}

test_startswith if {
	v := partial([{"text": "acme-logs-"}, hole])
	lib.starts_with(v, "acme-")
	not lib.starts_with(v, "acme-logs-x")
	lib.not_startswith(v, "aws-waf-logs-")
	lib.not_startswith("acme", "aws-waf-logs-")
	lib.not_startswith("aws", "aws-waf-logs-")
	not lib.not_startswith("aws-waf-logs-x", "aws-waf-logs-")

	# A known prefix that the text extends, or none, says nothing.
	not lib.not_startswith(partial([{"text": "aws-"}, hole]), "aws-waf-logs-")
	not lib.not_startswith(partial([hole, {"text": "-logs"}]), "/")
	not lib.not_startswith(unknown, "/")
	not lib.starts_with(unknown, "")
}

test_principal_account_partly_known if {
	lib.principal_account({"type": "AWS", "value": partition_root}) == "444455556666"
	lib.principal_kind({"type": "AWS", "value": partition_root}) == "account"
	lib.principal_account({"type": "AWS", "value": partial([{"text": "arn:"}, hole, {"text": ":iam::444455556666:role/"}, hole])}) == "444455556666"

	# The account field is unknown: no account, only an ARN.
	not lib.principal_account({"type": "AWS", "value": unknown_account_root})
	lib.principal_kind({"type": "AWS", "value": unknown_account_root}) == "arn"

	# An unknown part within the field, or in place of more than one field.
	not lib.principal_account({"type": "AWS", "value": partial([{"text": "arn:aws:iam::4444"}, hole, {"text": ":root"}])})
	not lib.principal_account({"type": "AWS", "value": partial([{"text": "arn:"}, hole, {"text": ":444455556666:root"}])})
	not lib.principal_account({"type": "AWS", "value": partial([hole, {"text": ":iam::444455556666:root"}])})
	not lib.principal_kind({"type": "AWS", "value": partial([hole, {"text": ":iam::444455556666:root"}])})

	# Known values are read as before.
	lib.principal_account({"type": "AWS", "value": "arn:aws:iam::111122223333:root"}) == "111122223333"
	lib.principal_kind({"type": "AWS", "value": "AROAEXAMPLE"}) == "unique_id"
}

test_another_account_partly_known if {
	lib.another_account({"type": "AWS", "value": partition_root}) with input as {"aws": {"account": {"ids": []}}}
	not lib.another_account({"type": "AWS", "value": partition_root}) with input as {"aws": {"account": {"ids": ["444455556666"]}}}
	not lib.another_account({"type": "AWS", "value": unknown_account_root, "own_account": true}) with input as {"aws": {"account": {"ids": []}}}
}

buckets_input := {"aws": {"s3": {"buckets": [
	{"id": "Logs", "name": unknown},
	{"id": "aws_s3_bucket.named", "name": "acme-named"},
	{"id": "Twin1", "name": "acme-twin"},
	{"id": "Twin2", "name": "acme-twin"},
]}}}

bucket_part(id, attr) := {"unknown": true, "refs": [id], "attribute": attr}

test_arn_bucket if {
	# !GetAtt Logs.Arn and !Sub ${Logs.Arn}/*
	lib.arn_bucket(partial([bucket_part("Logs", "arn")])) == {"bucket": "Logs", "objects": false} with input as buckets_input
	lib.arn_bucket(partial([bucket_part("Logs", "arn"), {"text": "/*"}])) == {"bucket": "Logs", "objects": true} with input as buckets_input

	# !Sub arn:${AWS::Partition}:s3:::${Logs}/AWSLogs/*
	lib.arn_bucket(partial([{"text": "arn:"}, hole, {"text": ":s3:::"}, bucket_part("Logs", "ref"), {"text": "/AWSLogs/*"}])) == {"bucket": "Logs", "objects": true} with input as buckets_input

	# "arn:aws:s3:::${aws_s3_bucket.named.id}"
	lib.arn_bucket(partial([{"text": "arn:aws:s3:::"}, bucket_part("aws_s3_bucket.named", "id")])) == {"bucket": "aws_s3_bucket.named", "objects": false} with input as buckets_input

	# A known name of exactly one bucket.
	lib.arn_bucket("arn:aws:s3:::acme-named/*") == {"bucket": "aws_s3_bucket.named", "objects": true} with input as buckets_input
	lib.arn_bucket("arn:aws:s3:::acme-named") == {"bucket": "aws_s3_bucket.named", "objects": false} with input as buckets_input
}

test_arn_bucket_traps if {
	# Two buckets of that name, a bucket outside the scan, another attribute.
	not lib.arn_bucket("arn:aws:s3:::acme-twin/*") with input as buckets_input
	not lib.arn_bucket("arn:aws:s3:::elsewhere/*") with input as buckets_input
	not lib.arn_bucket(partial([bucket_part("Logs", "domainname"), {"text": "/*"}])) with input as buckets_input
	not lib.arn_bucket(partial([bucket_part("Other", "arn"), {"text": "/*"}])) with input as buckets_input

	# ${Logs.Arn}${Suffix}: what follows is unknown, so bucket or objects
	# is not known.
	not lib.arn_bucket(partial([bucket_part("Logs", "arn"), hole])) with input as buckets_input

	# Text before the name that is not arn:PARTITION:s3::: (the name is a
	# part of a key).
	not lib.arn_bucket(partial([{"text": "arn:aws:s3:::x/"}, bucket_part("Logs", "ref")])) with input as buckets_input
	not lib.arn_bucket(partial([hole, bucket_part("Logs", "ref")])) with input as buckets_input
	not lib.arn_bucket(unknown) with input as buckets_input
}
