package model

import (
	"reflect"
	"testing"
)

func TestAppendCollectionsAppendsCollections(t *testing.T) {
	m := &Model{}
	m.AWS.S3.Buckets = []*Bucket{{Meta: Meta{ID: "aws_s3_bucket.logs", Type: "aws_s3_bucket"}}}
	m.AWS.S3.AccountPublicAccessBlocks = []*PublicAccessBlock{{ID: "aws_s3_account_public_access_block.this"}}
	want := m.Collections()

	prefix := Collection{Name: "already.there"}
	buf := make([]Collection, 1, 64)
	buf[0] = prefix
	got := m.AppendCollections(buf)
	if got[0].Name != prefix.Name {
		t.Errorf("the entry already in dst became %q", got[0].Name)
	}
	if !reflect.DeepEqual(got[1:], want) {
		t.Errorf("AppendCollections = %v, want %v", got[1:], want)
	}
	if &got[0] != &buf[0] {
		t.Error("AppendCollections did not use the room in dst")
	}
}
