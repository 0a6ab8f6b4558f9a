package policies

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

// alwaysRule fires on every input it is evaluated on, so its findings show
// whether the engine evaluated it.
func alwaysRule(id, collections string) string {
	meta := ""
	if collections != "" {
		meta = "\n#   collections: " + collections
	}
	return fmt.Sprintf(`# METADATA
# title: Always %[1]s
# custom:
#   id: %[1]s
#   severity: LOW
#   kind: security%[2]s
package test.%[3]s

deny contains {"resource": "x", "message": "evaluated"}
`, id, meta, strings.ReplaceAll(id, "-", "_"))
}

func TestRulesWithEmptyCollectionsAreNotEvaluated(t *testing.T) {
	dir := t.TempDir()
	rules := map[string]string{
		"buckets":      "[aws.s3.buckets]",
		"buckets-keys": "[aws.s3.buckets, aws.kms.keys]",
		"identity":     `["aws.iam.policies[kind=identity]"]`,
		"no-meta":      "",
		"unlisted":     "[aws.no_such.things]",
	}
	var ids []string
	for id, c := range rules {
		ids = append(ids, id)
		if err := os.WriteFile(filepath.Join(dir, id+".rego"), []byte(alwaysRule(id, c)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bucket := []*model.Bucket{{Meta: model.Meta{ID: "b"}}}
	key := []*model.KMSKey{{Meta: model.Meta{ID: "k"}}}
	policy := []*model.Policy{{Meta: model.Meta{ID: "p"}, Kind: model.PolicyResource}}
	cases := []struct {
		name string
		aws  model.AWS
		all  bool
		want []string
	}{
		{"empty", model.AWS{}, false, []string{"no-meta", "unlisted"}},
		{"empty, every rule", model.AWS{}, true, []string{"buckets", "buckets-keys", "identity", "no-meta", "unlisted"}},
		{"a bucket", model.AWS{S3: model.S3{Buckets: bucket}}, false, []string{"buckets", "buckets-keys", "no-meta", "unlisted"}},
		{"a key", model.AWS{KMS: model.KMS{Keys: key}}, false, []string{"buckets-keys", "no-meta", "unlisted"}},
		// A selector counts as its whole collection: the rule runs and decides.
		{"a resource policy", model.AWS{IAM: model.IAM{Policies: policy}}, false, []string{"identity", "no-meta", "unlisted"}},
	}
	ctx := context.Background()
	engines := map[bool]*Engine{}
	for _, all := range []bool{false, true} {
		e, err := New(ctx, Options{Dirs: []string{dir}, Enable: ids, EvaluateAll: all})
		if err != nil {
			t.Fatal(err)
		}
		engines[all] = e
	}
	for _, c := range cases {
		m := (&model.Model{AWS: c.aws}).Normalize()
		// Twice: the second evaluation reuses the selection.
		for range 2 {
			fs, err := engines[c.all].Evaluate(ctx, m)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range fs {
				got = append(got, f.RuleID)
			}
			slices.Sort(got)
			if !slices.Equal(got, c.want) {
				t.Errorf("%s: evaluated %v, want %v", c.name, got, c.want)
			}
		}
	}
	// One selection per distinct set of the four cases.
	if n := len(engines[false].selections); n != 4 {
		t.Errorf("%d selections, want 4 (one per distinct set of the four cases)", n)
	}
}

// TestCollectionsFoundByJSONPath checks that the engine finds every
// collection of Model.Collections in the model by its input path, and reads
// it as Model.Collections does: a model gets one object in a collection at a
// time, and exactly that collection must be non-empty.
func TestCollectionsFoundByJSONPath(t *testing.T) {
	x := newCollectionFields()
	names := (&model.Model{}).Collections()
	if len(x.paths) != len(names) {
		t.Fatalf("%d of %d collections found", len(x.paths), len(names))
	}
	for _, c := range names {
		i := x.index[c.Name]
		m := (&model.Model{}).Normalize()
		// One zero object (a new one, for a slice of pointers).
		s := reflect.ValueOf(m).Elem().FieldByIndex(x.paths[i])
		elem := reflect.New(s.Type().Elem()).Elem()
		if elem.Kind() == reflect.Pointer {
			elem.Set(reflect.New(elem.Type().Elem()))
		}
		s.Set(reflect.Append(s, elem))
		nonEmpty := x.nonEmpty(m)
		for _, c2 := range m.Collections() {
			if got, want := nonEmpty[x.index[c2.Name]], len(c2.Objects) > 0; got != want {
				t.Errorf("with an object in %s, %s non-empty = %v, want %v", c.Name, c2.Name, got, want)
			}
		}
	}
}

// The query reads each rule's deny set through its package's group (the
// path but its last two names): rules in packages of every depth, in
// groups of their own and in the built-ins' data.seclint.aws, each report
// their own findings, whichever of them a unit needs.
func TestRulesInPackagesOfAnyDepth(t *testing.T) {
	packages := map[string]string{
		"one-name":    "one",
		"two-names":   "acme.two",
		"three-names": "acme.x.three",
		"five-names":  "acme.x.y.z.five",
		"beside-ours": "seclint.aws.acme_beside",
		"buckets":     "acme.x.y.z.buckets",
	}
	dir := t.TempDir()
	var ids []string
	for id, pkg := range packages {
		ids = append(ids, id)
		collections := ""
		if id == "buckets" {
			collections = "\n#   collections: [aws.s3.buckets]"
		}
		src := fmt.Sprintf("# METADATA\n# title: %[1]s\n# custom:\n#   id: %[1]s\n#   severity: LOW\n#   kind: security%[3]s\npackage %[2]s\n\ndeny contains {\"resource\": \"x\", \"message\": %[1]q}\n", id, pkg, collections)
		if err := os.WriteFile(filepath.Join(dir, id+".rego"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// With the built-in rules too: one of them fires on the bucket.
	e, err := New(t.Context(), Options{Dirs: []string{dir}, Enable: append(slices.Clone(ids), "aws-s3-versioning")})
	if err != nil {
		t.Fatal(err)
	}
	bucket := []*model.Bucket{{Meta: model.Meta{ID: "b"}}}
	for _, tt := range []struct {
		aws  model.AWS
		want []string
	}{
		{model.AWS{}, []string{"beside-ours", "five-names", "one-name", "three-names", "two-names"}},
		{model.AWS{S3: model.S3{Buckets: bucket}}, []string{"aws-s3-versioning", "beside-ours", "buckets", "five-names", "one-name", "three-names", "two-names"}},
	} {
		fs, err := e.Evaluate(t.Context(), (&model.Model{AWS: tt.aws}).Normalize())
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range fs {
			if f.RuleID != "aws-s3-versioning" && f.Message != f.RuleID {
				t.Errorf("rule %s reported %q, another rule's finding", f.RuleID, f.Message)
			}
			got = append(got, f.RuleID)
		}
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("findings of %v, want %v", got, tt.want)
		}
	}
}
