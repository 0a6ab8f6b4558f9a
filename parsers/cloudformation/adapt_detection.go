package cloudformation

import (
	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
)

// detection maps the detection and audit services of the template:
// AWS::GuardDuty::Detector (data sources and features inline),
// AWS::Config::ConfigurationRecorder and AWS::Config::DeliveryChannel,
// AWS::ECR::Repository and AWS::ECR::RegistryScanningConfiguration, and
// AWS::Route53::HostedZone (query logging inline). CloudFormation has no
// recorder status: it starts a recorder once a delivery channel exists.
func (a *adapter) detection() {
	m := &a.u.Model.AWS
	for _, r := range a.t.resources {
		if r.dropped {
			continue
		}
		switch r.typ {
		case "AWS::GuardDuty::Detector":
			m.GuardDuty.Detectors = append(m.GuardDuty.Detectors, a.guardDutyDetector(r))
		case "AWS::Config::ConfigurationRecorder":
			m.Config.Recorders = append(m.Config.Recorders, a.configRecorder(r))
		case "AWS::Config::DeliveryChannel":
			c := &model.ConfigDeliveryChannel{}
			o := a.object(r, &c.Meta)
			o.Apply(a.props(r), adapt.ConfigDeliveryChannelFields(c))
			m.Config.DeliveryChannels = append(m.Config.DeliveryChannels, c)
		case "AWS::ECR::Repository":
			props := a.props(r)
			repo := &model.ECRRepository{}
			o := a.object(r, &repo.Meta)
			o.Apply(props, adapt.ECRRepositoryFields(repo))
			if repo.Name.IsZero() {
				// CloudFormation generates a name.
				repo.Name = model.UnknownOf[string]()
			}
			o.Apply(get(props, "ImageScanningConfiguration"), adapt.ECRImageScanningFields(repo))
			m.ECR.Repositories = append(m.ECR.Repositories, repo)
		case "AWS::ECR::RegistryScanningConfiguration":
			m.ECR.RegistryScanningConfigurations = append(m.ECR.RegistryScanningConfigurations, a.registryScanning(r))
		case "AWS::Route53::HostedZone":
			props := a.props(r)
			z := &model.HostedZone{}
			o := a.object(r, &z.Meta)
			o.Apply(props, adapt.HostedZoneFields(z))
			vpcs := get(props, "VPCs")
			z.Private = adapt.NonEmpty(vpcs)
			o.At("private", vpcs)
			o.String(&z.QueryLogGroup, "query_log_group", get(get(props, "QueryLoggingConfig"), "CloudWatchLogsLogGroupArn"))
			m.Route53.HostedZones = append(m.Route53.HostedZones, z)
		}
	}
}

// guardDutyDetector maps one AWS::GuardDuty::Detector: Enable, the legacy
// DataSources and the Features list. A Features list that cannot be
// evaluated is one feature of unknown name and status, so that no rule
// reads the detector's data sources as its last word.
func (a *adapter) guardDutyDetector(r *resource) *model.GuardDutyDetector {
	props := a.props(r)
	d := &model.GuardDutyDetector{}
	o := a.object(r, &d.Meta)
	o.Apply(props, adapt.GuardDutyDetectorFields(d))
	ds := get(props, "DataSources")
	o.Apply(get(ds, "S3Logs"), adapt.GuardDutyDataSourceFields("s3_logs", &d.S3Logs))
	o.Apply(get(get(ds, "Kubernetes"), "AuditLogs"), adapt.GuardDutyDataSourceFields("kubernetes_audit_logs", &d.KubernetesAuditLogs))
	features := get(props, "Features")
	items, ok := features.Items()
	if !ok {
		o.At("features[0]", features)
		d.Features = []*model.GuardDutyFeatureSetting{{Name: model.UnknownOf[string](), Status: model.UnknownOf[string]()}}
		return d
	}
	for i, it := range items {
		f := &model.GuardDutyFeatureSetting{}
		prefix := model.ElementPath("features", i)
		o.At(prefix, it)
		o.Apply(it, adapt.GuardDutyFeatureFields(prefix+".", f))
		d.Features = append(d.Features, f)
	}
	return d
}

// configRecorder maps one AWS::Config::ConfigurationRecorder, which
// CloudFormation starts as soon as a delivery channel is available.
func (a *adapter) configRecorder(r *resource) *model.ConfigRecorder {
	props := a.props(r)
	rec := &model.ConfigRecorder{StartsOnCreate: true}
	o := a.object(r, &rec.Meta)
	o.Apply(props, adapt.ConfigRecorderFields(rec))
	rg := get(props, "RecordingGroup")
	o.Apply(rg, adapt.RecordingGroupFields(rec))
	o.Apply(get(rg, "RecordingStrategy"), adapt.RecordingStrategyFields(rec))
	o.Apply(get(rg, "ExclusionByResourceTypes"), adapt.RecordingExclusionFields(rec))
	return rec
}

// registryScanning maps one AWS::ECR::RegistryScanningConfiguration: its
// Rules, each with the Filter of its RepositoryFilters.
func (a *adapter) registryScanning(r *resource) *model.ECRRegistryScanning {
	props := a.props(r)
	c := &model.ECRRegistryScanning{}
	o := a.object(r, &c.Meta)
	o.Apply(props, adapt.ECRRegistryScanningFields(c))
	items, ok := get(props, "Rules").Items()
	if !ok {
		c.RulesUnknown = true
		return c
	}
	for i, it := range items {
		rule := &model.ECRScanningRule{}
		prefix := model.ElementPath("rules", i)
		o.At(prefix, it)
		o.Apply(it, adapt.ECRScanningRuleFields(prefix+".", rule))
		filters := get(it, "RepositoryFilters")
		rule.Filters = adapt.ItemStrings(filters, "Filter")
		o.At(prefix+".filters", filters)
		c.Rules = append(c.Rules, rule)
	}
	return c
}
