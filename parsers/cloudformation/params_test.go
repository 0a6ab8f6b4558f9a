package cloudformation

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

const allowedTemplate = `Parameters:
  Env:
    Type: String
    Default: dev
    AllowedValues: [dev, prod]
  Zones:
    Type: CommaDelimitedList
    Default: "a,b"
    AllowedValues: [a, b, c]
  Bad:
    Type: String
    Default: other
    AllowedValues: [x, "y"]
Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Join ["-", [!Ref Env, !Join ["", !Ref Zones], !Ref Bad]]
      Tags: [{Key: env, Value: !Ref Env}]
`

func TestAllowedValues(t *testing.T) {
	tests := []struct {
		name   string
		params map[string]string
		want   string   // BucketName, "?" when unknown
		diags  []string // severity: summary, and the parameter named in the detail
	}{
		{"defaults", nil, "?", []string{"warning: default value not allowed: Bad"}},
		{"allowed values", map[string]string{"Env": "prod", "Zones": "c, a", "Bad": "x"}, "prod-ca-x", nil},
		{"value not allowed", map[string]string{"Env": "staging", "Bad": "y"}, "?", []string{"error: parameter value not allowed: Env"}},
		{"list element not allowed", map[string]string{"Zones": "a,d", "Bad": "y"}, "?", []string{"error: parameter value not allowed: Zones"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := parseUnit("t.yaml", allowedTemplate, Options{Params: tt.params})
			var got []string
			for _, d := range u.Diagnostics {
				name := ""
				for _, p := range []string{"Env", "Zones", "Bad"} {
					if strings.Contains(d.Detail, "parameter "+p+" ") {
						name = p
					}
				}
				got = append(got, string(d.Severity)+": "+d.Summary+": "+name)
			}
			if strings.Join(got, "|") != strings.Join(tt.diags, "|") {
				t.Errorf("diagnostics %v, want %v (%v)", got, tt.diags, u.Diagnostics)
			}
			name, ok := u.Model.AWS.S3.Buckets[0].Name.Get()
			if !ok {
				name = "?"
			}
			if name != tt.want {
				t.Errorf("BucketName %q, want %q", name, tt.want)
			}
		})
	}
}

func TestNoEchoValueNotPrinted(t *testing.T) {
	src := "Parameters:\n  Pw: {Type: String, NoEcho: true, AllowedValues: [a]}\nResources: {}\n"
	u := parseUnit("t.yaml", src, Options{Params: map[string]string{"Pw": "s3cret"}})
	if len(u.Diagnostics) != 1 || strings.Contains(u.Diagnostics[0].Detail, "s3cret") || !strings.Contains(u.Diagnostics[0].Detail, "parameter Pw") {
		t.Errorf("diagnostics %v: want one naming Pw without its value", u.Diagnostics)
	}
}

func TestParametersModel(t *testing.T) {
	src := `Parameters: # 1
  DBPassword: # 2
    Type: String
    NoEcho: true
  ApiKey: # 5
    Type: String
    Default: hunter2
  Secret: # 8
    Type: String
    NoEcho: "false"
    Default: "{{resolve:ssm-secure:/app/secret}}"
  Subnets: # 12
    Type: CommaDelimitedList
    Default: [a, b]
Resources: {}
`
	u := parseUnit("t.yaml", src, Options{Params: map[string]string{"ApiKey": "given"}})
	got, err := json.Marshal(u.Model.AWS.CloudFormation.Parameters)
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"id":"DBPassword","type":"AWS::CloudFormation::Parameter","name":"DBPassword","parameter_type":"String","no_echo":true,"has_default":false},` +
		`{"id":"ApiKey","type":"AWS::CloudFormation::Parameter","name":"ApiKey","parameter_type":"String","default":"hunter2","has_default":true},` +
		`{"id":"Secret","type":"AWS::CloudFormation::Parameter","name":"Secret","parameter_type":"String","no_echo":false,"default":{"__unknown__":true},"has_default":true},` +
		`{"id":"Subnets","type":"AWS::CloudFormation::Parameter","name":"Subnets","parameter_type":"CommaDelimitedList","default":"a,b","has_default":true}]`
	if string(got) != want {
		t.Errorf("parameters\n%s\nwant\n%s", got, want)
	}
	for _, tt := range []struct {
		id, path  string
		line, col int
	}{
		{"DBPassword", "", 2, 3},
		{"DBPassword", "no_echo", 4, 13},
		{"ApiKey", "default", 7, 14},
		{"Secret", "no_echo", 10, 13},
		{"Secret", "default", 11, 14},
	} {
		r, ok := u.Locations.Lookup(tt.id, tt.path)
		if !ok || r.Start.Line != tt.line || r.Start.Column != tt.col {
			t.Errorf("%s %q at %v, want %d:%d", tt.id, tt.path, r, tt.line, tt.col)
		}
	}
}

func TestLoadParamsFile(t *testing.T) {
	want := map[string]string{"Env": "prod", "Count": "3", "Zones": "a,b", "Flag": "true"}
	tests := []struct {
		name, src string
		want      map[string]string
		err       string
	}{
		{"AWS CLI list", `[{"ParameterKey": "Env", "ParameterValue": "prod"}, {"ParameterKey": "Count", "ParameterValue": "3"},
			{"ParameterKey": "Zones", "ParameterValue": "a,b"}, {"ParameterKey": "Flag", "ParameterValue": "true"},
			{"ParameterKey": "Old", "UsePreviousValue": true}]`, want, ""},
		{"JSON map", `{"Env": "prod", "Count": 3, "Zones": ["a", "b"], "Flag": true}`, want, ""},
		{"YAML map", "\xef\xbb\xbfEnv: prod\nCount: 3\nZones: [a, b]\nFlag: true\n", want, ""},
		{"CodePipeline configuration", `{"Parameters": {"Env": "prod", "Count": "3", "Zones": "a,b", "Flag": "true"}, "Tags": {"team": "x"}}`, want, ""},
		{"empty value", `{"Env": ""}`, map[string]string{"Env": ""}, ""},
		{"list entry without key", `[{"ParameterValue": "x"}]`, nil, "line 1: entry 1 has no ParameterKey"},
		{"list entry without value", "- ParameterKey: Env\n", nil, "line 1: parameter Env has no ParameterValue"},
		{"nested value", "Env: {a: b}\n", nil, "line 1: parameter Env: the value must be a string or a list of strings"},
		{"scalar document", "prod\n", nil, "expected a list"},
		{"invalid", "{", nil, "not valid JSON or YAML"},
		{"empty", "", nil, "empty parameters file"},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, "params.json")
			if err := os.WriteFile(path, []byte(tt.src), 0o600); err != nil {
				t.Fatal(err)
			}
			got, err := LoadParamsFile(path)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.HasPrefix(err.Error(), path) {
					t.Errorf("error %v, want one naming the file and containing %q", err, tt.err)
				}
				return
			}
			if err != nil || !maps.Equal(got, tt.want) {
				t.Errorf("got %v, %v; want %v", got, err, tt.want)
			}
		})
	}
	if _, err := LoadParamsFile(filepath.Join(dir, "missing.json")); err == nil {
		t.Error("a missing file loads")
	}
}

// TestParamsFileFeedsParse checks the path the CLI takes: a file's values
// evaluate the template like --cfn-param values.
func TestParamsFileFeedsParse(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.json")
	if err := os.WriteFile(path, []byte(`[{"ParameterKey": "Env", "ParameterValue": "prod"}]`), 0o600); err != nil {
		t.Fatal(err)
	}
	params, err := LoadParamsFile(path)
	if err != nil {
		t.Fatal(err)
	}
	u := parseUnit("acl.yaml", aclTemplate, Options{Params: params})
	if ids := bucketIDs(u); len(ids) != 3 || ids[1] != "ProdBucket" {
		t.Errorf("buckets %v, want ProdBucket present", ids)
	}
	if acl, _ := u.Model.AWS.S3.Buckets[0].ACL.Get(); acl != model.KnownOf("authenticated-read").V {
		t.Errorf("acl %q", acl)
	}
}
