package adapt

import (
	"encoding/json"
	"regexp"
	"strconv"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

// TestNetworkFieldPathsAreModelPaths checks the security group and network
// ACL tables as TestFieldPathsAreModelPaths checks the others: each field,
// set to a value of its own, is found at its path in the model's JSON.
func TestNetworkFieldPathsAreModelPaths(t *testing.T) {
	g := &model.SecurityGroup{Ingress: []*model.SecurityGroupPermission{{}}}
	rule := &model.SecurityGroupRule{}
	acl := &model.NetworkACL{Entries: []*model.NetworkACLEntry{{}}}
	entry := &model.NetworkACLRule{}
	assoc := &model.NetworkACLAssociation{}
	for _, tt := range []struct {
		obj    any
		fields [][]Field
	}{
		{g, [][]Field{SecurityGroupFields(g), SecurityGroupPermissionFields("ingress[0].", g.Ingress[0])}},
		{rule, [][]Field{SecurityGroupPermissionFields("", &rule.SecurityGroupPermission)}},
		{acl, [][]Field{NetworkACLEntryFields("entries[0].", acl.Entries[0])}},
		{entry, [][]Field{NetworkACLEntryFields("", &entry.NetworkACLEntry), NetworkACLPortFields("", &entry.NetworkACLEntry)}},
		{assoc, [][]Field{NetworkACLAssociationFields(assoc)}},
	} {
		var fields []Field
		for _, fs := range tt.fields {
			fields = append(fields, fs...)
		}
		want := map[string]any{}
		for i, f := range fields {
			if f.TF == "" && f.CFN == "" {
				t.Errorf("%s: read in no format", f.Path)
			}
			switch {
			case f.String != nil:
				*f.String, want[f.Path] = model.KnownOf(strconv.Itoa(i)), strconv.Itoa(i)
			case f.Bool != nil:
				*f.Bool, want[f.Path] = model.KnownOf(true), true
			case f.Number != nil:
				*f.Number, want[f.Path] = model.KnownOf(float64(i)), float64(i)
			case f.List != nil:
				*f.List, want[f.Path] = model.KnownOf([]model.String{model.KnownOf(strconv.Itoa(i))}), []any{strconv.Itoa(i)}
			}
		}
		b, err := json.Marshal(tt.obj)
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		for path, w := range want {
			got, _ := json.Marshal(valueAt(doc, path))
			exp, _ := json.Marshal(w)
			if string(got) != string(exp) {
				t.Errorf("%T: %s = %s, want %s", tt.obj, path, got, exp)
			}
		}
	}
}

var pathStep = regexp.MustCompile(`([a-z0-9_]+)|\[(\d+)\]`)

// valueAt returns the value at a model path ("ingress[0].from_port") of doc.
func valueAt(doc any, path string) any {
	for _, m := range pathStep.FindAllStringSubmatch(path, -1) {
		if m[1] != "" {
			obj, _ := doc.(map[string]any)
			doc = obj[m[1]]
			continue
		}
		i, _ := strconv.Atoi(m[2])
		l, _ := doc.([]any)
		if i >= len(l) {
			return nil
		}
		doc = l[i]
	}
	return doc
}
