// Package policyjson reads standalone IAM and resource policy documents, and
// holds the policy document decoder that every parser uses: whatever the
// source (a JSON file, a CloudFormation PolicyDocument, a Terraform
// jsonencode, heredoc or aws_iam_policy_document), the document arrives here
// as a node tree and leaves as a normalized model.Policy with locations.
package policyjson

import (
	"fmt"
	"strings"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// Decode fills p's version and statements from the document doc, recording
// the range of every part under p.ID in locs. An unknown document or
// statement list leaves the statements empty and StatementsUnknown set.
func Decode(p *model.Policy, doc *node.Node, locs model.Locations) {
	locs.Set(p.ID, "", doc.RangeOr(model.Range{}))
	if doc.IsNull() || doc.Kind != node.Map {
		// An unknown document, or one that is not an object (a type error the
		// malformed-policy rule reports separately), has no statements to read.
		p.StatementsUnknown = true
		return
	}
	if v := doc.Get("Version"); v != nil {
		p.Version = v.AsString()
		locs.Set(p.ID, "version", v.Range)
	}
	st := doc.Get("Statement")
	if st == nil {
		return
	}
	locs.Set(p.ID, "statements", st.Range)
	items, ok := st.Items()
	if !ok {
		p.StatementsUnknown = true
		return
	}
	for i, item := range items {
		path := fmt.Sprintf("statements[%d]", i)
		locs.Set(p.ID, path, item.Range)
		p.Statements = append(p.Statements, decodeStatement(item, p.ID, path, locs))
	}
}

func decodeStatement(n *node.Node, id, path string, locs model.Locations) *model.Statement {
	s := &model.Statement{}
	if n.Kind != node.Map {
		// An unknown statement: every field stays unknown so no rule fires on it.
		u := model.UnknownOf[string]()
		s.Effect = u
		return s
	}
	str := func(key, field string) model.String {
		v := n.Get(key)
		if v != nil {
			locs.Set(id, path+"."+field, v.Range)
		}
		return v.AsString()
	}
	list := func(key, field string) model.StringList {
		v := n.Get(key)
		if v == nil {
			return model.StringList{}
		}
		locs.Set(id, path+"."+field, v.Range)
		if items, ok := v.Items(); ok && v.Kind == node.List {
			for j, it := range items {
				locs.Set(id, fmt.Sprintf("%s.%s[%d]", path, field, j), it.Range)
			}
		} else if ok {
			locs.Set(id, path+"."+field+"[0]", v.Range)
		}
		return v.AsStringList()
	}
	s.Sid = str("Sid", "sid")
	s.Effect = str("Effect", "effect")
	s.Actions = list("Action", "actions")
	s.NotActions = list("NotAction", "not_actions")
	s.Resources = list("Resource", "resources")
	s.NotResources = list("NotResource", "not_resources")
	s.Principals = principals(n.Get("Principal"), id, path+".principals", locs)
	s.NotPrincipals = principals(n.Get("NotPrincipal"), id, path+".not_principals", locs)
	s.Conditions = conditions(n.Get("Condition"), id, path+".conditions", locs)
	return s
}

// principals normalizes "*" and {"AWS": "x" | [...], "Service": ...}.
func principals(n *node.Node, id, path string, locs model.Locations) model.Principals {
	if n.IsNull() {
		return model.Principals{}
	}
	locs.Set(id, path, n.Range)
	switch n.Kind {
	case node.Unknown:
		return model.UnknownOf[[]*model.Principal]()
	case node.String:
		locs.Set(id, path+"[0]", n.Range)
		return model.KnownOf([]*model.Principal{{Type: principalTypeOf(n.Str), Value: model.KnownOf(n.Str)}})
	case node.Map:
		var out []*model.Principal
		for _, typ := range n.Keys {
			items, ok := n.Map[typ].Items()
			if !ok {
				locs.Set(id, fmt.Sprintf("%s[%d]", path, len(out)), n.Map[typ].Range)
				out = append(out, &model.Principal{Type: typ, Value: model.UnknownOf[string]()})
				continue
			}
			for _, it := range items {
				locs.Set(id, fmt.Sprintf("%s[%d]", path, len(out)), it.Range)
				out = append(out, &model.Principal{Type: typ, Value: it.AsString()})
			}
		}
		if out == nil {
			out = []*model.Principal{}
		}
		return model.KnownOf(out)
	}
	// A list or number is not a valid principal; treat it as unknown rather
	// than guess what was meant.
	return model.UnknownOf[[]*model.Principal]()
}

func principalTypeOf(s string) string {
	if s == "*" {
		return "*"
	}
	return "AWS"
}

// conditions flattens {"Operator": {"key": value-or-list}} into one
// Condition per operator and key, splitting off the ForAllValues:/
// ForAnyValue: prefix and the IfExists suffix.
func conditions(n *node.Node, id, path string, locs model.Locations) model.Value[[]*model.Condition] {
	if n.IsNull() {
		return model.Value[[]*model.Condition]{}
	}
	locs.Set(id, path, n.Range)
	if n.Kind != node.Map {
		return model.UnknownOf[[]*model.Condition]()
	}
	out := []*model.Condition{}
	for _, op := range n.Keys {
		keys := n.Map[op]
		if keys.Kind != node.Map {
			c := &model.Condition{Operator: model.KnownOf(op), Key: model.UnknownOf[string](), Values: model.UnknownOf[[]model.String]()}
			splitOperator(c, op)
			locs.Set(id, fmt.Sprintf("%s[%d]", path, len(out)), keys.RangeOr(n.Range))
			out = append(out, c)
			continue
		}
		for _, key := range keys.Keys {
			v := keys.Map[key]
			c := &model.Condition{Operator: model.KnownOf(op), Key: model.KnownOf(key), Values: v.AsStringList()}
			splitOperator(c, op)
			r := v.KeyRange
			if r.IsZero() {
				r = v.Range
			}
			locs.Set(id, fmt.Sprintf("%s[%d]", path, len(out)), r)
			out = append(out, c)
		}
	}
	return model.KnownOf(out)
}

func splitOperator(c *model.Condition, op string) {
	base := op
	for _, prefix := range []string{"ForAllValues:", "ForAnyValue:"} {
		if len(base) > len(prefix) && strings.EqualFold(base[:len(prefix)], prefix) {
			c.SetOperator = prefix[:len(prefix)-1]
			base = base[len(prefix):]
		}
	}
	if strings.HasSuffix(base, "IfExists") && base != "IfExists" {
		c.IfExists = true
		base = strings.TrimSuffix(base, "IfExists")
	}
	c.Base = model.KnownOf(base)
}
