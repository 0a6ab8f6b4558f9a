package seclint

import (
	"fmt"
	"sort"
	"strings"

	"github.com/seclint/seclint/report"
)

// maxNamedInstances caps how many instances a merged finding's message
// names; its related locations and Instances list all of them.
const maxNamedInstances = 10

// mergeInstances reports once what several objects report at one source
// range: the instances of a module (count, for_each, calls from several
// root modules, each its own unit) or of a resource all point at the
// same line of the same file, and a user fixes it there once; so do the
// blocks a dynamic block writes. Findings are merged when rule, severity,
// range and suppression agree;
// a finding with no line (its object could not be located) is never
// merged. units[i] is the scan unit of fs[i].
//
// The merged finding is the first instance's (by unit, then resource
// ID), so a finding with one instance is unchanged, fingerprint
// included. It names the instances in its message, carries the related
// locations (call chains) of each, and lists them in Instances, whose
// fingerprints baselines also accept.
func mergeInstances(fs []report.Finding, units []string) []report.Finding {
	type member struct {
		f    report.Finding
		unit string
	}
	groups := map[string][]member{}
	var order []string
	// Sized for the findings, which merging only makes fewer.
	out := make([]report.Finding, 0, len(fs))
	for i, f := range fs {
		if f.Range.Start.Line == 0 {
			out = append(out, f)
			continue
		}
		k := mergeKey(f)
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], member{f, units[i]})
	}
	for _, k := range order {
		ms := groups[k]
		if len(ms) == 1 {
			out = append(out, ms[0].f)
			continue
		}
		sort.SliceStable(ms, func(i, j int) bool {
			a, b := ms[i], ms[j]
			if a.unit != b.unit {
				return a.unit < b.unit
			}
			if a.f.Resource != b.f.Resource {
				return a.f.Resource < b.f.Resource
			}
			if a.f.Attribute != b.f.Attribute {
				return a.f.Attribute < b.f.Attribute
			}
			return a.f.Fingerprint < b.f.Fingerprint
		})
		manyUnits := ms[0].unit != ms[len(ms)-1].unit
		// Instances of one object (entries of a dynamic block) are told
		// apart by their attribute.
		resources := map[string]bool{}
		for _, m := range ms {
			resources[m.unit+"\x00"+m.f.Resource] = true
		}
		sameObject := len(resources) < len(ms)
		label := func(m member) string {
			name := m.f.Resource
			if name == "" {
				name = m.f.Fingerprint
			}
			if sameObject && m.f.Attribute != "" {
				name += " " + m.f.Attribute
			}
			if manyUnits {
				return m.unit + ": " + name
			}
			return name
		}
		merged := ms[0].f
		merged.Related = nil
		seen := map[report.Related]bool{}
		var names []string
		for _, m := range ms {
			merged.Instances = append(merged.Instances, report.Instance{Unit: m.unit, Resource: m.f.Resource, Attribute: m.f.Attribute, Fingerprint: m.f.Fingerprint})
			names = append(names, label(m))
			// The related location's file names the root module when
			// there are several, so its message stays the call's name.
			for _, rel := range m.f.Related {
				if !seen[rel] {
					seen[rel] = true
					merged.Related = append(merged.Related, rel)
				}
			}
		}
		names = dedupeStrings(names)
		list := strings.Join(names[:min(len(names), maxNamedInstances)], ", ")
		if len(names) > maxNamedInstances {
			list += fmt.Sprintf(" and %d more", len(names)-maxNamedInstances)
		}
		merged.Message = strings.TrimSpace(merged.Message) + fmt.Sprintf(" Reported once for the %d instances that share this line: %s.", len(ms), list)
		out = append(out, merged)
	}
	return out
}

// mergeKey is what findings reported once together share.
func mergeKey(f report.Finding) string {
	r := f.Range
	sup := ""
	if s := f.Suppression; s != nil {
		sup = fmt.Sprintf("%s|%s|%s|%s:%d:%d", s.Kind, s.Justification, s.Until, s.Range.File, s.Range.Start.Line, s.Range.Start.Column)
	}
	return fmt.Sprintf("%s\x00%s\x00%s:%d:%d-%d:%d\x00%s",
		f.RuleID, f.Severity, r.File, r.Start.Line, r.Start.Column, r.End.Line, r.End.Column, sup)
}

// dedupeStrings drops repeats, keeping the first of each.
func dedupeStrings(s []string) []string {
	seen := map[string]bool{}
	out := s[:0]
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
