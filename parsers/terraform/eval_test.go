package terraform

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/seclint/seclint/parsers/model"
)

func TestLocalsFixpoint(t *testing.T) {
	dir := writeModule(t, map[string]string{
		// Locals read each other in every order, across blocks and files.
		"a.tf": `
locals {
  full   = "${local.prefix}-${local.middle}"
  middle = upper(local.base)
}
locals {
  cycle_a = "${local.cycle_b}-a"
  cycle_b = "${local.cycle_a}-b"
  uses_cycle = local.cycle_a
  missing = local.not_declared
  from_bucket = aws_s3_bucket.b.bucket
}
`,
		"b.tf": `
locals {
  prefix = "${var.env}-app"
  base   = local.prefix
}
variable "env" { default = "prod" }
resource "aws_s3_bucket" "b" {
  bucket = local.full
}
`,
	})
	ev, unit := evalModule(t, dir, Options{})
	noErrors(t, unit)
	tests := []struct {
		name string
		want cty.Value // NilVal: unknown
	}{
		{"prefix", cty.StringVal("prod-app")},
		{"base", cty.StringVal("prod-app")},
		{"middle", cty.StringVal("PROD-APP")},
		{"full", cty.StringVal("prod-app-PROD-APP")},
		// A resource attribute read through a local, the resource itself
		// computed from locals.
		{"from_bucket", cty.StringVal("prod-app-PROD-APP")},
		// Terraform rejects cycles; here they and what reads them are unknown.
		{"cycle_a", cty.NilVal},
		{"cycle_b", cty.NilVal},
		{"uses_cycle", cty.NilVal},
		{"missing", cty.NilVal},
	}
	for _, tt := range tests {
		got := ev.locals[tt.name]
		if tt.want == cty.NilVal {
			if got.IsWhollyKnown() {
				t.Errorf("local.%s = %#v, want unknown", tt.name, got)
			}
			continue
		}
		if !got.RawEquals(tt.want) {
			t.Errorf("local.%s = %#v, want %#v", tt.name, got, tt.want)
		}
	}
}

// TestUnknowns checks that what cannot be known before apply is unknown, and
// that none of it is an error.
func TestUnknowns(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"policy.json": `{"a": 1}`,
		"main.tf": `
variable "unset" {}
variable "typed_unset" { type = list(string) }
resource "aws_s3_bucket" "b" {
  bucket = "known-name"
  tags   = { Team = "sec" }
}
resource "aws_s3_bucket" "counted" {
  count  = 2
  bucket = "b-${count.index}"
}
data "aws_caller_identity" "me" {}
data "aws_region" "r" {}
module "m" { source = "./m" }
locals {
  unset_var       = var.unset
  unset_typed     = var.typed_unset
  computed_arn    = aws_s3_bucket.b.arn
  computed_id     = aws_s3_bucket.b.id
  unconfigured    = aws_s3_bucket.b.bucket_domain_name
  nested_missing  = aws_s3_bucket.b.tags.Owner
  account         = data.aws_caller_identity.me.account_id
  region_arn      = "arn:aws:s3:::${data.aws_region.r.name}"
  module_output   = module.m.bucket_arn
  count_index     = count.index
  each_key        = each.key
  counted         = aws_s3_bucket.counted[0].bucket
  undeclared_res  = aws_s3_bucket.nope.arn
  not_implemented = nosuchfn("10.0.0.0/16", 8, 1)
  not_impl_again  = nosuchfn("10.0.0.0/16", 8, 2)
  subnet          = cidrsubnet("10.0.0.0/16", 8, 1)
  partly_unknown  = { known = "yes", unknown = data.aws_region.r.name }
  file_outside    = file("../outside.json")
  type_error      = 1 + "a"
  timestamp       = timestamp()

  configured      = aws_s3_bucket.b.bucket
  configured_tags = aws_s3_bucket.b.tags.Team
  file_inside     = file("policy.json")
  file_module     = file("${path.module}/policy.json")
  workspace       = terraform.workspace
  try_fallback    = try(aws_s3_bucket.b.tags.Owner, "fallback")
  can_fail        = can(regex("^x", "abc"))
}
`,
	})
	ev, unit := evalModule(t, dir, Options{})
	unknown := []string{
		"unset_var", "unset_typed", "computed_arn", "computed_id", "unconfigured",
		"nested_missing", "account", "region_arn", "module_output", "count_index", "each_key",
		"undeclared_res", "not_implemented", "not_impl_again", "file_outside", "type_error",
		"timestamp",
	}
	for _, name := range unknown {
		if got := ev.locals[name]; got.IsKnown() {
			t.Errorf("local.%s = %#v, want unknown", name, got)
		}
	}
	pu := ev.locals["partly_unknown"]
	if !pu.IsKnown() || !pu.GetAttr("known").RawEquals(cty.StringVal("yes")) || pu.GetAttr("unknown").IsKnown() {
		t.Errorf("partly_unknown = %#v, want known object with one unknown attribute", pu)
	}
	known := map[string]cty.Value{
		"configured":      cty.StringVal("known-name"),
		"configured_tags": cty.StringVal("sec"),
		"file_inside":     cty.StringVal(`{"a": 1}`),
		"file_module":     cty.StringVal(`{"a": 1}`),
		"workspace":       cty.StringVal("default"),
		// count = 2 is expanded: instance 0 is known, as in Terraform's plan.
		"counted": cty.StringVal("b-0"),
		"subnet":  cty.StringVal("10.0.1.0/24"),
		// try() cannot know that an unknown would not fail: unknown, as in
		// Terraform at plan time.
		"can_fail": cty.False,
		// The configured tags are known and have no Owner key: the
		// traversal fails and try falls back, as in Terraform's plan.
		"try_fallback": cty.StringVal("fallback"),
	}
	for name, want := range known {
		if got := ev.locals[name]; !got.RawEquals(want) {
			t.Errorf("local.%s = %#v, want %#v", name, got, want)
		}
	}

	// One note per unimplemented function, one for the module that is not
	// available, one error for the file outside the scan root, and
	// nothing else.
	var notes, errs []model.Diagnostic
	for _, d := range unit.Diagnostics {
		switch d.Severity {
		case model.DiagNote:
			notes = append(notes, d)
		case model.DiagError:
			errs = append(errs, d)
		default:
			t.Errorf("unexpected diagnostic: %s", d.Error())
		}
	}
	src := readFile2(t, dir, "main.tf")
	sort.Slice(notes, func(i, j int) bool { return notes[i].Range.Start.Line < notes[j].Range.Start.Line })
	if len(notes) != 3 || !strings.Contains(notes[0].Detail, `module.m`) || !strings.Contains(notes[1].Detail, `"nosuchfn"`) || !strings.Contains(notes[2].Detail, `timestamp()`) {
		t.Errorf("notes = %v, want one for module.m, nosuchfn and timestamp", notes)
	} else if want := lineOf(t, src, "nosuchfn(", 1); notes[1].Range.Start.Line != want {
		t.Errorf("note at line %d, want %d", notes[1].Range.Start.Line, want)
	}
	if len(errs) != 1 || errs[0].Summary != "file outside the scan root" {
		t.Errorf("errors = %v, want one file outside the scan root", errs)
	} else if want := lineOf(t, src, "../outside.json", 1); errs[0].Range.Start.Line != want {
		t.Errorf("error at line %d, want %d", errs[0].Range.Start.Line, want)
	}
}

func readFile2(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestFunctions checks the function table against values confirmed with
// terraform console (v1.11).
func TestFunctions(t *testing.T) {
	tests := []struct{ expr, want string }{
		{`jsonencode({b = [1, "x"], a = true})`, `"{\"a\":true,\"b\":[1,\"x\"]}"`},
		{`jsondecode("{\"a\": [1, 2]}").a[1]`, `2`},
		{`format("%s-%03d", "a", 7)`, `"a-007"`},
		{`formatlist("%s:%s", ["a", "b"], "x")`, `["a:x", "b:x"]`},
		{`join(",", ["a", "b"])`, `"a,b"`},
		{`split(",", "a,b")`, `["a", "b"]`},
		{`lower("AbC")`, `"abc"`},
		{`upper("AbC")`, `"ABC"`},
		{`replace("a-b-c", "-", "_")`, `"a_b_c"`},
		{`replace("a1b22c", "/[0-9]+/", "#")`, `"a#b#c"`},
		{`replace("abc", "/(b)/", "[$1]")`, `"a[b]c"`},
		{`concat(["a"], ["b", "c"])`, `["a", "b", "c"]`},
		{`merge({a = 1, b = 2}, {b = 3})`, `{a = 1, b = 3}`},
		{`lookup({a = "x"}, "a", "d")`, `"x"`},
		{`lookup({a = "x"}, "b", "d")`, `"d"`},
		{`lookup({a = "x"}, "a")`, `"x"`},
		{`length("héllo")`, `5`},
		{`length(["a", "b"])`, `2`},
		{`length({a = 1})`, `1`},
		{`element(["a", "b", "c"], 4)`, `"b"`},
		{`keys({b = 1, a = 2})`, `["a", "b"]`},
		{`values({b = 1, a = 2})`, `[2, 1]`},
		{`coalesce("", null, "x")`, `"x"`},
		{`contains(["a", "b"], "b")`, `true`},
		{`distinct(["a", "b", "a"])`, `["a", "b"]`},
		{`flatten([["a"], [["b"]], "c"])`, `["a", "b", "c"]`},
		{`tolist(["a"])`, `["a"]`},
		{`toset(["b", "a", "b"])`, `toset(["a", "b"])`},
		{`tomap({a = "x"})`, `{a = "x"}`},
		{`tostring(5)`, `"5"`},
		{`tonumber("5")`, `5`},
		{`tobool("true")`, `true`},
		{`trimspace("  a ")`, `"a"`},
		{`trimprefix("arn:aws", "arn:")`, `"aws"`},
		{`trimsuffix("a.json", ".json")`, `"a"`},
		{`substr("hello", 1, 3)`, `"ell"`},
		{`min(3, 1, 2)`, `1`},
		{`max(3, 1, 2)`, `3`},
		{`range(3)`, `[0, 1, 2]`},
		{`sort(["b", "a"])`, `["a", "b"]`},
		{`reverse(["a", "b"])`, `["b", "a"]`},
		{`zipmap(["a", "b"], [1, 2])`, `{a = 1, b = 2}`},
		{`regex("^arn:aws:s3:::(.*)$", "arn:aws:s3:::bkt")`, `["bkt"]`},
		{`regexall("[0-9]", "a1b2")`, `["1", "2"]`},
		{`base64encode("hi")`, `"aGk="`},
		{`base64decode("aGk=")`, `"hi"`},
		{`startswith("arn:aws", "arn:")`, `true`},
		{`endswith("a.json", ".yaml")`, `false`},
		{`try(jsondecode("{"), "fallback")`, `"fallback"`},
		{`can(jsondecode("{"))`, `false`},
		{`one(["a"])`, `"a"`},
		{`one([])`, `null`},
		{`coalescelist([], ["a"])`, `["a"]`},
		{`compact(["a", "", "b"])`, `["a", "b"]`},
		{`alltrue([true, true])`, `true`},
		{`anytrue([false, true])`, `true`},
		{`strcontains("abc", "b")`, `true`},
		{`md5("a")`, `"0cc175b9c0f1b6a831c399e269772661"`},
		{`sha256("a")`, `"ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"`},
		{`basename("a/b/c.json")`, `"c.json"`},
		{`core::upper("a")`, `"A"`},
		{`cidrsubnet("10.0.0.0/16", 8, 3)`, `"10.0.3.0/24"`},
		{`cidrsubnets("10.0.0.0/16", 4, 4, 8)`, `["10.0.0.0/20", "10.0.16.0/20", "10.0.32.0/24"]`},
		{`cidrhost("10.0.0.0/24", 5)`, `"10.0.0.5"`},
		{`cidrhost("10.0.0.0/24", -2)`, `"10.0.0.254"`},
		{`cidrnetmask("172.16.0.0/12")`, `"255.240.0.0"`},
		{`cidrsubnet("fd00::/56", 8, 2)`, `"fd00:0:0:2::/64"`},
		{`yamlencode({a = 1, b = ["x", "y"]})`, "\"\\\"a\\\": 1\\n\\\"b\\\":\\n- \\\"x\\\"\\n- \\\"y\\\"\\n\""},
		{`yamldecode("a: 1\nb: [x, y]\n")`, `{a = 1, b = ["x", true]}`},
		{`index(["a", "b"], "b")`, `1`},
		{`sum([1, 2.5])`, `3.5`},
		{`transpose({a = ["x", "y"], b = ["x"]})`, `{x = ["a", "b"], y = ["a"]}`},
		{`urlencode("a b&c")`, `"a+b%26c"`},
		{`base64gzip("hello")`, `"H4sIAAAAAAAA/8pIzcnJBwAAAP//AQAA//+GphA2BQAAAA=="`},
		{`uuidv5("dns", "example.com")`, `"cfbff0d1-9375-5685-968c-48ce8b15ae17"`},
		{`matchkeys(["a", "b", "c"], ["x", "y", "z"], ["y", "z"])`, `["b", "c"]`},
		{`pathexpand("a/b")`, `"a/b"`},
		{`csvdecode("a,b\n1,2\n")`, `[{a = "1", b = "2"}]`},
		{`formatdate("YYYY-MM-DD", "2024-01-02T03:04:05Z")`, `"2024-01-02"`},
		{`title("hello world")`, `"Hello World"`},
		{`regex("(\\d+)-(\\d+)", "10-20")`, `["10", "20"]`},
		{`format("%99999999d", 1)`, `null`}, // bounded: unknown, compared below
	}
	var src strings.Builder
	src.WriteString("locals {\n")
	for i, tt := range tests {
		src.WriteString("  got_" + itoa(i) + " = " + tt.expr + "\n")
		src.WriteString("  want_" + itoa(i) + " = " + tt.want + "\n")
	}
	src.WriteString("}\n")
	dir := writeModule(t, map[string]string{"main.tf": src.String()})
	ev, unit := evalModule(t, dir, Options{})
	noErrors(t, unit)
	for _, d := range unit.Diagnostics {
		t.Errorf("unexpected diagnostic: %s", d.Error())
	}
	for i, tt := range tests {
		got, want := ev.locals["got_"+itoa(i)], ev.locals["want_"+itoa(i)]
		if strings.HasPrefix(tt.expr, `format("%9999`) {
			if got.IsKnown() {
				t.Errorf("%s = %#v, want unknown", tt.expr, got)
			}
			continue
		}
		if !got.IsWhollyKnown() || !want.IsWhollyKnown() {
			t.Errorf("%s = %#v, want %s", tt.expr, got, tt.want)
			continue
		}
		// The literal on the right is a tuple or object where the function
		// returns a list or map: compare in the function's type.
		if conv, err := convert.Convert(want, got.Type()); err == nil {
			want = conv
		}
		if eq := got.Equals(want); !eq.IsKnown() || !eq.True() {
			t.Errorf("%s = %#v, want %#v", tt.expr, got, want)
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestTemplateFile(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"main.tf": `
locals {
  rendered = templatefile("${path.module}/t.tpl", { name = "x", items = ["a", "b"] })
  nested   = templatefile("t2.tpl", {})
  unknown  = templatefile("t.tpl", { name = var.unset, items = [] })
}
variable "unset" {}
`,
		"t.tpl":  "hello ${name}%{ for i in items }-${i}%{ endfor }",
		"t2.tpl": `${templatefile("t.tpl", { name = "y", items = [] })}`,
	})
	ev, unit := evalModule(t, dir, Options{})
	if got := ev.locals["rendered"]; !got.RawEquals(cty.StringVal("hello x-a-b")) {
		t.Errorf("rendered = %#v", got)
	}
	// templatefile may not call itself (Terraform forbids it).
	if got := ev.locals["nested"]; got.IsKnown() {
		t.Errorf("nested = %#v, want unknown", got)
	}
	if got := ev.locals["unknown"]; got.IsKnown() {
		t.Errorf("unknown = %#v, want unknown", got)
	}
	for _, d := range unit.Diagnostics {
		if d.Severity == model.DiagError {
			t.Errorf("unexpected diagnostic: %s", d.Error())
		}
	}
}

// TestFileSymlinkOutside checks that a link inside the module cannot be
// used to read a file outside it.
func TestFileSymlinkOutside(t *testing.T) {
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.json"), []byte(`{}`), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := writeModule(t, map[string]string{"main.tf": `locals { x = file("link.json") }`})
	if err := os.Symlink(filepath.Join(outside, "secret.json"), filepath.Join(dir, "link.json")); err != nil {
		t.Skip(err)
	}
	ev, unit := evalModule(t, dir, Options{})
	if got := ev.locals["x"]; got.IsKnown() {
		t.Errorf("x = %#v, want unknown", got)
	}
	if len(unit.Diagnostics) != 1 || unit.Diagnostics[0].Summary != "file outside the scan root" {
		t.Errorf("diagnostics = %v", unit.Diagnostics)
	}
}
