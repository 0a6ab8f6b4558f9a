# METADATA
# title: CloudTrail Insights selector that can never fire
# description: |
#   CloudTrail Insights compares a trail's API call volume with its
#   baseline. ApiCallRateInsight on management events is computed from
#   write management events only, and ApiErrorRateInsight from read or
#   write management events (CloudTrail user guide, "Logging Insights
#   events"; InsightSelector). On a trail that records only read
#   management events, or none, the selector is accepted but never
#   produces an Insights event, so the anomaly detection the author turned
#   on does not exist. The rule fires for an Insights selector that
#   analyses management events (no EventCategories, or only Management)
#   on such a trail; not when the selector also analyses data events, and
#   never when the trail's selectors are unknown.
# custom:
#   id: aws-cloudtrail-insights-write-events
#   severity: MEDIUM
#   kind: correctness
#   collections: [aws.cloudtrail.trails]
#   resource_types: [aws_cloudtrail, AWS::CloudTrail::Trail]
#   remediation:
#     terraform: |
#       Record write management events on the trail:
#       ```hcl
#       resource "aws_cloudtrail" "main" {
#         # ...
#         event_selector {
#           read_write_type           = "All" # not "ReadOnly"
#           include_management_events = true
#         }
#         insight_selector {
#           insight_type = "ApiCallRateInsight"
#         }
#       }
#       ```
#     cloudformation: |
#       Record write management events on the trail:
#       ```yaml
#       EventSelectors:
#         - ReadWriteType: All # not ReadOnly
#           IncludeManagementEvents: true
#       InsightSelectors:
#         - InsightType: ApiCallRateInsight
#       ```
package seclint.aws.cloudtrail.insights_write_events

import data.seclint.lib

deny contains finding if {
	some trail in input.aws.cloudtrail.trails
	some i, insight in trail.insight_selectors
	insight.insight_type == "ApiCallRateInsight"
	_management_only(insight)
	kinds := lib.trail_management_events(trail)
	not "write" in kinds
	finding := {"resource": trail.id, "attribute": sprintf("insight_selectors[%d].insight_type", [i]), "message": sprintf("Trail %s has ApiCallRateInsight, which analyses write management events, but records %s; record write management events or remove the selector.", [trail.id, _recorded(kinds)])}
}

deny contains finding if {
	some trail in input.aws.cloudtrail.trails
	some i, insight in trail.insight_selectors
	insight.insight_type == "ApiErrorRateInsight"
	_management_only(insight)
	count(lib.trail_management_events(trail)) == 0
	finding := {"resource": trail.id, "attribute": sprintf("insight_selectors[%d].insight_type", [i]), "message": sprintf("Trail %s has ApiErrorRateInsight, which analyses management events, but records none; record management events or remove the selector.", [trail.id])}
}

# No EventCategories means Management; a list must be known and hold only
# Management.
_management_only(insight) if lib.absent(insight, "event_categories")

_management_only(insight) if {
	is_array(insight.event_categories)
	count(insight.event_categories) > 0
	every c in insight.event_categories {
		c == "Management"
	}
}

_recorded(kinds) := "no management events" if count(kinds) == 0

_recorded(kinds) := "only read management events" if kinds == {"read"}
