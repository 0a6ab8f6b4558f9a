package terraform

import (
	"slices"
	"sort"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// TestBindScopesTheContext checks that an evaluation sees exactly what its
// expression reads: the right values, a context holding only the roots and
// names read (so that its cost follows the references, not the module), and
// unknown for references Terraform rejects.
func TestBindScopesTheContext(t *testing.T) {
	dir := writeModule(t, map[string]string{"main.tf": `
variable "a" {
  default = "va"
}
variable "b" {
  default = "vb"
}
locals {
  l = "local-${var.b}"
}
resource "aws_s3_bucket" "x" {
  bucket = "bx"
}
resource "aws_s3_bucket" "y" {
  bucket = "by-${local.l}"
}
resource "aws_s3_bucket" "many" {
  count  = 3
  bucket = "m${count.index}"
}
data "aws_iam_policy_document" "d" {
  policy_id = "pid"
}
# The objects of resources offer the attributes the module reads.
output "read" {
  value = [aws_s3_bucket.x.bucket, aws_s3_bucket.y.bucket, aws_s3_bucket.many[0].bucket, data.aws_iam_policy_document.d.policy_id]
}
`})
	r, _ := evalModule(t, dir, Options{})
	mi := r.e.root
	tests := []struct {
		expr string
		want cty.Value // cty.NilVal: unknown
		// roots are the context's root variables after binding, besides
		// path and terraform; names the attributes of each.
		roots map[string][]string
	}{
		{`"${var.a}-${aws_s3_bucket.x.bucket}"`, cty.StringVal("va-bx"), map[string][]string{"var": {"a"}, "aws_s3_bucket": {"x"}}},
		{`aws_s3_bucket.y.bucket`, cty.StringVal("by-local-vb"), map[string][]string{"aws_s3_bucket": {"y"}}},
		{`aws_s3_bucket.many[2].bucket`, cty.StringVal("m2"), map[string][]string{"aws_s3_bucket": {"many"}}},
		{`local.l`, cty.StringVal("local-vb"), map[string][]string{"local": {"l"}}},
		{`data.aws_iam_policy_document.d.policy_id`, cty.StringVal("pid"), map[string][]string{"data": {"aws_iam_policy_document"}}},
		{`[for b in [aws_s3_bucket.x, aws_s3_bucket.y] : b.bucket][0]`, cty.StringVal("bx"), map[string][]string{"aws_s3_bucket": {"x", "y"}}},
		// A resource type without a name, an undeclared variable: unknown.
		{`length(aws_s3_bucket)`, cty.NilVal, map[string][]string{"aws_s3_bucket": nil}},
		{`var.nope`, cty.NilVal, map[string][]string{"var": {}}},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			expr, hd := hclsyntax.ParseExpression([]byte(tt.expr), "test.tf", hcl.InitialPos)
			if hd.HasErrors() {
				t.Fatal(hd)
			}
			// Clear what earlier evaluations bound, to see what this one binds.
			for root := range mi.ctx.Variables {
				if root != "path" && root != "terraform" {
					delete(mi.ctx.Variables, root)
				}
			}
			got := unmarkDeep(mi.eval(expr, mi.ctx))
			if tt.want == cty.NilVal {
				if got.IsKnown() {
					t.Errorf("= %#v, want unknown", got)
				}
			} else if !got.RawEquals(tt.want) {
				t.Errorf("= %#v, want %#v", got, tt.want)
			}
			for root, v := range mi.ctx.Variables {
				if root == "path" || root == "terraform" {
					continue
				}
				want, ok := tt.roots[root]
				if !ok {
					t.Errorf("root %s bound, not read", root)
					continue
				}
				var names []string
				if v.Type().IsObjectType() {
					for name := range v.Type().AttributeTypes() {
						names = append(names, name)
					}
				}
				sort.Strings(names)
				if len(names) != len(want) || (len(names) > 0 && !slices.Equal(names, want)) {
					t.Errorf("root %s holds %v, want %v", root, names, want)
				}
			}
			for root := range tt.roots {
				if _, ok := mi.ctx.Variables[root]; !ok {
					t.Errorf("root %s not bound", root)
				}
			}
		})
	}
}
