package terraform

import (
	"path/filepath"
	"testing"

	"github.com/zclconf/go-cty/cty"
)

func TestVariablePrecedence(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "terraform", "vars")
	ev, unit := evalModule(t, dir, Options{
		Env:      []string{"PATH=/bin", "TF_VAR_v_env=env", "TF_VAR_v_tfvars=env", "TF_VAR_v_cli=env", "TF_VAR_v_number=7"},
		VarFiles: []string{filepath.Join(dir, "extra.tfvars")},
		Vars:     map[string]string{"v_cli": "cli", "v_number": "5", "undeclared": "x"},
	})
	for _, d := range unit.Diagnostics {
		t.Errorf("unexpected diagnostic: %s", d.Error())
	}
	tests := []struct {
		name string
		want cty.Value // cty.NilVal: unknown
	}{
		{"v_default", cty.StringVal("default")},
		{"v_env", cty.StringVal("env")},
		{"v_tfvars", cty.StringVal("tfvars")},
		{"v_tfvars_json", cty.StringVal("tfvars.json")},
		{"v_auto_a", cty.StringVal("auto-a")},
		{"v_auto_b", cty.StringVal("auto-b")},
		{"v_varfile", cty.StringVal("varfile")},
		{"v_cli", cty.StringVal("cli")},
		// --var of a number variable is read literally, then converted.
		{"v_number", cty.NumberIntVal(5)},
		{"v_list", cty.ListVal([]cty.Value{cty.StringVal("a"), cty.StringVal("b")})},
		{"v_unset", cty.NilVal},
		// "not a number" does not convert to number: unknown, not an error.
		{"v_bad_type", cty.NilVal},
	}
	for _, tt := range tests {
		got, ok := ev.vars[tt.name]
		if !ok {
			t.Errorf("%s: no value", tt.name)
			continue
		}
		if tt.want == cty.NilVal {
			if got.IsKnown() {
				t.Errorf("%s = %#v, want unknown", tt.name, got)
			}
			continue
		}
		if !got.RawEquals(tt.want) {
			t.Errorf("%s = %#v, want %#v", tt.name, got, tt.want)
		}
	}
	if len(unit.Files) != 0 {
		// evalModule does not set Files; ParseModule does.
		t.Fatalf("unexpected files %v", unit.Files)
	}
	u := ParseModule(dir, nil, Options{})
	want := []string{"main.tf", "terraform.tfvars", "terraform.tfvars.json", "a.auto.tfvars", "b.auto.tfvars.json"}
	if len(u.Files) != len(want) {
		t.Fatalf("files = %v, want %v", u.Files, want)
	}
	for i, f := range u.Files {
		if filepath.Base(f) != want[i] {
			t.Errorf("files[%d] = %s, want %s", i, f, want[i])
		}
	}
}

func TestVariableParsing(t *testing.T) {
	dir := writeModule(t, map[string]string{"main.tf": `
variable "untyped" {}
variable "str" { type = string }
variable "num" { type = number }
variable "list" { type = list(string) }
variable "anything" { type = any }
variable "obj" {
  type = object({
    name = string
    tags = optional(map(string), { team = "sec" })
  })
}
variable "set_default" {
  type    = set(string)
  default = ["b", "a", "b"]
}
variable "null_default" {
  default = null
}
`})
	ev, unit := evalModule(t, dir, Options{Vars: map[string]string{
		// Untyped and primitive variables take the text literally, as
		// Terraform's -var does; the others parse it as HCL.
		"untyped":  `["not", "parsed"]`,
		"str":      `"quoted"`,
		"num":      `42`,
		"list":     `["x", "y"]`,
		"anything": `{ a = 1 }`,
		"obj":      `{ name = "n" }`,
	}})
	noErrors(t, unit)
	tests := []struct {
		name string
		want cty.Value
	}{
		{"untyped", cty.StringVal(`["not", "parsed"]`)},
		{"str", cty.StringVal(`"quoted"`)},
		{"num", cty.NumberIntVal(42)},
		{"list", cty.ListVal([]cty.Value{cty.StringVal("x"), cty.StringVal("y")})},
		{"anything", cty.ObjectVal(map[string]cty.Value{"a": cty.NumberIntVal(1)})},
		{"obj", cty.ObjectVal(map[string]cty.Value{
			"name": cty.StringVal("n"),
			"tags": cty.MapVal(map[string]cty.Value{"team": cty.StringVal("sec")}),
		})},
		{"set_default", cty.SetVal([]cty.Value{cty.StringVal("a"), cty.StringVal("b")})},
		{"null_default", cty.NullVal(cty.DynamicPseudoType)},
	}
	for _, tt := range tests {
		if got := ev.vars[tt.name]; !got.RawEquals(tt.want) {
			t.Errorf("%s = %#v, want %#v", tt.name, got, tt.want)
		}
	}

	// A --var that is not a valid expression for a non-primitive type is an
	// input error: a diagnostic, and the variable is unknown.
	ev, unit = evalModule(t, dir, Options{Vars: map[string]string{"list": `["x"`}})
	if ev.vars["list"].IsKnown() {
		t.Errorf("list = %#v, want unknown", ev.vars["list"])
	}
	if len(unit.Diagnostics) != 1 || unit.Diagnostics[0].Summary != "invalid variable value" {
		t.Errorf("diagnostics = %v, want one invalid variable value", unit.Diagnostics)
	}
}

func TestVarFileErrors(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"main.tf":  `variable "a" { default = "d" }`,
		"bad.json": `{"a": `,
	})
	ev, unit := evalModule(t, dir, Options{VarFiles: []string{
		filepath.Join(dir, "missing.tfvars"),
		filepath.Join(dir, "bad.json"),
	}})
	if got := ev.vars["a"]; !got.RawEquals(cty.StringVal("d")) {
		t.Errorf("a = %#v, want the default", got)
	}
	summaries := map[string]bool{}
	for _, d := range unit.Diagnostics {
		summaries[d.Summary] = true
	}
	for _, want := range []string{"cannot read variable file", "invalid variable file"} {
		if !summaries[want] {
			t.Errorf("no %q diagnostic in %v", want, unit.Diagnostics)
		}
	}
}
