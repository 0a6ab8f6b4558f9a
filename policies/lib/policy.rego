# Policy document helpers
# Reasoning about normalized policy statements (input.aws.iam.policies):
# AWS action wildcard matching, principal classification and the condition
# keys that narrow a public principal. Every helper holds only on known
# values, so no rule built on them fires on an unknown statement.
package seclint.lib

# allows(s): statement s is a known Allow.
allows(s) if s.effect == "Allow"

# denies(s): statement s is a known Deny.
denies(s) if s.effect == "Deny"

# policies_of_kind(kinds) are the policies whose kind is in kinds (an
# array: a set would hash every policy document).
policies_of_kind(kinds) := [p |
	some p in input.aws.iam.policies
	p.kind in kinds
]

# identity_policies and resource_policies are the usual selections; trust
# policies are resource policies of an IAM role.
identity_policies := policies_of_kind({"identity"})

resource_policies := policies_of_kind({"resource", "trust"})

# known_items(list) are the [index, value] pairs of a known list whose
# element is a known string, in order (an array: rules iterate it per
# statement, and a set would hash every pair). An unknown list yields
# nothing.
known_items(list) := [[i, v] |
	is_array(list)
	some i, v in list
	is_string(v)
]

# action_matches(pattern, action): IAM action matching. Case-insensitive;
# "*" matches any run of characters and "?" any one character, across ":".
# Every other character is literal (unlike a glob, "[" and "{" are not
# special in IAM). A pattern equal to the action matches it, wildcards or
# not (a "*" or "?" matches itself), so the first body need not test for
# them.
action_matches(pattern, action) if {
	is_string(pattern)
	is_string(action)
	lower(pattern) == lower(action)
}

# A wildcard pattern is compiled to a regular expression only when its
# service prefix can match the action's: most patterns name one service
# (s3:Get*), and a regex per (pattern, action) pair is the costliest test
# the policy rules run.
action_matches(pattern, action) if {
	is_string(pattern)
	is_string(action)
	regex.match(`[*?]`, pattern) # _has_wildcard, without a call for every pair
	_service_may_match(pattern, action)
	regex.match(_wildcard_regex(pattern), lower(action))
}

_has_wildcard(pattern) if contains(pattern, "*")

_has_wildcard(pattern) if contains(pattern, "?")

_service_may_match(pattern, _) if {
	service := split(pattern, ":")[0]
	_has_wildcard(service)
}

_service_may_match(pattern, _) if not contains(pattern, ":")

_service_may_match(pattern, action) if {
	service := split(pattern, ":")[0]
	not _has_wildcard(service)
	lower(service) == lower(split(action, ":")[0])
}

_wildcard_regex(pattern) := concat("", ["^", wild, "$"]) if {
	escaped := regex.replace(lower(pattern), `[.+^$(){}\[\]|\\]`, `\$0`)
	wild := replace(replace(escaped, "*", ".*"), "?", ".")
}

# action_is_all(a): the action pattern matches every action of every service.
action_is_all(a) if a in {"*", "*:*"}

# action_service_wildcard(a) is the service prefix of an action pattern that
# names a whole service, "s3:*" (any case), and is undefined for anything
# else: "*", "s3:Get*", "s3*:*".
action_service_wildcard(a) := lower(prefix) if {
	is_string(a)
	[prefix, "*"] = split(a, ":")
	regex.match(`^[A-Za-z0-9-]+$`, prefix)
}

# action_well_formed(a): a known action is "*" or service:action, where
# neither part is empty and there is one colon and no white space. Wildcards
# may appear in either part ("s3:Get*", "*:Describe*"). (aws-iam-policy-malformed
# inlines this expression for every action; keep them alike.)
action_well_formed(a) if regex.match(`^(?:\*|[^:\s]+:[^:\s]+)$`, a)

# covers_action(s, action): statement s applies to action, whatever its
# effect: one of its Action patterns matches it, or it has a NotAction list
# whose patterns are all known and none matches it. Unknown patterns never
# make it hold.
covers_action(s, action) if {
	some [_, p] in known_items(s.actions)
	action_matches(p, action)
}

covers_action(s, action) if {
	is_array(s.not_actions)
	every p in s.not_actions {
		is_string(p)
		not action_matches(p, action)
	}
}

# allows_action(s, action): s is a known Allow that covers action.
allows_action(s, action) if {
	allows(s)
	covers_action(s, action)
}

# denies_action(s, action): s is a known Deny that covers action.
denies_action(s, action) if {
	denies(s)
	covers_action(s, action)
}

# resource_is_all(r): the resource is every resource.
resource_is_all(r) if r == "*"

# is_public_principal(p): "*" or {"AWS": "*"} — anyone, any account,
# including anonymous callers.
is_public_principal(p) if {
	p.type in {"*", "AWS"}
	p.value == "*"
}

# principal_kind(p) classifies a principal of a statement's principals list:
#   "public"          "*" or {"AWS": "*"}
#   "account"         an account: a bare 12-digit ID or arn:PARTITION:iam::ID:root
#                     (also partly known, arn:${AWS::Partition}:iam::ID:root)
#   "arn"             another AWS ARN: a role, user, assumed-role session, ...
#                     (also a partly known string that starts with "arn:")
#   "unique_id"       any other AWS value (IAM shows a unique ID such as
#                     AROA... for a principal that was deleted)
#   "service"         {"Service": "lambda.amazonaws.com"}
#   "federated"       {"Federated": "cognito-identity.amazonaws.com" or a provider ARN}
#   "canonical_user"  {"CanonicalUser": "79a59df9..."}
# It is undefined for an AWS principal whose value is unknown, and for a
# partly known one other than an account or ARN.
principal_kind(p) := "public" if is_public_principal(p)

principal_kind(p) := "account" if {
	p.type == "AWS"
	_is_account_root(p.value)
}

principal_kind(p) := "arn" if {
	p.type == "AWS"
	starts_with(p.value, "arn:")
	not _is_account_root(p.value)
}

principal_kind(p) := "unique_id" if {
	p.type == "AWS"
	is_string(p.value)
	p.value != "*"
	not startswith(p.value, "arn:")
	not _is_account_root(p.value)
}

principal_kind(p) := "service" if p.type == "Service"

principal_kind(p) := "federated" if p.type == "Federated"

principal_kind(p) := "canonical_user" if p.type == "CanonicalUser"

_is_account_root(v) if {
	is_string(v)
	regex.match(`^[0-9]{12}$`, v)
}

# An unknown part may stand for the partition (see partial.rego).
_is_account_root(v) if regex.match(`^arn:(?:aws[a-z-]*|\x00):iam::[0-9]{12}:root$`, pattern_text(v))

# principal_account(p) is the account ID of an AWS principal: the bare
# 12-digit ID, or the account field of an IAM or STS ARN
# (arn:aws:iam::111122223333:role/x, arn:aws:sts::111122223333:assumed-role/x/s),
# also when the partition or the rest is an unknown part
# (arn:${AWS::Partition}:iam::111122223333:root).
# Undefined for "*", services, federated and canonical users, unknowns and
# an account field that is not wholly known.
principal_account(p) := p.value if {
	p.type == "AWS"
	is_string(p.value)
	regex.match(`^[0-9]{12}$`, p.value)
}

principal_account(p) := id if {
	p.type == "AWS"
	[[_, id]] := regex.find_all_string_submatch_n(`^arn:(?:aws[a-z-]*|\x00):(?:iam|sts)::([0-9]{12}):`, pattern_text(p.value), 1)
}

# Condition keys that, tested with a positive operator, limit a statement to
# known callers or networks. Lower case: condition keys are case-insensitive.
narrowing_keys := {
	"aws:sourcevpce",
	"aws:sourcevpc",
	"aws:sourceip",
	"aws:vpcsourceip",
	"aws:principalorgid",
	"aws:principalorgpaths",
	"aws:principalaccount",
	"aws:principalarn",
	"aws:sourceaccount",
	"aws:sourcearn",
	"aws:sourceorgid",
	"aws:sourceorgpaths",
	"aws:principalservicename",
	"aws:userid",
	"aws:username",
	"kms:calleraccount",
	"kms:viaservice",
	"lambda:functionarn",
	"sns:endpoint",
	"cognito-identity.amazonaws.com:aud",
	"sts:externalid",
}

# Operators that require the key to be present and match the value. Negated
# operators, IfExists variants (which match when the key is missing) and
# ForAllValues (which matches when the key is missing) do not narrow.
narrowing_operators := {
	"StringEquals",
	"StringEqualsIgnoreCase",
	"StringLike",
	"ArnEquals",
	"ArnLike",
	"IpAddress",
}

# narrows(c): condition c limits who can make the request.
narrows(c) if {
	_positive(c)
	_narrowing_key(lower(c.key))
	_narrowing_values(c)
}

# Only AWS service principals (which act on behalf of a resource of the
# account that configured them) can match.
narrows(c) if {
	c.base == "Bool"
	not c.if_exists
	lower(c.key) == "aws:principalisawsservice"
	every v in c.values {
		v == "true"
	}
}

_positive(c) if {
	c.base in narrowing_operators
	not c.if_exists
	not c.set_operator == "ForAllValues"
}

_narrowing_key(k) if k in narrowing_keys

# A claim of a web identity provider (token.actions.githubusercontent.com:sub,
# accounts.google.com:aud, oidc.eks.<region>.amazonaws.com/id/<id>:sub): its
# prefix is a host name, which no AWS service prefix is.
_narrowing_key(k) if {
	prefix := split(k, ":")[0]
	contains(prefix, ".")
}

# A condition whose values are all unknown might narrow; treat it as
# narrowing, since a rule must not fire on what it cannot see.
_narrowing_values(c) if is_unknown(c.values)

_narrowing_values(c) if {
	some v in c.values
	is_unknown(v)
}

# A known value narrows unless it matches everything, or no request can
# match it.
_narrowing_values(c) if {
	some v in c.values
	is_string(v)
	not _matches_everything(c, v)
	not _matches_nothing(c, v)
}

# An aws:SourceIp value that is not a public address or block: the key holds
# the public address a request reaches AWS from, and is absent on requests
# through a VPC endpoint (IAM User Guide, global condition keys), so a
# private range (cidr_is_private) or a value that is no address at all is
# never matched and limits the callers to no network.
_matches_nothing(c, v) if {
	lower(c.key) == "aws:sourceip"
	cidr_is_private(v)
}

_matches_nothing(c, v) if {
	lower(c.key) == "aws:sourceip"
	not cidr_of(v)
}

# private_source_ip_only(s): statement s tests aws:SourceIp with a positive
# operator whose known values are all private addresses (for messages: the
# condition the author meant to narrow the statement with).
private_source_ip_only(s) if {
	some c in s.conditions
	_positive(c)
	condition_key_is(c, "aws:sourceip")
	count(c.values) > 0
	every v in c.values {
		cidr_is_private(v)
	}
}

_matches_everything(c, v) if {
	c.base in {"StringLike", "ArnLike"}
	regex.match(`^[*?]*$`, v)
}

_matches_everything(c, v) if {
	c.base == "IpAddress"
	net.cidr_contains(v, "0.0.0.0/0")
}

_matches_everything(c, v) if {
	c.base == "IpAddress"
	net.cidr_contains(v, "::/0")
}

# narrowed(s): some condition of statement s narrows it. An unknown
# condition block counts as narrowing (it may).
narrowed(s) if is_unknown(s.conditions)

narrowed(s) if {
	some c in s.conditions
	narrows(c)
}

narrowed(s) if {
	some c in s.conditions
	is_unknown(c.key)
}

# Condition operators
# The base operators of the IAM policy language (IAM User Guide, "IAM JSON
# policy elements: Condition operators"), lower case. Any of them takes the
# ForAllValues: or ForAnyValue: set prefix, and any but Null the IfExists
# suffix. Operator names are compared ignoring case: a spelling that AWS
# might reject is not worth a false positive.
condition_base_operators := {
	"stringequals", "stringnotequals", "stringequalsignorecase", "stringnotequalsignorecase",
	"stringlike", "stringnotlike",
	"numericequals", "numericnotequals", "numericlessthan", "numericlessthanequals",
	"numericgreaterthan", "numericgreaterthanequals",
	"dateequals", "datenotequals", "datelessthan", "datelessthanequals",
	"dategreaterthan", "dategreaterthanequals",
	"bool",
	"binaryequals",
	"ipaddress", "notipaddress",
	"arnequals", "arnlike", "arnnotequals", "arnnotlike",
	"null",
}

# condition_operator_pattern matches a condition operator in one regular
# expression: condition_operator_known for a rule that tests every condition
# (except that its case folding also takes "ſ", U+017F, for an s). The test
# compares the two.
condition_operator_pattern := `(?i)^(?:forallvalues:|foranyvalue:)?(?:(?:stringequals|stringnotequals|stringequalsignorecase|stringnotequalsignorecase|stringlike|stringnotlike|numericequals|numericnotequals|numericlessthan|numericlessthanequals|numericgreaterthan|numericgreaterthanequals|dateequals|datenotequals|datelessthan|datelessthanequals|dategreaterthan|dategreaterthanequals|bool|binaryequals|ipaddress|notipaddress|arnequals|arnlike|arnnotequals|arnnotlike)(?:ifexists)?|null)$`

# condition_operator_known(op): op, as written, is a condition operator.
condition_operator_known(op) if {
	is_string(op)
	_operator_base(_without_set_prefix(lower(op))) in condition_base_operators
}

_without_set_prefix(op) := substring(op, count("forallvalues:"), -1) if startswith(op, "forallvalues:")

_without_set_prefix(op) := substring(op, count("foranyvalue:"), -1) if startswith(op, "foranyvalue:")

_without_set_prefix(op) := op if {
	not startswith(op, "forallvalues:")
	not startswith(op, "foranyvalue:")
}

_operator_base(op) := trim_suffix(op, "ifexists") if {
	endswith(op, "ifexists")
	op != "nullifexists"
}

_operator_base(op) := op if not endswith(op, "ifexists")

# is_ip_condition(c): c compares an IP address (IpAddress, NotIpAddress and
# their IfExists and set forms).
is_ip_condition(c) if c.base in {"IpAddress", "NotIpAddress"}

# condition_key_is(c, key): c tests the context key key (lower case);
# condition keys are case-insensitive.
condition_key_is(c, key) if {
	is_string(c.key)
	lower(c.key) == key
}

# IP ranges that never appear as a caller's aws:SourceIp, which is the
# public address a request reaches AWS from (a request through a VPC endpoint
# has no aws:SourceIp at all): the RFC 1918 private ranges and unique local
# IPv6 addresses, the shared (carrier-grade NAT) space, loopback and
# link-local addresses.
non_public_cidrs := {
	"10.0.0.0/8",
	"172.16.0.0/12",
	"192.168.0.0/16",
	"100.64.0.0/10",
	"127.0.0.0/8",
	"169.254.0.0/16",
	"fc00::/7",
	"fe80::/10",
	"::1/128",
}

# cidr_of(v) is v as a CIDR block: an address without a prefix length is a
# /32 (IPv4) or /128 (IPv6) block. Undefined for anything that is not an
# address or a valid block.
cidr_of(v) := v if {
	is_string(v)
	contains(v, "/")
	net.cidr_is_valid(v)
}

cidr_of(v) := cidr if {
	is_string(v)
	not contains(v, "/")
	cidr := concat("", [v, _host_prefix(v)])
	net.cidr_is_valid(cidr)
}

_host_prefix(v) := "/128" if contains(v, ":")

_host_prefix(v) := "/32" if not contains(v, ":")

# cidr_is_private(v): every address of the address or block v is private,
# loopback, link-local or shared address space (non_public_cidrs). A block
# that also holds public addresses (0.0.0.0/0, 10.0.0.0/7) is not private.
cidr_is_private(v) if {
	cidr := cidr_of(v)
	some range in non_public_cidrs
	net.cidr_contains(range, cidr)
}

# cidr_is_public(v): v is a valid address or block with no private address.
cidr_is_public(v) if {
	cidr := cidr_of(v)
	not _overlaps_private(cidr)
}

_overlaps_private(cidr) if {
	some range in non_public_cidrs
	net.cidr_intersects(range, cidr)
}

# statement_name(policy, s, i) names statement i of a policy for messages:
# by its Sid when it has one. For a standalone policy file it also says
# which kind the file was read as, and why (policy_name).
statement_name(policy, s, _) := sprintf("Statement %q of %s", [s.sid, policy_name(policy)]) if is_string(s.sid)

# (object.get: a missing sid must not make the name undefined.)
statement_name(policy, s, i) := sprintf("Statement %d of %s", [i, policy_name(policy)]) if not is_string(object.get(s, "sid", null))

# policy_name(policy) names a policy for messages: its ID, and for a
# standalone policy file the kind it was read as ("x.json (read as a
# resource policy: it has a Principal)").
policy_name(policy) := sprintf("%s (read as %s: %s)", [policy.id, kind_names[policy.kind], policy.kind_reason]) if {
	is_string(policy.kind_reason)
	policy.kind_reason != ""
	kind_names[policy.kind]
} else := policy.id

# kind_names name the policy kinds in messages.
kind_names := {
	"trust": "a role trust policy",
	"identity": "an identity policy",
	"resource": "a resource policy",
	"endpoint": "a VPC endpoint policy",
	"boundary": "a permissions boundary",
	"scp": "a service control policy",
}
