package cloudformation

import (
	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
)

// cloudFront maps AWS::CloudFront::Distribution (its DistributionConfig),
// AWS::Logs::DeliverySource, the WAFv2 web ACLs, associations and logging
// configurations, and AWS::ApiGateway::RestApi and ::Stage. References
// between them are recorded as targets for the linking step.
func (a *adapter) cloudFront() {
	m := &a.u.Model.AWS
	for _, r := range a.t.resources {
		if r.dropped {
			continue
		}
		switch r.typ {
		case "AWS::CloudFront::Distribution":
			d := &model.Distribution{}
			o := a.object(r, &d.Meta)
			cfg := get(a.props(r), "DistributionConfig")
			if cfg.IsUnknown() {
				// Nothing of it can be read; every list is unknown.
				d.OrderedCacheBehaviors = model.UnknownOf[[]*model.CacheBehavior]()
				d.Origins = model.UnknownOf[[]*model.Origin]()
				d.Enabled = model.UnknownOf[bool]()
				d.WebACLID = model.UnknownOf[string]()
				d.DefaultCacheBehavior = &model.CacheBehavior{ViewerProtocolPolicy: model.UnknownOf[string]()}
				d.ViewerCertificate = &model.ViewerCertificate{CloudFrontDefaultCertificate: model.UnknownOf[bool](), MinimumProtocolVersion: model.UnknownOf[string]()}
				d.Logging = &model.DistributionLogging{Bucket: model.UnknownOf[string]()}
			} else {
				adapt.Distribution(o, d, cfg, a.target)
			}
			m.CloudFront.Distributions = append(m.CloudFront.Distributions, d)
		case "AWS::Logs::DeliverySource":
			props := a.props(r)
			s := &model.LogDeliverySource{Resource: a.target(get(props, "ResourceArn"))}
			o := a.object(r, &s.Meta)
			o.Apply(props, adapt.LogDeliverySourceFields(s))
			m.CloudFront.LogDeliverySources = append(m.CloudFront.LogDeliverySources, s)
		case "AWS::WAFv2::WebACL":
			w := &model.WebACL{}
			o := a.object(r, &w.Meta)
			adapt.WebACL(o, w, a.props(r))
			m.WAFv2.WebACLs = append(m.WAFv2.WebACLs, w)
		case "AWS::WAFv2::WebACLAssociation":
			props := a.props(r)
			as := &model.WebACLAssociation{Resource: a.target(get(props, "ResourceArn")), WebACL: a.target(get(props, "WebACLArn"))}
			o := a.object(r, &as.Meta)
			o.Apply(props, adapt.WebACLAssociationFields(as))
			m.WAFv2.Associations = append(m.WAFv2.Associations, as)
		case "AWS::WAFv2::LoggingConfiguration":
			c := &model.WAFLoggingConfiguration{}
			o := a.object(r, &c.Meta)
			adapt.WAFLoggingConfiguration(o, c, a.props(r), a.target)
			m.WAFv2.LoggingConfigurations = append(m.WAFv2.LoggingConfigurations, c)
		case "AWS::ApiGateway::RestApi":
			props := a.props(r)
			api := &model.RestAPI{}
			o := a.object(r, &api.Meta)
			o.Apply(props, adapt.RestAPIFields(api))
			adapt.RestAPIEndpointTypes(o, api, props)
			m.APIGateway.RestAPIs = append(m.APIGateway.RestAPIs, api)
		case "AWS::Serverless::Api":
			// The SAM transform makes a REST API and a stage of StageName
			// from it; both are the SAM resource here, where a finding
			// is shown and a suppression written. EndpointConfiguration
			// is a type string or an object with Type.
			props := a.props(r)
			api := &model.RestAPI{}
			o := a.object(r, &api.Meta)
			o.Apply(props, adapt.RestAPIFields(api))
			ec := get(props, "EndpointConfiguration")
			if t := get(ec, "Type"); t != nil {
				ec = t
			}
			o.StringList(&api.EndpointTypes, "endpoint_types", ec)
			m.APIGateway.RestAPIs = append(m.APIGateway.RestAPIs, api)
			if get(props, "StageName") == nil {
				// StageName is required: without it the transform fails
				// and no stage exists.
				continue
			}
			s := &model.APIStage{RestAPI: model.Target{Refs: []string{api.ID}}}
			o = a.object(r, &s.Meta)
			o.Apply(props, adapt.APIStageFields(s))
			m.APIGateway.Stages = append(m.APIGateway.Stages, s)
		case "AWS::ApiGateway::Stage":
			props := a.props(r)
			s := &model.APIStage{RestAPI: a.target(get(props, "RestApiId"))}
			o := a.object(r, &s.Meta)
			o.Apply(props, adapt.APIStageFields(s))
			m.APIGateway.Stages = append(m.APIGateway.Stages, s)
		}
	}
}
