// Package policyjson reads standalone IAM and resource policy documents, and
// holds the policy document decoder that every parser uses: whatever the
// source (a JSON file, a CloudFormation PolicyDocument, a Terraform
// jsonencode, heredoc or aws_iam_policy_document), the document arrives here
// as a node tree and leaves as a normalized model.Policy with locations.
package policyjson

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// Element names of the policy language. They are case-sensitive: IAM
// rejects "statement" or "action" ("Unknown field statement").
var (
	documentKeys  = []string{"Version", "Id", "Statement"}
	statementKeys = []string{"Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"}
	// principalTypes are the keys of a Principal object. "*" is accepted
	// too: the aws_iam_policy_document data source renders a principals
	// block of type "*" that way.
	principalTypes = []string{"AWS", "Service", "Federated", "CanonicalUser", "*"}
)

// Decode fills p's version and statements from the document doc, recording
// the range of every part under p.ID in locs. An unknown document or
// statement list leaves the statements empty and StatementsUnknown set.
//
// Structural errors that the normalized statements cannot show (see
// model.PolicyError) are appended to p.Errors, each located under its path.
// A document that arrives as a known string is one its parser could not
// parse as JSON (Terraform and CloudFormation hand such a string over as
// is): the error says why. Unknown parts never yield an error.
func Decode(p *model.Policy, doc *node.Node, locs model.Locations) {
	// About one path is recorded per value of the document.
	locs.Grow(p.ID, countValues(doc, maxCounted))
	locs.Set(p.ID, "", doc.RangeOr(model.Range{}))
	if doc.IsNull() || doc.Kind != node.Map {
		// An unknown document, or one that is not an object, has no
		// statements and no Version to read.
		p.StatementsUnknown = true
		p.Version = model.UnknownOf[string]()
		if !doc.IsNull() && doc.Kind != node.Unknown {
			addError(p, locs, "", model.Range{}, notAnObject(doc))
		}
		return
	}
	unknownKeys(p, doc, "", documentKeys, locs)
	if v := doc.Get("Version"); v != nil {
		p.Version = v.AsString()
		locs.Set(p.ID, "version", v.Range)
		if v.Kind == node.List || v.Kind == node.Map {
			addError(p, locs, "version", model.Range{}, "Version must be a string, \"2012-10-17\".")
		}
	}
	st := doc.Get("Statement")
	if st == nil {
		addError(p, locs, "", model.Range{}, "The policy document has no Statement.")
		return
	}
	locs.Set(p.ID, "statements", st.Range)
	items, ok := st.Items()
	if !ok {
		p.StatementsUnknown = true
		return
	}
	if st.Kind == node.Null || st.Kind == node.String || st.Kind == node.Number || st.Kind == node.Bool {
		addError(p, locs, "statements", model.Range{}, "Statement must be an object or a list of objects.")
		p.StatementsUnknown = true
		return
	}
	for i, item := range items {
		path := model.ElementPath("statements", i)
		locs.Set(p.ID, path, item.Range)
		p.Statements = append(p.Statements, decodeStatement(p, item, path, locs))
	}
}

// maxCounted bounds countValues: past it, a map that grows costs little
// next to the document.
const maxCounted = 1024

// countValues returns the number of values in the tree n, at most limit.
func countValues(n *node.Node, limit int) int {
	if n == nil || limit <= 0 {
		return 0
	}
	count := 1
	switch n.Kind {
	case node.Map:
		for _, k := range n.Keys {
			count += countValues(n.Map[k], limit-count)
		}
	case node.List:
		for _, it := range n.List {
			count += countValues(it, limit-count)
		}
	}
	return min(count, limit)
}

// notAnObject describes a document that is a known value but not an object.
func notAnObject(doc *node.Node) string {
	if doc.Kind == node.String {
		var v any
		if err := json.Unmarshal([]byte(doc.Str), &v); err != nil {
			return fmt.Sprintf("The policy document is not valid JSON: %v.", err)
		}
		return "The policy document is a JSON string, not an object (is it encoded twice?)."
	}
	return fmt.Sprintf("The policy document must be a JSON object, not %s.", kindName(doc.Kind))
}

func kindName(k node.Kind) string {
	switch k {
	case node.String:
		return "a string"
	case node.Number:
		return "a number"
	case node.Bool:
		return "a boolean"
	case node.List:
		return "a list"
	case node.Map:
		return "an object"
	case node.Null:
		return "null"
	}
	return "an unknown value"
}

// addError records a structural error at path, placing path at r when r is
// set and the path has no location yet.
func addError(p *model.Policy, locs model.Locations, path string, r model.Range, msg string) {
	if !r.IsZero() {
		if _, ok := locs[p.ID][path]; !ok {
			locs.Set(p.ID, path, r)
		}
	}
	p.Errors = append(p.Errors, model.PolicyError{Message: msg, Path: path})
}

// unknownKeys records an error for every key of the object n that the
// policy language does not have; prefix is n's path ("" for the document).
func unknownKeys(p *model.Policy, n *node.Node, prefix string, known []string, locs model.Locations) {
	for _, k := range n.Keys {
		if contains(known, k) {
			continue
		}
		path := "keys." + k
		if prefix != "" {
			path = prefix + "." + path
		}
		child := n.Map[k]
		r := child.KeyRange
		if r.IsZero() {
			r = child.Range
		}
		msg := fmt.Sprintf("%q is not an element of a policy %s", k, map[bool]string{true: "document", false: "statement"}[prefix == ""])
		if want := caseFold(known, k); want != "" {
			msg += fmt.Sprintf("; element names are case-sensitive: write %q", want)
		} else if want := caseFold(known, strings.TrimSuffix(strings.TrimSuffix(k, "s"), "S")); want != "" {
			msg += fmt.Sprintf("; did you mean %q?", want)
		}
		addError(p, locs, path, r, msg+".")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// caseFold returns the element of list equal to s ignoring case, or "".
func caseFold(list []string, s string) string {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return x
		}
	}
	return ""
}

func decodeStatement(p *model.Policy, n *node.Node, path string, locs model.Locations) *model.Statement {
	s := &model.Statement{}
	if n.Kind != node.Map {
		// An unknown statement, or one that is not an object: every field is
		// unknown so that no rule reasons about it.
		if n.Kind != node.Unknown {
			addError(p, locs, path, model.Range{}, fmt.Sprintf("Statement %d must be an object, not %s.", index(path), kindName(n.Kind)))
		}
		s.Effect = model.UnknownOf[string]()
		u := model.UnknownOf[[]model.String]()
		s.Actions, s.NotActions, s.Resources, s.NotResources = u, u, u, u
		s.Principals = model.UnknownOf[[]*model.Principal]()
		s.NotPrincipals = model.UnknownOf[[]*model.Principal]()
		s.Conditions = model.UnknownOf[[]*model.Condition]()
		return s
	}
	unknownKeys(p, n, path, statementKeys, locs)
	str := func(key, field string) model.String {
		v := n.Get(key)
		if v != nil {
			locs.Set(p.ID, path+"."+field, v.Range)
			if v.Kind == node.List || v.Kind == node.Map {
				addError(p, locs, path+"."+field, model.Range{}, fmt.Sprintf("%s must be a string, not %s.", key, kindName(v.Kind)))
			}
		}
		return v.AsString()
	}
	list := func(key, field string, item func(*node.Node) model.String) model.StringList {
		v := n.Get(key)
		if v == nil {
			return model.StringList{}
		}
		fpath := path + "." + field
		locs.Set(p.ID, fpath, v.Range)
		if items, ok := v.Items(); ok && v.Kind == node.List {
			for j, it := range items {
				locs.Set(p.ID, model.ElementPath(fpath, j), it.Range)
			}
		} else if ok {
			locs.Set(p.ID, fpath+"[0]", v.Range)
		}
		stringItems(p, v, key, fpath, locs)
		return v.StringListOf(item)
	}
	s.Sid = str("Sid", "sid")
	s.Effect = str("Effect", "effect")
	s.Actions = list("Action", "actions", (*node.Node).AsString)
	s.NotActions = list("NotAction", "not_actions", (*node.Node).AsString)
	// A resource may be a bucket's ARN by reference (lib.arn_bucket).
	s.Resources = list("Resource", "resources", (*node.Node).AsReference)
	s.NotResources = list("NotResource", "not_resources", (*node.Node).AsReference)
	s.Principals = principals(p, n.Get("Principal"), "Principal", path+".principals", locs)
	s.NotPrincipals = principals(p, n.Get("NotPrincipal"), "NotPrincipal", path+".not_principals", locs)
	s.Conditions = conditions(p, n.Get("Condition"), path+".conditions", locs)
	return s
}

// index returns the number in the last [n] of a path.
func index(path string) int {
	var i int
	if j := strings.LastIndex(path, "["); j >= 0 {
		_, _ = fmt.Sscanf(path[j:], "[%d]", &i)
	}
	return i
}

// stringItems records an error when v, which must be a string or a list of
// strings, is an object or holds objects or lists.
func stringItems(p *model.Policy, v *node.Node, key, path string, locs model.Locations) {
	if v.Kind == node.Map {
		addError(p, locs, path, model.Range{}, fmt.Sprintf("%s must be a string or a list of strings, not an object.", key))
		return
	}
	if v.Kind != node.List {
		return
	}
	for j, it := range v.List {
		if it.Kind == node.Map || it.Kind == node.List {
			addError(p, locs, model.ElementPath(path, j), it.Range, fmt.Sprintf("%s must be a string or a list of strings; element %d is %s.", key, j, kindName(it.Kind)))
		}
	}
}

// principals normalizes "*" and {"AWS": "x" | [...], "Service": ...}.
func principals(p *model.Policy, n *node.Node, key, path string, locs model.Locations) model.Principals {
	if n.IsNull() {
		return model.Principals{}
	}
	id := p.ID
	locs.Set(id, path, n.Range)
	switch n.Kind {
	case node.Unknown:
		return model.UnknownOf[[]*model.Principal]()
	case node.String:
		locs.Set(id, path+"[0]", n.Range)
		if n.Str != "*" {
			// The grammar allows only "*" or an object; the value is still
			// read as the AWS principal it was meant to be.
			addError(p, locs, path, model.Range{}, fmt.Sprintf("%s must be \"*\" or an object such as {\"AWS\": %q}.", key, n.Str))
		}
		return model.KnownOf([]*model.Principal{{Type: principalTypeOf(n.Str), Value: model.KnownOf(n.Str)}})
	case node.Map:
		var out []*model.Principal
		for _, typ := range n.Keys {
			v := n.Map[typ]
			if !contains(principalTypes, typ) {
				r := v.KeyRange
				if r.IsZero() {
					r = v.Range
				}
				msg := fmt.Sprintf("%q is not a principal type; use AWS, Service, Federated or CanonicalUser", typ)
				if want := caseFold(principalTypes, typ); want != "" {
					msg += fmt.Sprintf(" (case-sensitive: %q)", want)
				}
				addError(p, locs, model.ElementPath(path, len(out)), r, msg+".")
			}
			stringItems(p, v, key+" "+typ, model.ElementPath(path, len(out)), locs)
			items, ok := v.Items()
			if !ok {
				// Unknown, or a partly known string (one principal).
				locs.Set(id, model.ElementPath(path, len(out)), v.Range)
				out = append(out, &model.Principal{Type: typ, Value: v.AsString()})
				continue
			}
			for _, it := range items {
				locs.Set(id, model.ElementPath(path, len(out)), it.Range)
				out = append(out, &model.Principal{Type: typ, Value: it.AsString()})
			}
		}
		if out == nil {
			out = []*model.Principal{}
		}
		return model.KnownOf(out)
	}
	// A list, number or boolean is not a valid principal; treat it as
	// unknown rather than guess what was meant.
	addError(p, locs, path, model.Range{}, fmt.Sprintf("%s must be \"*\" or an object such as {\"AWS\": [...]}, not %s.", key, kindName(n.Kind)))
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
func conditions(p *model.Policy, n *node.Node, path string, locs model.Locations) model.Value[[]*model.Condition] {
	if n.IsNull() {
		return model.Value[[]*model.Condition]{}
	}
	id := p.ID
	locs.Set(id, path, n.Range)
	if n.Kind != node.Map {
		if n.Kind != node.Unknown {
			addError(p, locs, path, model.Range{}, fmt.Sprintf("Condition must be an object of operators, not %s.", kindName(n.Kind)))
		}
		return model.UnknownOf[[]*model.Condition]()
	}
	out := []*model.Condition{}
	for _, op := range n.Keys {
		keys := n.Map[op]
		if keys.Kind != node.Map {
			c := &model.Condition{Operator: model.KnownOf(op), Key: model.UnknownOf[string](), Values: model.UnknownOf[[]model.String]()}
			splitOperator(c, op)
			cpath := model.ElementPath(path, len(out))
			r := keys.KeyRange
			if r.IsZero() {
				r = keys.RangeOr(n.Range)
			}
			locs.Set(id, cpath, r)
			if keys.Kind != node.Unknown {
				addError(p, locs, cpath, model.Range{}, fmt.Sprintf("Condition operator %s must hold an object of condition keys, not %s.", op, kindName(keys.Kind)))
			}
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
			cpath := model.ElementPath(path, len(out))
			locs.Set(id, cpath, r)
			if v.Kind == node.Map {
				addError(p, locs, cpath, model.Range{}, fmt.Sprintf("The value of condition key %s must be a string or a list, not an object.", key))
			} else if v.Kind == node.List {
				for _, it := range v.List {
					if it.Kind == node.Map || it.Kind == node.List {
						addError(p, locs, cpath, model.Range{}, fmt.Sprintf("The values of condition key %s must be strings, numbers or booleans, not %s.", key, kindName(it.Kind)))
						break
					}
				}
			}
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
