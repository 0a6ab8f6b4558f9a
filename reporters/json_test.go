package reporters

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

func TestJSONRoundTrip(t *testing.T) {
	r := testReport(t)
	out := render(t, "json", r, Options{})
	if !bytes.HasSuffix(out, []byte("}\n")) {
		t.Error("no trailing newline")
	}
	if !bytes.HasPrefix(out, []byte("{\n  \"version\": 1,\n")) {
		t.Errorf("not indented by 2 spaces or version not first:\n%s", out[:min(len(out), 80)])
	}

	var got jsonReport
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatal(err)
	}
	if got.Version != 1 || got.ToolVersion != "1.4.0" || got.Root != r.Root {
		t.Errorf("header = %d %q %q", got.Version, got.ToolVersion, got.Root)
	}
	wantSummary := jsonSummary{
		Files: 3, Resources: 5, Findings: 5,
		BySeverity: jsonBySeverity{Critical: 1, High: 2, Medium: 1, Low: 1},
		Errors:     1,
	}
	if got.Summary != wantSummary {
		t.Errorf("summary = %+v, want %+v", got.Summary, wantSummary)
	}
	if len(got.Findings) != len(r.Findings) {
		t.Fatalf("%d findings, want %d", len(got.Findings), len(r.Findings))
	}
	for i, f := range got.Findings {
		in := r.Findings[i]
		if f.RuleID != in.RuleID || f.Severity != string(in.Severity) || f.Message != in.Message ||
			f.Resource != in.Resource || f.ResourceType != in.ResourceType || f.Attribute != in.Attribute ||
			f.Fingerprint != in.Fingerprint {
			t.Errorf("finding %d = %+v, want %+v", i, f, in)
		}
		wantLoc := jsonLocation{in.Range.File, in.Range.Start.Line, in.Range.Start.Column, in.Range.End.Line, in.Range.End.Column}
		if f.Location != wantLoc {
			t.Errorf("finding %d location = %+v, want %+v", i, f.Location, wantLoc)
		}
	}
	if len(got.Diagnostics) != 2 || got.Diagnostics[0].Severity != "error" || got.Diagnostics[0].Location.File != "broken.tf" {
		t.Errorf("diagnostics = %+v", got.Diagnostics)
	}
	var ids []string
	for _, ru := range got.Rules {
		ids = append(ids, ru.ID)
	}
	if want := "aws-cloudtrail-multi-region aws-iam-admin-policy aws-kms-key-rotation aws-s3-bucket-name aws-s3-public-acl"; strings.Join(ids, " ") != want {
		t.Errorf("rules = %v, want sorted %s", ids, want)
	}
	acl := got.Rules[4]
	if acl.Severity != "HIGH" || acl.Kind != "security" || acl.Remediation.CloudFormation == "" ||
		strings.Join(acl.FSBP, ",") != "S3.2,S3.3" || len(acl.ResourceTypes) != 2 {
		t.Errorf("rule = %+v", acl)
	}
	// <, > and & stay readable.
	if bytes.Contains(out, []byte(`\u003c`)) || bytes.Contains(out, []byte(`\u0026`)) {
		t.Error("HTML escaping in JSON output")
	}
}

func TestJSONNeverNull(t *testing.T) {
	out := render(t, "json", emptyReport(), Options{})
	if bytes.Contains(out, []byte("null")) {
		t.Errorf("null in output:\n%s", out)
	}
	var got map[string]any
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"findings", "diagnostics", "rules"} {
		if a, ok := got[key].([]any); !ok || len(a) != 0 {
			t.Errorf("%s = %#v, want []", key, got[key])
		}
	}

	// A rule without FSBP controls or resource types still has arrays.
	r := testReport(t)
	out = render(t, "json", r, Options{})
	if bytes.Contains(out, []byte("null")) {
		t.Errorf("null in output:\n%s", out)
	}
}

// TestJSONSchemaDoc checks that JSON-SCHEMA.md names every field the JSON
// output has.
func TestJSONSchemaDoc(t *testing.T) {
	doc, err := os.ReadFile("JSON-SCHEMA.md")
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(render(t, "json", testReport(t), Options{}), &v); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				seen[k] = true
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(v)
	for k := range seen {
		if !bytes.Contains(doc, []byte("`"+k+"`")) && !bytes.Contains(doc, []byte("."+k+"`")) {
			t.Errorf("JSON-SCHEMA.md does not document %q", k)
		}
	}
}
