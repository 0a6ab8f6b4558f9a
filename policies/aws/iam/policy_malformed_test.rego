package seclint.aws.iam.policy_malformed_test

import data.seclint.aws.iam.policy_malformed as rule

# unknown is built at run time so the type checker treats it as any, as it does input.
unknown := json.unmarshal(`{"__unknown__": true}`)

pol(kind, statements) := {"aws": {"iam": {"policies": [{"id": "p", "kind": kind, "version": "2012-10-17", "statements": statements, "errors": []}]}}}

attrs(fs) := {f.attribute | some f in fs}

ok_identity := {"effect": "Allow", "actions": ["s3:GetObject"], "resources": ["*"]}

ok_resource := {"effect": "Allow", "principals": [{"type": "AWS", "value": "111122223333"}], "actions": ["s3:GetObject"], "resources": ["arn:aws:s3:::b/*"]}

# everything_unknown is what the decoder makes of a statement that is unknown
# or not an object.
everything_unknown := {
	"effect": unknown, "actions": unknown, "not_actions": unknown, "resources": unknown,
	"not_resources": unknown, "principals": unknown, "not_principals": unknown, "conditions": unknown,
}

test_valid_documents_are_clean if {
	count(rule.deny) == 0 with input as pol("identity", [ok_identity, object.union(ok_identity, {"effect": "Deny", "actions": ["*"]})])
	count(rule.deny) == 0 with input as pol("resource", [ok_resource])
	count(rule.deny) == 0 with input as pol("trust", [{"effect": "Allow", "principals": [{"type": "Service", "value": "ec2.amazonaws.com"}], "actions": ["sts:AssumeRole"]}])
}

test_decoder_errors_are_reported_at_their_path if {
	p := {"id": "p", "kind": "identity", "statements": [], "errors": [
		{"message": "The policy document is not valid JSON: unexpected end of JSON input.", "path": ""},
		{"message": "\"Actions\" is not an element of a policy statement.", "path": "statements[0].keys.Actions"},
	]}
	fs := rule.deny with input as {"aws": {"iam": {"policies": [p]}}}
	attrs(fs) == {"", "statements[0].keys.Actions"}
}

test_effect if {
	attrs(rule.deny) == {"statements[0]"} with input as pol("identity", [object.remove(ok_identity, ["effect"])])
	attrs(rule.deny) == {"statements[0].effect"} with input as pol("identity", [object.union(ok_identity, {"effect": "allow"})])
	attrs(rule.deny) == {"statements[0].effect"} with input as pol("identity", [object.union(ok_identity, {"effect": "Permit"})])
	count(rule.deny) == 0 with input as pol("identity", [object.union(ok_identity, {"effect": unknown})])
}

test_action if {
	attrs(rule.deny) == {"statements[0]"} with input as pol("identity", [object.remove(ok_identity, ["actions"])])
	attrs(rule.deny) == {"statements[0].not_actions"} with input as pol("identity", [object.union(ok_identity, {"not_actions": ["iam:*"]})])
	attrs(rule.deny) == {"statements[0].actions[1]", "statements[0].actions[2]"} with input as pol("identity", [object.union(ok_identity, {"actions": ["s3:GetObject", "GetObject", "s3:Get Object", unknown, "*", "*:*", "ec2:Describe*"]})])
	attrs(rule.deny) == {"statements[0].not_actions[0]"} with input as pol("identity", [object.union(object.remove(ok_identity, ["actions"]), {"not_actions": ["s3::x"]})])
	count(rule.deny) == 0 with input as pol("identity", [object.union(ok_identity, {"actions": unknown})])
	count(rule.deny) == 0 with input as pol("identity", [object.union(ok_identity, {"actions": unknown, "not_actions": ["iam:*"]})])
}

test_misspelled_element_is_reported_once if {
	p := {"id": "p", "kind": "identity", "version": "2012-10-17", "statements": [object.remove(ok_identity, ["actions"])], "errors": [
		{"message": "\"action\" is not an element of a policy statement; element names are case-sensitive: write \"Action\".", "path": "statements[0].keys.action"},
	]}
	attrs(rule.deny) == {"statements[0].keys.action"} with input as {"aws": {"iam": {"policies": [p]}}}
	q := object.union(p, {"errors": [{"message": "\"Actions\" is not an element of a policy statement; did you mean \"Action\"?", "path": "statements[0].keys.Actions"}]})
	attrs(rule.deny) == {"statements[0].keys.Actions"} with input as {"aws": {"iam": {"policies": [q]}}}
	r := object.union(p, {"errors": [{"message": "\"Acton\" is not an element of a policy statement.", "path": "statements[0].keys.Acton"}]})
	attrs(rule.deny) == {"statements[0].keys.Acton", "statements[0]"} with input as {"aws": {"iam": {"policies": [r]}}}
}

test_resource if {
	attrs(rule.deny) == {"statements[0]"} with input as pol("identity", [object.remove(ok_identity, ["resources"])])
	count(rule.deny) == 0 with input as pol("identity", [object.union(object.remove(ok_identity, ["resources"]), {"not_resources": ["arn:aws:s3:::b"]})])
	attrs(rule.deny) == {"statements[0].not_resources"} with input as pol("identity", [object.union(ok_identity, {"not_resources": ["arn:aws:s3:::b"]})])

	# Trust policies and resource policies (ECR, for one) need no Resource.
	count(rule.deny) == 0 with input as pol("resource", [object.remove(ok_resource, ["resources"])])
	count(rule.deny) == 0 with input as pol("identity", [object.union(ok_identity, {"resources": unknown})])
}

test_principal if {
	attrs(rule.deny) == {"statements[0].principals"} with input as pol("identity", [object.union(ok_identity, {"principals": [{"type": "*", "value": "*"}]})])
	attrs(rule.deny) == {"statements[0].not_principals"} with input as pol("identity", [object.union(ok_identity, {"not_principals": [{"type": "AWS", "value": "111122223333"}]})])
	attrs(rule.deny) == {"statements[0]"} with input as pol("resource", [object.remove(ok_resource, ["principals"])])
	attrs(rule.deny) == {"statements[0]"} with input as pol("trust", [{"effect": "Allow", "actions": ["sts:AssumeRole"]}])
	attrs(rule.deny) == {"statements[0].not_principals"} with input as pol("resource", [object.union(ok_resource, {"not_principals": [{"type": "AWS", "value": "111122223333"}]})])
	count(rule.deny) == 0 with input as pol("identity", [object.union(ok_identity, {"principals": unknown})])
	count(rule.deny) == 0 with input as pol("resource", [object.union(ok_resource, {"principals": unknown})])
}

cond(op, key) := {"operator": op, "key": key, "values": ["x"]}

test_condition_operators if {
	fs := rule.deny with input as pol("identity", [object.union(ok_identity, {"conditions": [
		cond("StringEquals", "aws:PrincipalOrgID"),
		cond("StringEqual", "aws:PrincipalTag/team"),
		cond("StringEqual", "aws:RequestedRegion"),
		cond("NullIfExists", "aws:TokenIssueTime"),
		cond("ForAnyValue:StringLikeIfExists", "aws:TagKeys"),
		cond(unknown, "aws:SourceVpce"),
	]})])
	attrs(fs) == {"statements[0].conditions[1]", "statements[0].conditions[3]"}
	count(rule.deny) == 0 with input as pol("identity", [object.union(ok_identity, {"conditions": unknown})])
}

# Operators that are not ASCII: lower() maps the Kelvin sign to k, but not the
# long s to s.
test_condition_operators_not_ascii if {
	fs := rule.deny with input as pol("identity", [object.union(ok_identity, {"conditions": [
		cond("StringLi\u212ae", "aws:PrincipalArn"),
		cond("\u017ftringEquals", "aws:PrincipalOrgID"),
	]})])
	attrs(fs) == {"statements[0].conditions[1]"}
}

test_version if {
	p := {"id": "p", "kind": "identity", "version": "2012-10-18", "statements": [ok_identity], "errors": []}
	attrs(rule.deny) == {"version"} with input as {"aws": {"iam": {"policies": [p]}}}
	q := {"id": "p", "kind": "identity", "version": "2008-10-17", "statements": [ok_identity], "errors": []}
	count(rule.deny) == 0 with input as {"aws": {"iam": {"policies": [q]}}}
	r := {"id": "p", "kind": "identity", "version": unknown, "statements": [ok_identity], "errors": []}
	count(rule.deny) == 0 with input as {"aws": {"iam": {"policies": [r]}}}
}

test_unknown_statements_never_fire if {
	count(rule.deny) == 0 with input as pol("identity", [everything_unknown])
	count(rule.deny) == 0 with input as pol("resource", [everything_unknown])
	count(rule.deny) == 0 with input as pol("trust", [everything_unknown])
}
