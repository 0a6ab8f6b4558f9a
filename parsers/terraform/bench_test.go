package terraform

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/seclint/seclint/internal/workpool"
)

// BenchmarkParseModule measures one small module with a policy of each form.
func BenchmarkParseModule(b *testing.B) {
	dir := b.TempDir()
	src := bucketSrc + `
resource "aws_s3_bucket_public_access_block" "p" {
  bucket            = aws_s3_bucket.b.id
  block_public_acls = true
}
resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.b.id
  policy = data.aws_iam_policy_document.p.json
}
data "aws_iam_policy_document" "p" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.b.arn}/*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}
resource "aws_iam_role" "r" {
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o644); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		ParseModule(dir, nil, Options{})
	}
}

// BenchmarkCorpus scans the Terraform part of the corpus as the scan does
// (root modules with the modules they call, GOMAXPROCS workers, one cache)
// and reports its time beside the parse-only floor of BenchmarkCorpusFloor.
func BenchmarkCorpus(b *testing.B) {
	if _, err := os.Stat(corpusDir); err != nil {
		b.Skipf("corpus not available: %v", err)
	}
	modules := corpusModules(b)
	b.ReportAllocs()
	for b.Loop() {
		cache := NewCache()
		parseRoots(NewGraph(modules, cache).Roots(), modules, cache)
	}
}

// BenchmarkCorpusFloor reads and parses the same files, nothing else.
func BenchmarkCorpusFloor(b *testing.B) {
	if _, err := os.Stat(corpusDir); err != nil {
		b.Skipf("corpus not available: %v", err)
	}
	var files []string
	for _, fs := range corpusModules(b) {
		files = append(files, fs...)
	}
	b.ReportAllocs()
	for b.Loop() {
		workpool.Run(runtime.GOMAXPROCS(0), len(files), func(i int) { _, _, _, _ = parseFile(files[i]) })
	}
}
