package reporters

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/seclint/seclint/report"
)

const schemaDir = "../testdata/schemas"

// loadSchema compiles a SARIF schema from testdata/schemas (sources and
// licenses in its SOURCES.md).
func loadSchema(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	path := filepath.Join(schemaDir, name)
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		t.Fatalf("schema %s not found: the schemas are part of the repository", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	compile := func(doc any) (*jsonschema.Schema, error) {
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		if err := c.AddResource("file:///schemas/"+name, doc); err != nil {
			return nil, err
		}
		return c.Compile("file:///schemas/" + name)
	}
	sch, err := compile(doc)
	var invalid *jsonschema.SchemaValidationError
	if errors.As(err, &invalid) && name == "sarif-2.1.0-codeql-action.json" {
		// That copy puts the region anyOf under region.properties, which
		// the 2020-12 meta-schema rejects (see schemas/SOURCES.md). GitHub's
		// validator then does not enforce it; neither do we.
		region := doc.(map[string]any)["definitions"].(map[string]any)["region"].(map[string]any)
		delete(region["properties"].(map[string]any), "anyOf")
		t.Logf("%s fails the meta-schema (%v); validating without region.properties.anyOf", name, err)
		sch, err = compile(doc)
	}
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validateSARIF(t *testing.T, out []byte) {
	t.Helper()
	for _, name := range []string{"sarif-2.1.0.json", "sarif-2.1.0-codeql-action.json"} {
		t.Run(name, func(t *testing.T) {
			sch := loadSchema(t, name)
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(inst); err != nil {
				t.Errorf("invalid SARIF: %v", err)
			}
		})
	}
}

func TestSARIFSchema(t *testing.T) {
	tests := []struct {
		name string
		r    *report.Report
	}{
		{"full", testReport(t)},
		{"empty", emptyReport()},
		{"outside root", outsideRootReport()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			validateSARIF(t, render(t, "sarif", tt.r, Options{}))
		})
	}
}

// sarifDoc decodes SARIF output generically, as GitHub would see it.
func sarifDoc(t *testing.T, out []byte) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// get walks a decoded JSON document: strings index objects, ints arrays.
func get(t *testing.T, v any, path ...any) any {
	t.Helper()
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				t.Fatalf("%v: not an object at %q", path, k)
			}
			v, ok = m[k]
			if !ok {
				t.Fatalf("%v: no key %q", path, k)
			}
		case int:
			a, ok := v.([]any)
			if !ok || k >= len(a) {
				t.Fatalf("%v: no index %d", path, k)
			}
			v = a[k]
		}
	}
	return v
}

func TestSARIFGitHub(t *testing.T) {
	r := testReport(t)
	doc := sarifDoc(t, render(t, "sarif", r, Options{}))

	if doc["$schema"] != "https://json.schemastore.org/sarif-2.1.0.json" || doc["version"] != "2.1.0" {
		t.Errorf("header = %v %v", doc["$schema"], doc["version"])
	}
	if runs := get(t, doc, "runs").([]any); len(runs) != 1 {
		t.Fatalf("%d runs, want 1", len(runs))
	}
	run := get(t, doc, "runs", 0)

	driver := get(t, run, "tool", "driver")
	for key, want := range map[string]string{
		"name": "seclint", "version": "1.4.0", "semanticVersion": "1.4.0",
		"informationUri": "https://github.com/seclint/seclint",
	} {
		if got := get(t, driver, key); got != want {
			t.Errorf("driver.%s = %v, want %v", key, got, want)
		}
	}

	base := get(t, run, "originalUriBaseIds", "%SRCROOT%", "uri").(string)
	wantBase := "file://" + strings.ReplaceAll(filepath.ToSlash(r.Root), " ", "%20") + "/"
	if base != wantBase {
		t.Errorf("%%SRCROOT%% = %q, want %q", base, wantBase)
	}

	rules := get(t, driver, "rules").([]any)
	if len(rules) != len(r.Rules) {
		t.Fatalf("%d rules, want %d", len(rules), len(r.Rules))
	}
	wantSev := map[string]string{"CRITICAL": "9.5", "HIGH": "8.0", "MEDIUM": "5.5", "LOW": "2.0"}
	wantLevel := map[string]string{"CRITICAL": "error", "HIGH": "error", "MEDIUM": "warning", "LOW": "note"}
	ruleIndex := map[string]int{}
	prev := ""
	for i, rv := range rules {
		id := get(t, rv, "id").(string)
		ruleIndex[id] = i
		if id <= prev {
			t.Errorf("rules not sorted: %q after %q", id, prev)
		}
		prev = id
		ru, _ := r.Rule(id)
		sev := string(ru.Severity)
		if got := get(t, rv, "properties", "security-severity"); got != wantSev[sev] {
			t.Errorf("%s security-severity = %v, want %v", id, got, wantSev[sev])
		}
		if got := get(t, rv, "defaultConfiguration", "level"); got != wantLevel[sev] {
			t.Errorf("%s level = %v, want %v", id, got, wantLevel[sev])
		}
		tags := get(t, rv, "properties", "tags").([]any)
		if len(tags) == 0 || tags[0] != "security" || len(tags) > 20 {
			t.Errorf("%s tags = %v", id, tags)
		}
		for _, key := range []string{"shortDescription", "fullDescription"} {
			if get(t, rv, key, "text") == "" {
				t.Errorf("%s %s empty", id, key)
			}
		}
		if get(t, rv, "help", "text") == "" || get(t, rv, "help", "markdown") == "" {
			t.Errorf("%s help empty", id)
		}
		if got, want := get(t, rv, "helpUri"), "https://github.com/seclint/seclint/blob/main/docs/rules/"+id+".md"; got != want {
			t.Errorf("%s helpUri = %v", id, got)
		}
	}
	acl := rules[ruleIndex["aws-s3-public-acl"]]
	if got := get(t, acl, "name"); got != "S3BucketHasAPublicACL" {
		t.Errorf("name = %v", got)
	}
	if got := get(t, acl, "properties", "tags"); !equalJSON(got, []any{"security", "S3.2", "S3.3"}) {
		t.Errorf("tags = %v", got)
	}
	md := get(t, acl, "help", "markdown").(string)
	for _, want := range []string{"### Terraform", "```hcl", "### CloudFormation",
		"[S3.2](https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html#s3-2)"} {
		if !strings.Contains(md, want) {
			t.Errorf("help.markdown lacks %q:\n%s", want, md)
		}
	}
	if tags := get(t, rules[ruleIndex["aws-s3-bucket-name"]], "properties", "tags"); !equalJSON(tags, []any{"security", "correctness"}) {
		t.Errorf("correctness tags = %v", tags)
	}

	results := get(t, run, "results").([]any)
	if len(results) != len(r.Findings) {
		t.Fatalf("%d results, want %d", len(results), len(r.Findings))
	}
	type want struct {
		level, uri                     string
		startLine, startCol            float64
		endLine, endCol                float64 // 0: absent
		resource, fingerprint, message string
	}
	wants := []want{
		{"error", "main.tf", 3, 3, 3, 24, "aws_s3_bucket.logs", "fp-acl", r.Findings[0].Message},
		{"error", "main.tf", 11, 3, 17, 5, "aws_iam_policy.admin", "fp-admin", r.Findings[1].Message},
		// The finding's own severity (LOW), not its rule's (HIGH); no end.
		{"note", "cfn/template.yaml", 7, 3, 7, 0, "Bucket", "fp-cfn-bucket", r.Findings[2].Message},
		// An absolute path under the root is made relative.
		{"error", "cfn/template.yaml", 3, 3, 6, 22, "Trail", "fp-trail", r.Findings[3].Message},
		{"warning", "main.tf", 6, 1, 8, 2, "aws_kms_key.k", "fp-kms", r.Findings[4].Message},
	}
	for i, w := range wants {
		res := results[i]
		f := r.Findings[i]
		if got := get(t, res, "ruleId"); got != f.RuleID {
			t.Errorf("result %d ruleId = %v", i, got)
		}
		if got := int(get(t, res, "ruleIndex").(float64)); got != ruleIndex[f.RuleID] {
			t.Errorf("result %d ruleIndex = %d, want %d", i, got, ruleIndex[f.RuleID])
		}
		if got := get(t, res, "level"); got != w.level {
			t.Errorf("result %d level = %v, want %v", i, got, w.level)
		}
		if got := get(t, res, "message", "text"); got != w.message {
			t.Errorf("result %d message = %v", i, got)
		}
		if got := get(t, res, "partialFingerprints", "seclint/v1"); got != w.fingerprint {
			t.Errorf("result %d fingerprint = %v", i, got)
		}
		art := get(t, res, "locations", 0, "physicalLocation", "artifactLocation")
		if get(t, art, "uri") != w.uri || get(t, art, "uriBaseId") != "%SRCROOT%" {
			t.Errorf("result %d artifactLocation = %v, want %s under %%SRCROOT%%", i, art, w.uri)
		}
		region := get(t, res, "locations", 0, "physicalLocation", "region").(map[string]any)
		gotRegion := map[string]any{}
		for k, v := range region {
			gotRegion[k] = v
		}
		wantRegion := map[string]any{"startLine": w.startLine, "startColumn": w.startCol, "endLine": w.endLine}
		if w.endCol > 0 {
			wantRegion["endColumn"] = w.endCol
		}
		if !equalJSON(gotRegion, wantRegion) {
			t.Errorf("result %d region = %v, want %v", i, gotRegion, wantRegion)
		}
		logical := get(t, res, "locations", 0, "logicalLocations", 0)
		if get(t, logical, "fullyQualifiedName") != w.resource || get(t, logical, "kind") != "resource" {
			t.Errorf("result %d logicalLocation = %v", i, logical)
		}
	}

	inv := get(t, run, "invocations", 0)
	if get(t, inv, "executionSuccessful") != true {
		t.Error("executionSuccessful is not true")
	}
	notes := get(t, inv, "toolExecutionNotifications").([]any)
	if len(notes) != 2 {
		t.Fatalf("%d notifications, want 2", len(notes))
	}
	if get(t, notes[0], "level") != "error" ||
		get(t, notes[0], "message", "text") != "Invalid expression: Expected the start of an expression, but found the end of the file." ||
		get(t, notes[0], "locations", 0, "physicalLocation", "artifactLocation", "uri") != "broken.tf" ||
		get(t, notes[0], "locations", 0, "physicalLocation", "region", "startLine") != 2.0 {
		t.Errorf("parse error notification = %v", notes[0])
	}
	if get(t, notes[1], "level") != "warning" {
		t.Errorf("warning notification = %v", notes[1])
	}
}

func equalJSON(a, b any) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return bytes.Equal(ja, jb)
}

func TestSARIFEmpty(t *testing.T) {
	out := render(t, "sarif", emptyReport(), Options{})
	if !bytes.Contains(out, []byte(`"results": []`)) {
		t.Errorf("no empty results array:\n%s", out)
	}
	doc := sarifDoc(t, out)
	driver := get(t, doc, "runs", 0, "tool", "driver")
	if _, ok := driver.(map[string]any)["semanticVersion"]; ok {
		t.Error(`semanticVersion for version "dev"`)
	}
	if rules := get(t, driver, "rules").([]any); len(rules) != 0 {
		t.Errorf("rules = %v", rules)
	}
	if got := get(t, doc, "runs", 0, "originalUriBaseIds", "%SRCROOT%", "uri"); got != "file:///tmp/empty/" {
		t.Errorf("%%SRCROOT%% = %v", got)
	}
}

func outsideRootReport() *report.Report {
	return &report.Report{
		Tool: "v2.0.0-rc.1",
		Root: "/work/proj",
		Rules: []report.Rule{{
			ID: "my-rule", Title: "My rule", Severity: report.Medium, Custom: true,
		}},
		Findings: []report.Finding{
			{RuleID: "my-rule", Severity: report.Medium, Message: "m1", Resource: "a", Range: rng("/elsewhere/x y.tf", 2, 1, 2, 5), Fingerprint: "f1"},
			{RuleID: "my-rule", Severity: report.Medium, Message: "m2", Resource: "b", Range: rng("../sibling/z.tf", 1, 1, 0, 0), Fingerprint: "f2"},
			{RuleID: "my-rule", Severity: report.Medium, Message: "m3", Resource: "c", Range: rng("dir/a#b.tf", 1, 1, 1, 2), Fingerprint: "f3"},
			// A rule ID missing from Rules, and no fingerprint.
			{RuleID: "ghost", Severity: report.Low, Message: "m4", Resource: "d", Range: rng("d.tf", 1, 1, 1, 2)},
		},
	}
}

func TestSARIFURIs(t *testing.T) {
	r := outsideRootReport()
	doc := sarifDoc(t, render(t, "sarif", r, Options{}))
	run := get(t, doc, "runs", 0)
	if got := get(t, run, "tool", "driver", "semanticVersion"); got != "2.0.0-rc.1" {
		t.Errorf("semanticVersion = %v", got)
	}
	tests := []struct {
		uri, base string
	}{
		{"file:///elsewhere/x%20y.tf", ""},
		{"file:///work/sibling/z.tf", ""},
		{"dir/a%23b.tf", "%SRCROOT%"},
		{"d.tf", "%SRCROOT%"},
	}
	for i, tt := range tests {
		art := get(t, run, "results", i, "locations", 0, "physicalLocation", "artifactLocation").(map[string]any)
		if art["uri"] != tt.uri || (art["uriBaseId"] != nil) != (tt.base != "") {
			t.Errorf("result %d artifactLocation = %v, want uri %q base %q", i, art, tt.uri, tt.base)
		}
	}
	rules := get(t, run, "tool", "driver", "rules").([]any)
	if len(rules) != 2 || get(t, rules[0], "id") != "ghost" || get(t, rules[1], "id") != "my-rule" {
		t.Fatalf("rules = %v", rules)
	}
	if _, ok := rules[1].(map[string]any)["helpUri"]; ok {
		t.Error("custom rule has a helpUri into seclint's docs")
	}
	if get(t, run, "results", 3, "ruleIndex") != 0.0 {
		t.Error("ghost finding does not point at its rule")
	}
	if fp := get(t, run, "results", 3, "partialFingerprints", "seclint/v1"); fp == "" {
		t.Error("empty fallback fingerprint")
	}
}

func TestSARIFTruncates(t *testing.T) {
	r := testReport(t)
	var buf bytes.Buffer
	if err := writeSARIF(&buf, r, 2); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, buf.Bytes())
	run := get(t, sarifDoc(t, buf.Bytes()), "runs", 0)
	results := get(t, run, "results").([]any)
	if len(results) != 2 {
		t.Fatalf("%d results, want 2", len(results))
	}
	// The most severe are kept, in their original order: the HIGH ACL
	// finding (first), then the CRITICAL one.
	if get(t, results[0], "partialFingerprints", "seclint/v1") != "fp-acl" ||
		get(t, results[1], "partialFingerprints", "seclint/v1") != "fp-admin" {
		t.Errorf("kept %v", results)
	}
	note := get(t, run, "invocations", 0, "toolExecutionNotifications", 0)
	if get(t, note, "level") != "warning" || !strings.HasPrefix(get(t, note, "message", "text").(string), "3 of 5 results were left out") {
		t.Errorf("truncation notification = %v", note)
	}
}

func TestSemanticVersion(t *testing.T) {
	for in, want := range map[string]string{
		"1.2.3": "1.2.3", "v1.2.3": "1.2.3", "1.2.3-rc.1+build.5": "1.2.3-rc.1+build.5",
		"dev": "", "": "", "1.2": "", "01.2.3": "", "1.2.3 (abc)": "",
	} {
		if got := semanticVersion(in); got != want {
			t.Errorf("semanticVersion(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCamelCase(t *testing.T) {
	for in, want := range map[string]string{
		"S3 bucket has a public ACL":   "S3BucketHasAPublicACL",
		"aws-s3-public-acl":            "AwsS3PublicAcl",
		"Bucket's policy allows *":     "BucketsPolicyAllows",
		"CloudTrail: no KMS (at rest)": "CloudTrailNoKMSAtRest",
	} {
		if got := camelCase(in); got != want {
			t.Errorf("camelCase(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSARIFSchemaRejects makes sure the validation above can fail: the
// schemas reject a log with the wrong version or a result without a message.
func TestSARIFSchemaRejects(t *testing.T) {
	out := render(t, "sarif", testReport(t), Options{})
	for name, mutate := range map[string]func(doc map[string]any){
		"version": func(doc map[string]any) { doc["version"] = "2.0.0" },
		"message": func(doc map[string]any) {
			delete(get(t, doc, "runs", 0, "results", 0).(map[string]any), "message")
		},
	} {
		doc := sarifDoc(t, out)
		mutate(doc)
		bad, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, schema := range []string{"sarif-2.1.0.json", "sarif-2.1.0-codeql-action.json"} {
			t.Run(name+"/"+schema, func(t *testing.T) {
				inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(bad))
				if err != nil {
					t.Fatal(err)
				}
				if loadSchema(t, schema).Validate(inst) == nil {
					t.Error("invalid SARIF passed validation")
				}
			})
		}
	}
}
