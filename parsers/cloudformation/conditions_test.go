package cloudformation

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/seclint/seclint/parsers/model"
)

// TestConditionalPublicACL is the parser's half of the end-to-end case: by
// default neither bucket has a public ACL (one does not exist, the other
// is private); with Env=prod both do, located at their AccessControl lines
// (the !If for the second).
func TestConditionalPublicACL(t *testing.T) {
	const name = "conditional_acl.yaml"
	src, err := os.ReadFile(filepath.Join(fixtures, name))
	if err != nil {
		t.Fatal(err)
	}
	type bucket struct {
		id, acl         string
		line, col, endC int
	}
	tests := []struct {
		name    string
		params  map[string]string
		buckets []bucket
	}{
		{"default", nil, []bucket{{"SharedBucket", "private", 19, 22, 22}}},
		{"prod", map[string]string{"Env": "prod"}, []bucket{
			{"ProdWebsiteBucket", "public-read", 15, 22, 32},
			{"SharedBucket", "authenticated-read", 19, 22, 22},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := Parse(name, src, Options{Params: tt.params})
			if len(u.Diagnostics) != 0 {
				t.Errorf("unexpected diagnostics %v", u.Diagnostics)
			}
			if len(u.Model.AWS.S3.Buckets) != len(tt.buckets) {
				t.Fatalf("buckets %v, want %v", bucketIDs(u), tt.buckets)
			}
			for i, want := range tt.buckets {
				b := u.Model.AWS.S3.Buckets[i]
				if acl, ok := b.ACL.Get(); b.ID != want.id || !ok || acl != want.acl {
					t.Errorf("bucket %s acl %+v, want %s %s", b.ID, b.ACL, want.id, want.acl)
				}
				wantR := model.Range{File: name, Start: model.Pos{Line: want.line, Column: want.col}, End: model.Pos{Line: want.line, Column: want.endC}}
				if r, _ := u.Locations.Lookup(b.ID, "acl"); r != wantR {
					t.Errorf("%s acl at %v-%v, want %v-%v", b.ID, r.Start, r.End, wantR.Start, wantR.End)
				}
			}
		})
	}
	u := Parse(name, src, Options{Params: map[string]string{"Env": "staging"}})
	if errs := errorsOf(u.Diagnostics); len(errs) != 1 || errs[0].Summary != "parameter value not allowed" || errs[0].Range.Start.Line != 4 {
		t.Errorf("Env=staging: want one error at the parameter, got %v", u.Diagnostics)
	}
	if len(u.Model.AWS.S3.Buckets) != 1 || u.Model.AWS.S3.Buckets[0].ACL.State != model.Unknown {
		t.Errorf("Env=staging: want only SharedBucket with an unknown ACL, got %v", bucketIDs(u))
	}
}
