package terraform

import "testing"

// TestLiteralThroughLocalsAndModules: which master passwords are literals
// written in the code, and where. A literal keeps its origin through
// locals (also an entry of a local object), a module call's argument and
// a local passed on as an argument, and through a function of literals
// only; a root variable's value (default, --var, tfvars) is an input, and
// so is what is computed from one or from a file.
func TestLiteralThroughLocalsAndModules(t *testing.T) {
	const root = `
variable "given" {
  type    = string
  default = "root-default"
}

locals {
  pw    = "Winter2024!"
  creds = { db = "Summer2024!", other = var.given }
  mixed = "${local.pw}${var.given}"
  joined = join("-", [local.pw, "x"])
  read  = file("${path.module}/pw.txt")
}

resource "aws_db_instance" "local" {
  password = local.pw
}
resource "aws_db_instance" "entry" {
  password = local.creds.db
}
resource "aws_db_instance" "entry_variable" {
  password = local.creds.other
}
resource "aws_db_instance" "mixed" {
  password = local.mixed
}
resource "aws_db_instance" "joined" {
  password = local.joined
}
resource "aws_db_instance" "file" {
  password = local.read
}
resource "aws_db_instance" "variable" {
  password = var.given
}

module "arg" {
  source   = "./db"
  password = "Autumn2024!"
}
module "arg_local" {
  source   = "./db"
  password = local.pw
}
module "arg_variable" {
  source   = "./db"
  password = var.given
}
module "arg_default" {
  source = "./db"
}
module "arg_null" {
  source   = "./db"
  password = null
}
module "arg_cond" {
  source   = "./db"
  password = var.given == "" ? null : "Cond2024!"
}
`
	const db = `
variable "password" {
  type    = string
  default = "module-default"
}
resource "aws_db_instance" "this" {
  password = var.password
}
`
	// The module lives beside the root, as ./db.
	dir := writeModule(t, map[string]string{"main.tf": root, "pw.txt": "from-a-file", "db/main.tf": db})
	dbDir := dir + "/db"
	for _, opts := range []Options{{}, {Vars: map[string]string{"given": "from-var"}}} {
		u := ParseModule(dir, nil, opts)
		main := dir + "/main.tf"
		want := map[string]struct {
			literal bool
			file    string
			line    int // of master_password
		}{
			"aws_db_instance.local":                    {true, main, 8},
			"aws_db_instance.entry":                    {true, main, 9},
			"aws_db_instance.entry_variable":           {false, main, 22},
			"aws_db_instance.mixed":                    {false, main, 25},
			"aws_db_instance.joined":                   {true, main, 11},
			"aws_db_instance.file":                     {false, main, 31},
			"aws_db_instance.variable":                 {false, main, 34},
			"module.arg.aws_db_instance.this":          {true, main, 39},
			"module.arg_local.aws_db_instance.this":    {true, main, 8},
			"module.arg_variable.aws_db_instance.this": {false, dbDir + "/main.tf", 7},
			"module.arg_default.aws_db_instance.this":  {false, dbDir + "/main.tf", 7},
			"module.arg_null.aws_db_instance.this":     {false, dbDir + "/main.tf", 6},
			"module.arg_cond.aws_db_instance.this":     {true, main, 58},
		}
		seen := 0
		for _, db := range u.Model.AWS.RDS.Instances {
			w, ok := want[db.ID]
			if !ok {
				t.Errorf("unexpected instance %s", db.ID)
				continue
			}
			seen++
			if db.PasswordLiteral != w.literal {
				t.Errorf("%v: %s: PasswordLiteral = %v, want %v", opts.Vars, db.ID, db.PasswordLiteral, w.literal)
			}
			r, _ := u.Locations.Lookup(db.ID, "master_password")
			if r.File != w.file || r.Start.Line != w.line {
				t.Errorf("%v: %s: master_password at %s:%d, want %s:%d", opts.Vars, db.ID, r.File, r.Start.Line, w.file, w.line)
			}
			if _, used := u.Uses[db.ID]["master_password"]; used != (w.literal && r.Start.Line != usedLine(db.ID)) {
				t.Errorf("%v: %s: use recorded = %v", opts.Vars, db.ID, used)
			}
		}
		if seen != len(want) {
			t.Errorf("%d instances, want %d", seen, len(want))
		}
	}
}

// usedLine is the line where the test's resource id uses its password, for
// literals written elsewhere (a use is recorded) or in place (none).
func usedLine(id string) int {
	switch id {
	case "aws_db_instance.local":
		return 16
	case "aws_db_instance.entry":
		return 19
	case "aws_db_instance.joined":
		return 28
	}
	return 7 // in the module
}
