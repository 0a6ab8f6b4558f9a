# Partly known strings
# A string value is known, unknown, or partly known: the unknown object
# with "parts", the known text around the unknown parts in order
# ({"__unknown__": true, "parts": [{"text": "arn:"}, {"unknown": true},
# {"text": ":iam::111122223333:root"}]}, see docs/model.md). To every
# other helper and rule it is simply unknown. The helpers below read what
# is known of it, and conclude nothing from an unknown part: it may be any
# text, including none. The one assumption they make is that of ARNs: an
# unknown part written alone between two colons (arn:${AWS::Partition}:...)
# is that one field.
package seclint.lib

# is_partly_known(x): x is an unknown string of which some parts are known.
is_partly_known(x) if {
	is_unknown(x)
	is_array(x.parts)
}

# known_prefix(x) is the text x certainly starts with: all of a known
# string; the text before the first unknown part of a partly known one
# ("" when it starts with an unknown part). Undefined for an unknown
# string without parts.
known_prefix(x) := x if is_string(x)

known_prefix(x) := concat("", [p.text |
	some i, p in x.parts
	i < _first_unknown(x.parts)
]) if is_partly_known(x)

# known_suffix(x) is the text x certainly ends with, likewise.
known_suffix(x) := x if is_string(x)

known_suffix(x) := concat("", [p.text |
	some i, p in x.parts
	i > _last_unknown(x.parts)
]) if is_partly_known(x)

_first_unknown(parts) := min([i | some i, p in parts; p.unknown == true])

_last_unknown(parts) := max([i | some i, p in parts; p.unknown == true])

# starts_with(x, s): x certainly starts with s.
starts_with(x, s) if startswith(known_prefix(x), s)

# not_startswith(x, s): x certainly does not start with s: a known string
# that does not, or a partly known one whose known prefix already differs
# from s ("acme-logs-${Env}" for "aws-waf-logs-"). A known prefix that s
# extends ("aws-${Env}") or an unknown first part says nothing.
not_startswith(x, s) if {
	is_string(x)
	not startswith(x, s)
}

not_startswith(x, s) if {
	is_partly_known(x)
	p := known_prefix(x)
	not startswith(p, s)
	not startswith(s, p)
}

# pattern_text(x) is the text of x for matching against a pattern of known
# text: a known string as it is; a partly known one with each unknown part
# as one NUL character, which no pattern of this library accepts except
# where an unknown part stands for a whole ARN field (`\x00` in the
# patterns). Undefined for an unknown string without parts.
pattern_text(x) := x if is_string(x)

pattern_text(x) := concat("", [t |
	some p in x.parts
	t := _pattern_part(p)
]) if is_partly_known(x)

_pattern_part(p) := "\u0000" if p.unknown == true

_pattern_part(p) := p.text if not p.unknown == true

# The buckets of the scan by known name.
bucket_ids_by_name := {name: ids |
	some b in input.aws.s3.buckets
	name := b.name
	is_string(name)
	ids := {c.id | some c in input.aws.s3.buckets; c.name == name}
}

# arn_bucket(r) is what a policy's Resource element r names among the
# buckets of the scan: {"bucket": ID, "objects": false} for the bucket
# itself and {"bucket": ID, "objects": true} for objects of it (anything
# after a "/"). It reads a bucket written by reference (!GetAtt Bucket.Arn,
# !Sub ${Bucket.Arn}/*, !Sub arn:${AWS::Partition}:s3:::${Bucket}/*,
# "${aws_s3_bucket.b.arn}/*", "arn:aws:s3:::${aws_s3_bucket.b.id}/*") or
# by the known name of exactly one bucket of the scan
# (arn:aws:s3:::acme-logs/*). Undefined for anything else, including a
# name or key that is not known where it decides.
arn_bucket(r) := {"bucket": id, "objects": objects} if {
	is_string(r)
	[[_, name, rest]] := regex.find_all_string_submatch_n(`^arn:aws[a-z-]*:s3:::([^/]+)(.*)$`, r, 1)
	[id] := [i | some i in bucket_ids_by_name[name]]
	objects := startswith(rest, "/")
}

# By reference: the bucket's ARN, then nothing or "/...".
arn_bucket(r) := {"bucket": id, "objects": objects} if {
	is_partly_known(r)
	first := r.parts[0]
	id := _bucket_part(first, {"arn"})
	objects := _objects_after(r.parts, 0)
}

# By reference: arn:PARTITION:s3::: then the bucket's name, then nothing or
# "/...".
arn_bucket(r) := {"bucket": id, "objects": objects} if {
	is_partly_known(r)
	some i, p in r.parts
	id := _bucket_part(p, {"ref", "id", "bucket"})
	before := concat("", [t | some j, q in r.parts; j < i; t := _pattern_part(q)])
	regex.match(`^arn:(?:aws[a-z-]*|\x00):s3:::$`, before)
	objects := _objects_after(r.parts, i)
}

# _bucket_part(p, attrs) is the ID of the bucket of the scan whose attribute
# (one of attrs) the unknown part p is.
_bucket_part(p, attrs) := id if {
	p.unknown == true
	p.attribute in attrs
	[id] := p.refs
	buckets_by_id[id]
}

# _objects_after(parts, i): what follows part i is nothing (false) or
# starts with a known "/" (true).
_objects_after(parts, i) := false if count(parts) == i + 1

_objects_after(parts, i) := true if {
	next := parts[i + 1]
	not next.unknown == true
	startswith(next.text, "/")
}

# pattern_prefix(t) is the known text a pattern text (pattern_text) starts
# with: all of it when nothing in it is unknown.
pattern_prefix(t) := substring(t, 0, indexof(t, "\u0000")) if contains(t, "\u0000")

pattern_prefix(t) := t if not contains(t, "\u0000")

# pattern_not_startswith(t, s): the string whose pattern text is t
# certainly does not start with s (see not_startswith).
pattern_not_startswith(t, s) if {
	not contains(t, "\u0000")
	not startswith(t, s)
}

pattern_not_startswith(t, s) if {
	contains(t, "\u0000")
	p := pattern_prefix(t)
	not startswith(p, s)
	not startswith(s, p)
}

# shown(x) writes a known or partly known string for a message, each
# unknown part as ${…}.
shown(x) := replace(pattern_text(x), "\u0000", "${…}")

# shown_pattern(t) writes a pattern text for a message likewise.
shown_pattern(t) := replace(t, "\u0000", "${…}")
