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

# policies_of_kind(kinds) is the set of policies whose kind is in kinds.
policies_of_kind(kinds) := {p |
	some p in input.aws.iam.policies
	p.kind in kinds
}

# identity_policies and resource_policies are the usual selections; trust
# policies are resource policies of an IAM role.
identity_policies := policies_of_kind({"identity"})

resource_policies := policies_of_kind({"resource", "trust"})

# known_items(list) is the set of [index, value] pairs of a known list whose
# element is a known string. An unknown list yields nothing.
known_items(list) := {[i, v] |
	is_array(list)
	some i, v in list
	is_string(v)
}

# action_matches(pattern, action): IAM action matching. Case-insensitive;
# "*" matches any run of characters and "?" any one character, across ":".
action_matches(pattern, action) if glob.match(lower(pattern), null, lower(action))

# action_is_all(a): the action pattern matches every action of every service.
action_is_all(a) if a in {"*", "*:*"}

# resource_is_all(r): the resource is every resource.
resource_is_all(r) if r == "*"

# is_public_principal(p): "*" or {"AWS": "*"} — anyone, any account,
# including anonymous callers.
is_public_principal(p) if {
	p.type in {"*", "AWS"}
	p.value == "*"
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

# A known value narrows unless it matches everything.
_narrowing_values(c) if {
	some v in c.values
	is_string(v)
	not _matches_everything(c, v)
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

# statement_name(policy, s, i) names statement i of a policy for messages:
# by its Sid when it has one.
statement_name(policy, s, _) := sprintf("Statement %q of %s", [s.sid, policy.id]) if is_string(s.sid)

# (object.get: a missing sid must not make the name undefined.)
statement_name(policy, s, i) := sprintf("Statement %d of %s", [i, policy.id]) if not is_string(object.get(s, "sid", null))
