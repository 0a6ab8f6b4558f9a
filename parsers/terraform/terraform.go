// Package terraform turns a Terraform module directory into a seclint scan
// unit: it parses the HCL (and .tf.json) files, evaluates what can be known
// before apply (variables, locals, literal resource arguments, a set of
// Terraform's functions) with explicit unknowns for everything else, converts
// resource bodies into positioned node trees, and adapts them to the model.
//
// The pipeline of ParseModule is:
//
//	load.go       read and parse files, collect the top-level blocks
//	vars.go       variable values: defaults, TF_VAR_*, tfvars, --var-file, --var
//	eval.go       the evaluation context: locals and resource objects in dependency order
//	functions.go  the function table (fsfuncs.go: file, fileexists, templatefile)
//	convert.go    cty values walked beside their expressions into node trees
//	policy.go     policy documents: jsonencode, heredoc JSON, file, templatefile
//	policydoc.go  policy documents of aws_iam_policy_document data sources
//	jsonpos.go    JSON parsed with positions (textmap.go maps them to the source)
//	adapt*.go     node trees into the model, with locations
//	diag.go       diagnostics
//
// Nothing here stops on bad input: problems become model.Diagnostics and the
// values they affect become unknown.
package terraform

import (
	"fmt"
	"runtime/debug"

	"github.com/seclint/seclint/parsers/model"
)

// Options are the inputs a Terraform run would take from its command line
// and environment.
type Options struct {
	// Vars are --var K=V values, raw as the command line gives them. Like
	// Terraform's -var, a value is parsed as an HCL expression when the
	// variable's type is not a primitive type, and taken as a literal string
	// otherwise.
	Vars map[string]string
	// VarFiles are --var-file paths (.tfvars in HCL or .tfvars.json), applied
	// in order after the files Terraform loads automatically.
	VarFiles []string
	// Env is the environment (os.Environ()) from which TF_VAR_name values are
	// taken; optional.
	Env []string
}

// ParseModule reads the Terraform files of the module directory dir and
// returns one scan unit. files lists the *.tf and *.tf.json files of dir as
// the caller discovered them (paths usable as given, e.g. "dir/main.tf");
// when files is nil they are discovered in dir, without recursing.
//
// ParseModule never returns nil and never panics: unreadable or invalid files,
// unimplemented functions and files outside the module become diagnostics in
// the unit, and the values they affect become unknown.
func ParseModule(dir string, files []string, opts Options) (unit *model.Unit) {
	unit = model.NewUnit(model.UnitTerraform, dir)
	defer func() {
		// A bug here must not take the whole scan down; it becomes an
		// error diagnostic so that it is seen (and the fuzz test fails).
		if r := recover(); r != nil {
			unit.Diagnostics = append(unit.Diagnostics, model.Diagnostic{
				Severity: model.DiagError,
				Summary:  "internal error",
				Detail:   fmt.Sprintf("parsing the Terraform module failed: %v\n%s", r, debug.Stack()),
				Range:    model.Range{File: dir},
			})
		}
		unit.Model.Normalize()
	}()

	diags := &diagnostics{unit: unit}
	mod := loadModule(dir, files, diags)
	ev := newEvaluator(mod, opts, diags)
	ev.run()
	unit.Files = mod.paths
	newAdapter(ev, unit).run()
	return unit
}
