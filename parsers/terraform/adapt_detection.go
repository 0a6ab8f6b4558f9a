package terraform

import (
	"github.com/seclint/seclint/parsers/adapt"
	"github.com/seclint/seclint/parsers/model"
)

// adaptDetection maps the detection and audit services: GuardDuty
// detectors and their feature resources, Config recorders, recorder
// statuses and delivery channels, ECR repositories and the registry
// scanning configuration, Route 53 hosted zones and query logs. The
// relations between them (a feature's detector, a status's recorder, a
// zone's query logs, a repository's registry scanning rule) are resolved
// by the linking step from the targets recorded here.
func (a *adapter) adaptDetection() {
	m := &a.model.AWS
	for _, r := range a.managed("aws_guardduty_detector") {
		m.GuardDuty.Detectors = append(m.GuardDuty.Detectors, a.guardDutyDetector(r))
	}
	for _, r := range a.managed("aws_guardduty_detector_feature") {
		n := a.node(r)
		f := &model.GuardDutyFeature{Target: target(field(n, "detector_id"))}
		o := a.object(r, r.id, &f.Meta)
		o.Apply(n, adapt.GuardDutyFeatureFields("", &f.GuardDutyFeatureSetting))
		m.GuardDuty.Features = append(m.GuardDuty.Features, f)
	}
	for _, r := range a.managed("aws_config_configuration_recorder") {
		m.Config.Recorders = append(m.Config.Recorders, a.configRecorder(r))
	}
	for _, r := range a.managed("aws_config_configuration_recorder_status") {
		n := a.node(r)
		s := &model.ConfigRecorderStatus{Target: target(field(n, "name"))}
		o := a.object(r, r.id, &s.Meta)
		o.Bool(&s.IsEnabled, "is_enabled", field(n, "is_enabled"))
		m.Config.RecorderStatuses = append(m.Config.RecorderStatuses, s)
	}
	for _, r := range a.managed("aws_config_delivery_channel") {
		c := &model.ConfigDeliveryChannel{}
		o := a.object(r, r.id, &c.Meta)
		o.Apply(a.node(r), adapt.ConfigDeliveryChannelFields(c))
		m.Config.DeliveryChannels = append(m.Config.DeliveryChannels, c)
	}
	for _, r := range a.managed("aws_ecr_repository") {
		n := a.node(r)
		repo := &model.ECRRepository{}
		o := a.object(r, r.id, &repo.Meta)
		o.Apply(n, adapt.ECRRepositoryFields(repo))
		o.Apply(first(n, "image_scanning_configuration"), adapt.ECRImageScanningFields(repo))
		m.ECR.Repositories = append(m.ECR.Repositories, repo)
	}
	for _, r := range a.managed("aws_ecr_registry_scanning_configuration") {
		m.ECR.RegistryScanningConfigurations = append(m.ECR.RegistryScanningConfigurations, a.registryScanning(r))
	}
	for _, r := range a.managed("aws_route53_zone") {
		n := a.node(r)
		z := &model.HostedZone{}
		o := a.object(r, r.id, &z.Meta)
		o.Apply(n, adapt.HostedZoneFields(z))
		// A zone with vpc blocks is private; one without is public and
		// cannot be given VPCs later (aws_route53_zone_association needs
		// a private zone).
		vpc := field(n, "vpc")
		z.Private = adapt.NonEmpty(vpc)
		o.At("private", vpc)
		m.Route53.HostedZones = append(m.Route53.HostedZones, z)
	}
	for _, r := range a.managed("aws_route53_query_log") {
		q := &model.QueryLog{Target: target(field(a.node(r), "zone_id"))}
		a.object(r, r.id, &q.Meta)
		m.Route53.QueryLogs = append(m.Route53.QueryLogs, q)
	}
}

// guardDutyDetector reads an aws_guardduty_detector with its legacy
// datasources block. Terraform's enable defaults to true.
func (a *adapter) guardDutyDetector(r *resInst) *model.GuardDutyDetector {
	n := a.node(r)
	d := &model.GuardDutyDetector{}
	o := a.object(r, r.id, &d.Meta)
	o.Apply(n, adapt.GuardDutyDetectorFields(d))
	ds := first(n, "datasources")
	o.Apply(first(ds, "s3_logs"), adapt.GuardDutyDataSourceFields("s3_logs", &d.S3Logs))
	o.Apply(first(first(ds, "kubernetes"), "audit_logs"), adapt.GuardDutyDataSourceFields("kubernetes_audit_logs", &d.KubernetesAuditLogs))
	return d
}

// configRecorder reads an aws_config_configuration_recorder. Its name
// defaults to "default", which is what a recorder status names it by.
func (a *adapter) configRecorder(r *resInst) *model.ConfigRecorder {
	n := a.node(r)
	rec := &model.ConfigRecorder{}
	o := a.object(r, r.id, &rec.Meta)
	o.Apply(n, adapt.ConfigRecorderFields(rec))
	if rec.Name.IsZero() {
		rec.Name = model.KnownOf("default")
	}
	rg := first(n, "recording_group")
	o.Apply(rg, adapt.RecordingGroupFields(rec))
	o.Apply(first(rg, "recording_strategy"), adapt.RecordingStrategyFields(rec))
	o.Apply(first(rg, "exclusion_by_resource_types"), adapt.RecordingExclusionFields(rec))
	return rec
}

// registryScanning reads an aws_ecr_registry_scanning_configuration: its
// rule blocks, each with the filters of its repository_filter blocks (the
// only filter type is WILDCARD).
func (a *adapter) registryScanning(r *resInst) *model.ECRRegistryScanning {
	n := a.node(r)
	c := &model.ECRRegistryScanning{}
	o := a.object(r, r.id, &c.Meta)
	o.Apply(n, adapt.ECRRegistryScanningFields(c))
	if field(n, "rule").IsUnknown() {
		c.RulesUnknown = true
		return c
	}
	for i, b := range blocks(n, "rule") {
		rule := &model.ECRScanningRule{}
		prefix := model.ElementPath("rules", i)
		o.At(prefix, b)
		o.Apply(b, adapt.ECRScanningRuleFields(prefix+".", rule))
		filters := field(b, "repository_filter")
		rule.Filters = adapt.ItemStrings(filters, "filter")
		o.At(prefix+".filters", filters)
		c.Rules = append(c.Rules, rule)
	}
	return c
}
