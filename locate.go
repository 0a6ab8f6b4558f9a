package seclint

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strings"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/policies"
	"github.com/seclint/seclint/report"
)

// locate turns rule output into findings placed in the source through the
// unit's location index: the attribute's own range when the parser recorded
// it, else the enclosing block's, else the object's.
func locate(u *model.Unit, cs collections, raw []policies.RawFinding, sev, override map[string]report.Severity) []report.Finding {
	if len(raw) == 0 {
		return []report.Finding{}
	}
	types := cs.types()
	out := make([]report.Finding, 0, len(raw))
	for _, rf := range raw {
		r, ok := u.Locations.Lookup(rf.Resource, rf.Attribute)
		if !ok {
			r = model.Range{File: u.Path}
		}
		f := report.Finding{
			RuleID:       rf.RuleID,
			Severity:     sev[rf.RuleID],
			Message:      rf.Message,
			Resource:     rf.Resource,
			ResourceType: types[rf.Resource],
			Attribute:    rf.Attribute,
			Range:        r,
			Fingerprint:  Fingerprint(rf.RuleID, u.Path, rf.Resource, rf.Attribute),
		}
		if rf.Severity != "" {
			f.Severity = rf.Severity
		}
		if s, ok := override[rf.RuleID]; ok {
			f.Severity = s
		}
		if use, ok := u.Uses[rf.Resource][rf.Attribute]; ok {
			// The finding is where a literal is written; the object
			// uses it elsewhere.
			f.Related = append(f.Related, report.Related{Message: rf.Resource + " uses the value here", Range: use})
		}
		for _, c := range u.CallChains[rf.Resource] {
			f.Related = append(f.Related, report.Related{Message: c.Message, Range: c.Range})
		}
		out = append(out, f)
	}
	return out
}

// Fingerprint identifies a finding across edits that move it: rule ID,
// scan unit (module directory, template or policy file, so that two
// templates with the same logical ID stay apart), resource ID and attribute
// path — never line numbers.
func Fingerprint(ruleID, unit, resource, attribute string) string {
	h := sha256.Sum256([]byte(ruleID + "\x00" + filepath.ToSlash(unit) + "\x00" + resource + "\x00" + attribute))
	return hex.EncodeToString(h[:16])
}

// collections are a unit's model collections, listed once per unit in
// model.Collections' fixed order.
type collections struct {
	all   []model.Collection
	kinds map[string]string // policy ID → kind; nil without policies
}

// newCollections lists m's collections into buf, which the caller keeps on
// its stack: the list is built for every unit.
func newCollections(m *model.Model, buf []model.Collection) collections {
	cs := collections{all: m.AppendCollections(buf[:0])}
	if len(m.AWS.IAM.Policies) > 0 {
		cs.kinds = make(map[string]string, len(m.AWS.IAM.Policies))
	}
	for _, p := range m.AWS.IAM.Policies {
		cs.kinds[p.ID] = p.Kind
	}
	return cs
}

// at returns the objects of the collection at index i, none for -1.
func (cs collections) at(i int) []model.Meta {
	if i < 0 {
		return nil
	}
	return cs.all[i].Objects
}

// types maps every object ID of the model to its source type.
func (cs collections) types() map[string]string {
	n := 0
	for _, c := range cs.all {
		n += len(c.Objects)
	}
	t := make(map[string]string, n)
	for _, c := range cs.all {
		for _, o := range c.Objects {
			t[o.ID] = o.Type
		}
	}
	return t
}

// ruleCollection is one collection a rule's METADATA names, resolved once
// per scanner rather than looked up by name for every unit: "aws.s3.buckets",
// or "aws.iam.policies[kind=identity]" for the policies of one kind.
type ruleCollection struct {
	index int    // position in model.Collections, -1 for an unknown name
	kind  string // policy kind to keep, "" for every object
}

// ruleCollections resolves the collections of each rule: the result's
// element i is for rules[i].
func ruleCollections(rules []report.Rule) [][]ruleCollection {
	index := map[string]int{}
	for i, c := range (&model.Model{}).Collections() {
		index[c.Name] = i
	}
	out := make([][]ruleCollection, len(rules))
	for i, r := range rules {
		for _, c := range r.Collections {
			name, filter, _ := strings.Cut(c, "[")
			kind, _ := strings.CutPrefix(strings.TrimSuffix(filter, "]"), "kind=")
			rc := ruleCollection{index: -1, kind: kind}
			if j, ok := index[name]; ok {
				rc.index = j
			}
			out[i] = append(out[i], rc)
		}
	}
	return out
}

// checks lists every (rule, object) pair a rule applies to, so JUnit shows
// passing checks as well as failures. targets[i] are the collections of
// rules[i].
func checks(u *model.Unit, cs collections, rules []report.Rule, targets [][]ruleCollection) []report.Check {
	// At most one check per rule and object of its collections: sized once.
	n := 0
	for _, ts := range targets {
		for _, t := range ts {
			n += len(cs.at(t.index))
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]report.Check, 0, n)
	for i, r := range rules {
		for _, t := range targets[i] {
			for _, o := range cs.at(t.index) {
				if t.kind != "" && cs.kinds[o.ID] != t.kind {
					continue
				}
				rng, ok := u.Locations.Lookup(o.ID, "")
				if !ok {
					rng = model.Range{File: u.Path}
				}
				out = append(out, report.Check{RuleID: r.ID, Resource: o.ID, ResourceType: o.Type, Range: rng})
			}
		}
	}
	return out
}

func onlyFiles(fs []report.Finding, only map[string]bool) []report.Finding {
	kept := fs[:0]
	for _, f := range fs {
		if only[f.Range.File] {
			kept = append(kept, f)
		}
	}
	return kept
}

func onlyChecks(cs []report.Check, only map[string]bool) []report.Check {
	kept := cs[:0]
	for _, c := range cs {
		if only[c.Range.File] {
			kept = append(kept, c)
		}
	}
	return kept
}
