package link

import (
	"fmt"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

func known(s string) model.String { return model.KnownOf(s) }

func unknown() model.String { return model.UnknownOf[string]() }

// unitWith returns a unit with two buckets, "b1" named "one" and "b2"
// whose name is not known but computed by the template "T2", and a
// location for every object added later.
func unitWith(fill func(m *model.Model)) *model.Unit {
	u := model.NewUnit(model.UnitTerraform, "t")
	u.Model.AWS.S3.Buckets = []*model.Bucket{
		{Meta: model.Meta{ID: "b1"}, Name: known("one")},
		{Meta: model.Meta{ID: "b2"}, Name: unknown(), NameTemplate: "T2"},
	}
	fill(u.Model)
	for _, c := range u.Model.Collections() {
		for i, o := range c.Objects {
			u.Locations.Set(o.ID, "", model.Range{File: "f", Start: model.Pos{Line: i + 1, Column: 1}})
		}
	}
	return u
}

func TestBucketTargets(t *testing.T) {
	tests := []struct {
		name   string
		target model.Target
		want   string
	}{
		{"reference", model.Target{Refs: []string{"b2"}, Name: unknown()}, "b2"},
		{"first reference that is a bucket", model.Target{Refs: []string{"var.x", "b1"}}, "b1"},
		{"reference wins over name", model.Target{Refs: []string{"b2"}, Name: known("one")}, "b2"},
		{"known name", model.Target{Name: known("one")}, "b1"},
		{"name of no bucket", model.Target{Name: known("shared-assets")}, ""},
		{"unknown name", model.Target{Name: unknown()}, ""},
		{"reference to a resource that is not there", model.Target{Refs: []string{"aws_s3_bucket.gone"}}, ""},
		{"name template", model.Target{Name: unknown(), Template: "T2"}, "b2"},
		{"name template, reference to no bucket", model.Target{Refs: []string{"var.prefix"}, Name: unknown(), Template: "T2"}, "b2"},
		{"reference wins over name template", model.Target{Refs: []string{"b1"}, Name: unknown(), Template: "T2"}, "b1"},
		{"template of no bucket", model.Target{Name: unknown(), Template: "T3"}, ""},
		{"template of a known name is not read", model.Target{Name: known("shared-assets"), Template: "T2"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := unitWith(func(m *model.Model) {
				m.AWS.S3.PublicAccessBlocks = []*model.BucketPublicAccessBlock{{Meta: model.Meta{ID: "pab"}, Target: tt.target}}
				m.AWS.S3.BucketACLs = []*model.BucketACL{{Meta: model.Meta{ID: "acl"}, Target: tt.target}}
				m.AWS.S3.AccessPoints = []*model.AccessPoint{{Meta: model.Meta{ID: "ap"}, Target: tt.target}}
				m.AWS.IAM.Policies = []*model.Policy{{Meta: model.Meta{ID: "pol"}, Kind: model.PolicyResource, Target: withKind(tt.target, KindBucket)}}
			})
			Unit(u)
			s3 := u.Model.AWS.S3
			got := []string{s3.PublicAccessBlocks[0].BucketRef, s3.BucketACLs[0].BucketRef, s3.AccessPoints[0].BucketRef, u.Model.AWS.IAM.Policies[0].Owner}
			for i, g := range got {
				if g != tt.want {
					t.Errorf("link %d = %q, want %q", i, g, tt.want)
				}
			}
			for _, b := range s3.Buckets {
				n := 0
				if b.ID == tt.want {
					n = 1
				}
				if len(b.PublicAccessBlocks) != n || len(b.ACLs) != n || len(b.Policies) != n {
					t.Errorf("bucket %s lists %v %v %v", b.ID, b.PublicAccessBlocks, b.ACLs, b.Policies)
				}
			}
		})
	}
}

func withKind(t model.Target, kind string) model.Target {
	t.Kind = kind
	return t
}

// Every block of a bucket is linked, in order, and each link path is
// located at the block, so findings on it point into the source.
func TestEveryBlockOfABucket(t *testing.T) {
	u := unitWith(func(m *model.Model) {
		m.AWS.S3.PublicAccessBlocks = []*model.BucketPublicAccessBlock{
			{Meta: model.Meta{ID: "p1"}, Target: model.Target{Refs: []string{"b1"}}},
			{Meta: model.Meta{ID: "p2"}, Target: model.Target{Name: known("one")}},
		}
	})
	Unit(u)
	b := u.Model.AWS.S3.Buckets[0]
	if fmt.Sprint(b.PublicAccessBlocks) != "[p1 p2]" {
		t.Fatalf("blocks = %v", b.PublicAccessBlocks)
	}
	at, ok := u.Locations.Lookup("b1", "public_access_blocks[1]")
	if want, _ := u.Locations.Lookup("p2", ""); !ok || at != want {
		t.Errorf("public_access_blocks[1] at %v, want %v", at, want)
	}
}

func TestLogging(t *testing.T) {
	u := unitWith(func(m *model.Model) {
		m.AWS.S3.Buckets = append(m.AWS.S3.Buckets,
			&model.Bucket{Meta: model.Meta{ID: "data"}, Logging: &model.Logging{Target: model.Target{Refs: []string{"b2"}}}},
			&model.Bucket{Meta: model.Meta{ID: "web"}, Logging: &model.Logging{Target: model.Target{Name: known("one")}}},
			&model.Bucket{Meta: model.Meta{ID: "self"}, Logging: &model.Logging{TargetBucketRef: "self"}},
			&model.Bucket{Meta: model.Meta{ID: "away"}, Logging: &model.Logging{Target: model.Target{Name: unknown()}}},
			&model.Bucket{Meta: model.Meta{ID: "tmpl"}, Logging: &model.Logging{Target: model.Target{Name: unknown(), Template: "T2"}}},
		)
	})
	Unit(u)
	got := map[string]string{}
	for _, b := range u.Model.AWS.S3.Buckets {
		got[b.ID] = fmt.Sprint(b.LoggedBy)
		if b.Logging != nil {
			got[b.ID] += " -> " + b.Logging.TargetBucketRef
		}
	}
	want := map[string]string{"b1": "[web]", "b2": "[data tmpl]", "data": "[] -> b2", "web": "[] -> b1", "self": "[self] -> self", "away": "[] -> ", "tmpl": "[] -> b2"}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: %q, want %q", id, got[id], w)
		}
	}
}

func TestKeysAndSecrets(t *testing.T) {
	u := unitWith(func(m *model.Model) {
		m.AWS.KMS.Keys = []*model.KMSKey{{Meta: model.Meta{ID: "k"}}}
		m.AWS.KMS.ReplicaKeys = []*model.KMSReplicaKey{
			{Meta: model.Meta{ID: "r1"}, Primary: model.Target{Refs: []string{"k"}, Name: unknown()}},
			{Meta: model.Meta{ID: "r2"}, Primary: model.Target{Name: known("arn:aws:kms:us-east-1:111122223333:key/mrk-1")}},
		}
		m.AWS.SecretsManager.Secrets = []*model.Secret{{Meta: model.Meta{ID: "s"}, Name: known("db/password")}, {Meta: model.Meta{ID: "quiet"}, Name: known("other")}}
		m.AWS.SecretsManager.Rotations = []*model.SecretRotation{
			{Meta: model.Meta{ID: "rot"}, Target: model.Target{Name: known("arn:aws:secretsmanager:us-east-1:111122223333:secret:db/password-AbCdEf")}},
			{Meta: model.Meta{ID: "rot-away"}, Target: model.Target{Name: known("db/password-elsewhere")}},
		}
		m.AWS.SecretsManager.SecretValues = []*model.SecretValue{{Meta: model.Meta{ID: "v"}, Target: model.Target{Refs: []string{"s"}}}}
		m.AWS.IAM.Policies = []*model.Policy{
			{Meta: model.Meta{ID: "kp"}, Owner: "k", Kind: model.PolicyResource},
			{Meta: model.Meta{ID: "sp"}, Owner: "s", Kind: model.PolicyResource},
			{Meta: model.Meta{ID: "role"}, Owner: "s", Kind: model.PolicyIdentity},
		}
	})
	// Linking twice changes nothing.
	Unit(u)
	Unit(u)
	k, s, quiet := u.Model.AWS.KMS.Keys[0], u.Model.AWS.SecretsManager.Secrets[0], u.Model.AWS.SecretsManager.Secrets[1]
	rks := u.Model.AWS.KMS.ReplicaKeys
	if fmt.Sprint(k.Replicas) != "[r1]" || rks[0].PrimaryKeyRef != "k" || rks[1].PrimaryKeyRef != "" {
		t.Errorf("replicas %v, primaries %q %q", k.Replicas, rks[0].PrimaryKeyRef, rks[1].PrimaryKeyRef)
	}
	if fmt.Sprint(k.Policies) != "[kp]" || fmt.Sprint(s.Policies) != "[sp]" {
		t.Errorf("policies: key %v, secret %v", k.Policies, s.Policies)
	}
	if !s.RotationConfigured || quiet.RotationConfigured || u.Model.AWS.SecretsManager.Rotations[1].SecretRef != "" {
		t.Errorf("rotation: %v %v %+v", s.RotationConfigured, quiet.RotationConfigured, u.Model.AWS.SecretsManager.Rotations)
	}
	if u.Model.AWS.SecretsManager.SecretValues[0].SecretRef != "s" {
		t.Errorf("secret value not linked")
	}
}

// A name template designates a bucket only when exactly one bucket has
// it: two names of one template are one name, which cannot be both
// buckets', and which bucket exists is not known. A bucket whose known
// name came with a stale template is not found by it.
func TestBucketTemplateOfSeveral(t *testing.T) {
	tests := []struct {
		name    string
		buckets []*model.Bucket
		want    string
	}{
		{"one bucket", []*model.Bucket{{Meta: model.Meta{ID: "a"}, Name: unknown(), NameTemplate: "T"}}, "a"},
		{"two buckets", []*model.Bucket{
			{Meta: model.Meta{ID: "a"}, Name: unknown(), NameTemplate: "T"},
			{Meta: model.Meta{ID: "b"}, Name: unknown(), NameTemplate: "T"},
		}, ""},
		{"three buckets", []*model.Bucket{
			{Meta: model.Meta{ID: "a"}, Name: unknown(), NameTemplate: "T"},
			{Meta: model.Meta{ID: "b"}, Name: unknown(), NameTemplate: "T"},
			{Meta: model.Meta{ID: "c"}, Name: unknown(), NameTemplate: "T"},
		}, ""},
		{"known name", []*model.Bucket{{Meta: model.Meta{ID: "a"}, Name: known("logs"), NameTemplate: "T"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := model.NewUnit(model.UnitTerraform, "t")
			u.Model.AWS.S3.Buckets = tt.buckets
			u.Model.AWS.S3.PublicAccessBlocks = []*model.BucketPublicAccessBlock{
				{Meta: model.Meta{ID: "pab"}, Target: model.Target{Name: unknown(), Template: "T"}},
			}
			Unit(u)
			if got := u.Model.AWS.S3.PublicAccessBlocks[0].BucketRef; got != tt.want {
				t.Errorf("bucket = %q, want %q", got, tt.want)
			}
		})
	}
}

// The cost of linking is linear: a unit of n buckets each with a block
// referring to it links in one pass (this would time out if it joined).
func BenchmarkLink(b *testing.B) {
	const n = 20000
	u := model.NewUnit(model.UnitTerraform, "t")
	for i := range n {
		id := fmt.Sprintf("aws_s3_bucket.b%d", i)
		u.Model.AWS.S3.Buckets = append(u.Model.AWS.S3.Buckets, &model.Bucket{Meta: model.Meta{ID: id}, Name: known(id)})
		u.Model.AWS.S3.PublicAccessBlocks = append(u.Model.AWS.S3.PublicAccessBlocks,
			&model.BucketPublicAccessBlock{Meta: model.Meta{ID: id + "_pab"}, Target: model.Target{Name: known(id)}})
	}
	for b.Loop() {
		Unit(u)
	}
}

func TestSecretName(t *testing.T) {
	tests := []struct{ arn, want string }{
		{"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf", "prod/db"},
		{"arn:aws:secretsmanager:us-east-1:123456789012:secret:a-b-AbCdEf", "a-b"},
		{"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db", ""},
		{"prod/db-AbCdEf", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := SecretName(tt.arn); got != tt.want {
			t.Errorf("SecretName(%q) = %q, want %q", tt.arn, got, tt.want)
		}
	}
}

// Settings resources merge into their bucket in order, the bucket's paths
// of each setting pointing where the resource writes them; an orphan stays
// unmerged; a logging resource's destination is linked; linking twice
// changes nothing.
func TestBucketSettings(t *testing.T) {
	line := func(n int) model.Range { return model.Range{File: "s", Start: model.Pos{Line: n, Column: 1}} }
	u := unitWith(func(m *model.Model) {
		m.AWS.S3.Buckets[0].Versioning = &model.Versioning{Status: known("Disabled")}
		m.AWS.S3.BucketSettings = []*model.BucketSettings{
			{Meta: model.Meta{ID: "v1"}, Target: model.Target{Refs: []string{"b1"}}, Versioning: &model.Versioning{Status: known("Suspended")}},
			{Meta: model.Meta{ID: "v2"}, Target: model.Target{Name: known("one")}, Versioning: &model.Versioning{Status: known("Enabled")}},
			{Meta: model.Meta{ID: "own"}, Target: model.Target{Refs: []string{"b2"}}, ObjectOwnership: known("ObjectWriter")},
			{Meta: model.Meta{ID: "log"}, Target: model.Target{Refs: []string{"b2"}}, Logging: &model.Logging{Target: model.Target{Refs: []string{"b1"}}}},
			{Meta: model.Meta{ID: "orphan"}, Target: model.Target{Name: known("shared-assets")}, Encryption: &model.Encryption{Algorithm: known("AES256")}},
		}
	})
	u.Locations.Set("v2", "versioning.status", line(7))
	u.Locations.Set("own", "object_ownership", line(9))
	for pass := 1; pass <= 2; pass++ {
		Unit(u)
		s3 := u.Model.AWS.S3
		b1, b2 := s3.Buckets[0], s3.Buckets[1]
		refs := []string{}
		for _, s := range s3.BucketSettings {
			refs = append(refs, s.BucketRef)
		}
		tests := []struct {
			name      string
			got, want any
		}{
			{"bucket refs", fmt.Sprint(refs), "[b1 b1 b2 b2 ]"},
			{"last versioning wins", b1.Versioning.Status, known("Enabled")},
			{"ownership", b2.ObjectOwnership, known("ObjectWriter")},
			{"log destination", b2.Logging.TargetBucketRef, "b1"},
			{"logged by", fmt.Sprint(b1.LoggedBy), "[b2]"},
			{"the resource's logging is not linked", s3.BucketSettings[3].Logging.TargetBucketRef, ""},
			{"orphan not merged", b1.Encryption == nil && b2.Encryption == nil, true},
		}
		for _, tt := range tests {
			if tt.got != tt.want {
				t.Errorf("pass %d: %s = %v, want %v", pass, tt.name, tt.got, tt.want)
			}
		}
		for _, l := range []struct {
			id, path string
			want     model.Range
		}{{"b1", "versioning.status", line(7)}, {"b2", "object_ownership", line(9)}} {
			if at, ok := u.Locations.Lookup(l.id, l.path); !ok || at != l.want {
				t.Errorf("pass %d: %s %s at %v, want %v", pass, l.id, l.path, at, l.want)
			}
		}
	}
}
