# METADATA
# title: CloudTrail trail does not record read and write management events
# description: |
#   Management events are the control-plane calls (creating users,
#   changing policies, deleting trails, reading secrets' metadata); a trail
#   that excludes them, or records only the read or only the write ones,
#   misses the calls an investigation starts from. A trail with no event
#   selector records all of them. With basic event selectors, a selector
#   with include_management_events (IncludeManagementEvents) true, the
#   default, records the management events of its read_write_type
#   (ReadWriteType: All, the default, ReadOnly or WriteOnly). Advanced
#   event selectors, when written, replace the basic ones: a selector with
#   eventCategory equal to Management records them, all of them or only the
#   read or write ones by its readOnly field. The rule fires when the
#   trail's selectors together record no management events, or only one
#   kind; never when a selector that decides it is unknown.
# custom:
#   id: aws-cloudtrail-management-events
#   severity: MEDIUM
#   kind: security
#   fsbp: [CloudTrail.1]
#   collections: [aws.cloudtrail.trails]
#   resource_types: [aws_cloudtrail, AWS::CloudTrail::Trail]
#   remediation:
#     terraform: |
#       ```hcl
#       resource "aws_cloudtrail" "main" {
#         # ...
#         event_selector {
#           read_write_type           = "All"
#           include_management_events = true
#         }
#       }
#       ```
#       With advanced event selectors, add one for management events with
#       no readOnly field:
#       ```hcl
#       advanced_event_selector {
#         name = "management"
#         field_selector {
#           field  = "eventCategory"
#           equals = ["Management"]
#         }
#       }
#       ```
#     cloudformation: |
#       ```yaml
#       EventSelectors:
#         - ReadWriteType: All
#           IncludeManagementEvents: true
#       ```
#       With advanced event selectors:
#       ```yaml
#       AdvancedEventSelectors:
#         - Name: management
#           FieldSelectors:
#             - Field: eventCategory
#               Equals: [Management]
#       ```
package seclint.aws.cloudtrail.management_events

import data.seclint.lib

deny contains finding if {
	some trail in input.aws.cloudtrail.trails
	kinds := lib.trail_management_events(trail)
	count(kinds) == 0
	finding := {"resource": trail.id, "attribute": _excluding_path(trail), "message": sprintf("Trail %s records no management events; include them (include_management_events = true, or an advanced selector with eventCategory = Management) for read and write.", [trail.id])}
}

deny contains finding if {
	some trail in input.aws.cloudtrail.trails
	kinds := lib.trail_management_events(trail)
	count(kinds) == 1
	some kind in kinds
	finding := {"resource": trail.id, "attribute": _narrowing_path(trail), "message": sprintf("Trail %s records only %s management events; record read and write ones (ReadWriteType All, or no readOnly field in the advanced selector).", [trail.id, kind])}
}

# Where a finding points: the advanced selectors, or the first basic
# selector that excludes management events.
_excluding_path(trail) := "advanced_event_selectors" if count(object.get(trail, "advanced_event_selectors", [])) > 0

_excluding_path(trail) := sprintf("event_selectors[%d].include_management_events", [i]) if {
	count(object.get(trail, "advanced_event_selectors", [])) == 0
	i := min({j | some j, sel in trail.event_selectors; lib.is_false(sel.include_management_events)})
}

# The readOnly field of the first advanced management selector, or the
# read_write_type of the first basic selector that records management
# events.
_narrowing_path(trail) := sprintf("advanced_event_selectors[%d].field_selectors[%d]", [i, j]) if {
	count(object.get(trail, "advanced_event_selectors", [])) > 0
	i := min({k |
		some k, sel in trail.advanced_event_selectors
		count(lib.field_selectors_of(sel, "readOnly")) > 0
	})
	j := min({k | some [k, _] in lib.field_selectors_of(trail.advanced_event_selectors[i], "readOnly")})
}

_narrowing_path(trail) := sprintf("event_selectors[%d].read_write_type", [i]) if {
	count(object.get(trail, "advanced_event_selectors", [])) == 0
	i := min({j |
		some j, sel in trail.event_selectors
		not lib.is_false(object.get(sel, "include_management_events", null))
	})
}
