package terraform

import (
	"path/filepath"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

func TestParseErrors(t *testing.T) {
	bad := `resource "aws_s3_bucket" "before" {
  bucket = "before"
}

resource "aws_s3_bucket" "broken" {
  bucket = "broken"
  acl = = "public-read"
}
`
	tests := []struct {
		name     string
		files    map[string]string
		wantLine int      // line of the invalid HCL error, 0 for none
		buckets  []string // buckets that must still be read
	}{
		{
			name: "bad file beside a good one",
			files: map[string]string{
				"bad.tf":  bad,
				"good.tf": `resource "aws_s3_bucket" "good" { bucket = "good" }`,
			},
			wantLine: 7,
			buckets:  []string{"aws_s3_bucket.before", "aws_s3_bucket.good"},
		},
		{
			name: "unclosed block",
			files: map[string]string{
				"bad.tf":  "resource \"aws_s3_bucket\" \"x\" {\n  bucket = \"x\"\n",
				"good.tf": `resource "aws_s3_bucket" "good" { bucket = "good" }`,
			},
			wantLine: 1,
			buckets:  []string{"aws_s3_bucket.good"},
		},
		{
			name: "bad JSON",
			files: map[string]string{
				"bad.tf.json": "{\n  \"resource\": {\n    \"aws_s3_bucket\": [\n}",
				"good.tf":     `resource "aws_s3_bucket" "good" { bucket = "good" }`,
			},
			wantLine: 4,
			buckets:  []string{"aws_s3_bucket.good"},
		},
		{
			name:    "empty file",
			files:   map[string]string{"empty.tf": "", "good.tf": `resource "aws_s3_bucket" "good" { bucket = "good" }`},
			buckets: []string{"aws_s3_bucket.good"},
		},
		{
			name: "binary file",
			files: map[string]string{
				"binary.tf": "\x7fELF\x02\x01\x01\x00\x00\x00\x00\xff\xfe\x00resource",
				"good.tf":   `resource "aws_s3_bucket" "good" { bucket = "good" }`,
			},
			wantLine: 1,
			buckets:  []string{"aws_s3_bucket.good"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeModule(t, tt.files)
			u := ParseModule(dir, nil, Options{})
			var errs []model.Diagnostic
			for _, d := range u.Diagnostics {
				if d.Severity == model.DiagError {
					errs = append(errs, d)
				}
			}
			switch {
			case tt.wantLine == 0 && len(errs) > 0:
				t.Errorf("unexpected diagnostics: %v", errs)
			case tt.wantLine != 0 && len(errs) == 0:
				t.Errorf("no error diagnostic")
			case tt.wantLine != 0:
				d := errs[0]
				if d.Summary != "invalid HCL" || d.Detail == "" || d.Range.Start.Line != tt.wantLine || filepath.Dir(d.Range.File) != dir {
					t.Errorf("diagnostic = %+v, want invalid HCL at line %d", d, tt.wantLine)
				}
			}
			got := map[string]bool{}
			for _, b := range u.Model.AWS.S3.Buckets {
				got[b.ID] = true
			}
			for _, id := range tt.buckets {
				if !got[id] {
					t.Errorf("bucket %s not read; have %v", id, got)
				}
			}
			if got["aws_s3_bucket.broken"] {
				t.Errorf("the block with the error was read")
			}
		})
	}
}

func TestParseModuleEdgeCases(t *testing.T) {
	// A directory that does not exist: a diagnostic, not a panic or nil.
	u := ParseModule(filepath.Join(t.TempDir(), "missing"), nil, Options{})
	if u == nil || u.Model == nil || len(u.Diagnostics) != 1 {
		t.Fatalf("unit = %+v", u)
	}
	if u.Model.AWS.S3.Buckets == nil || u.Model.AWS.IAM.Policies == nil {
		t.Errorf("collections not normalized")
	}
	// A listed file that cannot be read.
	dir := t.TempDir()
	u = ParseModule(dir, []string{filepath.Join(dir, "gone.tf")}, Options{})
	if len(u.Diagnostics) != 1 || u.Diagnostics[0].Summary != "cannot read file" {
		t.Errorf("diagnostics = %v", u.Diagnostics)
	}
	// Duplicates keep the first definition.
	u, _ = parseSrc(t, `
resource "aws_s3_bucket" "b" { bucket = "first" }
resource "aws_s3_bucket" "b" { bucket = "second" }
`)
	if len(u.Model.AWS.S3.Buckets) != 1 || u.Model.AWS.S3.Buckets[0].Name.V != "first" {
		t.Errorf("buckets = %+v", u.Model.AWS.S3.Buckets)
	}
	if len(u.Diagnostics) != 1 || u.Diagnostics[0].Severity != model.DiagWarning {
		t.Errorf("diagnostics = %v", u.Diagnostics)
	}
}

// TestParseModuleConcurrent parses modules concurrently, as the scanner
// does; run with -race to check that nothing is shared.
func TestParseModuleConcurrent(t *testing.T) {
	dir := writeModule(t, map[string]string{"main.tf": bucketSrc + `
resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [] })
}
locals { x = nosuchfn("10.0.0.0/8", 8, 1) }
`})
	done := make(chan *model.Unit)
	for i := 0; i < 4; i++ {
		go func() { done <- ParseModule(dir, nil, Options{}) }()
	}
	for i := 0; i < 4; i++ {
		if u := <-done; len(u.Model.AWS.IAM.Policies) != 1 || len(u.Diagnostics) != 1 {
			t.Errorf("unit %d: %d policies, diagnostics %v", i, len(u.Model.AWS.IAM.Policies), u.Diagnostics)
		}
	}
}

// TestJSONModule checks .tf.json variables (type given as a string),
// locals, and an unimplemented function inside a JSON string template.
func TestJSONModule(t *testing.T) {
	src := `{
  "variable": {"names": {"type": "list(string)", "default": ["a", "b"]}, "n": {"type": "number"}},
  "locals": {"joined": "${join(\"-\", var.names)}", "u": "${nosuchfn(1)}"},
  "resource": {"aws_s3_bucket": {"b": {"bucket": "${local.joined}-${var.n}", "tags": {"u": "${local.u}"}}}}
}`
	dir := writeModule(t, map[string]string{"main.tf.json": src})
	u := ParseModule(dir, nil, Options{Vars: map[string]string{"n": "3"}})
	if b := bucketByID(t, u, "aws_s3_bucket.b"); b.Name != model.KnownOf("a-b-3") {
		t.Errorf("name = %v", b.Name)
	}
	if len(u.Diagnostics) != 1 || u.Diagnostics[0].Severity != model.DiagNote || u.Diagnostics[0].Range.Start.Line != 3 {
		t.Errorf("diagnostics = %v, want one note on line 3", u.Diagnostics)
	}
}
