package seclint

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/policies"
)

// The scaling benchmarks scan generated inputs of two sizes through the full
// scan and print the fitted exponent log(t2/t1)/log(n2/n1): 1 is linear, 2
// quadratic. scripts/bench runs them. Each size is scanned with every rule
// and with one rule that reads no relation between objects
// (aws-s3-versioning), so that the cost of the parser and evaluator can be
// told from the cost of the rules.

// scaleRuleSets are the rule selections every size is scanned with.
var scaleRuleSets = []struct {
	name   string
	enable []string
}{
	{"all", nil},
	{"one", []string{"aws-s3-versioning"}},
}

// terraformBuckets is a module of n buckets, each with a versioning
// resource and a public access block that reference it.
func terraformBuckets(n int) string {
	var sb strings.Builder
	for i := range n {
		fmt.Fprintf(&sb, `resource "aws_s3_bucket" "b%[1]d" {
  bucket = "bench-bucket-%[1]d"
}

resource "aws_s3_bucket_versioning" "b%[1]d" {
  bucket = aws_s3_bucket.b%[1]d.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "b%[1]d" {
  bucket                  = aws_s3_bucket.b%[1]d.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

`, i)
	}
	return sb.String()
}

// plainBuckets is a module of n buckets and nothing else.
func plainBuckets(n int) string {
	var sb strings.Builder
	for i := range n {
		fmt.Fprintf(&sb, "resource \"aws_s3_bucket\" \"b%[1]d\" {\n  bucket = \"bench-bucket-%[1]d\"\n}\n\n", i)
	}
	return sb.String()
}

// cloudFormationBuckets is a template of n buckets, each with a bucket
// policy that references it.
func cloudFormationBuckets(n int) string {
	var sb strings.Builder
	sb.WriteString("AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n")
	for i := range n {
		fmt.Fprintf(&sb, `  Bucket%[1]d:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: bench-bucket-%[1]d
      VersioningConfiguration:
        Status: Enabled
  Bucket%[1]dPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket%[1]d
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Sid: DenyInsecureTransport
            Effect: Deny
            Principal: "*"
            Action: "s3:*"
            Resource:
              - !Sub "arn:${AWS::Partition}:s3:::${Bucket%[1]d}"
              - !Sub "arn:${AWS::Partition}:s3:::${Bucket%[1]d}/*"
            Condition:
              Bool:
                aws:SecureTransport: "false"
`, i)
	}
	return sb.String()
}

// writeInput writes src as file name in a new directory and returns the
// directory.
func writeInput(tb testing.TB, name, src string) string {
	tb.Helper()
	dir := tb.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// scanOnce scans dir with s and fails the benchmark on an error or on a
// diagnostic of error severity: a benchmark of a scan that did not read
// its input measures nothing.
func scanOnce(b *testing.B, s *Scanner, dir string, wantResources int) {
	b.Helper()
	rep, err := s.Scan(context.Background(), Options{Paths: []string{dir}, Env: []string{}})
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range rep.Diagnostics {
		if d.Severity == model.DiagError {
			b.Fatalf("diagnostic: %s: %s", d.Summary, d.Detail)
		}
	}
	if rep.Resources < wantResources {
		b.Fatalf("scanned %d resources, want at least %d", rep.Resources, wantResources)
	}
}

// scaleCase is one generated input family of the scaling benchmark.
type scaleCase struct {
	name  string
	file  string
	sizes [2]int
	gen   func(n int) string
	// perUnit is how many resources the model has per unit of size.
	perUnit int
}

// benchmarkScaling scans each size of c with each rule set, and prints
// the wall and processor time per scan and the exponents fitted to each.
func benchmarkScaling(b *testing.B, c scaleCase) {
	dirs := map[int]string{}
	for _, n := range c.sizes {
		dirs[n] = writeInput(b, c.file, c.gen(n))
	}
	for _, rs := range scaleRuleSets {
		s, err := NewScanner(context.Background(), policies.Options{Enable: rs.enable})
		if err != nil {
			b.Fatal(err)
		}
		var wall, cpu [2]time.Duration
		for i, n := range c.sizes {
			b.Run(fmt.Sprintf("rules=%s/n=%d", rs.name, n), func(b *testing.B) {
				cpu0 := cpuTime()
				for b.Loop() {
					scanOnce(b, s, dirs[n], n*c.perUnit)
				}
				wall[i] = b.Elapsed() / time.Duration(b.N)
				cpu[i] = (cpuTime() - cpu0) / time.Duration(b.N)
				b.ReportMetric(cpu[i].Seconds(), "cpu-s/op")
			})
		}
		if wall[0] > 0 && wall[1] > 0 {
			b.Logf("scaling %s rules=%s: n=%d %v (cpu %v), n=%d %v (cpu %v), exponent %.2f (cpu %.2f)",
				c.name, rs.name,
				c.sizes[0], wall[0].Round(time.Millisecond), cpu[0].Round(time.Millisecond),
				c.sizes[1], wall[1].Round(time.Millisecond), cpu[1].Round(time.Millisecond),
				exponent(c.sizes, wall), exponent(c.sizes, cpu))
		}
	}
}

// exponent is the k of t = a·n^k through the two points.
func exponent(n [2]int, t [2]time.Duration) float64 {
	if t[0] <= 0 || t[1] <= 0 {
		return math.NaN()
	}
	return math.Log(float64(t[1])/float64(t[0])) / math.Log(float64(n[1])/float64(n[0]))
}

// BenchmarkScaleTerraform scans one module of 1,500 and of 6,000 buckets,
// each with a versioning resource and a public access block.
func BenchmarkScaleTerraform(b *testing.B) {
	benchmarkScaling(b, scaleCase{name: "terraform", file: "main.tf", sizes: [2]int{1500, 6000}, gen: terraformBuckets, perUnit: 1})
}

// BenchmarkScaleCloudFormation scans one template of 1,000 and of 4,000
// buckets, each with a bucket policy.
func BenchmarkScaleCloudFormation(b *testing.B) {
	benchmarkScaling(b, scaleCase{name: "cloudformation", file: "template.yaml", sizes: [2]int{1000, 4000}, gen: cloudFormationBuckets, perUnit: 1})
}

// BenchmarkScale20kBuckets scans one file of 20,000 plain buckets with
// every rule.
func BenchmarkScale20kBuckets(b *testing.B) {
	const n = 20000
	dir := writeInput(b, "main.tf", plainBuckets(n))
	s, err := NewScanner(context.Background(), policies.Options{})
	if err != nil {
		b.Fatal(err)
	}
	cpu0 := cpuTime()
	for b.Loop() {
		scanOnce(b, s, dir, n)
	}
	cpu := (cpuTime() - cpu0) / time.Duration(b.N)
	b.ReportMetric(cpu.Seconds(), "cpu-s/op")
	b.Logf("scaling terraform 20000 plain buckets rules=all: %v (cpu %v)", (b.Elapsed() / time.Duration(b.N)).Round(time.Millisecond), cpu.Round(time.Millisecond))
}
