# Value helpers
# Every value in the model is absent (not written), known, or unknown
# (only known at deploy time). An unknown value is the object
# {"__unknown__": true}, so comparing it with a string or boolean is simply
# false; the helpers below make the "absent or false" and "not equal" cases
# just as safe. A rule must never fire on an unknown value.
package seclint.lib

# is_unknown(x) holds when x is an unknown value.
is_unknown(x) if x.__unknown__ == true

# is_known(x) holds when x is present and not unknown.
is_known(x) if {
	x != null
	not is_unknown(x)
}

# has(obj, key) holds when obj sets key (known or unknown).
has(obj, key) if object.get(obj, key, null) != null

# absent(obj, key) holds when obj does not set key. (Written without has:
# every call of a function with arguments is cached for the query, and rules
# test absent on every statement.) object.get is undefined for what is not an
# object, so that case is a body of its own.
absent(obj, key) if object.get(obj, key, null) == null

absent(obj, key) if not is_object(obj)

# is_true / is_false hold only for known booleans.
is_true(x) if x == true

is_false(x) if x == false

# false_or_absent(obj, key): the flag is known false, or not written at all.
# Never holds for an unknown value.
false_or_absent(obj, key) if absent(obj, key)

false_or_absent(obj, key) if is_false(obj[key])

# equals_ci(x, s): x is a known string equal to s ignoring case.
equals_ci(x, s) if {
	is_string(x)
	lower(x) == lower(s)
}

# known_not_in(x, values): x is a known string and none of values.
known_not_in(x, values) if {
	is_string(x)
	not x in values
}

# path joins attribute path segments: path(["statements", 0, "actions", 1])
# is "statements[0].actions[1]". The built-in rules write the path with
# sprintf("statements[%d].actions[%d]", [i, j]), whose indexes are always
# integers: a third of the allocations of this call.
path(segments) := concat("", [seg |
	some i, s in segments
	seg := _segment(i, s)
])

_segment(_, s) := sprintf("[%d]", [s]) if is_number(s)

_segment(0, s) := s if is_string(s)

_segment(i, s) := concat("", [".", s]) if {
	is_string(s)
	i > 0
}

# finding builds the object a rule's deny set holds. The built-in rules
# write the object itself, {"resource": x.id, "attribute": ..., "message":
# ...}: a function call costs a dozen allocations more per finding.
finding(resource, attribute, message) := {
	"resource": resource.id,
	"attribute": attribute,
	"message": message,
}
