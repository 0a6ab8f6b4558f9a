package reporters

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seclint/seclint/report"
)

// instancesReport holds one finding reported once for the two instances of
// a module called from two root modules, each carrying its call chain.
func instancesReport(t *testing.T) *report.Report {
	t.Helper()
	root := t.TempDir()
	files := map[string]string{
		"modules/bucket/main.tf": "resource \"aws_s3_bucket\" \"this\" {\n  bucket = var.name\n}\n",
		"envs/dev/main.tf":       "module \"bucket\" {\n  source = \"../../modules/bucket\"\n}\n",
		"envs/prod/main.tf":      "module \"bucket\" {\n  source = \"../../modules/bucket\"\n}\n",
	}
	for name, text := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return &report.Report{
		Tool: "1.4.0",
		Root: root,
		Rules: []report.Rule{{
			ID: "aws-s3-versioning", Title: "S3 bucket versioning is off", Severity: report.Medium, Kind: "security",
			Collections: []string{"aws.s3.buckets"},
		}},
		Findings: []report.Finding{{
			RuleID: "aws-s3-versioning", Severity: report.Medium,
			Message:  "Bucket module.bucket.aws_s3_bucket.this has no versioning. Reported once for the 2 instances that share this line: envs/dev: module.bucket.aws_s3_bucket.this, envs/prod: module.bucket.aws_s3_bucket.this.",
			Resource: "module.bucket.aws_s3_bucket.this", ResourceType: "aws_s3_bucket",
			Range: rng("modules/bucket/main.tf", 1, 1, 1, 33), Fingerprint: "fp-dev",
			Related: []report.Related{
				{Message: "module.bucket", Range: rng("envs/dev/main.tf", 1, 1, 3, 2)},
				{Message: "module.bucket", Range: rng("envs/prod/main.tf", 1, 1, 3, 2)},
			},
			Instances: []report.Instance{
				{Unit: "envs/dev", Resource: "module.bucket.aws_s3_bucket.this", Fingerprint: "fp-dev"},
				{Unit: "envs/prod", Resource: "module.bucket.aws_s3_bucket.prod", Fingerprint: "fp-prod"},
			},
		}},
		Checks: []report.Check{
			{RuleID: "aws-s3-versioning", Resource: "module.bucket.aws_s3_bucket.this", ResourceType: "aws_s3_bucket", Range: rng("modules/bucket/main.tf", 1, 1, 3, 2)},
			{RuleID: "aws-s3-versioning", Resource: "module.bucket.aws_s3_bucket.prod", ResourceType: "aws_s3_bucket", Range: rng("modules/bucket/main.tf", 1, 1, 3, 2)},
		},
		Files: 3, Resources: 2,
	}
}

// TestInstancesInEveryFormat checks that a finding reported once for
// several instances carries each instance's call chain in every format:
// SARIF relatedLocations (valid against the schemas), JSON related and
// instances, text lines under the finding, and a failed JUnit check for
// each instance.
func TestInstancesInEveryFormat(t *testing.T) {
	r := instancesReport(t)

	t.Run("sarif", func(t *testing.T) {
		out := render(t, "sarif", r, Options{})
		validateSARIF(t, out)
		doc := sarifDoc(t, out)
		rels, ok := get(t, doc, "runs", 0, "results", 0, "relatedLocations").([]any)
		if !ok || len(rels) != 2 {
			t.Fatalf("relatedLocations = %v, want 2", rels)
		}
		for i, want := range []string{"envs/dev/main.tf", "envs/prod/main.tf"} {
			if uri := get(t, rels[i], "physicalLocation", "artifactLocation", "uri"); uri != want {
				t.Errorf("related %d uri = %v, want %s", i, uri, want)
			}
			if id := get(t, rels[i], "id"); id != float64(i+1) {
				t.Errorf("related %d id = %v, want %d", i, id, i+1)
			}
		}
	})

	t.Run("json", func(t *testing.T) {
		out := render(t, "json", r, Options{})
		var got jsonReport
		dec := json.NewDecoder(bytes.NewReader(out))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&got); err != nil {
			t.Fatal(err)
		}
		f := got.Findings[0]
		if len(f.Related) != 2 || f.Related[1].Location.File != "envs/prod/main.tf" {
			t.Errorf("related = %+v", f.Related)
		}
		want := []jsonInstance{
			{Unit: "envs/dev", Resource: "module.bucket.aws_s3_bucket.this", Fingerprint: "fp-dev"},
			{Unit: "envs/prod", Resource: "module.bucket.aws_s3_bucket.prod", Fingerprint: "fp-prod"},
		}
		if len(f.Instances) != len(want) || f.Instances[0] != want[0] || f.Instances[1] != want[1] {
			t.Errorf("instances = %+v, want %+v", f.Instances, want)
		}
	})

	t.Run("json without instances", func(t *testing.T) {
		out := render(t, "json", testReport(t), Options{})
		if !bytes.Contains(out, []byte(`"instances": []`)) {
			t.Error("a finding of one object must have an empty instances array, not null or none")
		}
	})

	t.Run("text", func(t *testing.T) {
		out := string(render(t, "text", r, Options{}))
		for _, want := range []string{"module.bucket: envs/dev/main.tf:1:1", "module.bucket: envs/prod/main.tf:1:1", "Reported once for the 2 instances"} {
			if !strings.Contains(out, want) {
				t.Errorf("text output lacks %q:\n%s", want, out)
			}
		}
	})

	t.Run("junit", func(t *testing.T) {
		out := render(t, "junit", r, Options{})
		xmllint(t, out)
		doc := decodeJUnit(t, out)
		failed := map[string]bool{}
		for _, s := range doc.Suites {
			for _, c := range s.Cases {
				if len(c.Failures) > 0 {
					failed[c.Name] = true
				}
			}
		}
		for _, in := range r.Findings[0].Instances {
			if !failed[in.Resource] {
				t.Errorf("check of instance %s did not fail: %v", in.Resource, failed)
			}
		}
	})
}
