package terraform

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

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
	// def is the default value, when hasDef.
	def      cty.Value
	hasDef   bool
	nullable bool

	// defOnce guards defConv, the default converted to the type. A
	// module's declarations are shared by every instance of it in the
	// scan (and by the units that call it), and converting a large
	// default (a map of hundreds of rules) costs as much as the rest of
	// the module's evaluation; the default is a literal, so its
	// conversion is the same every time.
	defOnce sync.Once
	defConv cty.Value
}

// convertedDefault is the default converted to the variable's type.
func (d *varDecl) convertedDefault() cty.Value {
	d.defOnce.Do(func() { d.defConv = convertVar(d.def, d) })
	return d.defConv
}

// rootVariables computes the root module's var.* the way Terraform does,
// lowest precedence first: defaults, TF_VAR_ environment variables,
// terraform.tfvars, terraform.tfvars.json, *.auto.tfvars(.json) in lexical
// order, then the --var-file files and the --var values. A variable with no
// value is unknown; a value that does not convert to the type constraint is
// unknown.
func (e *evaluator) rootVariables(m *module) map[string]cty.Value {
	opts := e.opts
	raw := map[string]cty.Value{}
	for _, kv := range opts.Env {
		name, value, ok := strings.Cut(kv, "=")
		if !ok || !strings.HasPrefix(name, "TF_VAR_") {
			continue
		}
		name = strings.TrimPrefix(name, "TF_VAR_")
		if v := m.varByName[name]; v != nil {
			raw[name] = e.rawVar(name, value, m.varDecl(v), "environment variable TF_VAR_"+name)
		}
	}

	for _, path := range autoVarFiles(m.dir) {
		e.varFiles = append(e.varFiles, path)
		e.applyVarFile(path, m, raw)
	}
	for _, path := range opts.VarFiles {
		e.applyVarFile(path, m, raw)
	}

	names := make([]string, 0, len(opts.Vars))
	for name := range opts.Vars {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if v := m.varByName[name]; v != nil {
			raw[name] = e.rawVar(name, opts.Vars[name], m.varDecl(v), "--var "+name)
			e.checkFlagVar(name, raw[name], m.varDecl(v), v.decl)
		}
	}

	for name, v := range opts.planVars {
		if m.varByName[name] != nil {
			raw[name] = v
		}
	}

	out := make(map[string]cty.Value, len(m.variables))
	for _, v := range m.variables {
		val, ok := raw[v.name]
		out[v.name] = e.finishVariable(val, ok, m.varDecl(v), v.decl)
	}
	return out
}

// varDecl returns the decoded type constraint of a variable, decoded the
// first time only: most variables of a large module are never evaluated.
// Every instance of the module shares it (and the default it converts
// once), so the first one stored is the one kept.
func (m *module) varDecl(v *variable) *varDecl {
	m.varsMu.Lock()
	d := m.decls[v.name]
	m.varsMu.Unlock()
	if d != nil {
		return d
	}
	// Decoded outside the lock, as in traversals.
	d = newVarDecl(v)
	m.varsMu.Lock()
	defer m.varsMu.Unlock()
	if prev := m.decls[v.name]; prev != nil {
		return prev
	}
	if m.decls == nil {
		m.decls = map[string]*varDecl{}
	}
	m.decls[v.name] = d
	return d
}

// newVarDecl decodes a variable's type constraint, default and nullable.
func newVarDecl(v *variable) *varDecl {
	d := &varDecl{ty: cty.DynamicPseudoType}
	if v.typeExpr != nil {
		d.ty, d.defaults, d.parseHCL = typeConstraint(v.typeExpr)
	}
	if v.def != nil {
		// A default cannot refer to anything, so it is evaluated
		// without a context; what fails to evaluate is unknown.
		val, hd := v.def.Value(nil)
		if hd.HasErrors() {
			val = cty.DynamicVal
		}
		d.def, d.hasDef = val, true
	}
	d.nullable = true
	if v.nullable != nil {
		if b, hd := v.nullable.Value(nil); !hd.HasErrors() && b.Type() == cty.Bool && b.IsKnown() && !b.IsNull() {
			d.nullable = b.True()
		}
	}
	return d
}

// finishVariable turns the value given for a variable (has: whether one was
// given at all) into the variable's value: the default when none was given
// (unknown without a default: Terraform would ask for one), the default
// for null when the variable is not nullable, then the type's optional
// attribute defaults and the conversion to the type. A value too large to
// convert is unknown, with a warning at the declaration decl
// (varConvertible).
func (e *evaluator) finishVariable(val cty.Value, has bool, d *varDecl, decl hcl.Range) cty.Value {
	if !e.varConvertible(val, has, d, decl) {
		return cty.UnknownVal(d.ty)
	}
	if !has {
		if !d.hasDef {
			return cty.UnknownVal(d.ty)
		}
		return d.convertedDefault()
	}
	if u, _ := val.Unmark(); u.IsNull() && !d.nullable && d.hasDef {
		return d.convertedDefault()
	}
	return convertVar(val, d)
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
// it to its type constraint; a value that does not fit is unknown. The
// marks of the value stay where they were when the conversion keeps the
// paths, and go to the whole value when it does not (an object converted
// to a map), so that no reference is lost.
func convertVar(val cty.Value, d *varDecl) cty.Value {
	if !val.ContainsMarked() {
		return convertPlain(val, d)
	}
	if d.defaults == nil && (d.ty == cty.DynamicPseudoType || val.Type().Equals(d.ty.WithoutOptionalAttributesDeep())) {
		// Nothing to apply and nothing to convert (convert.Convert returns
		// a value of the type as it is): the value and its marks stay.
		return val
	}
	u, pvm := val.UnmarkDeepWithPaths()
	if d.defaults != nil && u.IsWhollyKnown() {
		u = d.defaults.Apply(u)
	}
	if d.ty != cty.DynamicPseudoType {
		conv, err := convert.Convert(u, d.ty)
		if err != nil {
			_, marks := val.UnmarkDeep()
			return cty.UnknownVal(d.ty).WithMarks(marks)
		}
		u = conv
	}
	if len(pvm) == 0 {
		return u
	}
	out := u.MarkWithPaths(pvm)
	_, after := out.UnmarkDeep()
	lost := cty.ValueMarks{}
	for _, pm := range pvm {
		for m := range pm.Marks {
			if _, ok := after[m]; !ok {
				lost[m] = struct{}{}
			}
		}
	}
	if len(lost) > 0 {
		out = out.WithMarks(lost)
	}
	return out
}

// convertPlain is convertVar for a value without marks.
func convertPlain(val cty.Value, d *varDecl) cty.Value {
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
func (e *evaluator) applyVarFile(path string, m *module, raw map[string]cty.Value) {
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
		if m.varByName[name] == nil {
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
