package policies

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// inputCollection matches a direct reference to a model collection.
var inputCollection = regexp.MustCompile(`input\.(aws\.[a-z0-9_]+\.[a-z0-9_]+)`)

// TestRulesListTheCollectionsTheyRead guards rule skipping: the engine does
// not evaluate a rule in a unit where every collection its METADATA lists is
// empty, so a rule that reads a collection it does not list would silently
// lose its findings in units that have only that collection (an orphaned
// public access block, for example).
func TestRulesListTheCollectionsTheyRead(t *testing.T) {
	err := fs.WalkDir(builtin, "aws", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
			return err
		}
		src, err := fs.ReadFile(builtin, p)
		if err != nil {
			return err
		}
		m, err := ast.ParseModuleWithOpts(p, string(src), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			return err
		}
		listed := map[string]bool{}
		for _, a := range m.Annotations {
			if a.Scope != "package" || a.Custom == nil {
				continue
			}
			cs, _ := a.Custom["collections"].([]any)
			for _, c := range cs {
				name, _, _ := strings.Cut(c.(string), "[") // "aws.iam.policies[kind=identity]"
				listed[name] = true
			}
		}
		if len(listed) == 0 {
			t.Errorf("%s: METADATA custom.collections is empty", p)
		}
		for _, match := range inputCollection.FindAllStringSubmatch(string(src), -1) {
			if !listed[match[1]] {
				t.Errorf("%s reads input.%s, which its custom.collections does not list", p, match[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
