# CloudTrail helpers
# Which events a trail records, from its basic or advanced event selectors.
# A trail with no selector records every management event, read and
# write, and no data event. Advanced event selectors, when written,
# replace the basic ones. Every helper concludes only from known values:
# trail_management_events is undefined when an unknown selector decides
# it, and trail_may_record_s3_data holds when an unknown one may record
# S3 object events.
package seclint.lib

# trail_management_events(trail) is the set of management event kinds,
# "read" and "write", that the trail records; empty when it records none.
trail_management_events(trail) := kinds if {
	_advanced_in_use(trail)
	not _advanced_management_unknown(trail)
	kinds := {kind |
		some sel in trail.advanced_event_selectors
		_advanced_is_management(sel)
		some kind in _advanced_read_only_kinds(sel)
	}
}

trail_management_events(trail) := kinds if {
	_basic_in_use(trail)
	not _basic_management_unknown(trail)
	kinds := _basic_management_kinds(trail)
}

# trail_may_record_s3_data(trail): the trail records, or may record (an
# unknown selector), S3 object-level data events.
trail_may_record_s3_data(trail) if is_unknown(trail.advanced_event_selectors)

trail_may_record_s3_data(trail) if {
	_advanced_in_use(trail)
	some sel in trail.advanced_event_selectors
	_advanced_may_select(sel, "eventCategory", "Data")
	_advanced_may_select(sel, "resources.type", "AWS::S3::Object")
}

trail_may_record_s3_data(trail) if {
	_basic_in_use(trail)
	is_unknown(trail.event_selectors)
}

trail_may_record_s3_data(trail) if {
	_basic_in_use(trail)
	some sel in trail.event_selectors
	is_unknown(sel.data_resources)
}

trail_may_record_s3_data(trail) if {
	_basic_in_use(trail)
	some sel in trail.event_selectors
	some resource in sel.data_resources
	_may_equal(resource.type, "AWS::S3::Object")
}

# field_selectors_of(sel, field) are the [index, field selector] pairs of
# an advanced event selector for one field ("eventCategory", "readOnly").
field_selectors_of(sel, field) := {[j, fs] |
	some j, fs in sel.field_selectors
	fs.field == field
}

# Advanced selectors are in use when the trail writes at least one; an
# unknown list is neither in use nor not.
_advanced_in_use(trail) if {
	is_array(trail.advanced_event_selectors)
	count(trail.advanced_event_selectors) > 0
}

_basic_in_use(trail) if {
	not _advanced_in_use(trail)
	not is_unknown(object.get(trail, "advanced_event_selectors", null))
}

# The advanced selectors that decide management events are unknown: the
# list of field selectors, a field name, or the values of an eventCategory
# or readOnly field.
_advanced_management_unknown(trail) if {
	some sel in trail.advanced_event_selectors
	is_unknown(sel.field_selectors)
}

_advanced_management_unknown(trail) if {
	some sel in trail.advanced_event_selectors
	some fs in sel.field_selectors
	is_unknown(fs.field)
}

_advanced_management_unknown(trail) if {
	some sel in trail.advanced_event_selectors
	some fs in sel.field_selectors
	fs.field in {"eventCategory", "readOnly"}
	_values_unknown(fs)
}

_values_unknown(fs) if {
	some op in ["equals", "not_equals", "starts_with", "not_starts_with", "ends_with", "not_ends_with"]
	is_unknown(fs[op])
}

_values_unknown(fs) if {
	some op in ["equals", "not_equals", "starts_with", "not_starts_with", "ends_with", "not_ends_with"]
	some v in fs[op]
	is_unknown(v)
}

# eventCategory takes only Equals.
_advanced_is_management(sel) if {
	some [_, fs] in field_selectors_of(sel, "eventCategory")
	"Management" in fs.equals
}

# The kinds a management selector records: both without a readOnly field;
# with one, the values "true" (read) and "false" (write) it admits.
_advanced_read_only_kinds(sel) := {"read", "write"} if count(field_selectors_of(sel, "readOnly")) == 0

_advanced_read_only_kinds(sel) := kinds if {
	count(field_selectors_of(sel, "readOnly")) > 0
	kinds := {kind |
		some value, kind in {"true": "read", "false": "write"}
		every pair in field_selectors_of(sel, "readOnly") {
			_admits(pair[1], value)
		}
	}
}

# _admits(fs, value): the field selector lets value through. readOnly
# takes Equals and NotEquals; a selector with another operator is taken
# to admit the value, so that nothing is concluded from it.
_admits(fs, value) if {
	_equals_admits(fs, value)
	not value in object.get(fs, "not_equals", [])
}

_equals_admits(fs, _) if not is_array(object.get(fs, "equals", null))

_equals_admits(fs, value) if value in fs.equals

# _advanced_may_select(sel, field, value): the advanced selector's field
# may equal value: it has no selector for the field, or one whose values
# are unknown or include value.
_advanced_may_select(sel, _, _) if is_unknown(sel.field_selectors)

_advanced_may_select(sel, field, _) if {
	is_array(sel.field_selectors)
	count(field_selectors_of(sel, field)) == 0
	not _has_unknown_field(sel)
}

_advanced_may_select(sel, _, _) if _has_unknown_field(sel)

_advanced_may_select(sel, field, value) if {
	some [_, fs] in field_selectors_of(sel, field)
	_may_admit(fs, value)
}

_has_unknown_field(sel) if {
	some fs in sel.field_selectors
	is_unknown(fs.field)
}

_may_admit(fs, _) if _values_unknown(fs)

_may_admit(fs, value) if value in fs.equals

_may_admit(fs, _) if not is_array(object.get(fs, "equals", null))

# Basic selectors that decide management events are unknown.
_basic_management_unknown(trail) if is_unknown(trail.event_selectors)

_basic_management_unknown(trail) if {
	some sel in trail.event_selectors
	is_unknown(sel.include_management_events)
}

_basic_management_unknown(trail) if {
	some sel in trail.event_selectors
	not is_false(object.get(sel, "include_management_events", null))
	is_unknown(sel.read_write_type)
}

_basic_management_kinds(trail) := {"read", "write"} if count(object.get(trail, "event_selectors", [])) == 0

_basic_management_kinds(trail) := kinds if {
	count(object.get(trail, "event_selectors", [])) > 0
	kinds := {kind |
		some sel in trail.event_selectors
		not is_false(object.get(sel, "include_management_events", null))
		some kind in read_write_kinds(sel)
	}
}

# read_write_kinds(sel) are the kinds a basic selector's ReadWriteType
# records (absent means All; a value AWS does not take is read as All).
read_write_kinds(sel) := {"read"} if sel.read_write_type == "ReadOnly"

read_write_kinds(sel) := {"write"} if sel.read_write_type == "WriteOnly"

read_write_kinds(sel) := {"read", "write"} if not object.get(sel, "read_write_type", "All") in {"ReadOnly", "WriteOnly"}

_may_equal(x, _) if is_unknown(x)

_may_equal(x, value) if x == value

# absent_or_empty(obj, key): obj does not set key, or sets it to the empty
# string, which AWS takes as not set. Never holds for an unknown value.
absent_or_empty(obj, key) if absent(obj, key)

absent_or_empty(obj, key) if obj[key] == ""

# set_to_text(obj, key): obj sets key to a known, non-empty string.
set_to_text(obj, key) if {
	is_string(obj[key])
	obj[key] != ""
}
