package terraform

import (
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

func TestAccessPoints(t *testing.T) {
	u, _ := parseSrc(t, `
variable "vpc" {}

resource "aws_s3_bucket" "data" {
  bucket = "data"
}

resource "aws_s3_access_point" "internet" {
  bucket = aws_s3_bucket.data.id
  name   = "internet"
  public_access_block_configuration {
    block_public_policy = false
  }
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "*" }]
  })
}

resource "aws_s3_access_point" "vpc" {
  bucket = "outside"
  name   = "vpc"
  vpc_configuration {
    vpc_id = var.vpc
  }
}

resource "aws_s3control_access_point_policy" "vpc" {
  access_point_arn = aws_s3_access_point.vpc.arn
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "*" }]
  })
}
`)
	aps := u.Model.AWS.S3.AccessPoints
	if len(aps) != 2 {
		t.Fatalf("got %d access points, want 2", len(aps))
	}
	internet, vpc := aps[0], aps[1]
	if internet.BucketRef != "aws_s3_bucket.data" || vpc.BucketRef != "" {
		t.Errorf("bucket refs %q, %q", internet.BucketRef, vpc.BucketRef)
	}
	if o, _ := internet.NetworkOrigin.Get(); o != model.NetworkOriginInternet {
		t.Errorf("internet origin = %v", internet.NetworkOrigin)
	}
	if o, _ := vpc.NetworkOrigin.Get(); o != model.NetworkOriginVPC {
		t.Errorf("vpc origin = %v", vpc.NetworkOrigin)
	}
	pab := internet.PublicAccessBlock
	if pab == nil {
		t.Fatal("no public access block")
	}
	// Omitted flags default to true in the provider.
	for name, v := range map[string]model.Bool{
		"block_public_acls":       pab.BlockPublicACLs,
		"ignore_public_acls":      pab.IgnorePublicACLs,
		"restrict_public_buckets": pab.RestrictPublicBuckets,
	} {
		if b, ok := v.Get(); !ok || !b {
			t.Errorf("%s = %v, want known true", name, v)
		}
	}
	if b, ok := pab.BlockPublicPolicy.Get(); !ok || b {
		t.Errorf("block_public_policy = %v, want known false", pab.BlockPublicPolicy)
	}
	if vpc.PublicAccessBlock != nil {
		t.Error("an access point without a configuration has a public access block")
	}
	if len(internet.Policies) != 1 || internet.Policies[0] != "aws_s3_access_point.internet.policy" {
		t.Errorf("internet policies = %v", internet.Policies)
	}
	if len(vpc.Policies) != 1 || vpc.Policies[0] != "aws_s3control_access_point_policy.vpc.policy" {
		t.Errorf("vpc policies = %v", vpc.Policies)
	}
	for _, p := range u.Model.AWS.IAM.Policies {
		if p.ID == "aws_s3control_access_point_policy.vpc.policy" && p.Owner != "aws_s3_access_point.vpc" {
			t.Errorf("policy owner = %q", p.Owner)
		}
	}
	for _, path := range []string{"", "public_access_block.block_public_policy", "policies[0]", "network_origin"} {
		if _, ok := u.Locations.Lookup("aws_s3_access_point.internet", path); !ok {
			t.Errorf("no location for %q", path)
		}
	}
	r, _ := u.Locations.Lookup("aws_s3_access_point.internet", "public_access_block.block_public_policy")
	if r.Start.Line != 12 {
		t.Errorf("block_public_policy at line %d, want 12", r.Start.Line)
	}
	r, _ = u.Locations.Lookup("aws_s3_access_point.vpc", "policies[0]")
	if r.Start.Line != 30 {
		t.Errorf("aws_s3control_access_point_policy document at line %d, want 30", r.Start.Line)
	}
}
