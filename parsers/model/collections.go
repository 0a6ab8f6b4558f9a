package model

// Collection is one list of model objects that rules can name in their
// METADATA (custom.collections), e.g. "aws.s3.buckets".
type Collection struct {
	Name    string
	Objects []Meta
}

// Collections lists every collection of the model with the identity of its
// objects, in a fixed order. It is the one place that knows them all: the
// scanner counts resources, types findings and lists JUnit checks from it.
func (m *Model) Collections() []Collection {
	return m.AppendCollections(nil)
}

// AppendCollections appends the collections of Collections to dst and
// returns the extended slice. The scanner lists them for every unit, and
// the list itself (some fifty entries, most of them empty) was the larger
// part of the cost; with a buffer the caller keeps, only the objects of
// non-empty collections are allocated.
func (m *Model) AppendCollections(dst []Collection) []Collection {
	a := &m.AWS
	accountBlocks := make([]Meta, 0, len(a.S3.AccountPublicAccessBlocks))
	for _, b := range a.S3.AccountPublicAccessBlocks {
		accountBlocks = append(accountBlocks, Meta{ID: b.ID, Type: "aws_s3_account_public_access_block"})
	}
	return append(dst, []Collection{
		{"aws.s3.buckets", metas(a.S3.Buckets, func(x *Bucket) Meta { return x.Meta })},
		{"aws.s3.account_public_access_blocks", accountBlocks},
		{"aws.s3.access_points", metas(a.S3.AccessPoints, func(x *AccessPoint) Meta { return x.Meta })},
		{"aws.s3.public_access_blocks", metas(a.S3.PublicAccessBlocks, func(x *BucketPublicAccessBlock) Meta { return x.Meta })},
		{"aws.s3.bucket_acls", metas(a.S3.BucketACLs, func(x *BucketACL) Meta { return x.Meta })},
		{"aws.s3.bucket_settings", metas(a.S3.BucketSettings, func(x *BucketSettings) Meta { return x.Meta })},
		{"aws.s3.objects", metas(a.S3.Objects, func(x *S3Object) Meta { return x.Meta })},
		{"aws.iam.policies", metas(a.IAM.Policies, func(x *Policy) Meta { return x.Meta })},
		{"aws.iam.roles", metas(a.IAM.Roles, func(x *Role) Meta { return x.Meta })},
		{"aws.kms.keys", metas(a.KMS.Keys, func(x *KMSKey) Meta { return x.Meta })},
		{"aws.kms.replica_keys", metas(a.KMS.ReplicaKeys, func(x *KMSReplicaKey) Meta { return x.Meta })},
		{"aws.cloudtrail.trails", metas(a.CloudTrail.Trails, func(x *Trail) Meta { return x.Meta })},
		{"aws.cloudtrail.event_data_stores", metas(a.CloudTrail.EventDataStores, func(x *EventDataStore) Meta { return x.Meta })},
		{"aws.ssm.parameters", metas(a.SSM.Parameters, func(x *SSMParameter) Meta { return x.Meta })},
		{"aws.secretsmanager.secrets", metas(a.SecretsManager.Secrets, func(x *Secret) Meta { return x.Meta })},
		{"aws.secretsmanager.secret_values", metas(a.SecretsManager.SecretValues, func(x *SecretValue) Meta { return x.Meta })},
		{"aws.secretsmanager.rotations", metas(a.SecretsManager.Rotations, func(x *SecretRotation) Meta { return x.Meta })},
		{"aws.rds.instances", metas(a.RDS.Instances, func(x *DBInstance) Meta { return x.Meta })},
		{"aws.rds.clusters", metas(a.RDS.Clusters, func(x *DBCluster) Meta { return x.Meta })},
		{"aws.cloudformation.parameters", metas(a.CloudFormation.Parameters, func(x *CFNParameter) Meta { return x.Meta })},
		{"aws.guardduty.detectors", metas(a.GuardDuty.Detectors, func(x *GuardDutyDetector) Meta { return x.Meta })},
		{"aws.guardduty.features", metas(a.GuardDuty.Features, func(x *GuardDutyFeature) Meta { return x.Meta })},
		{"aws.config.recorders", metas(a.Config.Recorders, func(x *ConfigRecorder) Meta { return x.Meta })},
		{"aws.config.recorder_statuses", metas(a.Config.RecorderStatuses, func(x *ConfigRecorderStatus) Meta { return x.Meta })},
		{"aws.config.delivery_channels", metas(a.Config.DeliveryChannels, func(x *ConfigDeliveryChannel) Meta { return x.Meta })},
		{"aws.ecr.repositories", metas(a.ECR.Repositories, func(x *ECRRepository) Meta { return x.Meta })},
		{"aws.ecr.registry_scanning_configurations", metas(a.ECR.RegistryScanningConfigurations, func(x *ECRRegistryScanning) Meta { return x.Meta })},
		{"aws.route53.hosted_zones", metas(a.Route53.HostedZones, func(x *HostedZone) Meta { return x.Meta })},
		{"aws.route53.query_logs", metas(a.Route53.QueryLogs, func(x *QueryLog) Meta { return x.Meta })},
		{"aws.cloudfront.distributions", metas(a.CloudFront.Distributions, func(x *Distribution) Meta { return x.Meta })},
		{"aws.cloudfront.log_delivery_sources", metas(a.CloudFront.LogDeliverySources, func(x *LogDeliverySource) Meta { return x.Meta })},
		{"aws.wafv2.web_acls", metas(a.WAFv2.WebACLs, func(x *WebACL) Meta { return x.Meta })},
		{"aws.wafv2.associations", metas(a.WAFv2.Associations, func(x *WebACLAssociation) Meta { return x.Meta })},
		{"aws.wafv2.logging_configurations", metas(a.WAFv2.LoggingConfigurations, func(x *WAFLoggingConfiguration) Meta { return x.Meta })},
		{"aws.apigateway.rest_apis", metas(a.APIGateway.RestAPIs, func(x *RestAPI) Meta { return x.Meta })},
		{"aws.apigateway.stages", metas(a.APIGateway.Stages, func(x *APIStage) Meta { return x.Meta })},
		{"aws.elb.load_balancers", metas(a.ELB.LoadBalancers, func(x *LoadBalancer) Meta { return x.Meta })},
		{"aws.elb.listeners", metas(a.ELB.Listeners, func(x *Listener) Meta { return x.Meta })},
		{"aws.elb.listener_certificates", metas(a.ELB.ListenerCertificates, func(x *ListenerCertificate) Meta { return x.Meta })},
		{"aws.elb.clb_policies", metas(a.ELB.CLBPolicies, func(x *CLBPolicyResource) Meta { return x.Meta })},
		{"aws.elb.clb_listener_policies", metas(a.ELB.CLBListenerPolicies, func(x *CLBListenerPolicy) Meta { return x.Meta })},
		{"aws.acm.certificates", metas(a.ACM.Certificates, func(x *ACMCertificate) Meta { return x.Meta })},
		{"aws.iam.server_certificates", metas(a.IAM.ServerCertificates, func(x *ServerCertificate) Meta { return x.Meta })},
		{"aws.ec2.instances", metas(a.EC2.Instances, func(x *Instance) Meta { return x.Meta })},
		{"aws.ec2.security_groups", metas(a.EC2.SecurityGroups, func(x *SecurityGroup) Meta { return x.Meta })},
		{"aws.ec2.security_group_rules", metas(a.EC2.SecurityGroupRules, func(x *SecurityGroupRule) Meta { return x.Meta })},
		{"aws.vpc.vpcs", metas(a.VPC.VPCs, func(x *VPCNetwork) Meta { return x.Meta })},
		{"aws.vpc.flow_logs", metas(a.VPC.FlowLogs, func(x *FlowLog) Meta { return x.Meta })},
		{"aws.vpc.network_acls", metas(a.VPC.NetworkACLs, func(x *NetworkACL) Meta { return x.Meta })},
		{"aws.vpc.network_acl_rules", metas(a.VPC.NetworkACLRules, func(x *NetworkACLRule) Meta { return x.Meta })},
		{"aws.vpc.network_acl_associations", metas(a.VPC.NetworkACLAssociations, func(x *NetworkACLAssociation) Meta { return x.Meta })},
	}...)
}

func metas[T any](xs []*T, meta func(*T) Meta) []Meta {
	out := make([]Meta, 0, len(xs))
	for _, x := range xs {
		out = append(out, meta(x))
	}
	return out
}
