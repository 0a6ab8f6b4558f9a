package seclint

import (
	"reflect"
	"testing"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/report"
)

// checks lists a rule's objects through the collections resolved once per
// scanner, keeping only the policies of the kind a filter names.
func TestChecksFollowResolvedCollections(t *testing.T) {
	u := &model.Unit{Path: "main.tf", Model: &model.Model{}}
	u.Model.AWS.S3.Buckets = []*model.Bucket{{Meta: model.Meta{ID: "aws_s3_bucket.b", Type: "aws_s3_bucket"}}}
	u.Model.AWS.IAM.Policies = []*model.Policy{
		{Meta: model.Meta{ID: "aws_iam_policy.p", Type: "aws_iam_policy"}, Kind: "identity"},
		{Meta: model.Meta{ID: "aws_s3_bucket_policy.b", Type: "aws_s3_bucket_policy"}, Kind: "resource"},
	}
	rules := []report.Rule{
		{ID: "r-buckets", Collections: []string{"aws.s3.buckets"}},
		{ID: "r-identity", Collections: []string{"aws.iam.policies[kind=identity]"}},
		{ID: "r-unknown", Collections: []string{"aws.nothing.here"}},
		{ID: "r-none"},
	}
	var buf [64]model.Collection
	got := checks(u, newCollections(u.Model, buf[:]), rules, ruleCollections(rules))
	var ids [][2]string
	for _, c := range got {
		ids = append(ids, [2]string{c.RuleID, c.Resource})
	}
	want := [][2]string{{"r-buckets", "aws_s3_bucket.b"}, {"r-identity", "aws_iam_policy.p"}}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("checks = %v, want %v", ids, want)
	}
}
