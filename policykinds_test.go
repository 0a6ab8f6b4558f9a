package seclint

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seclint/seclint/config"
	"github.com/seclint/seclint/policies"
)

// TestPolicyKinds scans standalone policy files whose kind comes from their
// content, their path and the config, and checks which rules read them and
// that the messages say which kind was assumed.
func TestPolicyKinds(t *testing.T) {
	const (
		admin  = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}`
		public = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}]}`
	)
	dir := t.TempDir()
	files := map[string]string{
		"iam/admin.json":                   admin,
		"guardrails/admin.json":            admin, // a boundary by the config
		"vpc-endpoint-policies/s3.json":    public,
		"network/s3.json":                  public, // an endpoint policy by the config
		"buckets/site.json":                public,
		"permissions-boundary/admin.json":  admin,
		"network/bucket-policy-admin.json": admin, // the config sets endpoint: no Principal is then malformed
	}
	writeTree(t, dir, files)
	kinds := []config.PolicyKind{
		{Paths: []string{filepath.ToSlash(dir) + "/guardrails/**"}, Kind: "boundary", Line: 3},
		{Paths: []string{filepath.ToSlash(dir) + "/network/**"}, Kind: "endpoint", Line: 5},
	}
	rep, err := Scan(context.Background(), Options{Paths: []string{dir}, PolicyKinds: kinds, ConfigPath: ".seclint.yaml",
		Policies: policies.Options{Enable: []string{"aws-iam-admin-wildcard", "aws-policy-public-principal", "aws-iam-policy-malformed"}}})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range rep.Findings {
		rel, _ := filepath.Rel(dir, f.Range.File)
		got[filepath.ToSlash(rel)+" "+f.RuleID] = f.Message
	}
	want := map[string]string{
		"iam/admin.json aws-iam-admin-wildcard":                     "read as an identity policy: it has no Principal",
		"buckets/site.json aws-policy-public-principal":             "read as a resource policy: it has a Principal",
		"network/bucket-policy-admin.json aws-iam-policy-malformed": `read as a VPC endpoint policy: the config sets it for "` + filepath.ToSlash(dir) + `/network/**" (.seclint.yaml, line 5)`,
	}
	for k, msg := range want {
		if !strings.Contains(got[k], msg) {
			t.Errorf("%s: message %q, want one with %q", k, got[k], msg)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("unexpected finding %s: %s", k, got[k])
		}
	}
}
