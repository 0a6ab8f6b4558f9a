package seclint.lib_test

import data.seclint.lib

log_input := {"aws": {"elb": {"load_balancers": [
	{"id": "alb", "access_logs_enabled": true, "access_logs_bucket_ref": "logs"},
	{"id": "off", "access_logs_enabled": false, "access_logs_bucket_ref": "off-logs"},
	{"id": "maybe", "access_logs_enabled": unknown_value, "access_logs_bucket_ref": "maybe-logs"},
	{"id": "absent", "access_logs_bucket_ref": "absent-logs"},
	{"id": "outside", "access_logs_enabled": true},
	{"id": "nlb", "lb_type": "network", "access_logs_enabled": true, "access_logs_bucket_ref": "nlb-logs"},
	{"id": "clb", "lb_type": "classic", "access_logs_enabled": true, "access_logs_bucket_ref": "clb-logs"},
]}}}

test_sse_s3_only_lb_log_buckets if {
	lib.sse_s3_only_lb_log_buckets == {"logs", "maybe-logs", "clb-logs"} with input as log_input
	lib.sse_s3_only_lb_log_destination({"id": "logs"}) with input as log_input
	not lib.sse_s3_only_lb_log_destination({"id": "off-logs"}) with input as log_input
	not lib.sse_s3_only_lb_log_destination({"id": "nlb-logs"}) with input as log_input
}

test_server_access_log_destination if {
	lib.server_access_log_destination({"id": "b", "logged_by": ["a"]})
	not lib.server_access_log_destination({"id": "b", "logged_by": []})
}
