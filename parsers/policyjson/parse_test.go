package policyjson

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

const sample = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Public",
      "Effect": "Allow",
      "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "*"], "Service": "s3.amazonaws.com"},
      "Action": ["s3:GetObject", "s3:PutObject"],
      "Resource": "arn:aws:s3:::b/*",
      "Condition": {
        "ForAnyValue:StringLikeIfExists": {"aws:PrincipalOrgPaths": ["o-1/*"]},
        "Bool": {"aws:SecureTransport": true}
      }
    }
  ]
}`

func TestParseNormalizesAndLocates(t *testing.T) {
	u := Parse("p.json", []byte(sample))
	if len(u.Diagnostics) != 0 {
		t.Fatalf("diagnostics: %v", u.Diagnostics)
	}
	p := u.Model.AWS.IAM.Policies[0]
	if p.Kind != model.PolicyResource {
		t.Errorf("kind %q, want resource (statements have a Principal)", p.Kind)
	}
	s := p.Statements[0]
	if got := len(s.Principals.V); got != 3 {
		t.Fatalf("%d principals, want 3", got)
	}
	if pr := s.Principals.V[1]; pr.Type != "AWS" || pr.Value.V != "*" {
		t.Errorf("principal 1 = %+v", pr)
	}
	conds := s.Conditions.V
	if len(conds) != 2 {
		t.Fatalf("%d conditions, want 2", len(conds))
	}
	c := conds[0]
	if c.SetOperator != "ForAnyValue" || !c.IfExists || c.Base.V != "StringLike" || c.Key.V != "aws:PrincipalOrgPaths" {
		t.Errorf("condition 0 = %+v", c)
	}
	if v := conds[1].Values.V[0].V; v != "true" {
		t.Errorf("Bool value %q, want \"true\"", v)
	}
	for _, tt := range []struct {
		path string
		line int
	}{
		{"statements[0]", 4},
		{"statements[0].effect", 6},
		{"statements[0].principals[1]", 7},
		{"statements[0].actions[1]", 8},
		{"statements[0].resources[0]", 9},
		{"statements[0].conditions[0]", 11},
		{"statements[0].conditions[1]", 12},
	} {
		r, ok := u.Locations.Lookup("p.json", tt.path)
		if !ok || r.Start.Line != tt.line {
			t.Errorf("%s at line %d (found %v), want %d", tt.path, r.Start.Line, ok, tt.line)
		}
	}
}

func TestParseIdentityPolicy(t *testing.T) {
	u := Parse("i.json", []byte(`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}`))
	p := u.Model.AWS.IAM.Policies[0]
	if p.Kind != model.PolicyIdentity || len(p.Statements) != 1 {
		t.Fatalf("got %+v", p)
	}
	b, _ := json.Marshal(p.Statements[0])
	if !strings.Contains(string(b), `"actions":["*"]`) {
		t.Errorf("statement JSON %s", b)
	}
}

func TestParseErrorsNameTheLine(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		line      int
	}{
		{"syntax", "{\n  \"Statement\": [\n    {\"Effect\": \"Allow\",}\n  ]\n}", 3},
		{"truncated", "{\n\"Statement\": [", 2},
		{"not utf-8", "{\"Statement\": \"\xff\"}", 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			u := Parse("bad.json", []byte(tt.src))
			if len(u.Diagnostics) != 1 {
				t.Fatalf("diagnostics %v, want one", u.Diagnostics)
			}
			d := u.Diagnostics[0]
			if d.Severity != model.DiagError || d.Range.File != "bad.json" || d.Range.Start.Line != tt.line {
				t.Errorf("diagnostic %+v, want an error at line %d", d, tt.line)
			}
		})
	}
}

func TestDuplicateKeyIsAWarning(t *testing.T) {
	u := Parse("dup.json", []byte("{\n\"Statement\": [],\n\"Statement\": [{\"Effect\": \"Allow\"}]\n}"))
	if len(u.Diagnostics) != 1 || u.Diagnostics[0].Severity != model.DiagWarning || u.Diagnostics[0].Range.Start.Line != 3 {
		t.Fatalf("diagnostics %+v, want one warning at line 3", u.Diagnostics)
	}
	if n := len(u.Model.AWS.IAM.Policies[0].Statements); n != 1 {
		t.Errorf("%d statements, want the last value's 1", n)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte(`{"Statement":{"Effect":"Allow","NotPrincipal":{"AWS":"*"},"Condition":{"Null":{"k":[1,2,{"a":null}]}}}}`))
	f.Add([]byte(`{"Statement":[null, 1, "x", [], {"Principal": 7}]}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		u := Parse("fuzz.json", src)
		if u == nil || u.Model == nil {
			t.Fatal("Parse returned no unit")
		}
		if _, err := json.Marshal(u.Model.Normalize()); err != nil {
			t.Fatalf("model does not marshal: %v", err)
		}
	})
}
