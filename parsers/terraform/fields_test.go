package terraform

import (
	"os"
	"reflect"
	"testing"

	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/seclint/seclint/parsers/model"
)

// TestResourceFieldsMatchWhole checks that converting some arguments of a
// resource (resourceFields) gives each exactly the node tree the whole
// conversion gives it, over every fixture root and the corpus: values,
// ranges, refs, literal origins, templates and parts.
func TestResourceFieldsMatchWhole(t *testing.T) {
	type root struct{ dir, scanRoot string }
	var roots []root
	for _, r := range fixtureRoots(t) {
		roots = append(roots, root{r.root, r.top})
	}
	if _, err := os.Stat(corpusDir); err == nil && !testing.Short() {
		modules := corpusModules(t)
		for _, r := range NewGraph(modules, nil).Roots() {
			roots = append(roots, root{r, corpusDir})
		}
	}
	evaluate := func(r root) *evaluator {
		unit := model.NewUnit(model.UnitTerraform, r.dir)
		e := newEvaluator(r.dir, Options{ScanRoot: r.scanRoot}, &diagnostics{unit: unit})
		e.run(nil)
		return e
	}
	compared := 0
	for _, r := range roots {
		part, whole := evaluate(r), evaluate(r)
		if len(part.resInsts) != len(whole.resInsts) {
			t.Fatalf("%s: %d and %d resource instances", r.dir, len(part.resInsts), len(whole.resInsts))
		}
		for i, ri := range part.resInsts {
			sb, ok := ri.res.body.(*hclsyntax.Body)
			if !ok {
				continue
			}
			names := map[string]bool{}
			for name := range sb.Attributes {
				names[name] = true
			}
			for _, b := range sb.Blocks {
				names[generatedType(b)] = true
			}
			w := whole.resourceNode(whole.resInsts[i])
			for name := range names {
				got := part.resourceFields(ri, name, "not_an_argument")
				if len(got.Keys) > 1 || !reflect.DeepEqual(got.Map[name], w.Map[name]) {
					t.Errorf("%s: %s.%s differs from the whole conversion", r.dir, ri.id, name)
				}
				compared++
			}
		}
	}
	t.Logf("%d roots, %d arguments compared", len(roots), compared)
}
