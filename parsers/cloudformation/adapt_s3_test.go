package cloudformation

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

var update = flag.Bool("update", false, "rewrite the golden model files in testdata/cloudformation")

const fixtures = "../../testdata/cloudformation"

// TestGoldenModels compares the model of each fixture template with its
// golden JSON (go test -update rewrites them).
func TestGoldenModels(t *testing.T) {
	for _, name := range []string{"s3_bucket.yaml", "s3_bucket.json", "policies.yaml", "sam.yaml"} {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(fixtures, name))
			if err != nil {
				t.Fatal(err)
			}
			u := parseUnit(name, string(src), Options{})
			if len(u.Diagnostics) != 0 {
				t.Errorf("unexpected diagnostics: %v", u.Diagnostics)
			}
			got, err := json.MarshalIndent(u.Model, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join(fixtures, name+".model.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("model differs from %s (go test -update rewrites it):\n%s", golden, got)
			}
		})
	}
}

func TestS3Locations(t *testing.T) {
	tests := []struct {
		file, id, path       string
		line, col, endColumn int
	}{
		{"s3_bucket.yaml", "DataBucket", "", 10, 3, 13},
		{"s3_bucket.yaml", "DataBucket", "name", 13, 19, 37},
		{"s3_bucket.yaml", "DataBucket", "acl", 14, 22, 22}, // the !If
		{"s3_bucket.yaml", "DataBucket", "object_ownership", 17, 30, 49},
		{"s3_bucket.yaml", "DataBucket", "public_access_block", 18, 7, 37},
		{"s3_bucket.yaml", "DataBucket", "public_access_block.block_public_acls", 19, 26, 30},
		{"s3_bucket.yaml", "DataBucket", "public_access_block.ignore_public_acls", 20, 27, 34},
		// Omitted flags are false and located at the configuration.
		{"s3_bucket.yaml", "DataBucket", "public_access_block.block_public_policy", 18, 7, 37},
		{"s3_bucket.yaml", "DataBucket", "public_access_block.restrict_public_buckets", 18, 7, 37},
		{"s3_bucket.yaml", "DataBucket", "versioning", 21, 7, 30},
		{"s3_bucket.yaml", "DataBucket", "versioning.status", 22, 17, 24},
		{"s3_bucket.yaml", "DataBucket", "logging.target_bucket", 24, 32, 46},
		{"s3_bucket.yaml", "DataBucket", "logging.target_prefix", 25, 24, 29},
		{"s3_bucket.yaml", "DataBucket", "encryption", 26, 7, 23},
		{"s3_bucket.yaml", "DataBucket", "encryption.algorithm", 29, 29, 36},
		{"s3_bucket.yaml", "DataBucket", "encryption.kms_key_id", 30, 31, 46},
		{"s3_bucket.yaml", "DataBucket", "encryption.bucket_key_enabled", 31, 31, 35},
		{"s3_bucket.yaml", "DataBucket", "object_lock.enabled", 32, 26, 30},
		{"s3_bucket.yaml", "DataBucket", "object_lock.mode", 37, 19, 29},
		{"s3_bucket.yaml", "LogBucket", "website", 43, 7, 27},
		{"s3_bucket.yaml", "SiteBucket", "public_access_block.block_public_acls", 50, 7, 37},
		{"s3_bucket.yaml", "DataBucketPolicy.PolicyDocument", "", 58, 7, 21},
		{"s3_bucket.yaml", "DataBucketPolicy.PolicyDocument", "statements[0].resources[0]", 66, 17, 52},
		{"s3_bucket.yaml", "SitePolicy.PolicyDocument", "statements[0].principals[0]", 75, 23, 172},

		{"s3_bucket.json", "DataBucket", "", 10, 5, 17},
		{"s3_bucket.json", "DataBucket", "name", 13, 23, 23},
		{"s3_bucket.json", "DataBucket", "acl", 14, 26, 26},
		{"s3_bucket.json", "DataBucket", "public_access_block", 15, 9, 41},
		{"s3_bucket.json", "DataBucket", "public_access_block.block_public_acls", 16, 30, 34},
		{"s3_bucket.json", "DataBucket", "public_access_block.ignore_public_acls", 17, 31, 38},
		{"s3_bucket.json", "DataBucket", "public_access_block.restrict_public_buckets", 15, 9, 41},
		{"s3_bucket.json", "DataBucket", "versioning.status", 19, 47, 58},
		{"s3_bucket.json", "DataBucketPolicy.PolicyDocument", "statements[0].effect", 28, 24, 31},
	}
	units := map[string]*model.Unit{}
	for _, tt := range tests {
		u := units[tt.file]
		if u == nil {
			src, err := os.ReadFile(filepath.Join(fixtures, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			u = parseUnit(tt.file, string(src), Options{})
			units[tt.file] = u
		}
		r, ok := u.Locations[tt.id][tt.path]
		want := model.Range{File: tt.file, Start: model.Pos{Line: tt.line, Column: tt.col}, End: model.Pos{Line: tt.line, Column: tt.endColumn}}
		if !ok || r != want {
			t.Errorf("%s %s %q: location %+v (found %v), want %+v", tt.file, tt.id, tt.path, r, ok, want)
		}
	}
}

const aclTemplate = `Parameters:
  Env:
    Type: String
    Default: dev
  Flag:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  FlagSet: !Equals [!Ref Flag, "yes"]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: !If [IsProd, AuthenticatedRead, Private]
  ProdBucket:
    Type: AWS::S3::Bucket
    Condition: IsProd
  FlaggedBucket:
    Type: AWS::S3::Bucket
    Condition: FlagSet
  Unresolved:
    Type: AWS::S3::Bucket
    Properties: !If [FlagSet, {VersioningConfiguration: {Status: Enabled}}, {}]
`

func TestAccessControlIfAndConditions(t *testing.T) {
	tests := []struct {
		name    string
		params  map[string]string
		acl     string
		buckets []string
	}{
		// FlaggedBucket's condition is unknown (Flag has no value): dropped.
		{"defaults", nil, "private", []string{"Bucket", "Unresolved"}},
		{"prod", map[string]string{"Env": "prod"}, "authenticated-read", []string{"Bucket", "ProdBucket", "Unresolved"}},
		{"flag", map[string]string{"Flag": "yes"}, "private", []string{"Bucket", "FlaggedBucket", "Unresolved"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := parseUnit("acl.yaml", aclTemplate, Options{Params: tt.params})
			var ids []string
			for _, b := range u.Model.AWS.S3.Buckets {
				ids = append(ids, b.ID)
			}
			if got, want := ids, tt.buckets; !equalStrings(got, want) {
				t.Errorf("buckets %v, want %v", got, want)
			}
			b := u.Model.AWS.S3.Buckets[0]
			if acl, ok := b.ACL.Get(); !ok || acl != tt.acl {
				t.Errorf("acl %+v, want %s", b.ACL, tt.acl)
			}
			want := model.Range{File: "acl.yaml", Start: model.Pos{Line: 14, Column: 22}, End: model.Pos{Line: 14, Column: 22}}
			if r := u.Locations["Bucket"]["acl"]; r != want {
				t.Errorf("acl located at %+v, want the !If at %+v", r, want)
			}
			un := u.Model.AWS.S3.Buckets[len(u.Model.AWS.S3.Buckets)-1]
			if tt.params["Flag"] == "" {
				// Properties from an !If on an unknown condition: all unknown.
				if un.Versioning == nil || un.Versioning.Status.State != model.Unknown || un.ACL.State != model.Unknown ||
					un.PublicAccessBlock == nil || un.PublicAccessBlock.BlockPublicACLs.State != model.Unknown || un.Website != nil {
					t.Errorf("Unresolved: want unknown fields, got %+v", un)
				}
			} else if s, _ := un.Versioning.Status.Get(); s != "Enabled" {
				t.Errorf("Unresolved: versioning %+v, want Enabled", un.Versioning)
			}
		})
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestRegionAndAccount(t *testing.T) {
	src := "Resources:\n  B:\n    Type: AWS::S3::Bucket\n"
	u := parseUnit("t.yaml", src, Options{})
	if b := u.Model.AWS.S3.Buckets[0]; b.Region.State != model.Unknown || len(u.Model.AWS.Account.IDs) != 0 {
		t.Errorf("without parameters: region %+v, account %+v", b.Region, u.Model.AWS.Account)
	}
	u = parseUnit("t.yaml", src, Options{Params: map[string]string{"AWS::Region": "eu-west-1", "AWS::AccountId": "111122223333"}})
	if r, _ := u.Model.AWS.S3.Buckets[0].Region.Get(); r != "eu-west-1" {
		t.Errorf("region %q", r)
	}
	if ids := u.Model.AWS.Account.IDs; len(ids) != 1 || ids[0].V != "111122223333" {
		t.Errorf("account %+v", ids)
	}
}
