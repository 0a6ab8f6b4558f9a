package terraform

import "fmt"

// readTypes are the managed resource types the adapters read. The walk of
// a module instance evaluates only these; any other resource, and every
// data source (the adapters reach those only through references, such as
// a policy's data.aws_iam_policy_document.x.json), is evaluated when an
// expression reads it. A resource no rule can see and nothing reads costs
// nothing: on the corpus, skipping them saves about a tenth of the scan.
//
// The list is written once here; managed panics when an adapter asks for a
// type it lacks, so a new adapter that forgets it fails every test rather
// than reading nothing. The types of the policy and bucket settings tables
// are added from the tables.
var readTypes = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range []string{
		// ACM, API Gateway, CloudFront, ELB (adapt_elb.go, adapt_cloudfront.go)
		"aws_acm_certificate", "aws_acm_certificate_validation",
		"aws_api_gateway_rest_api", "aws_api_gateway_stage",
		"aws_cloudfront_distribution",
		"aws_elb", "aws_lb", "aws_alb",
		"aws_lb_listener", "aws_alb_listener",
		"aws_lb_listener_certificate", "aws_alb_listener_certificate",
		"aws_lb_ssl_negotiation_policy", "aws_load_balancer_listener_policy", "aws_load_balancer_policy",
		"aws_iam_server_certificate",
		// CloudTrail and log delivery (adapt_cloudtrail.go)
		"aws_cloudtrail", "aws_cloudtrail_event_data_store", "aws_cloudwatch_log_delivery_source",
		// GuardDuty, Config, ECR, Route 53 (adapt_detection.go)
		"aws_guardduty_detector", "aws_guardduty_detector_feature",
		"aws_config_configuration_recorder", "aws_config_configuration_recorder_status", "aws_config_delivery_channel",
		"aws_ecr_registry_scanning_configuration", "aws_ecr_repository",
		"aws_route53_query_log", "aws_route53_zone",
		// KMS (adapt_kms.go)
		"aws_kms_key", "aws_kms_external_key", "aws_kms_replica_key", "aws_kms_replica_external_key",
		// Lambda (adapt_lambda.go)
		"aws_lambda_function_url", "aws_lambda_permission",
		// Networks (adapt_network.go)
		"aws_vpc", "aws_flow_log",
		"aws_security_group", "aws_security_group_rule",
		"aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule",
		"aws_network_acl", "aws_default_network_acl", "aws_network_acl_rule", "aws_network_acl_association",
		"aws_wafv2_web_acl", "aws_wafv2_web_acl_association", "aws_wafv2_web_acl_logging_configuration",
		// Databases, instances (adapt_secrets.go, adapt_userdata.go)
		"aws_db_instance", "aws_rds_cluster",
		"aws_instance", "aws_launch_template", "aws_launch_configuration",
		// S3 (adapt_s3.go, adapt_s3_access_point.go, adapt_s3_object.go)
		"aws_s3_bucket", "aws_s3_bucket_acl", "aws_s3_bucket_public_access_block",
		"aws_s3_account_public_access_block", "aws_s3_access_point", "aws_s3control_access_point_policy",
		"aws_s3_object", "aws_s3_bucket_object", "aws_s3_object_copy",
		// Secrets Manager, SSM (adapt_secrets.go, adapt_ssm.go)
		"aws_secretsmanager_secret", "aws_secretsmanager_secret_rotation", "aws_secretsmanager_secret_version",
		"aws_ssm_parameter",
	} {
		m[t] = true
	}
	for _, s := range policySources {
		m[s.typ] = true
		if s.ownerType != "" {
			m[s.ownerType] = true
		}
	}
	for t := range s3Settings {
		m[t] = true
	}
	return m
}()

// walked reports whether the walk evaluates r: a managed resource of a
// type some adapter reads.
func walked(r *resource) bool {
	return r.mode == managedResource && readTypes[r.typ]
}

// checkReadTypes panics when an adapter asks for a type the walk skips: a
// bug that would make the adapter read nothing.
func checkReadTypes(types []string) {
	for _, t := range types {
		if !readTypes[t] {
			panic(fmt.Sprintf("terraform: an adapter reads %s, which is not in readTypes (read_types.go)", t))
		}
	}
}
