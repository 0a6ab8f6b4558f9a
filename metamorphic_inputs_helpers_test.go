package seclint

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestMetamorphicInputs checks the helpers of the metamorphic test: which
// inputs are found, which are excluded as deciding multiplicity, and that
// the edits make the input unknown while keeping the file valid.
func TestMetamorphicInputs(t *testing.T) {
	tests := []struct {
		name     string
		files    map[string]string
		unit     string // module directory or template, relative
		inputs   []string
		excluded []string
		// after holds, per file, text that must be gone after all edits.
		gone map[string]string
	}{
		{
			name: "terraform count through locals, tfvars, dynamic",
			files: map[string]string{
				"main.tf": `
variable "n" { default = 2 }
variable "acl" {
  type    = string
  default = "private"
}
variable "names" { default = ["a"] }
variable "rules" { default = [] }
variable "from_file" {}
locals {
  count = var.n + 1
  other = local.count
}
resource "aws_s3_bucket" "b" {
  count = local.other
  acl   = var.acl
}
resource "aws_s3_bucket" "c" {
  for_each = toset(var.names)
  dynamic "rule" {
    for_each = var.rules
    content {}
  }
}
`,
				"terraform.tfvars": "from_file = \"x\"\nacl = \"public-read\"\n",
			},
			unit:     ".",
			inputs:   []string{"var.acl", "var.from_file"},
			excluded: []string{"var.n", "var.names", "var.rules"},
			gone:     map[string]string{"main.tf": `"private"`, "terraform.tfvars": "public-read"},
		},
		{
			name: "terraform module argument that decides the called module's count",
			files: map[string]string{
				"main.tf": `
variable "enabled" { default = true }
variable "name" { default = "x" }
module "m" {
  source  = "./m"
  create  = var.enabled
  name    = var.name
}
`,
				"m/main.tf": `
variable "create" { default = false }
variable "name" { default = "y" }
resource "aws_s3_bucket" "b" {
  count  = var.create ? 1 : 0
  bucket = var.name
}
`,
			},
			unit:     ".",
			inputs:   []string{"var.name"},
			excluded: []string{"var.enabled"},
			gone:     map[string]string{"main.tf": `"x"`},
		},
		{
			name: "terraform JSON",
			files: map[string]string{
				"main.tf.json":           `{"variable": {"a": {"default": "v"}, "b": {"type": "string"}}, "resource": {"aws_s3_bucket": {"x": {"bucket": "${var.a}"}}}}`,
				"terraform.tfvars.json":  `{"b": "w"}`,
				"extra.auto.tfvars.json": `{"a": "z"}`,
			},
			unit:   ".",
			inputs: []string{"var.a", "var.b"},
			gone:   map[string]string{"main.tf.json": `"v"`, "terraform.tfvars.json": `"w"`, "extra.auto.tfvars.json": `"z"`},
		},
		{
			name: "cloudformation YAML: resource conditions, chained, Fn::If only, Fn::ForEach",
			files: map[string]string{
				"t.yaml": `
Parameters:
  Env: {Type: String, Default: dev}
  Region2: {Type: String, Default: eu}
  Acl: {Type: String, Default: Private}
  Public: {Type: String, Default: "false"}
  Names: {Type: CommaDelimitedList, Default: "a,b"}
  NoDefault: {Type: String}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  ProdEu: !And [!Condition IsProd, !Equals [!Sub "${Region2}", eu]]
  IsPublic: !Equals [!Ref Public, "true"]
Resources:
  B:
    Type: AWS::S3::Bucket
    Condition: ProdEu
    Properties:
      AccessControl: !If [IsPublic, PublicRead, !Ref Acl]
  Fn::ForEach::Buckets:
    - N
    - !Ref Names
    - X${N}:
        Type: AWS::S3::Bucket
`,
			},
			unit:     "t.yaml",
			inputs:   []string{"Parameters.Acl", "Parameters.Public"},
			excluded: []string{"Parameters.Env", "Parameters.Names", "Parameters.Region2"},
			gone:     map[string]string{"t.yaml": "Private"},
		},
		{
			name: "cloudformation JSON",
			files: map[string]string{
				"t.json": `{"Parameters": {"P": {"Type": "String", "Default": "v1"}, "C": {"Type": "String", "Default": "v2"}},
"Conditions": {"On": {"Fn::Equals": [{"Ref": "C"}, "x"]}},
"Resources": {"R": {"Type": "AWS::S3::Bucket", "Condition": "On", "Properties": {"BucketName": {"Fn::Sub": "${P}-b"}}}}}`,
			},
			unit:     "t.json",
			inputs:   []string{"Parameters.P"},
			excluded: []string{"Parameters.C"},
			gone:     map[string]string{"t.json": `"v1"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			writeTree(t, root, tt.files)
			units, err := groupUnits(root)
			if err != nil {
				t.Fatal(err)
			}
			var u *metaUnit
			for i := range units {
				if units[i].path == tt.unit {
					u = &units[i]
				}
			}
			if u == nil {
				t.Fatalf("unit %s not found in %+v", tt.unit, units)
			}
			var names []string
			for _, in := range u.inputs {
				names = append(names, in.name)
			}
			if !reflect.DeepEqual(names, tt.inputs) {
				t.Errorf("inputs %v, want %v", names, tt.inputs)
			}
			if !reflect.DeepEqual(u.excluded, tt.excluded) {
				t.Errorf("excluded %v, want %v", u.excluded, tt.excluded)
			}
			for _, in := range u.inputs {
				for _, e := range in.edits {
					if err := e.apply(root); err != nil {
						t.Fatal(err)
					}
				}
			}
			for name, text := range tt.gone {
				b, err := os.ReadFile(filepath.Join(root, name))
				if err != nil {
					t.Fatal(err)
				}
				if strings.Contains(string(b), text) {
					t.Errorf("%s still has %s after the edits:\n%s", name, text, b)
				}
			}
			// The edited files still parse, and nothing known is left to vary.
			units, err = groupUnits(root)
			if err != nil {
				t.Fatalf("after the edits: %v", err)
			}
			for _, after := range units {
				if after.path == tt.unit && len(after.inputs) > 0 {
					t.Errorf("after the edits, inputs remain: %+v", after.inputs)
				}
			}
		})
	}
}
