# Log destinations
# Buckets of the scan that receive logs whose delivery decides how the
# bucket may be encrypted. The linking step (parsers/link) records the
# relations: a load balancer's access log bucket (access_logs_bucket_ref)
# and the buckets whose S3 server access logs a bucket receives
# (logged_by). Complete rules, computed once per query: a rule tests a
# bucket with one lookup.
package seclint.lib

# sse_s3_only_lb_log_buckets are the IDs of the buckets of the scan that an
# Application or Classic Load Balancer of the scan delivers its access logs
# to, when those logs are on or may be. Their access logs support only
# SSE-S3 on the bucket (ELB user guides, "Enable access logs"); a Network
# Load Balancer's also support SSE-KMS with a customer managed key, so an
# NLB's bucket is not among them.
sse_s3_only_lb_log_buckets := {id |
	some lb in input.aws.elb.load_balancers
	id := lb.access_logs_bucket_ref
	is_string(id)
	_access_logs_may_be_on(lb)
	not lb.lb_type == "network"
}

_access_logs_may_be_on(lb) if is_true(lb.access_logs_enabled)

_access_logs_may_be_on(lb) if is_unknown(lb.access_logs_enabled)

# sse_s3_only_lb_log_destination(bucket): an Application or Classic Load
# Balancer of the scan delivers its access logs to bucket.
sse_s3_only_lb_log_destination(bucket) if bucket.id in sse_s3_only_lb_log_buckets

# server_access_log_destination(bucket): bucket receives the S3 server
# access logs of a bucket of the scan (itself included).
server_access_log_destination(bucket) if count(bucket.logged_by) > 0
