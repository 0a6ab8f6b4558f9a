package terraform

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// TestVisitAll checks that visitAll visits the nodes of every expression of
// the test configurations as hclsyntax.VisitAll does, in the same order, and
// that syntaxVariables finds hclsyntax.Variables' traversals.
func TestVisitAll(t *testing.T) {
	n := 0
	for _, root := range []string{"testdata", filepath.Join("..", "..", "testdata")} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !strings.HasSuffix(path, ".tf") {
				return nil
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			f, _ := hclsyntax.ParseConfig(src, path, hcl.InitialPos)
			if f == nil {
				return nil
			}
			if body, ok := f.Body.(*hclsyntax.Body); ok {
				n += compareVisits(t, body)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if n == 0 {
		t.Fatal("no expression visited")
	}
}

func compareVisits(t *testing.T, body *hclsyntax.Body) int {
	t.Helper()
	n := 0
	for _, a := range sortedAttrs(body) {
		var want, got []string
		_ = hclsyntax.VisitAll(a.Expr, func(n hclsyntax.Node) hcl.Diagnostics {
			want = append(want, fmt.Sprintf("%T %v", n, n.Range()))
			return nil
		})
		visitAll(a.Expr, func(n hclsyntax.Node) hcl.Diagnostics {
			got = append(got, fmt.Sprintf("%T %v", n, n.Range()))
			return nil
		})
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%v: visitAll visits\n%s\nwant\n%s", a.SrcRange, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if got, want := fmt.Sprint(syntaxVariables(a.Expr)), fmt.Sprint(hclsyntax.Variables(a.Expr)); got != want {
			t.Errorf("%v: syntaxVariables = %s, want %s", a.SrcRange, got, want)
		}
		n += len(want)
	}
	for _, blk := range body.Blocks {
		n += compareVisits(t, blk.Body)
	}
	return n
}
