package adapt

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

// TestFieldPathsAreModelPaths checks that each table's path is where the
// value it sets appears in the model's JSON, which the rules read and the
// locations are looked up by: set every value, marshal, and resolve.
func TestFieldPathsAreModelPaths(t *testing.T) {
	key := &model.KMSKey{}
	replica := &model.KMSReplicaKey{}
	param := &model.SSMParameter{}
	secret := &model.Secret{}
	db := &model.DBInstance{}
	ap := &model.AccessPoint{PublicAccessBlock: &model.PublicAccessBlock{}}
	b := &model.Bucket{
		PublicAccessBlock: &model.PublicAccessBlock{}, Versioning: &model.Versioning{}, Logging: &model.Logging{},
		Website: &model.Website{}, Encryption: &model.Encryption{}, ObjectLock: &model.ObjectLock{},
	}
	var bucketFields []Field
	for _, fs := range [][]Field{
		BucketFields(b), OwnershipFields(&b.ObjectOwnership), PublicAccessBlockFields("public_access_block.", b.PublicAccessBlock),
		VersioningFields(b.Versioning), LoggingFields(b.Logging), WebsiteFields(b.Website),
		EncryptionRuleFields(b.Encryption), EncryptionDefaultFields(b.Encryption), ObjectLockRetentionFields(b.ObjectLock),
	} {
		bucketFields = append(bucketFields, fs...)
	}
	tables := []struct {
		obj    any
		fields []Field
	}{
		{key, KMSKeyFields(key)},
		{replica, KMSReplicaKeyFields(replica)},
		{param, SSMParameterFields(param)},
		{secret, SecretFields(secret)},
		{db, DBMasterFields(&db.DBMaster)},
		{ap, append(AccessPointFields(ap), PublicAccessBlockFields("public_access_block.", ap.PublicAccessBlock)...)},
		{b, bucketFields},
	}
	for _, tt := range tables {
		for _, f := range tt.fields {
			if f.TF == "" && f.CFN == "" {
				t.Errorf("%s: read in no format", f.Path)
			}
			set := 0
			switch {
			case f.String != nil:
				*f.String, set = model.KnownOf("x"), set+1
			case f.Bool != nil:
				*f.Bool, set = model.KnownOf(true), set+1
			case f.Number != nil:
				*f.Number, set = model.KnownOf(1.0), set+1
			case f.List != nil:
				*f.List, set = model.KnownOf([]model.String{}), set+1
			}
			if set != 1 {
				t.Errorf("%s: no value to set", f.Path)
			}
		}
		b, err := json.Marshal(tt.obj)
		if err != nil {
			t.Fatalf("marshal %T: %v", tt.obj, err)
		}
		var doc map[string]any
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatalf("unmarshal %T: %v", tt.obj, err)
		}
		for _, f := range tt.fields {
			var v any = doc
			for _, step := range strings.Split(f.Path, ".") {
				m, _ := v.(map[string]any)
				v = m[step]
			}
			// The value found must be the one the field set, not another
			// field of that name (Meta's "type" is not "parameter_type").
			var want any
			switch {
			case f.String != nil:
				want = "x"
			case f.Bool != nil:
				want = true
			case f.Number != nil:
				want = 1.0
			}
			if l, ok := v.([]any); (f.List != nil && (!ok || len(l) != 0)) || (f.List == nil && v != want) {
				t.Errorf("%T: path %q is not the field's in the model: %s", tt.obj, f.Path, b)
			}
		}
	}
}
