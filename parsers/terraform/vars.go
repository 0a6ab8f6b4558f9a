package terraform

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/seclint/seclint/parsers/model"
)

// varDecl is a declared variable's type constraint and how raw strings from
// the command line or environment are read for it.
type varDecl struct {
	ty       cty.Type
	defaults *typeexpr.Defaults
	// parseHCL is Terraform's VariableParseHCL mode: a raw -var or TF_VAR_
	// value is an HCL expression for non-primitive types (including `any`)
	// and a literal string for primitive types and untyped variables.
	parseHCL bool
}

// variableValues computes var.* the way Terraform does, lowest precedence
// first: defaults, TF_VAR_ environment variables, terraform.tfvars,
// terraform.tfvars.json, *.auto.tfvars(.json) in lexical order, then the
// --var-file files and the --var values. A variable with no value is
// unknown; a value that does not convert to the type constraint is unknown.
func (e *evaluator) variableValues(opts Options) map[string]cty.Value {
	decls := map[string]*varDecl{}
	raw := map[string]cty.Value{}
	for _, v := range e.mod.variables {
		d := &varDecl{ty: cty.DynamicPseudoType}
		if v.typeExpr != nil {
			d.ty, d.defaults, d.parseHCL = typeConstraint(v.typeExpr)
		}
		decls[v.name] = d
		if v.def != nil {
			// A default cannot refer to anything, so it is evaluated
			// without a context; what fails to evaluate is unknown.
			val, hd := v.def.Value(nil)
			if hd.HasErrors() {
				val = cty.DynamicVal
			}
			raw[v.name] = val
		}
	}

	for _, kv := range opts.Env {
		name, value, ok := strings.Cut(kv, "=")
		if !ok || !strings.HasPrefix(name, "TF_VAR_") {
			continue
		}
		name = strings.TrimPrefix(name, "TF_VAR_")
		if d := decls[name]; d != nil {
			raw[name] = e.rawVar(name, value, d, "environment variable TF_VAR_"+name)
		}
	}

	for _, path := range autoVarFiles(e.mod.dir) {
		e.mod.paths = append(e.mod.paths, path)
		e.applyVarFile(path, decls, raw)
	}
	for _, path := range opts.VarFiles {
		e.applyVarFile(path, decls, raw)
	}

	names := make([]string, 0, len(opts.Vars))
	for name := range opts.Vars {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if d := decls[name]; d != nil {
			raw[name] = e.rawVar(name, opts.Vars[name], d, "--var "+name)
		}
	}

	out := make(map[string]cty.Value, len(decls))
	for name, d := range decls {
		val, ok := raw[name]
		if !ok {
			out[name] = cty.UnknownVal(d.ty)
			continue
		}
		out[name] = convertVar(val, d)
	}
	return out
}

// typeConstraint decodes a type expression loosely: one that does not
// decode is `any`.
func typeConstraint(expr hcl.Expression) (cty.Type, *typeexpr.Defaults, bool) {
	// Terraform accepts the legacy bare keywords list and map.
	switch hcl.ExprAsKeyword(expr) {
	case "list":
		return cty.List(cty.DynamicPseudoType), nil, true
	case "map":
		return cty.Map(cty.DynamicPseudoType), nil, true
	}
	// In .tf.json the type is a string holding the expression.
	if _, isNative := expr.(hclsyntax.Expression); !isNative {
		if v, hd := expr.Value(nil); !hd.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
			if parsed, pd := hclsyntax.ParseExpression([]byte(v.AsString()), expr.Range().Filename, expr.Range().Start); !pd.HasErrors() {
				expr = parsed
			}
		}
	}
	ty, defaults, hd := typeexpr.TypeConstraintWithDefaults(expr)
	if hd.HasErrors() {
		return cty.DynamicPseudoType, nil, true
	}
	return ty, defaults, !ty.IsPrimitiveType()
}

// convertVar applies a variable's optional-attribute defaults and converts
// it to its type constraint; a value that does not fit is unknown.
func convertVar(val cty.Value, d *varDecl) cty.Value {
	if d.defaults != nil && val.IsWhollyKnown() {
		val = d.defaults.Apply(val)
	}
	if d.ty == cty.DynamicPseudoType {
		return val
	}
	conv, err := convert.Convert(val, d.ty)
	if err != nil {
		return cty.UnknownVal(d.ty)
	}
	return conv
}

// rawVar reads a value given as a raw string (--var, TF_VAR_).
func (e *evaluator) rawVar(name, value string, d *varDecl, source string) cty.Value {
	if !d.parseHCL {
		return cty.StringVal(value)
	}
	expr, hd := hclsyntax.ParseExpression([]byte(value), source, hcl.InitialPos)
	if !hd.HasErrors() {
		var val cty.Value
		if val, hd = expr.Value(nil); !hd.HasErrors() {
			return val
		}
	}
	// The value comes from the command line or the environment: there is
	// no file to point at.
	e.diags.add(model.DiagError, "invalid variable value",
		fmt.Sprintf("the value of %s for variable %q is not a valid expression: %s", source, name, hd.Error()),
		hcl.Range{})
	return cty.DynamicVal
}

// autoVarFiles lists the variable files Terraform loads without being asked,
// in the order it applies them.
func autoVarFiles(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out, auto []string
	for _, name := range []string{"terraform.tfvars", "terraform.tfvars.json"} {
		if info, err := os.Stat(filepath.Join(dir, name)); err == nil && info.Mode().IsRegular() {
			out = append(out, filepath.Join(dir, name))
		}
	}
	for _, ent := range entries { // ReadDir sorts by name
		name := ent.Name()
		if ent.Type().IsRegular() && (strings.HasSuffix(name, ".auto.tfvars") || strings.HasSuffix(name, ".auto.tfvars.json")) {
			auto = append(auto, filepath.Join(dir, name))
		}
	}
	return append(out, auto...)
}

// applyVarFile sets raw values from one .tfvars or .tfvars.json file.
// Values for undeclared variables are ignored, as Terraform only warns.
func (e *evaluator) applyVarFile(path string, decls map[string]*varDecl, raw map[string]cty.Value) {
	src, err := readFile(path)
	if err != nil {
		e.diags.add(model.DiagError, "cannot read variable file", err.Error(), hcl.Range{Filename: path})
		return
	}
	var f *hcl.File
	var hd hcl.Diagnostics
	if strings.HasSuffix(path, ".json") {
		f, hd = hcljson.Parse(src, path)
	} else {
		f, hd = hclsyntax.ParseConfig(src, path, hcl.InitialPos)
	}
	if hd.HasErrors() || f == nil {
		e.diags.fromHCL("invalid variable file", hd, path, 10)
		return
	}
	attrs, _ := f.Body.JustAttributes()
	for name, a := range attrs {
		if decls[name] == nil {
			continue
		}
		// Variable files hold constant values: no references, no functions.
		val, vd := a.Expr.Value(nil)
		if vd.HasErrors() {
			val = cty.DynamicVal
		}
		raw[name] = val
	}
}
