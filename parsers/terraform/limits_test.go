package terraform

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/seclint/seclint/internal/memprobe"
	"github.com/seclint/seclint/parsers/model"
)

// TestLimits feeds configurations whose expansion is huge: each must be
// evaluated within a bounded amount of memory, with a warning at the line
// of the expression that hit a limit, and the resource checked as one
// instance of unknown multiplicity (so its configuration is still seen).
func TestLimits(t *testing.T) {
	manyBuckets := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "resource \"aws_s3_bucket\" \"b%d\" {\n  bucket = \"b-%d\"\n}\n", i, i)
		}
		return b.String()
	}
	tests := []struct {
		name string
		src  string
		// warning is the summary of the warning expected, "" for none; at
		// is a text on the line it must point at.
		warning, at string
		// buckets is the number of bucket instances in the model.
		buckets int
		// maxHeap bounds the peak heap while parsing, in MiB.
		maxHeap uint64
	}{
		{
			name: "count of 10^8",
			src: `resource "aws_s3_bucket" "b" {
  count  = 100000000
  bucket = "b-${count.index}"
}
`,
			warning: "too many instances", at: "count  =", buckets: 1, maxHeap: 16,
		},
		{
			name: "for_each over a range of a million",
			src: `resource "aws_s3_bucket" "b" {
  for_each = toset([for i in range(1000000) : tostring(i)])
  bucket   = each.key
}
`,
			warning: "range too long", at: "range(1000000)", buckets: 1, maxHeap: 16,
		},
		{
			name: "for_each over a million-element set",
			src: `locals {
  ten  = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]
  keys = toset(flatten([for a in local.ten : [for b in local.ten : [for c in local.ten : [for d in local.ten : [for e in local.ten : [for f in local.ten : "${a}${b}${c}${d}${e}${f}"]]]]]]))
}
resource "aws_s3_bucket" "b" {
  for_each = local.keys
  bucket   = each.key
}
`,
			warning: "value too large", at: "keys = toset(", buckets: 1, maxHeap: 512,
		},
		{
			name: "variable of type list(any) with a default of 20,000",
			src: `variable "names" {
  type    = list(any)
  default = [` + strings.Repeat(`"n", `, 20000) + `]
}
resource "aws_s3_bucket" "b" {
  bucket = var.names[0]
}
`,
			warning: "value too large", at: `variable "names"`, buckets: 1, maxHeap: 64,
		},
		{
			name:    "20,000 resources in one file",
			src:     manyBuckets(20000),
			buckets: 20000, maxHeap: 256,
		},
		{
			name: "expansions of a unit together",
			src: `resource "aws_s3_bucket" "a" {
  for_each = toset([for i in range(1000) : tostring(i)])
  bucket   = each.key
}
module "m" {
  source = "./m"
  count  = 1000
}
`,
			warning: "configuration too large", buckets: 1000, maxHeap: 768,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeModule(t, map[string]string{"main.tf": tt.src})
			if strings.Contains(tt.src, `"./m"`) {
				if err := os.Mkdir(filepath.Join(dir, "m"), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, "m", "main.tf"), []byte(manyBuckets(100)), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var u *model.Unit
			heap := memprobe.PeakHeap(2*time.Millisecond, func() { u = ParseModule(dir, nil, Options{}) })
			t.Logf("peak heap %d MiB", heap>>20)
			if heap > tt.maxHeap<<20 {
				t.Errorf("peak heap %d MiB, want at most %d", heap>>20, tt.maxHeap)
			}
			var warnings []model.Diagnostic
			for _, d := range u.Diagnostics {
				if d.Severity != model.DiagNote {
					warnings = append(warnings, d)
				}
			}
			switch {
			case tt.warning == "" && len(warnings) != 0:
				t.Errorf("unexpected diagnostics: %v", warnings)
			case tt.warning != "" && (len(warnings) != 1 || warnings[0].Summary != tt.warning || warnings[0].Severity != model.DiagWarning):
				t.Errorf("diagnostics = %v, want one warning %q", warnings, tt.warning)
			case tt.warning != "" && tt.at != "":
				if want := lineOf(t, tt.src, tt.at, 1); warnings[0].Range.Start.Line != want || !strings.HasSuffix(warnings[0].Range.File, "main.tf") {
					t.Errorf("warning at %s, want main.tf:%d", warnings[0].Range, want)
				}
			}
			if got := len(u.Model.AWS.S3.Buckets); tt.warning != "configuration too large" && got != tt.buckets || got < tt.buckets {
				t.Errorf("%d buckets, want %d", got, tt.buckets)
			}
		})
	}
}
