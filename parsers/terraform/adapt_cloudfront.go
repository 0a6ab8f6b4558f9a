package terraform

import (
	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
)

// adaptCloudFront maps CloudFront distributions and log delivery sources,
// WAFv2 web ACLs, associations and logging configurations, and API
// Gateway REST APIs and stages. What they name of each other (a
// distribution's web ACL and origins, an association's resource, a
// logging configuration's web ACL) is recorded as targets for the linking
// step.
func (a *adapter) adaptCloudFront() {
	m := &a.model.AWS
	for _, r := range a.managed("aws_cloudfront_distribution") {
		d := &model.Distribution{}
		o := a.object(r, r.id, &d.Meta)
		n := a.nodeOf(r, fieldNames(adapt.DistributionFields(d), adapt.DefaultCacheBehaviorKey.TF, adapt.OrderedCacheBehaviorsKey.TF,
			adapt.ViewerCertificateKey.TF, adapt.DistributionLoggingKey.TF, adapt.OriginsKey.TF)...)
		adapt.Distribution(o, d, n, target)
		m.CloudFront.Distributions = append(m.CloudFront.Distributions, d)
	}
	for _, r := range a.managed("aws_cloudwatch_log_delivery_source") {
		n := a.node(r)
		s := &model.LogDeliverySource{Resource: target(field(n, "resource_arn"))}
		o := a.object(r, r.id, &s.Meta)
		o.Apply(n, adapt.LogDeliverySourceFields(s))
		m.CloudFront.LogDeliverySources = append(m.CloudFront.LogDeliverySources, s)
	}
	for _, r := range a.managed("aws_wafv2_web_acl") {
		w := &model.WebACL{}
		o := a.object(r, r.id, &w.Meta)
		adapt.WebACL(o, w, a.node(r))
		m.WAFv2.WebACLs = append(m.WAFv2.WebACLs, w)
	}
	for _, r := range a.managed("aws_wafv2_web_acl_association") {
		n := a.node(r)
		as := &model.WebACLAssociation{Resource: target(field(n, "resource_arn")), WebACL: target(field(n, "web_acl_arn"))}
		o := a.object(r, r.id, &as.Meta)
		o.Apply(n, adapt.WebACLAssociationFields(as))
		m.WAFv2.Associations = append(m.WAFv2.Associations, as)
	}
	for _, r := range a.managed("aws_wafv2_web_acl_logging_configuration") {
		c := &model.WAFLoggingConfiguration{}
		o := a.object(r, r.id, &c.Meta)
		adapt.WAFLoggingConfiguration(o, c, a.node(r), target)
		m.WAFv2.LoggingConfigurations = append(m.WAFv2.LoggingConfigurations, c)
	}
	for _, r := range a.managed("aws_api_gateway_rest_api") {
		n := a.node(r)
		api := &model.RestAPI{}
		o := a.object(r, r.id, &api.Meta)
		o.Apply(n, adapt.RestAPIFields(api))
		adapt.RestAPIEndpointTypes(o, api, n)
		m.APIGateway.RestAPIs = append(m.APIGateway.RestAPIs, api)
	}
	for _, r := range a.managed("aws_api_gateway_stage") {
		n := a.node(r)
		s := &model.APIStage{RestAPI: target(field(n, "rest_api_id"))}
		o := a.object(r, r.id, &s.Meta)
		o.Apply(n, adapt.APIStageFields(s))
		m.APIGateway.Stages = append(m.APIGateway.Stages, s)
	}
}
