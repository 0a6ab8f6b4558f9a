package terraform

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

const bucketSrc = `
resource "aws_s3_bucket" "b" {
  bucket = "acme-data"
}
`

// TestS3SplitResources checks that each split resource merges into the
// bucket it references, and that the model field points at the attribute
// of the split resource that set it.
func TestS3SplitResources(t *testing.T) {
	type check struct {
		path   string // location path under the bucket ID
		marker string // text on the expected line ("" = the resource block header)
		get    func(b *model.Bucket) any
		want   any
	}
	tests := []struct {
		name   string
		src    string
		checks []check
	}{
		{
			name: "versioning",
			src: `
resource "aws_s3_bucket_versioning" "v" {
  bucket = aws_s3_bucket.b.id
  versioning_configuration {
    status     = "Enabled"
    mfa_delete = "Disabled"
  }
}`,
			checks: []check{
				{"versioning", `resource "aws_s3_bucket_versioning"`, func(b *model.Bucket) any { return b.Versioning != nil }, true},
				{"versioning.status", `status     = "Enabled"`, func(b *model.Bucket) any { return b.Versioning.Status }, model.KnownOf("Enabled")},
				{"versioning.mfa_delete", "mfa_delete =", func(b *model.Bucket) any { return b.Versioning.MFADelete }, model.KnownOf("Disabled")},
			},
		},
		{
			name: "logging",
			src: `
resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
}
resource "aws_s3_bucket_logging" "l" {
  bucket        = aws_s3_bucket.b.id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = "log/"
}`,
			checks: []check{
				{"logging.target_bucket", "target_bucket =", func(b *model.Bucket) any { return b.Logging.TargetBucket }, model.UnknownOf[string]()},
				{"logging.target_prefix", "target_prefix =", func(b *model.Bucket) any { return b.Logging.TargetPrefix }, model.KnownOf("log/")},
				{"logging", `resource "aws_s3_bucket_logging"`, func(b *model.Bucket) any { return b.Logging.TargetBucketRef }, "aws_s3_bucket.logs"},
			},
		},
		{
			name: "ownership controls",
			src: `
resource "aws_s3_bucket_ownership_controls" "o" {
  bucket = aws_s3_bucket.b.id
  rule {
    object_ownership = "ObjectWriter"
  }
}`,
			checks: []check{
				{"object_ownership", "object_ownership =", func(b *model.Bucket) any { return b.ObjectOwnership }, model.KnownOf("ObjectWriter")},
			},
		},
		{
			name: "encryption",
			src: `
resource "aws_s3_bucket_server_side_encryption_configuration" "e" {
  bucket = aws_s3_bucket.b.bucket
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.k.arn
    }
    bucket_key_enabled = true
  }
}
resource "aws_kms_key" "k" {}`,
			checks: []check{
				{"encryption", `resource "aws_s3_bucket_server_side_encryption_configuration"`, func(b *model.Bucket) any { return b.Encryption != nil }, true},
				{"encryption.algorithm", "sse_algorithm     =", func(b *model.Bucket) any { return b.Encryption.Algorithm }, model.KnownOf("aws:kms")},
				{"encryption.kms_key_id", "kms_master_key_id =", func(b *model.Bucket) any { return b.Encryption.KMSKeyID }, model.UnknownOf[string]()},
				{"encryption.bucket_key_enabled", "bucket_key_enabled =", func(b *model.Bucket) any { return b.Encryption.BucketKeyEnabled }, model.KnownOf(true)},
			},
		},
		{
			name: "website",
			src: `
resource "aws_s3_bucket_website_configuration" "w" {
  bucket = aws_s3_bucket.b.id
  index_document {
    suffix = "index.html"
  }
}`,
			checks: []check{
				{"website", `resource "aws_s3_bucket_website_configuration"`, func(b *model.Bucket) any { return b.Website != nil }, true},
				{"website.index_document", "suffix =", func(b *model.Bucket) any { return b.Website.IndexDocument }, model.KnownOf("index.html")},
			},
		},
		{
			name: "object lock",
			src: `
resource "aws_s3_bucket_object_lock_configuration" "ol" {
  bucket = aws_s3_bucket.b.id
  rule {
    default_retention {
      mode = "COMPLIANCE"
      days = 5
    }
  }
}`,
			checks: []check{
				{"object_lock.enabled", `resource "aws_s3_bucket_object_lock_configuration"`, func(b *model.Bucket) any { return b.ObjectLock.Enabled }, model.KnownOf(true)},
				{"object_lock.mode", "mode =", func(b *model.Bucket) any { return b.ObjectLock.Mode }, model.KnownOf("COMPLIANCE")},
			},
		},
		{
			name: "linked by literal name",
			src: `
resource "aws_s3_bucket_versioning" "v" {
  bucket = "acme-data"
  versioning_configuration {
    status = "Suspended"
  }
}`,
			checks: []check{
				{"versioning.status", "status =", func(b *model.Bucket) any { return b.Versioning.Status }, model.KnownOf("Suspended")},
			},
		},
		{
			name: "linked through a local",
			src: `
locals {
  bucket_id = aws_s3_bucket.b.id
}
resource "aws_s3_bucket_ownership_controls" "o" {
  bucket = local.bucket_id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}`,
			checks: []check{
				{"object_ownership", "object_ownership =", func(b *model.Bucket) any { return b.ObjectOwnership }, model.KnownOf("BucketOwnerEnforced")},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := bucketSrc + tt.src
			u, _ := parseSrc(t, src)
			noErrors(t, u)
			b := bucketByID(t, u, "aws_s3_bucket.b")
			for _, c := range tt.checks {
				if got := c.get(b); got != c.want {
					t.Errorf("%s = %#v, want %#v", c.path, got, c.want)
				}
				wantLine(t, u, b.ID, c.path, lineOf(t, src, c.marker, 1))
			}
		})
	}
}

func TestS3LegacyBucket(t *testing.T) {
	src := `
resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy"
  acl    = "public-read-write"
  grant {
    type        = "Group"
    uri         = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
    permissions = ["READ", "WRITE"]
  }
  versioning {
    enabled    = true
    mfa_delete = false
  }
  logging {
    target_bucket = "acme-logs"
  }
  website {
    index_document = "index.html"
  }
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }
  object_lock_configuration {
    object_lock_enabled = "Enabled"
  }
}
resource "aws_s3_bucket" "logs" {
  bucket_prefix = "acme-logs-"
}
resource "aws_s3_bucket" "named_logs" {
  bucket = "acme-logs"
}
`
	u, _ := parseSrc(t, src)
	noErrors(t, u)
	b := bucketByID(t, u, "aws_s3_bucket.legacy")
	id := b.ID
	if b.Name != model.KnownOf("acme-legacy") || b.ACL != model.KnownOf("public-read-write") {
		t.Errorf("name, acl = %v, %v", b.Name, b.ACL)
	}
	wantLine(t, u, id, "acl", lineOf(t, src, "acl    =", 1))
	if len(b.Grants) != 2 || b.Grants[1].Permission != model.KnownOf("WRITE") || b.Grants[0].URI.V != "http://acs.amazonaws.com/groups/global/AuthenticatedUsers" {
		t.Errorf("grants = %+v", b.Grants)
	}
	wantLine(t, u, id, "grants[1].permission", lineOf(t, src, "permissions =", 1))
	wantLine(t, u, id, "grants[1]", lineOf(t, src, "grant {", 1))
	if b.Versioning.Status != model.KnownOf("Enabled") || b.Versioning.MFADelete != model.KnownOf("Disabled") {
		t.Errorf("versioning = %+v", b.Versioning)
	}
	wantLine(t, u, id, "versioning.status", lineOf(t, src, "enabled    = true", 1))
	if b.Logging.TargetBucketRef != "aws_s3_bucket.named_logs" {
		t.Errorf("logging target ref = %q", b.Logging.TargetBucketRef)
	}
	if b.Website.IndexDocument != model.KnownOf("index.html") {
		t.Errorf("website = %+v", b.Website)
	}
	if b.Encryption.Algorithm != model.KnownOf("AES256") {
		t.Errorf("encryption = %+v", b.Encryption)
	}
	wantLine(t, u, id, "encryption.algorithm", lineOf(t, src, "sse_algorithm =", 1))
	if b.ObjectLock.Enabled != model.KnownOf(true) {
		t.Errorf("object lock = %+v", b.ObjectLock)
	}
	logs := bucketByID(t, u, "aws_s3_bucket.logs")
	if logs.Name.State != model.Unknown {
		t.Errorf("bucket_prefix name = %v, want unknown", logs.Name)
	}
	wantLine(t, u, logs.ID, "name", lineOf(t, src, "bucket_prefix", 1))
}

func TestS3Unlinked(t *testing.T) {
	src := bucketSrc + `
variable "other" {}
resource "aws_s3_bucket_public_access_block" "p" {
  bucket = var.other
}
resource "aws_s3_bucket_policy" "p" {
  bucket = "someone-elses-bucket"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "*" }]
  })
}
resource "aws_s3_bucket_ownership_controls" "o" {
  bucket = "someone-elses-bucket"
  rule {
    object_ownership = "ObjectWriter"
  }
}
resource "aws_s3_bucket_versioning" "off" {
  count  = 0
  bucket = aws_s3_bucket.b.id
  versioning_configuration {
    status = "Suspended"
  }
}
`
	u, _ := parseSrc(t, src)
	noErrors(t, u)
	b := bucketByID(t, u, "aws_s3_bucket.b")
	if len(b.PublicAccessBlocks) != 0 || len(b.Policies) != 0 {
		t.Errorf("bucket got settings of resources that name another bucket: %+v", b)
	}
	// The block of a bucket outside the scan stays, unlinked, to be checked
	// on its own.
	if pabs := u.Model.AWS.S3.PublicAccessBlocks; len(pabs) != 1 || pabs[0].BucketRef != "" || pabs[0].BlockPublicACLs != model.KnownOf(false) {
		t.Errorf("public access blocks = %+v", pabs)
	}
	// So do the settings of a bucket outside the scan, located under their
	// own ID; the bucket gets none of them.
	if ss := u.Model.AWS.S3.BucketSettings; len(ss) != 1 || ss[0].BucketRef != "" || ss[0].ObjectOwnership != model.KnownOf("ObjectWriter") ||
		ss[0].Target.Name != model.KnownOf("someone-elses-bucket") || b.ObjectOwnership.State != model.Absent {
		t.Errorf("bucket settings = %+v", ss)
	}
	if _, ok := u.Locations.Lookup("aws_s3_bucket_ownership_controls.o", "object_ownership"); !ok {
		t.Error("no location for the orphan's object_ownership")
	}
	// count = 0: the resource does not exist.
	if b.Versioning != nil {
		t.Errorf("versioning from a resource with count = 0: %+v", b.Versioning)
	}
	p := policyByID(t, u, "aws_s3_bucket_policy.p.policy")
	if p.Owner != "" || p.Kind != model.PolicyResource || len(p.Statements) != 1 {
		t.Errorf("policy = %+v", p)
	}
}

func TestS3AccountPublicAccessBlock(t *testing.T) {
	src := `
resource "aws_s3_account_public_access_block" "acct" {
  block_public_acls   = true
  ignore_public_acls  = true
  block_public_policy = true
}
`
	u, _ := parseSrc(t, src)
	noErrors(t, u)
	blocks := u.Model.AWS.S3.AccountPublicAccessBlocks
	if len(blocks) != 1 {
		t.Fatalf("account blocks = %d", len(blocks))
	}
	pab := blocks[0]
	if pab.ID != "aws_s3_account_public_access_block.acct" || pab.BlockPublicPolicy != model.KnownOf(true) || pab.RestrictPublicBuckets != model.KnownOf(false) {
		t.Errorf("block = %+v", pab)
	}
	wantLine(t, u, pab.ID, "block_public_policy", lineOf(t, src, "block_public_policy", 1))
	wantLine(t, u, pab.ID, "restrict_public_buckets", lineOf(t, src, "resource", 1))
	wantLine(t, u, pab.ID, "", lineOf(t, src, "resource", 1))
}

// TestS3JSONConfig checks .tf.json, where nested blocks are objects.
func TestS3JSONConfig(t *testing.T) {
	src := `{
  "resource": {
    "aws_s3_bucket": {
      "b": {
        "bucket": "acme-json",
        "versioning": {"enabled": true}
      }
    },
    "aws_s3_bucket_public_access_block": {
      "p": {
        "bucket": "${aws_s3_bucket.b.id}",
        "block_public_acls": false
      }
    }
  }
}`
	dir := writeModule(t, map[string]string{"main.tf.json": src})
	u := ParseModule(dir, nil, Options{})
	noErrors(t, u)
	b := bucketByID(t, u, "aws_s3_bucket.b")
	if b.Name != model.KnownOf("acme-json") || b.Versioning == nil || b.Versioning.Status != model.KnownOf("Enabled") {
		t.Errorf("bucket = %+v", b)
	}
	pabs := u.Model.AWS.S3.PublicAccessBlocks
	if len(pabs) != 1 || pabs[0].BucketRef != b.ID || pabs[0].BlockPublicACLs != model.KnownOf(false) {
		t.Fatalf("public access blocks = %+v", pabs)
	}
	wantLine(t, u, pabs[0].ID, "block_public_acls", lineOf(t, src, `"block_public_acls"`, 1))
}

// TestS3ForEach checks that count and for_each are expanded into
// instances, and that split resources find their bucket instance through
// each.value and count indexes.
func TestS3ForEach(t *testing.T) {
	src := `
resource "aws_s3_bucket" "many" {
  for_each = toset(["a", "b"])
  bucket   = "acme-${each.key}"
}
resource "aws_s3_bucket_public_access_block" "many" {
  for_each          = aws_s3_bucket.many
  bucket            = each.value.id
  block_public_acls = each.key == "a"
}
resource "aws_s3_bucket" "counted" {
  count  = 2
  bucket = "acme-counted-${count.index}"
}
resource "aws_s3_bucket_versioning" "counted" {
  count  = 2
  bucket = aws_s3_bucket.counted[count.index].id
  versioning_configuration {
    status = count.index == 0 ? "Enabled" : "Suspended"
  }
}
`
	u, _ := parseSrc(t, src)
	noErrors(t, u)
	for _, tt := range []struct {
		id, name  string
		blockACLs bool
	}{
		{`aws_s3_bucket.many["a"]`, "acme-a", true},
		{`aws_s3_bucket.many["b"]`, "acme-b", false},
	} {
		b := bucketByID(t, u, tt.id)
		if b.Name != model.KnownOf(tt.name) {
			t.Errorf("%s name = %v, want %s", tt.id, b.Name, tt.name)
		}
		var blocks []*model.BucketPublicAccessBlock
		for _, p := range u.Model.AWS.S3.PublicAccessBlocks {
			if p.BucketRef == b.ID {
				blocks = append(blocks, p)
			}
		}
		if len(blocks) != 1 || blocks[0].BlockPublicACLs != model.KnownOf(tt.blockACLs) || len(b.PublicAccessBlocks) != 1 || b.PublicAccessBlocks[0] != blocks[0].ID {
			t.Errorf("%s public access blocks = %+v (bucket lists %v)", tt.id, blocks, b.PublicAccessBlocks)
		}
	}
	for i, status := range []string{"Enabled", "Suspended"} {
		b := bucketByID(t, u, fmt.Sprintf("aws_s3_bucket.counted[%d]", i))
		if b.Name != model.KnownOf(fmt.Sprintf("acme-counted-%d", i)) || b.Versioning == nil || b.Versioning.Status != model.KnownOf(status) {
			t.Errorf("counted bucket %d = %+v %+v", i, b, b.Versioning)
		}
	}
}

// TestS3SubResources checks that aws_s3_bucket_acl and
// aws_s3_bucket_public_access_block are objects of their own, located under
// their own IDs, and that the linking step attaches each to its bucket
// (every one, when several target one bucket).
func TestS3SubResources(t *testing.T) {
	src := bucketSrc + `
variable "missing" {}
resource "aws_s3_bucket_acl" "a" {
  bucket = aws_s3_bucket.b.id
  acl    = "public-read"
}
resource "aws_s3_bucket_acl" "g" {
  bucket = aws_s3_bucket.nowhere.id
  access_control_policy {
    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AllUsers"
      }
      permission = "READ"
    }
    owner {
      id = "abc"
    }
  }
}
resource "aws_s3_bucket_public_access_block" "p" {
  bucket              = "acme-data"
  block_public_acls   = true
  block_public_policy = false
}
resource "aws_s3_bucket_public_access_block" "q" {
  bucket                  = aws_s3_bucket.b.id
  block_public_acls       = var.missing
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}
`
	u, _ := parseSrc(t, src)
	noErrors(t, u)
	b := bucketByID(t, u, "aws_s3_bucket.b")
	if fmt.Sprint(b.ACLs) != "[aws_s3_bucket_acl.a]" {
		t.Errorf("bucket ACLs = %v", b.ACLs)
	}
	if fmt.Sprint(b.PublicAccessBlocks) != "[aws_s3_bucket_public_access_block.p aws_s3_bucket_public_access_block.q]" {
		t.Errorf("bucket public access blocks = %v", b.PublicAccessBlocks)
	}
	if b.ACL.State != model.Absent || b.PublicAccessBlock != nil {
		t.Errorf("separate resources merged into the bucket: acl %v, block %+v", b.ACL, b.PublicAccessBlock)
	}
	wantLine(t, u, b.ID, "acls[0]", lineOf(t, src, `resource "aws_s3_bucket_acl" "a"`, 1))
	wantLine(t, u, b.ID, "public_access_blocks[1]", lineOf(t, src, `resource "aws_s3_bucket_public_access_block" "q"`, 1))

	acls := u.Model.AWS.S3.BucketACLs
	if len(acls) != 2 {
		t.Fatalf("bucket ACLs = %+v", acls)
	}
	a, g := acls[0], acls[1]
	if a.ID != "aws_s3_bucket_acl.a" || a.BucketRef != b.ID || a.ACL != model.KnownOf("public-read") {
		t.Errorf("ACL a = %+v", a)
	}
	wantLine(t, u, a.ID, "acl", lineOf(t, src, `acl    = "public-read"`, 1))
	if g.BucketRef != "" || len(g.Grants) != 1 || g.Grants[0].URI != model.KnownOf("http://acs.amazonaws.com/groups/global/AllUsers") {
		t.Errorf("ACL g = %+v", g)
	}
	wantLine(t, u, g.ID, "grants[0]", lineOf(t, src, "grant {", 1))
	wantLine(t, u, g.ID, "grants[0].permission", lineOf(t, src, "permission =", 1))

	pabs := u.Model.AWS.S3.PublicAccessBlocks
	if len(pabs) != 2 {
		t.Fatalf("public access blocks = %+v", pabs)
	}
	p, q := pabs[0], pabs[1]
	for _, c := range []struct {
		path, marker string
		got, want    model.Bool
	}{
		{"block_public_acls", "block_public_acls   =", p.BlockPublicACLs, model.KnownOf(true)},
		{"block_public_policy", "block_public_policy =", p.BlockPublicPolicy, model.KnownOf(false)},
		// Omitted: false, located at the resource.
		{"ignore_public_acls", `resource "aws_s3_bucket_public_access_block" "p"`, p.IgnorePublicACLs, model.KnownOf(false)},
		{"restrict_public_buckets", `resource "aws_s3_bucket_public_access_block" "p"`, p.RestrictPublicBuckets, model.KnownOf(false)},
	} {
		if c.got != c.want {
			t.Errorf("%s = %#v, want %#v", c.path, c.got, c.want)
		}
		wantLine(t, u, p.ID, c.path, lineOf(t, src, c.marker, 1))
	}
	if p.BucketRef != b.ID || q.BucketRef != b.ID {
		t.Errorf("block links = %q, %q", p.BucketRef, q.BucketRef)
	}
	if q.BlockPublicACLs != model.UnknownOf[bool]() {
		t.Errorf("unknown flag = %#v", q.BlockPublicACLs)
	}
}

// linkedACL returns the aws_s3_bucket_acl the linking step attached to b
// (the first, when there are several), or nil.
func linkedACL(t *testing.T, u *model.Unit, b *model.Bucket) *model.BucketACL {
	t.Helper()
	if len(b.ACLs) == 0 {
		return nil
	}
	for _, a := range u.Model.AWS.S3.BucketACLs {
		if a.ID == b.ACLs[0] {
			return a
		}
	}
	t.Fatalf("bucket %s lists ACL %s, which is not in bucket_acls", b.ID, b.ACLs[0])
	return nil
}

// aclOf is the canned ACL of b: its own, else its linked ACL resource's,
// with the ID of the object that holds it (for its location).
func aclOf(t *testing.T, u *model.Unit, b *model.Bucket) (model.String, string) {
	t.Helper()
	if a := linkedACL(t, u, b); a != nil && b.ACL.State == model.Absent {
		return a.ACL, a.ID
	}
	return b.ACL, b.ID
}

// TestNameTemplates checks which bucket a public access block whose bucket
// argument is unknown is linked to through the name template: the same
// expression text (spacing, line breaks and comments aside) over variables
// and locals of the same module instance, and nothing else.
func TestNameTemplates(t *testing.T) {
	const vars = `
variable "p" {
  type = string
}
locals {
  n = "${var.p}-n"
}
`
	block := func(name, bucket string) string {
		return fmt.Sprintf("resource \"aws_s3_bucket_public_access_block\" %q {\n  bucket = %s\n}\n", name, bucket)
	}
	bucket := func(name, attr string) string {
		return fmt.Sprintf("resource \"aws_s3_bucket\" %q {\n  bucket = %s\n}\n", name, attr)
	}
	tests := []struct {
		name  string
		files map[string]string
		want  map[string]string // block ID → bucket ID
	}{
		{
			name: "same text, other spacing",
			files: map[string]string{"main.tf": vars + bucket("b", `"${var.p}-logs"`) +
				block("x", `"${ var.p }-logs"`)},
			want: map[string]string{"aws_s3_bucket_public_access_block.x": "aws_s3_bucket.b"},
		},
		{
			name: "function call over lines, with a comment",
			files: map[string]string{"main.tf": vars + bucket("b", `format("%s-logs", var.p)`) +
				block("x", "format(\n    \"%s-logs\", # the suffix\n    var.p\n  )")},
			want: map[string]string{"aws_s3_bucket_public_access_block.x": "aws_s3_bucket.b"},
		},
		{
			name:  "a local, interpolated alone",
			files: map[string]string{"main.tf": vars + bucket("b", `local.n`) + block("x", `"${local.n}"`)},
			want:  map[string]string{"aws_s3_bucket_public_access_block.x": "aws_s3_bucket.b"},
		},
		{
			name:  "other text",
			files: map[string]string{"main.tf": vars + bucket("b", `"${var.p}-logs"`) + block("x", `"${var.p}-log"`)},
			want:  map[string]string{"aws_s3_bucket_public_access_block.x": ""},
		},
		{
			name: "a resource attribute",
			files: map[string]string{"main.tf": vars + "resource \"random_id\" \"r\" {\n  byte_length = 4\n}\n" +
				bucket("b", `"${random_id.r.hex}-logs"`) + block("x", `"${random_id.r.hex}-logs"`)},
			want: map[string]string{"aws_s3_bucket_public_access_block.x": ""},
		},
		{
			name: "count.index",
			files: map[string]string{"main.tf": vars +
				"resource \"aws_s3_bucket\" \"b\" {\n  count  = 1\n  bucket = \"${var.p}-${count.index}\"\n}\n" +
				"resource \"aws_s3_bucket_public_access_block\" \"x\" {\n  count  = 1\n  bucket = \"${var.p}-${count.index}\"\n}\n"},
			want: map[string]string{"aws_s3_bucket_public_access_block.x[0]": ""},
		},
		{
			name:  "an impure function",
			files: map[string]string{"main.tf": vars + bucket("b", `"${var.p}-${uuid()}"`) + block("x", `"${var.p}-${uuid()}"`)},
			want:  map[string]string{"aws_s3_bucket_public_access_block.x": ""},
		},
		{
			// One module, two instances: the same text is one template per
			// instance, so each block finds its own instance's bucket.
			name: "module instances",
			files: map[string]string{
				"main.tf": vars + "module \"a\" {\n  source = \"./mod\"\n  p      = var.p\n}\n" +
					"module \"b\" {\n  source = \"./mod\"\n  p      = var.p\n}\n",
				"mod/main.tf": "variable \"p\" {\n  type = string\n}\n" + bucket("b", `"${var.p}-logs"`) + block("x", `"${var.p}-logs"`),
			},
			want: map[string]string{
				"module.a.aws_s3_bucket_public_access_block.x": "module.a.aws_s3_bucket.b",
				"module.b.aws_s3_bucket_public_access_block.x": "module.b.aws_s3_bucket.b",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, src := range tt.files {
				path := filepath.Join(dir, name)
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			u := ParseModule(dir, nil, Options{})
			got := map[string]string{}
			for _, p := range u.Model.AWS.S3.PublicAccessBlocks {
				got[p.ID] = p.BucketRef
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("links = %v, want %v", got, tt.want)
			}
		})
	}
}
