# Links between model objects
# The linking step (parsers/link) records every relation between the
# objects of a unit as IDs (a bucket's policies, public access blocks and
# ACL resources, the buckets that log into it; a replica's primary key).
# These lookups follow them. Each map is a complete rule, which OPA
# evaluates once per query, so a rule that follows a link costs one map
# lookup instead of an iteration over a whole collection.
package seclint.lib

# Objects by ID.
buckets_by_id := {b.id: b | some b in input.aws.s3.buckets}

policies_by_id := {p.id: p | some p in input.aws.iam.policies}

public_access_blocks_by_id := {b.id: b | some b in input.aws.s3.public_access_blocks}

keys_by_id := {k.id: k | some k in input.aws.kms.keys}

recorder_statuses_by_id := {s.id: s | some s in input.aws.config.recorder_statuses}

# policies_of(obj) are the policy documents that obj (a bucket, key,
# secret or access point) lists in its policies (an array: a set would hash
# every policy document).
policies_of(obj) := [p |
	some id in obj.policies
	p := policies_by_id[id]
]

# account_blocked_flags are the Block Public Access settings that an
# account-level block of the scan turns on.
account_blocked_flags contains flag if {
	some block in input.aws.s3.account_public_access_blocks
	some flag, v in block
	is_true(v)
}

# bucket_blocks(bucket, flag): a public access block of the bucket (its
# inline one, or one declared as a resource of its own) turns flag on.
bucket_blocks(bucket, flag) if is_true(bucket.public_access_block[flag])

bucket_blocks(bucket, flag) if {
	some id in bucket.public_access_blocks
	is_true(public_access_blocks_by_id[id][flag])
}

# no_public_access_block(bucket): the scan declares no public access block
# for the bucket, so AWS's default (every setting on since April 2023) holds.
no_public_access_block(bucket) if {
	not bucket.public_access_block
	count(bucket.public_access_blocks) == 0
}

# target_name(x) names what a sub-resource targets in a message: the linked
# bucket's ID, else the bucket name as written.
target_name(x) := x.bucket_ref if {
	x.bucket_ref
} else := x.target.name if {
	is_string(x.target.name)
} else := "a bucket outside the scan"

# own_account_ids are the known account IDs the scan deploys to;
# own_accounts_unknown holds when one of them is not known.
own_account_ids := {id |
	some id in input.aws.account.ids
	is_string(id)
}

own_accounts_unknown if {
	some id in input.aws.account.ids
	is_unknown(id)
}

# maybe_own_account(id): the account ID may be the one the scan deploys to.
maybe_own_account(id) if id in own_account_ids

maybe_own_account(_) if own_accounts_unknown

# another_account(p): the principal p is another account than the scan's:
# a literal account ID or IAM/STS ARN not built from the deploying account's
# ID (own_account) and not one of the account IDs the configuration deploys
# to (Terraform allowed_account_ids) when those are known; or "*" (with or
# without a condition that narrows it to an organization).
another_account(p) if {
	not p.own_account == true
	id := principal_account(p)
	not maybe_own_account(id)
}

another_account(p) if is_public_principal(p)
