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

// collections indexes a unit's model collections by name, once per unit,
// for the rules' METADATA names: "aws.s3.buckets", or
// "aws.iam.policies[kind=identity]" for the policies of one kind.
type collections struct {
	all []model.Collection
	// index is the position of each collection in all, the same for every
	// model (Scanner.collectionIndex).
	index map[string]int
	kinds map[string]string // policy ID → kind; nil without policies
}

// newCollections lists m's collections into buf, which the caller keeps on
// its stack: the list is built for every unit.
func newCollections(m *model.Model, index map[string]int, buf []model.Collection) collections {
	cs := collections{all: m.AppendCollections(buf[:0]), index: index}
	if len(m.AWS.IAM.Policies) > 0 {
		cs.kinds = make(map[string]string, len(m.AWS.IAM.Policies))
	}
	for _, p := range m.AWS.IAM.Policies {
		cs.kinds[p.ID] = p.Kind
	}
	return cs
}

// byName returns the objects of the collection name, without a filter.
func (cs collections) byName(name string) []model.Meta {
	if i, ok := cs.index[name]; ok {
		return cs.all[i].Objects
	}
	return nil
}

// objects lists the objects of the named collection.
func (cs collections) objects(name string) []model.Meta {
	name, filter, _ := strings.Cut(name, "[")
	kind, _ := strings.CutPrefix(strings.TrimSuffix(filter, "]"), "kind=")
	all := cs.byName(name)
	if kind == "" {
		return all
	}
	var out []model.Meta
	for _, o := range all {
		if cs.kinds[o.ID] == kind {
			out = append(out, o)
		}
	}
	return out
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

// checks lists every (rule, object) pair a rule applies to, so JUnit shows
// passing checks as well as failures.
func checks(u *model.Unit, cs collections, rules []report.Rule) []report.Check {
	// At most one check per rule and object of its collections: sized once.
	n := 0
	for _, r := range rules {
		for _, c := range r.Collections {
			name, _, _ := strings.Cut(c, "[")
			n += len(cs.byName(name))
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]report.Check, 0, n)
	for _, r := range rules {
		for _, c := range r.Collections {
			for _, o := range cs.objects(c) {
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
