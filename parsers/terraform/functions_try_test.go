package terraform

import (
	"slices"
	"testing"

	"github.com/zclconf/go-cty/cty"
)

// TestTryCanUnknown: an argument that is not wholly known makes try's
// result unknown (not a later fallback) and can's unknown (not true or
// false), as in Terraform's plan; the unknown result keeps the references
// of the value that made it unknown.
func TestTryCanUnknown(t *testing.T) {
	dir := writeModule(t, map[string]string{"main.tf": `
variable "unset" {}
resource "aws_s3_bucket" "b" {
  bucket_prefix = "logs-"
}
locals {
  try_unknown      = try(aws_s3_bucket.b.id, "fallback")
  try_unknown_var  = try(var.unset, "fallback")
  try_error_first  = try(aws_s3_bucket.b.no_such_attribute, aws_s3_bucket.b.arn, "fallback")
  try_partly       = try({ a = aws_s3_bucket.b.id, b = "x" }, "fallback")
  try_known        = try("known", aws_s3_bucket.b.id)
  try_all_fail     = try(local.undefined_a, "fallback")
  can_unknown      = can(aws_s3_bucket.b.id)
  can_known        = can("x")
  can_error        = can(regex("^x", "abc"))
}
`})
	ev, _ := evalModule(t, dir, Options{})
	tests := []struct {
		name string
		want cty.Value // NilVal: unknown
		refs bool      // the unknown value refers to aws_s3_bucket.b
	}{
		{"try_unknown", cty.NilVal, true},
		{"try_unknown_var", cty.NilVal, false},
		{"try_error_first", cty.NilVal, true},
		{"try_partly", cty.NilVal, true},
		{"try_known", cty.StringVal("known"), false},
		{"try_all_fail", cty.StringVal("fallback"), false},
		{"can_unknown", cty.NilVal, true},
		{"can_known", cty.True, false},
		{"can_error", cty.False, false},
	}
	for _, tt := range tests {
		raw := ev.e.root.locals[tt.name]
		got := unmarkDeep(raw)
		switch {
		case tt.want == cty.NilVal && got.IsKnown():
			t.Errorf("local.%s = %#v, want unknown", tt.name, got)
		case tt.want != cty.NilVal && !got.RawEquals(tt.want):
			t.Errorf("local.%s = %#v, want %#v", tt.name, got, tt.want)
		}
		if has := slices.Contains(refsOf(raw), "aws_s3_bucket.b"); has != tt.refs {
			t.Errorf("local.%s refers to aws_s3_bucket.b: %v, want %v (refs %v)", tt.name, has, tt.refs, refsOf(raw))
		}
	}
}
