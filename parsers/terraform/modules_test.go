package terraform

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/seclint/seclint/parsers/model"
)

// fixture is the path of an evaluation fixture.
func fixture(parts ...string) string {
	return filepath.Join(append([]string{"..", "..", "testdata", "fixtures"}, parts...)...)
}

// parseFixture parses a fixture's root module with the fixture as scan root.
func parseFixture(t *testing.T, dir string) (*model.Unit, *evaluator) {
	t.Helper()
	return parseFixtureWith(t, dir, Options{ScanRoot: dir})
}

// parseFixtureAll is parseFixture evaluating every resource, for tests
// that read resources no adapter reads.
func parseFixtureAll(t *testing.T, dir string) (*model.Unit, *evaluator) {
	t.Helper()
	return parseFixtureWith(t, dir, Options{ScanRoot: dir, walkAll: true})
}

func parseFixtureWith(t *testing.T, dir string, opts Options) (*model.Unit, *evaluator) {
	t.Helper()
	u, e := parseModule(dir, nil, opts)
	for _, d := range u.Diagnostics {
		if d.Severity != model.DiagNote {
			t.Errorf("unexpected diagnostic: %s", d.Error())
		}
	}
	return u, e
}

// TestModuleForEach is the case of the issue: a root calls ./modules/bucket
// for two instances, one of which gets a public ACL through a variable.
func TestModuleForEach(t *testing.T) {
	dir := fixture("terraform-modules")
	u, _ := parseFixture(t, dir)
	modFile := filepath.Join(dir, "modules", "bucket", "main.tf")
	rootFile := filepath.Join(dir, "main.tf")
	public := 0
	for _, b := range u.Model.AWS.S3.Buckets {
		v, _ := aclOf(t, u, b)
		acl, _ := v.Get()
		switch b.ID {
		case `module.bucket["reports"].aws_s3_bucket.this`:
			if acl != "public-read" || b.Name != model.KnownOf("acme-reports") {
				t.Errorf("reports bucket = %+v", b)
			}
		case `module.bucket["logs"].aws_s3_bucket.this`:
			if acl != "private" || b.Name != model.KnownOf("acme-logs") {
				t.Errorf("logs bucket = %+v", b)
			}
		default:
			t.Errorf("unexpected bucket %s", b.ID)
		}
		if strings.HasPrefix(acl, "public") {
			public++
		}
	}
	if public != 1 || len(u.Model.AWS.S3.Buckets) != 2 {
		t.Fatalf("%d public buckets of %d, want 1 of 2", public, len(u.Model.AWS.S3.Buckets))
	}
	id := `module.bucket["reports"].aws_s3_bucket.this`
	// The ACL is located in the module's file, where var.acl is read.
	_, aclID := aclOf(t, u, bucketByID(t, u, id))
	r, ok := u.Locations.Lookup(aclID, "acl")
	src, _ := os.ReadFile(modFile)
	if !ok || r.File != modFile || r.Start.Line != lineOf(t, string(src), "acl    = var.acl", 1) {
		t.Errorf("acl at %v", r)
	}
	// The call chain: the module block, from its first line.
	chain := u.CallChains[id]
	rootSrc, _ := os.ReadFile(rootFile)
	if len(chain) != 1 || chain[0].Message != `module.bucket["reports"]` || chain[0].Range.File != rootFile ||
		chain[0].Range.Start.Line != lineOf(t, string(rootSrc), `module "bucket" {`, 1) || chain[0].Range.End.Line <= chain[0].Range.Start.Line {
		t.Errorf("call chain = %+v", chain)
	}
	// The unit read the module's files too.
	if !contains(u.Files, modFile) || !contains(u.Files, rootFile) {
		t.Errorf("files = %v", u.Files)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestNestedModules checks instances two modules deep, a document that
// crosses two module boundaries through variables and outputs, and their
// locations and call chains.
func TestNestedModules(t *testing.T) {
	dir := fixture("terraform-eval", "nested-modules")
	u, e := parseFixture(t, dir)
	policyFile := filepath.Join(dir, "modules", "policy", "main.tf")
	src, _ := os.ReadFile(policyFile)
	actionsLine := lineOf(t, string(src), "actions   = var.actions", 1)
	for _, tt := range []struct {
		id      string
		actions []string
		chain   []string
	}{
		{"module.role[0].aws_iam_role_policy.this.policy", []string{"ec2:*"}, []string{"module.role[0]"}},
		{"module.role[1].aws_iam_role_policy.this.policy", []string{"ec2:DescribeInstances"}, []string{"module.role[1]"}},
		// Followed through module.role[0].policy_json to the document
		// two modules down.
		{"aws_iam_policy.from_output.policy", []string{"ec2:*"}, nil},
	} {
		p := policyByID(t, u, tt.id)
		if len(p.Statements) != 1 {
			t.Errorf("%s: %d statements", tt.id, len(p.Statements))
			continue
		}
		got, _ := strs(p.Statements[0].Actions)
		if strings.Join(got, ",") != strings.Join(tt.actions, ",") {
			t.Errorf("%s actions = %v, want %v", tt.id, got, tt.actions)
		}
		if r := u.Locations[tt.id]["statements[0].actions[0]"]; r.File != policyFile || r.Start.Line != actionsLine {
			t.Errorf("%s action at %v, want %s:%d", tt.id, r, policyFile, actionsLine)
		}
		var chain []string
		for _, c := range u.CallChains[tt.id] {
			chain = append(chain, c.Message)
		}
		if strings.Join(chain, " ") != strings.Join(tt.chain, " ") {
			t.Errorf("%s chain = %v, want %v", tt.id, chain, tt.chain)
		}
	}
	// Two module instances of role, each with one of policy.
	var paths []string
	for _, mi := range e.insts {
		paths = append(paths, mi.path)
	}
	want := `,module.role[0],module.role[0].module.policy,module.role[1],module.role[1].module.policy`
	if strings.Join(paths, ",") != want {
		t.Errorf("instances = %q, want %q", strings.Join(paths, ","), want)
	}
}

// TestModuleSources checks sources that are not local paths: installed
// ones resolve through .terraform/modules/modules.json, others are not
// available (one note each, outputs unknown).
func TestModuleSources(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"main.tf": `
module "installed" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.0.0"
  acl     = "public-read"
}
module "missing" {
  source = "git::https://example.com/modules.git//bucket"
}
module "empty" {
  source = "./nothing-here"
}
resource "aws_s3_bucket" "b" {
  bucket = "from-${module.installed.name}-${module.missing.name}"
}
`,
	})
	inst := filepath.Join(dir, ".terraform", "modules", "installed")
	if err := os.MkdirAll(inst, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(inst, "main.tf"), []byte(`
variable "acl" {}
resource "aws_s3_bucket" "this" {
  bucket = "installed"
  acl    = var.acl
}
output "name" { value = aws_s3_bucket.this.bucket }
`), 0o644); err != nil {
		t.Fatal(err)
	}
	manifest := `{"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"installed","Source":"registry.terraform.io/terraform-aws-modules/s3-bucket/aws","Version":"4.0.0","Dir":".terraform/modules/installed"}]}`
	if err := os.WriteFile(filepath.Join(dir, ".terraform", "modules", "modules.json"), []byte(manifest), 0o644); err != nil {
		t.Fatal(err)
	}
	u := ParseModule(dir, nil, Options{})
	b := bucketByID(t, u, "module.installed.aws_s3_bucket.this")
	if b.ACL != model.KnownOf("public-read") {
		t.Errorf("installed module's bucket = %+v", b)
	}
	if name := bucketByID(t, u, "aws_s3_bucket.b").Name; name.State != model.Unknown {
		t.Errorf("name from an unavailable module's output = %v, want unknown", name)
	}
	var notes []string
	for _, d := range u.Diagnostics {
		if d.Severity != model.DiagNote || d.Summary != "module not available" {
			t.Errorf("unexpected diagnostic %s", d.Error())
			continue
		}
		notes = append(notes, d.Detail)
	}
	if len(notes) != 2 || !strings.Contains(notes[0]+notes[1], "module.missing") || !strings.Contains(notes[0]+notes[1], "module.empty") {
		t.Errorf("notes = %v, want one for module.missing and one for module.empty", notes)
	}
}

// TestModuleCycle checks that a module calling itself stops.
func TestModuleCycle(t *testing.T) {
	dir := writeModule(t, map[string]string{"main.tf": `
module "self" {
  source = "./"
}
module "loop" {
  source = "./loop"
}
`})
	loop := filepath.Join(dir, "loop")
	if err := os.MkdirAll(loop, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(loop, "main.tf"), []byte(`module "back" { source = "../" }`), 0o644); err != nil {
		t.Fatal(err)
	}
	u := ParseModule(dir, nil, Options{})
	n := 0
	for _, d := range u.Diagnostics {
		if d.Summary == "module calls itself" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("diagnostics = %v, want two module cycles", u.Diagnostics)
	}
}

// TestGraphRoots checks how module directories group into root modules.
func TestGraphRoots(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, src string) string {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	mods := map[string][]string{}
	add := func(rel, src string) {
		p := write(rel, src)
		mods[filepath.Dir(p)] = append(mods[filepath.Dir(p)], p)
	}
	add("envs/prod/main.tf", `module "app" { source = "../../modules/app" }`)
	add("envs/dev/main.tf", `module "app" { source = "../../modules/app" }`)
	add("modules/app/main.tf", `module "bucket" { source = "../bucket" }`)
	add("modules/bucket/main.tf", `resource "aws_s3_bucket" "b" {}`)
	add("cycle/a/main.tf", `module "b" { source = "../b" }`)
	add("cycle/b/main.tf", `module "a" { source = "../a" }`)
	add("registry/main.tf", `module "x" { source = "terraform-aws-modules/vpc/aws" }`)
	g := NewGraph(mods, NewCache())
	var got []string
	for _, r := range g.Roots() {
		rel, _ := filepath.Rel(dir, r)
		got = append(got, filepath.ToSlash(rel))
	}
	want := "cycle/a envs/dev envs/prod registry"
	if strings.Join(got, " ") != want {
		t.Errorf("roots = %v, want %s", got, want)
	}
	var reach []string
	for _, r := range g.Reach(filepath.Join(dir, "envs", "prod")) {
		rel, _ := filepath.Rel(dir, r)
		reach = append(reach, filepath.ToSlash(rel))
	}
	if strings.Join(reach, " ") != "envs/prod modules/app modules/bucket" {
		t.Errorf("reach = %v", reach)
	}
}

// hasModuleBlock reports whether the parse of src (errors and all) has a
// top-level module block, as the call graph reads them.
func hasModuleBlock(path string, src []byte) bool {
	f, _ := parseContent(path, src)
	if f == nil || f.Body == nil {
		return false
	}
	content, _, _ := f.Body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
		{Type: "module", LabelNames: []string{"name"}},
	}})
	return content != nil && len(content.Blocks) > 0
}

func TestMayDeclareModule(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{`module "a" { source = "./a" }`, true},
		{"\ufeffmodule \"a\" {\n}\n", true},
		{"locals {\n  x = 1\n}\n\t  module \"a\" {\n}\n", true},
		{"/* c */ module \"a\" {\n}\n", true},
		{"/* a\n b */ module \"a\" {\n}\n", true},
		{"# module\nmodule \"a\" {\n}\n", true},
		{"x = 1\r\nmodule \"a\" {\r\n}\r\n", true},
		{`x = module.a.id`, false},
		{"resource \"a\" \"b\" { x = module.a.id }\n", false},
		{"x = 1 # module \"a\" {}\n", false},
		{"x = \"module\"\n", false},
		{"x = 1 module \"a\" {\n}\n", false},
		{`resource "a" "b" {}`, false},
	} {
		got := mayDeclareModule("main.tf", []byte(tc.src))
		if got != tc.want {
			t.Errorf("mayDeclareModule(%q) = %v, want %v", tc.src, got, tc.want)
		}
		if hasModuleBlock("main.tf", []byte(tc.src)) && !got {
			t.Errorf("mayDeclareModule(%q) rules out a file with a module block", tc.src)
		}
	}
	if !mayDeclareModule("main.tf.json", []byte(`{"x": "module"}`)) {
		t.Error("a JSON file that mentions module is ruled out")
	}
}

// FuzzMayDeclareModule checks that mayDeclareModule never rules out a file
// whose parse has a module block.
func FuzzMayDeclareModule(f *testing.F) {
	for _, s := range []string{
		"module \"a\" {\n}\n",
		"x = 1\n/* c */ module \"a\" {}\n",
		"a {}}\nmodule \"a\" {}\n",
		"x = (\nmodule \"a\" {}\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if hasModuleBlock("main.tf", []byte(src)) && !mayDeclareModule("main.tf", []byte(src)) {
			t.Errorf("mayDeclareModule(%q) rules out a file with a module block", src)
		}
	})
}
