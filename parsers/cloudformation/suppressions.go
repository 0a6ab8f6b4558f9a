package cloudformation

import (
	"time"

	"gopkg.in/yaml.v3"

	"github.com/seclint/seclint/parsers/model"
)

// suppressions reads the ignore entries of a resource's Metadata, the way
// to silence a finding in a JSON template (which has no comments):
//
//	Metadata:
//	  seclint:
//	    ignore:
//	      - id: aws-s3-public-acl            # or a list of rule IDs
//	        reason: public website, reviewed
//	        until: 2026-06-30                # optional, YYYY-MM-DD
//	      - aws-s3-versioning                # short form: a rule ID
//
// An entry covers the resource and the documents it declares; for a SAM
// function or state machine, also the execution role SAM creates for it.
// A malformed entry is reported and skipped, never guessed at.
func (a *adapter) suppressions(r *resource) {
	seclint := a.t.lookup(a.t.lookup(r.def, "Metadata"), "seclint")
	if seclint == nil {
		return
	}
	if seclint.Kind != yaml.MappingNode {
		a.t.warnf(seclint, "invalid seclint metadata", "Metadata.seclint of %s must be a mapping with an ignore list; it is ignored", r.id)
		return
	}
	ignore := a.t.lookup(seclint, "ignore")
	if ignore == nil {
		a.t.warnf(seclint, "invalid seclint metadata", "Metadata.seclint of %s has no ignore list; it is ignored", r.id)
		return
	}
	entries := []*yaml.Node{ignore}
	if ignore.Kind == yaml.SequenceNode {
		entries = ignore.Content
	}
	covered := []string{a.id(r.id)}
	if (r.typ == samFunction || r.typ == samStateMachine) && a.roles[r.id+"Role"] != nil {
		covered = append(covered, a.id(r.id+"Role"))
	}
	for _, e := range entries {
		s, ok := a.t.ignoreEntry(r.id, deref(e))
		if !ok {
			continue
		}
		for _, id := range covered {
			s.Resource = id
			a.u.Suppressions = append(a.u.Suppressions, s)
		}
	}
}

// ignoreEntry reads one entry: a rule ID, or a mapping of id (a rule ID or
// a list of them), reason and until.
func (t *template) ignoreEntry(resID string, e *yaml.Node) (model.Suppression, bool) {
	s := model.Suppression{Range: t.rng(e)}
	if e == nil {
		return s, false
	}
	if id, ok := plainScalar(e); ok {
		if id == "" {
			t.warnf(e, "invalid seclint ignore entry", "an ignore entry of %s is empty; it is skipped", resID)
			return s, false
		}
		s.Rules = []string{id}
		return s, true
	}
	if e.Kind != yaml.MappingNode {
		t.warnf(e, "invalid seclint ignore entry", "an ignore entry of %s must be a rule ID or a mapping with id, reason and until; it is skipped", resID)
		return s, false
	}
	valid := true
	pairs(e, func(key string, k, v *yaml.Node) {
		v = deref(v)
		switch key {
		case "id":
			s.Rules, valid = t.ruleIDs(resID, v, valid)
		case "reason":
			if r, ok := plainScalar(v); ok {
				s.Reason = r
			} else {
				t.warnf(v, "invalid seclint ignore entry", "the reason of an ignore entry of %s must be a string; it is skipped", resID)
				valid = false
			}
		case "until":
			u, ok := plainScalar(v)
			if _, err := time.Parse(time.DateOnly, u); !ok || err != nil {
				t.warnf(v, "invalid seclint ignore entry", "the until of an ignore entry of %s must be a date of the form YYYY-MM-DD; the entry is skipped", resID)
				valid = false
			}
			s.Until = u
		default:
			t.warnf(k, "unknown seclint ignore key", "%q is not a key of an ignore entry (id, reason, until); it is ignored", key)
		}
	})
	if valid && len(s.Rules) == 0 {
		t.warnf(e, "invalid seclint ignore entry", "an ignore entry of %s has no id; it is skipped", resID)
		return s, false
	}
	return s, valid
}

// ruleIDs reads the id of an entry: one rule ID or a list of them.
func (t *template) ruleIDs(resID string, v *yaml.Node, valid bool) ([]string, bool) {
	items := []*yaml.Node{v}
	if v != nil && v.Kind == yaml.SequenceNode {
		items = v.Content
	}
	var ids []string
	for _, it := range items {
		id, ok := plainScalar(deref(it))
		if !ok || id == "" {
			t.warnf(v, "invalid seclint ignore entry", "the id of an ignore entry of %s must be a rule ID or a list of rule IDs; the entry is skipped", resID)
			return nil, false
		}
		ids = append(ids, id)
	}
	return ids, valid
}

// plainScalar returns the text of a scalar that is not an intrinsic
// function (Metadata is not evaluated).
func plainScalar(n *yaml.Node) (string, bool) {
	if n == nil || n.Kind != yaml.ScalarNode || isFunc(n) || n.ShortTag() == "!!null" {
		return "", false
	}
	return n.Value, true
}
