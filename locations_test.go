package seclint

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/seclint/seclint/internal/modelschema"
	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/policies"
)

// TestLocationPathsResolve parses every fixture and checks the location
// index against the model: each recorded (object ID, attribute path) names
// an object of some collection, and the path exists in that collection's
// schema (a field, an element of a list), so that a rule reporting the path
// the model spells is placed where the parser recorded it. It also checks
// that each unit's model is valid against the model's JSON schema, and
// that every attribute path a rule reports on the fixtures resolves too (a
// misspelt one would silently fall back to the enclosing block's range).
func TestLocationPathsResolve(t *testing.T) {
	res, err := modelschema.Generate(nil)
	if err != nil {
		t.Fatal(err)
	}
	js, err := res.JSON()
	if err != nil {
		t.Fatal(err)
	}
	validator := compileModelSchema(t, js)
	d, err := discover([]string{"testdata/fixtures", "testdata/examples"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	engine, err := policies.New(context.Background(), policies.Options{})
	if err != nil {
		t.Fatal(err)
	}
	opts := &Options{Env: []string{}, Today: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	var bad []string
	paths, findings := 0, 0
	for _, j := range d.jobs {
		u := j.parse(opts)
		m := u.Model.Normalize()
		if err := validateModel(validator, m); err != nil {
			t.Errorf("%s: the model does not match its schema: %v", j.path, err)
		}
		// An object's collections: usually one, but a CloudFormation secret
		// with a SecretString is both a secret and a secret value.
		colls := map[string][]string{}
		for _, c := range m.Collections() {
			for _, o := range c.Objects {
				colls[o.ID] = append(colls[o.ID], c.Name)
			}
		}
		// A policy error's path may name an element the policy language
		// does not have ("statements[1].keys.Actions"): the model cannot
		// hold it, and the error itself is the contract for it.
		errPaths := map[string]bool{}
		for _, p := range m.AWS.IAM.Policies {
			for _, e := range p.Errors {
				errPaths[p.ID+"\x00"+e.Path] = true
			}
		}
		for id, byPath := range u.Locations {
			for path := range byPath {
				paths++
				if errPaths[id+"\x00"+path] {
					continue
				}
				if err := resolveIn(res, colls[id], path); err != nil {
					bad = append(bad, fmt.Sprintf("%s: %s %q: %v", j.path, id, path, err))
				}
			}
		}
		raw, err := engine.Evaluate(context.Background(), m)
		if err != nil {
			t.Fatalf("%s: %v", j.path, err)
		}
		for _, f := range raw {
			findings++
			if errPaths[f.Resource+"\x00"+f.Attribute] {
				continue
			}
			if err := resolveIn(res, colls[f.Resource], f.Attribute); err != nil {
				bad = append(bad, fmt.Sprintf("%s: %s reports %s %q: %v", j.path, f.RuleID, f.Resource, f.Attribute, err))
			}
		}
	}
	sort.Strings(bad)
	for _, b := range bad {
		t.Error(b)
	}
	t.Logf("%d units, %d recorded paths, %d findings; %d paths do not resolve", len(d.jobs), paths, findings, len(bad))
}

// sourceOnlyPaths are recorded paths that name a source element the model
// deliberately does not hold, by collection: each needs a reason.
var sourceOnlyPaths = map[string]string{
	// aws-secretsmanager-hardcoded-secret reports the written value; the
	// model keeps only whether it is a literal, never the secret itself.
	"aws.secretsmanager.secret_values secret_string": "the secret value is not in the model",
}

func resolveIn(res *modelschema.Result, colls []string, path string) error {
	if len(colls) == 0 {
		return fmt.Errorf("no object of the model has this ID")
	}
	var errs []string
	for _, c := range colls {
		if sourceOnlyPaths[c+" "+path] != "" {
			return nil
		}
		err := res.Resolve(c, path)
		if err == nil {
			return nil
		}
		errs = append(errs, c+": "+err.Error())
	}
	return fmt.Errorf("%s", strings.Join(errs, "; "))
}

func compileModelSchema(t *testing.T, js []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(string(js)))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("model.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("model.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validateModel(s *jsonschema.Schema, m *model.Model) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(string(b)))
	if err != nil {
		return err
	}
	return s.Validate(doc)
}
