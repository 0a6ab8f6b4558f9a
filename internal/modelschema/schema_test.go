package modelschema

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/seclint/seclint/internal/jsonfields"
	"github.com/seclint/seclint/parsers/model"
)

// TestGeneratedFilesUpToDate fails when the checked-in schema or model
// reference no longer matches the model's Go types and comments.
func TestGeneratedFilesUpToDate(t *testing.T) {
	files, err := Files("../..")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		have, err := os.ReadFile(f.Path)
		if err != nil {
			t.Errorf("%v; run `go run ./internal/gen` at the repository root", err)
			continue
		}
		if !bytes.Equal(have, f.Data) {
			t.Errorf("%s is stale: the model changed; run `go run ./internal/gen` at the repository root and commit the result", f.Path)
		}
	}
}

type inner struct {
	// A is documented.
	A string `json:"a"`
}

type embedded struct {
	ID   string `json:"id"`
	Type string `json:"type"`
	// Both cancels out with other.Both: same depth, neither tagged.
	Both string
}

type other struct {
	Both string
}

type sample struct {
	embedded
	other
	// Type shadows embedded.Type in Go, but not in JSON.
	Type     string                `json:"sample_type"`
	Name     model.String          `json:"name,omitzero"`
	Flags    []model.Bool          `json:"flags"`
	Inner    *inner                `json:"inner,omitempty"`
	Untagged int                   // JSON name Untagged
	Skipped  string                `json:"-"`
	Tags     map[string]string     `json:"tags,omitempty"`
	Nested   model.Value[[]*inner] `json:"nested,omitzero"`
	private  string
}

func TestJSONFieldsFollowEncodingJSON(t *testing.T) {
	var got []string
	for _, f := range jsonfields.Of(reflect.TypeFor[sample]()) {
		got = append(got, f.Name)
	}
	// What encoding/json writes for a fully set value is the reference.
	v := sample{Name: model.KnownOf("n"), Inner: &inner{}, Tags: map[string]string{"k": "v"}, Nested: model.KnownOf([]*inner{})}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.Token() // {
	for dec.More() {
		k, _ := dec.Token()
		keys = append(keys, k.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	if !reflect.DeepEqual(got, keys) {
		t.Errorf("fields %v, encoding/json writes %v", got, keys)
	}
	_ = v.private
}

func TestSchemaOfSample(t *testing.T) {
	g := &generator{defs: map[string]*Schema{}, objects: map[string]*Object{}, types: map[string]reflect.Type{}}
	ref, err := g.schemaOf(reflect.TypeFor[sample](), "input")
	if err != nil {
		t.Fatal(err)
	}
	if ref.Ref != "#/definitions/sample" {
		t.Fatalf("ref %q", ref.Ref)
	}
	s := g.defs["sample"]
	if s.AdditionalProperties != false {
		t.Error("objects must be closed")
	}
	name := s.Properties["name"]
	if len(name.AnyOf) != 2 || name.AnyOf[0].Type != "string" || name.AnyOf[1].Ref != "#/definitions/unknown" {
		t.Errorf("a Value[string] is string or unknown, got %+v", name)
	}
	flags := s.Properties["flags"]
	if !reflect.DeepEqual(flags.Type, []string{"array", "null"}) || len(flags.Items.AnyOf) != 2 {
		t.Errorf("a list without omitempty may be null, with value items, got %+v", flags)
	}
	if tags := s.Properties["tags"]; tags.Type != "object" || tags.AdditionalProperties.(*Schema).Type != "string" {
		t.Errorf("a map is an object of its values, got %+v", tags)
	}
	if nested := s.Properties["nested"]; nested.AnyOf[0].Items.Ref != "#/definitions/inner" {
		t.Errorf("a Value of a list of structs refers to their definition, got %+v", nested)
	}
	if want := []string{"id", "type", "sample_type", "Untagged"}; !reflect.DeepEqual(s.Required, want) {
		t.Errorf("required %v, want %v", s.Required, want)
	}
	if o := g.objects["inner"]; !reflect.DeepEqual(o.Paths, []string{"input.inner", "input.nested[_]"}) {
		t.Errorf("paths of inner: %v", o.Paths)
	}
}

// TestSchemaValidatesTheModel checks the generated schema against what the
// model marshals to, with an independent validator: a model with every
// kind of value validates, and a misspelt property does not.
func TestSchemaValidatesTheModel(t *testing.T) {
	res, err := Generate(nil)
	if err != nil {
		t.Fatal(err)
	}
	js, err := res.JSON()
	if err != nil {
		t.Fatal(err)
	}
	sch := compile(t, js)
	m := (&model.Model{}).Normalize()
	m.AWS.S3.Buckets = append(m.AWS.S3.Buckets, &model.Bucket{
		Meta:       model.Meta{ID: "b", Type: "aws_s3_bucket", Region: model.UnknownOf[string]()},
		Name:       model.KnownOf("logs"),
		Grants:     []*model.Grant{},
		Policies:   []string{"p"},
		Versioning: &model.Versioning{Status: model.KnownOf("Enabled")},
	})
	m.AWS.IAM.Policies = append(m.AWS.IAM.Policies, &model.Policy{
		Meta: model.Meta{ID: "p"}, Kind: model.PolicyResource, Errors: []model.PolicyError{},
		Statements: []*model.Statement{{
			Effect:     model.KnownOf("Allow"),
			Actions:    model.KnownOf([]model.String{model.KnownOf("s3:*"), model.UnknownOf[string]()}),
			Principals: model.KnownOf([]*model.Principal{{Type: "*", Value: model.KnownOf("*")}}),
			Conditions: model.UnknownOf[[]*model.Condition](),
		}},
	})
	var doc any
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(doc); err != nil {
		t.Fatalf("the model does not validate against its schema: %v", err)
	}
	bad := strings.Replace(string(b), `"name":"logs"`, `"nme":"logs"`, 1)
	if err := json.Unmarshal([]byte(bad), &doc); err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(doc); err == nil || !strings.Contains(err.Error(), "nme") {
		t.Fatalf("a misspelt property must not validate, got %v", err)
	}
}

func compile(t *testing.T, js []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("model.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("model.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func TestDocsFromComments(t *testing.T) {
	d, err := ParseDocs("../../parsers/model")
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Field("Bucket", "ACL"); !strings.HasPrefix(got, "ACL is the canned ACL") || strings.Contains(got, "\n") {
		t.Errorf("Bucket.ACL doc: %q", got)
	}
	if got := d.Type("Meta"); !strings.HasPrefix(got, "Meta identifies a model object") {
		t.Errorf("Meta doc: %q", got)
	}
}

func TestResolve(t *testing.T) {
	res, err := Generate(nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		collection, path string
		// wantErr is a part of the error message; "" means it resolves.
		wantErr string
	}{
		{"aws.s3.buckets", "", ""},
		{"aws.s3.buckets", "name", ""},
		{"aws.s3.buckets", "versioning.status", ""},
		{"aws.s3.buckets", "grants[0].uri", ""},
		{"aws.s3.buckets", "policies[1]", ""},
		{"aws.iam.policies", "statements[2].principals[0].value", ""},
		{"aws.iam.policies", "statements[0].conditions[1].values[0]", ""},
		{"aws.s3.buckets", "loging", "the object has no .loging"},
		{"aws.s3.buckets", "versioning.state", ".versioning has no .state"},
		{"aws.s3.buckets", "name[0]", ".name has no [0]"},
		{"aws.s3.buckets", "grants.uri", ".grants has no .uri"},
		{"aws.iam.policies", "statements[x]", "not a number"},
		{"aws.s3.bukets", "", "no collection aws.s3.bukets"},
		{"aws.s3", "", "not a collection"},
	}
	for _, tt := range tests {
		err := res.Resolve(tt.collection, tt.path)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("%s %q: %v", tt.collection, tt.path, err)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("%s %q: want an error with %q, got %v", tt.collection, tt.path, tt.wantErr, err)
		}
	}
}

// TestEveryFieldDocumented: the model is documented field by field
// (docs/model.md is generated from the doc comments), so a new field needs
// a comment saying what it holds.
func TestEveryFieldDocumented(t *testing.T) {
	d, err := ParseDocs("../../parsers/model")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Generate(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range res.Objects {
		for _, f := range o.Fields {
			if f.Doc == "" {
				t.Errorf("%s.%s has no doc comment: document the field in parsers/model and run `go run ./internal/gen`", o.Name, f.Name)
			}
		}
	}
}
