package model

// CloudFront holds the scan's distributions (aws_cloudfront_distribution,
// AWS::CloudFront::Distribution) and the log delivery sources that may
// give them standard logging (v2).
type CloudFront struct {
	Distributions []*Distribution `json:"distributions"`
	// LogDeliverySources are aws_cloudwatch_log_delivery_source /
	// AWS::Logs::DeliverySource resources: CloudWatch Logs vended-log
	// sources, which is how CloudFront standard logging (v2) is set up.
	LogDeliverySources []*LogDeliverySource `json:"log_delivery_sources"`
}

// Distribution is a CloudFront distribution. Locations: "" is the resource,
// each field the path of its JSON name ("ordered_cache_behaviors[1]",
// "origins[0].domain_name", ...).
type Distribution struct {
	Meta
	// Enabled is enabled / Enabled.
	Enabled Bool `json:"enabled,omitzero"`
	// DefaultCacheBehavior is default_cache_behavior /
	// DefaultCacheBehavior; nil when not written.
	DefaultCacheBehavior *CacheBehavior `json:"default_cache_behavior,omitempty"`
	// OrderedCacheBehaviors are ordered_cache_behavior blocks /
	// CacheBehaviors; unknown when a dynamic block or an Fn::If element
	// may add or drop one.
	OrderedCacheBehaviors Value[[]*CacheBehavior] `json:"ordered_cache_behaviors,omitzero"`
	// ViewerCertificate is viewer_certificate / ViewerCertificate; nil when
	// not written (CloudFormation: the default *.cloudfront.net
	// certificate).
	ViewerCertificate *ViewerCertificate `json:"viewer_certificate,omitempty"`
	// Logging is the legacy standard logging configuration (logging_config
	// / Logging); nil when not written.
	Logging *DistributionLogging `json:"logging,omitempty"`
	// WebACLID is web_acl_id / WebACLId: the WAFv2 web ACL ARN (or a WAF
	// Classic ID).
	WebACLID String `json:"web_acl_id,omitzero"`
	// WebACL is the web ACL as written, resolved by the linking step into
	// WebACLRef.
	WebACL Target `json:"web_acl,omitzero"`
	// WebACLRef is the ID of the web ACL of the scan it names (linking step).
	WebACLRef string `json:"web_acl_ref,omitempty"`
	// Origins are the origin blocks / Origins; unknown as the behaviours.
	Origins Value[[]*Origin] `json:"origins,omitzero"`
	// LogDeliverySources are the IDs of the log delivery sources of the
	// scan whose resource is this distribution (linking step).
	LogDeliverySources []string `json:"log_delivery_sources,omitempty"`
}

// CacheBehavior is a default or ordered cache behaviour.
type CacheBehavior struct {
	// PathPattern is path_pattern / PathPattern (ordered behaviours only).
	PathPattern String `json:"path_pattern,omitzero"`
	// ViewerProtocolPolicy is allow-all, redirect-to-https or https-only.
	ViewerProtocolPolicy String `json:"viewer_protocol_policy,omitzero"`
}

// ViewerCertificate is the certificate CloudFront shows viewers.
type ViewerCertificate struct {
	// CloudFrontDefaultCertificate is cloudfront_default_certificate /
	// CloudFrontDefaultCertificate: the *.cloudfront.net certificate,
	// whose minimum protocol version AWS fixes at TLSv1.
	CloudFrontDefaultCertificate Bool `json:"cloudfront_default_certificate,omitzero"`
	// ACMCertificateARN is acm_certificate_arn / AcmCertificateArn (an ACM
	// certificate, which must be in us-east-1).
	ACMCertificateARN String `json:"acm_certificate_arn,omitzero"`
	// Certificate is the ACM certificate as written, with its region and
	// its link to a certificate of the scan (set by the linking step);
	// CloudFront accepts only us-east-1 certificates.
	Certificate CertificateRef `json:"certificate,omitzero"`
	// IAMCertificateID is iam_certificate_id / IamCertificateId.
	IAMCertificateID String `json:"iam_certificate_id,omitzero"`
	// MinimumProtocolVersion is minimum_protocol_version /
	// MinimumProtocolVersion (SSLv3, TLSv1, TLSv1_2016, TLSv1.1_2016,
	// TLSv1.2_2018, TLSv1.2_2019, TLSv1.2_2021, ...). Absent means TLSv1.
	MinimumProtocolVersion String `json:"minimum_protocol_version,omitzero"`
	// SSLSupportMethod is ssl_support_method / SslSupportMethod.
	SSLSupportMethod String `json:"ssl_support_method,omitzero"`
}

// DistributionLogging is the legacy standard logging of a distribution.
type DistributionLogging struct {
	// Bucket is the bucket's domain name (bucket / Bucket).
	Bucket String `json:"bucket,omitzero"`
	// Prefix is the log file prefix.
	Prefix String `json:"prefix,omitzero"`
}

// Origin is one origin of a distribution.
type Origin struct {
	// ID is origin_id / Id.
	ID String `json:"id,omitzero"`
	// DomainName is domain_name / DomainName.
	DomainName String `json:"domain_name,omitzero"`
	// Target is the domain name as written, with the references it is
	// computed from (aws_lb.web.dns_name, !GetAtt LB.DNSName).
	Target Target `json:"target,omitzero"`
	// LoadBalancerRef is the ID of the load balancer of the scan the
	// origin is (linking step).
	LoadBalancerRef string `json:"load_balancer_ref,omitempty"`
}

// LogDeliverySource is a CloudWatch Logs delivery source: a resource whose
// vended logs (log_type) can be delivered.
type LogDeliverySource struct {
	Meta
	// LogType is log_type / LogType (ACCESS_LOGS for CloudFront).
	LogType String `json:"log_type,omitzero"`
	// ResourceARN is resource_arn / ResourceArn.
	ResourceARN String `json:"resource_arn,omitzero"`
	// Resource is the resource ARN as written, resolved by the linking
	// step into ResourceRef.
	Resource Target `json:"resource,omitzero"`
	// ResourceRef is the ID of the distribution of the scan it names.
	ResourceRef string `json:"resource_ref,omitempty"`
}

// WAFv2 holds web ACLs, their associations and logging configurations.
type WAFv2 struct {
	WebACLs []*WebACL `json:"web_acls"`
	// Associations are aws_wafv2_web_acl_association /
	// AWS::WAFv2::WebACLAssociation resources.
	Associations []*WebACLAssociation `json:"associations"`
	// LoggingConfigurations are aws_wafv2_web_acl_logging_configuration /
	// AWS::WAFv2::LoggingConfiguration resources.
	LoggingConfigurations []*WAFLoggingConfiguration `json:"logging_configurations"`
}

// WebACL is a WAFv2 web ACL. Locations: "" is the resource, "rules[i]"
// each rule.
type WebACL struct {
	Meta
	// Name is name / Name.
	Name String `json:"name,omitzero"`
	// Scope is REGIONAL or CLOUDFRONT.
	Scope String `json:"scope,omitzero"`
	// Rules are the rule blocks / Rules; unknown when a dynamic block, an
	// Fn::If element or rule_json (a JSON string of rules) may add one.
	Rules Value[[]*WAFRule] `json:"rules,omitzero"`
	// Associations are the IDs of the associations of the scan naming
	// this web ACL (linking step).
	Associations []string `json:"associations,omitempty"`
	// LoggingConfigurations are the IDs of the logging configurations of
	// the scan naming this web ACL (linking step).
	LoggingConfigurations []string `json:"logging_configurations,omitempty"`
}

// WAFRule is one rule of a web ACL, with the kinds of the statements its
// statement tree holds.
type WAFRule struct {
	// Name is name / Name.
	Name String `json:"name,omitzero"`
	// Action is the rule's action (allow, block, count, captcha,
	// challenge); absent for a rule group rule, which has an override
	// action instead; unknown when not known.
	Action String `json:"action,omitzero"`
	// OverrideAction is none or count (a rule group rule); count makes
	// the group's rules only count.
	OverrideAction String `json:"override_action,omitzero"`
	// Statements are the kinds of every statement of the rule's tree,
	// nested ones included: managed_rule_group, rule_group_reference,
	// rate_based, sqli_match, xss_match, byte_match, and, or, not, ...
	// Unknown when part of the tree is.
	Statements StringList `json:"statements,omitzero"`
	// ManagedRuleGroup is the rule's managed rule group statement, if any.
	ManagedRuleGroup *ManagedRuleGroup `json:"managed_rule_group,omitempty"`
}

// ManagedRuleGroup names a managed rule group.
type ManagedRuleGroup struct {
	// VendorName is vendor_name / VendorName (AWS for AWS Managed Rules).
	VendorName String `json:"vendor_name,omitzero"`
	// Name is the group's name, e.g. AWSManagedRulesCommonRuleSet.
	Name String `json:"name,omitzero"`
}

// WebACLAssociation associates a web ACL with a regional resource (ALB,
// API Gateway stage, ...).
type WebACLAssociation struct {
	Meta
	// ResourceARN is resource_arn / ResourceArn.
	ResourceARN String `json:"resource_arn,omitzero"`
	// Resource is the resource ARN as written; the linking step resolves
	// it into ResourceRef.
	Resource Target `json:"resource,omitzero"`
	// ResourceRef is the ID of the associated resource of the scan (a load
	// balancer or an API Gateway stage).
	ResourceRef string `json:"resource_ref,omitempty"`
	// WebACLARN is web_acl_arn / WebACLArn.
	WebACLARN String `json:"web_acl_arn,omitzero"`
	// WebACL is the web ACL as written; the linking step resolves it into
	// WebACLRef.
	WebACL Target `json:"web_acl,omitzero"`
	// WebACLRef is the ID of the web ACL of the scan.
	WebACLRef string `json:"web_acl_ref,omitempty"`
}

// WAFLoggingConfiguration sends a web ACL's logs to destinations.
type WAFLoggingConfiguration struct {
	Meta
	// ResourceARN is resource_arn / ResourceArn: the web ACL.
	ResourceARN String `json:"resource_arn,omitzero"`
	// WebACL is the web ACL as written; the linking step resolves it into
	// WebACLRef.
	WebACL Target `json:"web_acl,omitzero"`
	// WebACLRef is the ID of the web ACL of the scan.
	WebACLRef string `json:"web_acl_ref,omitempty"`
	// Destinations are log_destination_configs / LogDestinationConfigs;
	// unknown when the list is.
	Destinations Value[[]*WAFLogDestination] `json:"destinations,omitzero"`
}

// WAFLogDestination is one log destination ARN: a CloudWatch Logs log
// group, an S3 bucket or a Firehose delivery stream.
type WAFLogDestination struct {
	// ARN is the destination ARN.
	ARN String `json:"arn,omitzero"`
	// Target is the ARN as written, with the references it is computed from.
	Target Target `json:"target,omitzero"`
	// BucketRef is the ID of the bucket of the scan it names (linking step).
	BucketRef string `json:"bucket_ref,omitempty"`
}

// APIGateway holds REST APIs and their stages.
type APIGateway struct {
	// RestAPIs are aws_api_gateway_rest_api / AWS::ApiGateway::RestApi.
	RestAPIs []*RestAPI `json:"rest_apis"`
	// Stages are aws_api_gateway_stage / AWS::ApiGateway::Stage.
	Stages []*APIStage `json:"stages"`
}

// RestAPI is an API Gateway REST API.
type RestAPI struct {
	Meta
	// Name is name / Name.
	Name String `json:"name,omitzero"`
	// EndpointTypes are endpoint_configuration.types /
	// EndpointConfiguration.Types (EDGE, REGIONAL, PRIVATE). Absent means
	// EDGE.
	EndpointTypes StringList `json:"endpoint_types,omitzero"`
}

// APIStage is a stage of a REST API, the unit a web ACL is associated with.
type APIStage struct {
	Meta
	// Name is stage_name / StageName.
	Name String `json:"name,omitzero"`
	// RestAPI is rest_api_id / RestApiId as written; the linking step
	// resolves it into RestAPIRef.
	RestAPI Target `json:"rest_api,omitzero"`
	// RestAPIRef is the ID of the REST API of the scan.
	RestAPIRef string `json:"rest_api_ref,omitempty"`
}

func (m *Model) normalizeCloudFront() {
	a := &m.AWS
	a.CloudFront.Distributions = nonNil(a.CloudFront.Distributions)
	a.CloudFront.LogDeliverySources = nonNil(a.CloudFront.LogDeliverySources)
	a.WAFv2.WebACLs = nonNil(a.WAFv2.WebACLs)
	a.WAFv2.Associations = nonNil(a.WAFv2.Associations)
	a.WAFv2.LoggingConfigurations = nonNil(a.WAFv2.LoggingConfigurations)
	a.APIGateway.RestAPIs = nonNil(a.APIGateway.RestAPIs)
	a.APIGateway.Stages = nonNil(a.APIGateway.Stages)
}
