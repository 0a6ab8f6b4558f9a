// Package terraform turns a Terraform root module, with the modules it
// calls, into a seclint scan unit: it parses the HCL (and .tf.json) files,
// evaluates what Terraform would know at plan time (variables, locals,
// module calls and outputs, count and for_each instances, dynamic blocks,
// a set of Terraform's functions, provider regions) with explicit unknowns
// for everything only known after apply, converts resource bodies into
// positioned node trees, and adapts them to the model. It reads the JSON
// form of a Terraform plan into the same model, too.
//
// The pipeline of ParseModule is:
//
//	load.go       read and parse a module's files, collect its blocks
//	override.go   merge override files as Terraform does
//	scan.go       what a module's expressions call and read
//	sources.go    module sources: local paths, .terraform/modules/modules.json
//	graph.go      the call graph of the modules of a scan: which are roots
//	cache.go      what the units of one scan share: parsed files and modules
//	eval.go       the evaluator of a unit; refs.go: references as cty marks
//	instance.go   module instances: demand-driven evaluation of what they declare
//	expand.go     count and for_each; resources.go and calls.go: their instances
//	blocks.go     nested and dynamic blocks
//	vars.go       variable values: defaults, TF_VAR_*, tfvars, --var-file, --var, inputs
//	providers.go  provider configurations and regions
//	functions*.go the function table (fsfuncs.go: file functions, confined to the scan root)
//	convert.go    cty values walked beside their expressions into node trees
//	policy.go     policy documents: jsonencode, heredoc, file, templatefile, through modules
//	policydoc.go  policy documents of aws_iam_policy_document data sources
//	jsonpos.go    JSON parsed with positions (textmap.go maps them to the source)
//	adapt*.go     node trees into the model, with locations and call chains
//	diag.go       diagnostics
//
// ParsePlan reads `terraform show -json` output (plan.go) into the same
// module and resource instances (plan_build.go), so the same adapters map
// it, and points its findings into the configuration beside it when there
// is one (plan_locate.go).
//
// Nothing here stops on bad input: problems become model.Diagnostics and the
// values they affect become unknown.
package terraform

import (
	"fmt"
	"runtime/debug"

	"github.com/zclconf/go-cty/cty"

	"github.com/seclint/seclint/parsers/model"
)

// Options are the inputs a Terraform run would take from its command line
// and environment, and the limits of what the scan may read.
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
	// ScanRoot is the directory the scan was asked to read: file(),
	// templatefile() and the other file functions read only below it (a
	// path that leaves it is an error diagnostic, and nothing is read).
	// Empty means the root module's directory.
	ScanRoot string
	// Cache, when set, shares parsed files and modules between the units
	// of one scan, and reports each diagnostic once per scan.
	Cache *Cache

	// planVars are the root variable values of a plan whose configuration
	// is evaluated for its positions: they take precedence over all else.
	planVars map[string]cty.Value
	// walkAll evaluates every variable, local and resource, not only the
	// resources the adapters read and what they need: for tests of the
	// evaluator that look at the others.
	walkAll bool
}

// ParseModule reads the Terraform root module in the directory dir, with
// the modules it calls, and returns one scan unit. files lists the *.tf and
// *.tf.json files of dir as the caller discovered them (paths usable as
// given, e.g. "dir/main.tf"); when files is nil they are discovered in dir,
// without recursing. The files of called modules are discovered in their
// directories.
//
// ParseModule never returns nil and never panics: unreadable or invalid files,
// unimplemented functions and files outside the scan root become diagnostics
// in the unit, and the values they affect become unknown.
func ParseModule(dir string, files []string, opts Options) *model.Unit {
	unit, _ := parseModule(dir, files, opts)
	return unit
}

// parseModule is ParseModule, returning the evaluator too, for tests.
func parseModule(dir string, files []string, opts Options) (unit *model.Unit, e *evaluator) {
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

	diags := &diagnostics{unit: unit, cache: opts.Cache}
	e = newEvaluator(dir, opts, diags)
	e.run(files)
	unit.Files = e.files()
	// The configuration files as read for parsing (variable files are not
	// kept; the scan reads them again if it needs them).
	unit.Sources = e.src
	newAdapter(e, unit).run()
	return unit, e
}

// files lists the files the unit read: every module's configuration
// files, then the root's variable files.
func (e *evaluator) files() []string {
	var out []string
	seen := map[string]bool{}
	for _, mi := range e.insts {
		for _, p := range mi.mod.paths {
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	return append(out, e.varFiles...)
}
