# METADATA
# title: Policy document is invalid
# description: |
#   AWS rejects a policy document that is not valid JSON, whose Statement or
#   Principal has the wrong shape, that names an element the policy language
#   does not have, whose Effect is not Allow or Deny, whose statement lacks an
#   Action (or NotAction), a Resource in an identity policy or a Principal in a
#   resource policy, that has a Principal in an identity policy, an unknown
#   condition operator, or an action that is not "*" or "service:action". The
#   deployment then fails, often far from the line at fault; seclint points at
#   it before deploying.
# custom:
#   id: aws-iam-policy-malformed
#   severity: HIGH
#   kind: correctness
#   collections: [aws.iam.policies]
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, aws_iam_policy_document, aws_s3_bucket_policy, aws_kms_key, aws_sns_topic_policy, aws_sqs_queue_policy, aws_secretsmanager_secret_policy, aws_ecr_repository_policy, AWS::IAM::Policy, AWS::IAM::ManagedPolicy, AWS::IAM::Role, AWS::IAM::User, AWS::IAM::Group, AWS::S3::BucketPolicy, AWS::KMS::Key, AWS::SNS::TopicPolicy, AWS::SQS::QueuePolicy, AWS::SecretsManager::ResourcePolicy, AWS::ECR::Repository]
#   remediation:
#     terraform: |
#       Follow the policy grammar; the aws_iam_policy_document data source
#       writes valid JSON and the element names for you:
#       ```hcl
#       # Before: policy = jsonencode({ Version = "2012-10-17",
#       #   Statement = [{ Effect = "allow", Action = "GetObject", Principal = "*" }] })
#       policy = jsonencode({
#         Version = "2012-10-17"
#         Statement = [{
#           Effect   = "Allow"
#           Action   = "s3:GetObject"
#           Resource = "${aws_s3_bucket.reports.arn}/*"
#         }]
#       })
#       ```
#     cloudformation: |
#       Follow the policy grammar: element names and Effect values are
#       case-sensitive, actions are service:action, an identity policy has a
#       Resource and no Principal:
#       ```yaml
#       # Before: - Effect: allow
#       #           Action: GetObject
#       #           Principal: "*"
#       PolicyDocument:
#         Version: "2012-10-17"
#         Statement:
#           - Effect: Allow
#             Action: s3:GetObject
#             Resource: !Sub "${ReportsBucket.Arn}/*"
#       ```
package seclint.aws.iam.policy_malformed

import data.seclint.lib

# Speed: these rules test every statement, action and condition of every
# policy. A comparison (==) or a reference that is undefined costs OPA no
# allocation; a builtin call costs one, a `not` a child evaluation, a call
# of a function with arguments its cache entry and bindings. So a
# statement's missing element is tested with object.get (lib.absent,
# inlined: a statement is always an object), and a value that must be one of
# a few with one regular expression compared with false (not a `not`; a value
# that is not a string, unknown, is undefined for regex.match and matches
# nothing).

# Structural errors that the policy decoder recorded: invalid JSON in a
# string document, a Statement or Principal of the wrong JSON type, unknown
# element names. (A standalone .json file that is not valid JSON cannot be
# read at all: it is a parse error diagnostic, not a finding.)
deny contains finding if {
	some policy in input.aws.iam.policies
	some e in policy.errors
	finding := {"resource": policy.id, "attribute": e.path, "message": sprintf("Policy document %s is invalid: %s", [policy.id, e.message])}
}

deny contains finding if {
	some policy in input.aws.iam.policies
	regex.match(`^(?:2012-10-17|2008-10-17)$`, policy.version) == false
	finding := {"resource": policy.id, "attribute": "version", "message": sprintf("Policy document %s has Version %q; the policy language has \"2012-10-17\" (and the old \"2008-10-17\").", [policy.id, policy.version])}
}

deny contains finding if {
	some policy in input.aws.iam.policies
	some i, s in policy.statements
	object.get(s, "effect", null) == null
	finding := {"resource": policy.id, "attribute": sprintf("statements[%d]", [i]), "message": sprintf("%s has no Effect; write \"Allow\" or \"Deny\".", [lib.statement_name(policy, s, i)])}
}

deny contains finding if {
	some policy in input.aws.iam.policies
	some i, s in policy.statements
	regex.match(`^(?:Allow|Deny)$`, s.effect) == false
	finding := {"resource": policy.id, "attribute": sprintf("statements[%d].effect", [i]), "message": sprintf("%s has Effect %q; it must be \"Allow\" or \"Deny\" (case-sensitive).", [lib.statement_name(policy, s, i), s.effect])}
}

deny contains finding if {
	some policy in input.aws.iam.policies
	some i, s in policy.statements
	object.get(s, "actions", null) == null
	object.get(s, "not_actions", null) == null
	not _misspelled(policy, i, {"action", "notaction"})
	finding := {"resource": policy.id, "attribute": sprintf("statements[%d]", [i]), "message": sprintf("%s has no Action or NotAction.", [lib.statement_name(policy, s, i)])}
}

deny contains finding if {
	some policy in input.aws.iam.policies
	some i, s in policy.statements
	# One name per statement and element: unifying a pattern of four names
	# three times per statement cost this rule 7% of its time.
	some not_field in ["not_actions", "not_resources", "not_principals"]
	is_array(s[not_field]) # the rare one first
	field := trim_prefix(not_field, "not_")
	is_array(s[field])
	name := {"actions": "Action", "resources": "Resource", "principals": "Principal"}[field]
	finding := {"resource": policy.id, "attribute": sprintf("statements[%d].%s", [i, not_field]), "message": sprintf("%s has both %s and Not%s; use one of them.", [lib.statement_name(policy, s, i), name, name])}
}

# A permissions boundary is written like an identity policy (IAM user
# guide); an SCP has no Principal either (Organizations user guide, SCP
# syntax).
deny contains finding if {
	some policy in input.aws.iam.policies
	policy.kind in {"identity", "boundary"}
	some i, s in policy.statements
	object.get(s, "resources", null) == null
	object.get(s, "not_resources", null) == null
	not _misspelled(policy, i, {"resource", "notresource"})
	finding := {"resource": policy.id, "attribute": sprintf("statements[%d]", [i]), "message": sprintf("%s has no Resource; a statement of an identity policy must name its resources (\"*\" for all).", [lib.statement_name(policy, s, i)])}
}

deny contains finding if {
	some policy in input.aws.iam.policies
	policy.kind in {"identity", "boundary", "scp"}
	some i, s in policy.statements
	some field in ["principals", "not_principals"]
	is_array(s[field])
	finding := {"resource": policy.id, "attribute": sprintf("statements[%d].%s", [i, field]), "message": sprintf("%s has a %s, which an identity policy, permissions boundary or SCP cannot have: it applies to the users and roles it is attached to.", [lib.statement_name(policy, s, i), {"principals": "Principal", "not_principals": "NotPrincipal"}[field]])}
}

# Resource policies (and role trust policies) must say whom they apply to,
# and so must VPC endpoint policies (VPC user guide).
deny contains finding if {
	some policy in input.aws.iam.policies
	policy.kind in {"resource", "trust", "endpoint"}
	some i, s in policy.statements
	object.get(s, "principals", null) == null
	object.get(s, "not_principals", null) == null
	not _misspelled(policy, i, {"principal", "notprincipal"})
	finding := {"resource": policy.id, "attribute": sprintf("statements[%d]", [i]), "message": sprintf("%s has no Principal; a statement of %s must name the principals it applies to.", [lib.statement_name(policy, s, i), object.get(lib.kind_names, policy.kind, "a resource policy")])}
}

# One finding per unknown operator of a statement, at its first key.
deny contains finding if {
	some policy in input.aws.iam.policies
	some i, s in policy.statements
	some c in s.conditions
	op := c.operator
	regex.match(lib.condition_operator_pattern, op) == false
	finding := _operator_finding(policy, i, s, op)
}

# The pattern's case folding takes "ſ" (U+017F) for an s, which
# lib.condition_operator_known's lower() does not: an operator that is not
# ASCII is tested with the function.
deny contains finding if {
	some policy in input.aws.iam.policies
	some i, s in policy.statements
	some c in s.conditions
	op := c.operator
	regex.match(`[^\x00-\x7F]`, op)
	not lib.condition_operator_known(op)
	finding := _operator_finding(policy, i, s, op)
}

_operator_finding(policy, i, s, op) := {"resource": policy.id, "attribute": sprintf("statements[%d].conditions[%d]", [i, j]), "message": sprintf("%s uses %q, which is not a condition operator (StringEquals, StringLike, ArnLike, IpAddress, Bool, Null, NumericLessThan, DateGreaterThan, ... with an optional IfExists suffix or ForAllValues:/ForAnyValue: prefix).", [lib.statement_name(policy, s, i), op])} if {
	j := min({j | some j, c2 in s.conditions; c2.operator == op})
}

deny contains finding if {
	some policy in input.aws.iam.policies
	some i, s in policy.statements
	some field in ["actions", "not_actions"]
	some j, action in s[field] # an unknown list (an object) has no string to match
	# lib.action_well_formed's expression, inlined and compared with false
	# (not a `not`, which costs a child evaluation per action; a value that
	# is not a string, unknown, is undefined for regex.match). Anchored, it
	# costs a sixth of the time of a match for what is malformed (white
	# space, no colon, two colons, an empty part) anywhere in the action.
	regex.match(`^(?:\*|[^:\s]+:[^:\s]+)$`, action) == false
	finding := {"resource": policy.id, "attribute": sprintf("statements[%d].%s[%d]", [i, field, j]), "message": sprintf("%s has the action %q; an action is \"*\" or service:action, such as \"s3:GetObject\" or \"ec2:Describe*\".", [lib.statement_name(policy, s, i), action])}
}

# _misspelled(policy, i, names): statement i has an element name that the
# decoder reported as unknown and that is one of names in another case or in
# the plural ("action", "Actions" for "Action"): that error already explains
# the missing element.
_misspelled(policy, i, names) if {
	prefix := sprintf("statements[%d].keys.", [i])
	some e in object.get(policy, "errors", [])
	startswith(e.path, prefix)
	key := lower(substring(e.path, count(prefix), -1))
	some name in {key, trim_suffix(key, "s")}
	name in names
}
