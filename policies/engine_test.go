package policies

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/seclint/seclint/parsers/model"
)

func TestBuiltinRulesHaveCompleteMetadata(t *testing.T) {
	e, err := New(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Rules()) == 0 {
		t.Fatal("no rules")
	}
	for _, r := range e.Rules() {
		if r.Description == "" || r.Remediation.Terraform == "" || r.Remediation.CloudFormation == "" || len(r.Collections) == 0 || len(r.ResourceTypes) == 0 {
			t.Errorf("rule %s lacks description, remediation, collections or resource types: %+v", r.ID, r)
		}
		if !strings.HasPrefix(r.ID, "aws-") || r.Custom {
			t.Errorf("rule %s: built-in IDs start with aws- and are not custom", r.ID)
		}
	}
}

func TestSelectRules(t *testing.T) {
	ctx := context.Background()
	e, err := New(ctx, Options{Enable: []string{"aws-s3-public-acl", "aws-iam-admin-wildcard"}, Disable: []string{"aws-iam-admin-wildcard"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Rules()) != 1 || e.Rules()[0].ID != "aws-s3-public-acl" {
		t.Errorf("rules %v, want only aws-s3-public-acl", e.Rules())
	}
	if _, err := New(ctx, Options{Disable: []string{"aws-no-such-rule"}}); err == nil || !strings.Contains(err.Error(), "aws-no-such-rule") {
		t.Errorf("unknown rule ID: err = %v", err)
	}
}

const customRule = `# METADATA
# title: Buckets must be named with the team prefix
# description: Team convention.
# custom:
#   id: acme-bucket-prefix
#   severity: LOW
#   kind: security
#   collections: [aws.s3.buckets]
package acme.bucket_prefix

deny contains finding if {
	some b in input.aws.s3.buckets
	is_string(b.name)
	not startswith(b.name, "acme-")
	finding := {"resource": b.id, "attribute": "name", "message": "bucket name lacks the acme- prefix", "severity": "MEDIUM"}
}
`

func TestCustomRulesFollowTheSameContract(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "prefix.rego"), []byte(customRule), 0o644); err != nil {
		t.Fatal(err)
	}
	e, err := New(context.Background(), Options{Dirs: []string{dir}, Enable: []string{"acme-bucket-prefix"}})
	if err != nil {
		t.Fatal(err)
	}
	if r := e.Rules(); len(r) != 1 || !r[0].Custom {
		t.Fatalf("rules %+v, want the custom rule", r)
	}
	m := (&model.Model{AWS: model.AWS{S3: model.S3{Buckets: []*model.Bucket{
		{Meta: model.Meta{ID: "a"}, Name: model.KnownOf("logs")},
		{Meta: model.Meta{ID: "b"}, Name: model.KnownOf("acme-logs")},
		{Meta: model.Meta{ID: "c"}, Name: model.UnknownOf[string]()},
	}}}}).Normalize()
	fs, err := e.Evaluate(context.Background(), m)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 || fs[0].Resource != "a" || fs[0].Attribute != "name" || fs[0].Severity != "MEDIUM" {
		t.Errorf("findings %+v", fs)
	}
}

func TestCustomRuleErrorsNameTheFile(t *testing.T) {
	for name, src := range map[string]string{
		"syntax":     "package x\n\ndeny contains f if {\n",
		"severity":   strings.Replace(customRule, "severity: LOW", "severity: SEVERE", 1),
		"duplicate":  strings.Replace(customRule, "acme-bucket-prefix", "aws-s3-public-acl", 1),
		"no package": "# just a comment\n",
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "bad.rego"), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := New(context.Background(), Options{Dirs: []string{dir}})
			if err == nil || !strings.Contains(err.Error(), "bad.rego") {
				t.Errorf("err = %v, want an error naming bad.rego", err)
			}
		})
	}
}

// The engine forgets the source positions of the built-in modules (they
// cost the collector and only compile errors read them), never those of a
// user's module, even one under a built-in module's name.
func TestEngineKeepsPositionsOfUsersModulesOnly(t *testing.T) {
	t.Chdir(writeDir(t, map[string]string{"policies/rule.rego": acmeRule, "policies/lib/values.rego": helperLib}))
	e, err := New(t.Context(), Options{Dirs: []string{"policies"}})
	if err != nil {
		t.Fatal(err)
	}
	users := 0
	for name, m := range e.compiler.Modules {
		located := 0
		ast.WalkTerms(m, func(x *ast.Term) bool {
			if x.Location != nil {
				located++
			}
			return false
		})
		user := strings.HasPrefix(m.Package.Path.String(), "data.acme.")
		if user {
			users++
		}
		switch {
		case user && (located == 0 || len(m.Comments) == 0):
			t.Errorf("%s: a user's module lost its positions (%d located terms, %d comments)", name, located, len(m.Comments))
		case !user && (located > 0 || len(m.Comments) > 0):
			t.Errorf("%s: a built-in module kept %d located terms and %d comments", name, located, len(m.Comments))
		}
	}
	if users != 2 {
		t.Errorf("%d of the user's modules compiled, want 2", users)
	}
}

// OPA's Module.Copy, which Compile applies to every module, points the
// copies of else rules at the parsed module, which then stays reachable
// with all its terms for the life of the engine. New points them at the
// compiled module; the test reads every else chain, the built-in ones and a
// user's.
func TestCompiledElseRulesBelongToTheirModule(t *testing.T) {
	const withElse = `# METADATA
# custom:
#   library: true
package acme.levels

level(x) := "high" if x > 10
else := "low"
`
	e, err := New(t.Context(), Options{Dirs: []string{writeDir(t, map[string]string{"levels.rego": withElse})}})
	if err != nil {
		t.Fatal(err)
	}
	chains := 0
	for name, m := range e.compiler.Modules {
		for _, r := range m.Rules {
			if r.Else != nil {
				chains++
			}
			for el := r.Else; el != nil; el = el.Else {
				if el.Module != m {
					t.Errorf("%s: an else rule of %s belongs to another module than its own", name, r.Head.Ref())
				}
			}
		}
	}
	if chains < 2 {
		t.Errorf("%d else chains, want the user's and the built-in ones", chains)
	}
}
