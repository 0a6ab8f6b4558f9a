package terraform

import (
	"fmt"
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
			name: "acl",
			src: `
resource "aws_s3_bucket_acl" "a" {
  bucket = aws_s3_bucket.b.id
  acl    = "public-read"
}`,
			checks: []check{
				{"acl", `acl    = "public-read"`, func(b *model.Bucket) any { return b.ACL }, model.KnownOf("public-read")},
				{"acl_resource", `resource "aws_s3_bucket_acl"`, func(b *model.Bucket) any { return b.ACLResource }, model.KnownOf("aws_s3_bucket_acl.a")},
			},
		},
		{
			name: "acl grants",
			src: `
resource "aws_s3_bucket_acl" "a" {
  bucket = aws_s3_bucket.b.id
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
}`,
			checks: []check{
				{"grants[0]", "grant {", func(b *model.Bucket) any { return len(b.Grants) }, 1},
				{"grants[0].uri", "uri  =", func(b *model.Bucket) any { return b.Grants[0].URI }, model.KnownOf("http://acs.amazonaws.com/groups/global/AllUsers")},
				{"grants[0].grantee_type", `type = "Group"`, func(b *model.Bucket) any { return b.Grants[0].GranteeType }, model.KnownOf("Group")},
				{"grants[0].permission", "permission =", func(b *model.Bucket) any { return b.Grants[0].Permission }, model.KnownOf("READ")},
			},
		},
		{
			name: "public access block",
			src: `
resource "aws_s3_bucket_public_access_block" "p" {
  bucket              = aws_s3_bucket.b.id
  block_public_acls   = true
  block_public_policy = false
}`,
			checks: []check{
				{"public_access_block", `resource "aws_s3_bucket_public_access_block"`, func(b *model.Bucket) any { return b.PublicAccessBlock.ID }, "aws_s3_bucket_public_access_block.p"},
				{"public_access_block.block_public_acls", "block_public_acls   =", func(b *model.Bucket) any { return b.PublicAccessBlock.BlockPublicACLs }, model.KnownOf(true)},
				{"public_access_block.block_public_policy", "block_public_policy =", func(b *model.Bucket) any { return b.PublicAccessBlock.BlockPublicPolicy }, model.KnownOf(false)},
				// Omitted flags are false (AWS-FACTS #2), located at the block.
				{"public_access_block.ignore_public_acls", `resource "aws_s3_bucket_public_access_block"`, func(b *model.Bucket) any { return b.PublicAccessBlock.IgnorePublicACLs }, model.KnownOf(false)},
				{"public_access_block.restrict_public_buckets", `resource "aws_s3_bucket_public_access_block"`, func(b *model.Bucket) any { return b.PublicAccessBlock.RestrictPublicBuckets }, model.KnownOf(false)},
			},
		},
		{
			name: "public access block unknown flag",
			src: `
variable "flag" { type = bool }
resource "aws_s3_bucket_public_access_block" "p" {
  bucket                  = aws_s3_bucket.b.id
  block_public_acls       = var.flag
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}`,
			checks: []check{
				{"public_access_block.block_public_acls", "block_public_acls       =", func(b *model.Bucket) any { return b.PublicAccessBlock.BlockPublicACLs }, model.UnknownOf[bool]()},
			},
		},
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
	if b.PublicAccessBlock != nil || len(b.Policies) != 0 {
		t.Errorf("bucket got settings of resources that name another bucket: %+v", b)
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
	if b.PublicAccessBlock == nil || b.PublicAccessBlock.BlockPublicACLs != model.KnownOf(false) {
		t.Fatalf("public access block = %+v", b.PublicAccessBlock)
	}
	wantLine(t, u, b.ID, "public_access_block.block_public_acls", lineOf(t, src, `"block_public_acls"`, 1))
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
		if b.PublicAccessBlock == nil || b.PublicAccessBlock.BlockPublicACLs != model.KnownOf(tt.blockACLs) {
			t.Errorf("%s public access block = %+v", tt.id, b.PublicAccessBlock)
		}
	}
	for i, status := range []string{"Enabled", "Suspended"} {
		b := bucketByID(t, u, fmt.Sprintf("aws_s3_bucket.counted[%d]", i))
		if b.Name != model.KnownOf(fmt.Sprintf("acme-counted-%d", i)) || b.Versioning == nil || b.Versioning.Status != model.KnownOf(status) {
			t.Errorf("counted bucket %d = %+v %+v", i, b, b.Versioning)
		}
	}
}
