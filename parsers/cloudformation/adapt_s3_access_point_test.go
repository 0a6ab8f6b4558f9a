package cloudformation

import (
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

func TestAccessPoints(t *testing.T) {
	u := parseUnit("t.yaml", `
Parameters:
  Vpc:
    Type: String
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Internet:
    Type: AWS::S3::AccessPoint
    Properties:
      Bucket: !Ref Bucket
      PublicAccessBlockConfiguration:
        BlockPublicPolicy: false
      Policy:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: s3:GetObject
            Resource: "*"
  InVpc:
    Type: AWS::S3::AccessPoint
    Properties:
      Bucket: outside
      VpcConfiguration:
        VpcId: !Ref Vpc
`, Options{})
	aps := u.Model.AWS.S3.AccessPoints
	if len(aps) != 2 {
		t.Fatalf("got %d access points, want 2", len(aps))
	}
	internet, vpc := aps[0], aps[1]
	if internet.BucketRef != "Bucket" || vpc.BucketRef != "" {
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
	if b, ok := pab.BlockPublicPolicy.Get(); !ok || b {
		t.Errorf("BlockPublicPolicy = %v, want known false", pab.BlockPublicPolicy)
	}
	// CloudFormation documents no default for an omitted flag: absent.
	if !pab.BlockPublicACLs.IsZero() {
		t.Errorf("BlockPublicAcls = %v, want absent", pab.BlockPublicACLs)
	}
	if len(internet.Policies) != 1 || internet.Policies[0] != "Internet.Policy" {
		t.Errorf("policies = %v", internet.Policies)
	}
	r, ok := u.Locations.Lookup("Internet", "policies[0]")
	if !ok || r.Start.Line != 14 {
		t.Errorf("policies[0] at %v, want line 14", r)
	}
	r, ok = u.Locations.Lookup("Internet", "public_access_block.block_public_policy")
	if !ok || r.Start.Line != 13 {
		t.Errorf("block_public_policy at %v, want line 13", r)
	}
}
