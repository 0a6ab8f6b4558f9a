package link

import (
	"strings"

	"github.com/seclint/seclint/parsers/model"
)

// detection links the detection and audit services: GuardDuty feature
// resources with their detector, Config recorders with their statuses and
// delivery channels, ECR repositories with the registry scanning rule that
// covers them, and hosted zones with their query logs.
func (l *linker) detection() {
	l.guardDuty()
	l.config()
	l.ecr()
	l.route53()
}

func (l *linker) guardDuty() {
	gd := &l.m.AWS.GuardDuty
	detectors := byID(gd.Detectors, func(d *model.GuardDutyDetector) string { return d.ID })
	for _, d := range gd.Detectors {
		d.FeatureResources = nil
	}
	for _, f := range gd.Features {
		f.DetectorRef = ""
		if d := detectors.resolve(f.Target); d != nil {
			f.DetectorRef = d.ID
			l.attach(d.ID, "feature_resources", &d.FeatureResources, f.ID)
		}
	}
}

// sameRegion reports whether two objects may be in one region: unless both
// regions are known and differ.
func sameRegion(a, b model.String) bool {
	ra, oka := a.Get()
	rb, okb := b.Get()
	return !oka || !okb || ra == rb
}

// config links each recorder status to the recorder it names (by reference
// or by name), and gives each recorder the delivery channels of its region.
// A region of an account has one recorder and one channel, so a channel
// serves whatever recorder is in its region; and a status whose name is
// not known can only be for the recorder of its region.
func (l *linker) config() {
	c := &l.m.AWS.Config
	recorders := byID(c.Recorders, func(r *model.ConfigRecorder) string { return r.ID })
	named := map[string]*model.ConfigRecorder{}
	for _, r := range c.Recorders {
		if n, ok := r.Name.Get(); ok && named[n] == nil {
			named[n] = r
		}
	}
	for _, r := range c.Recorders {
		r.Statuses, r.DeliveryChannels = nil, nil
	}
	for _, s := range c.RecorderStatuses {
		s.RecorderRef = ""
		r := recorders.resolve(s.Target)
		if n, ok := s.Target.Name.Get(); ok && r == nil {
			r = named[n]
		}
		if r != nil {
			s.RecorderRef = r.ID
			r.Statuses = append(r.Statuses, s.ID)
			continue
		}
		if _, known := s.Target.Name.Get(); known || s.Target.Name.IsZero() {
			continue
		}
		for _, r := range c.Recorders {
			if sameRegion(r.Region, s.Region) {
				r.Statuses = append(r.Statuses, s.ID)
			}
		}
	}
	for _, r := range c.Recorders {
		for _, ch := range c.DeliveryChannels {
			if sameRegion(r.Region, ch.Region) {
				r.DeliveryChannels = append(r.DeliveryChannels, ch.ID)
			}
		}
	}
}

// ecr sets each repository's RegistryScanOnPush from the registry scanning
// configurations of its region: true when a rule that scans on push
// (SCAN_ON_PUSH, or CONTINUOUS_SCAN, which scans on push too) has a
// wildcard filter matching the repository's name; unknown when only an
// unknown value (a filter, a frequency, the name) keeps a rule from
// deciding; absent otherwise.
func (l *linker) ecr() {
	e := &l.m.AWS.ECR
	for _, repo := range e.Repositories {
		repo.RegistryScanOnPush, repo.ScannedBy = model.Bool{}, ""
		unknown := false
		for _, c := range e.RegistryScanningConfigurations {
			if !sameRegion(repo.Region, c.Region) {
				continue
			}
			switch covers(c, repo.Name) {
			case coverYes:
				repo.RegistryScanOnPush, repo.ScannedBy = model.KnownOf(true), c.ID
			case coverUnknown:
				unknown = true
			}
			if repo.ScannedBy != "" {
				break
			}
		}
		if repo.ScannedBy == "" && unknown {
			repo.RegistryScanOnPush = model.UnknownOf[bool]()
		}
	}
}

type coverage uint8

const (
	coverNo coverage = iota
	coverUnknown
	coverYes
)

// covers decides whether a registry scanning configuration scans the
// images pushed to the repository named name.
func covers(c *model.ECRRegistryScanning, name model.String) coverage {
	out := coverNo
	if c.RulesUnknown {
		out = coverUnknown
	}
	for _, r := range c.Rules {
		freq, ok := r.ScanFrequency.Get()
		switch {
		case !ok && !r.ScanFrequency.IsZero():
			out = max(out, coverUnknown)
			continue
		case freq != model.ECRScanOnPush && freq != model.ECRContinuousScan:
			continue
		}
		filters, ok := r.Filters.Get()
		if !ok {
			out = max(out, coverUnknown)
			continue
		}
		for _, f := range filters {
			out = max(out, filterCovers(f, name))
		}
	}
	return out
}

// filterCovers matches one wildcard filter against a repository name. A
// filter of only "*" matches every name, known or not.
func filterCovers(filter, name model.String) coverage {
	pattern, ok := filter.Get()
	if !ok {
		if filter.IsZero() {
			return coverNo
		}
		return coverUnknown
	}
	if strings.Trim(pattern, "*") == "" && pattern != "" {
		return coverYes
	}
	n, ok := name.Get()
	if !ok {
		return coverUnknown
	}
	if WildcardMatch(pattern, n) {
		return coverYes
	}
	return coverNo
}

// WildcardMatch reports whether text matches pattern, in which "*" stands
// for any run of characters (ECR's WILDCARD repository filters); every
// other character matches itself.
func WildcardMatch(pattern, text string) bool {
	parts := strings.Split(pattern, "*")
	if len(parts) == 1 {
		return pattern == text
	}
	if !strings.HasPrefix(text, parts[0]) {
		return false
	}
	text = text[len(parts[0]):]
	last := parts[len(parts)-1]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(text, p)
		if i < 0 {
			return false
		}
		text = text[i+len(p):]
	}
	return strings.HasSuffix(text, last)
}

// route53 links query logs with their hosted zone.
func (l *linker) route53() {
	r := &l.m.AWS.Route53
	zones := byID(r.HostedZones, func(z *model.HostedZone) string { return z.ID })
	for _, z := range r.HostedZones {
		z.QueryLogs = nil
	}
	for _, q := range r.QueryLogs {
		q.ZoneRef = ""
		if z := zones.resolve(q.Target); z != nil {
			q.ZoneRef = z.ID
			l.attach(z.ID, "query_logs", &z.QueryLogs, q.ID)
		}
	}
}
