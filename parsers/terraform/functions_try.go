package terraform

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/customdecode"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// tryFunc and canFunc are Terraform's try and can (HCL's ext/tryfunc, which
// Terraform uses): an argument whose value is not wholly known makes the
// result unknown, never the fallback, because once known it may fail
// where the unknown value did not. Unlike HCL's, the unknown result keeps
// the marks of the value that made it unknown: they are the references
// (see ref) through which an adapter links, say, a logging configuration
// to the log bucket that try(module.logs.bucket_id, null) names, while the
// name itself is unknown.
//
// HCL's try evaluates its arguments twice, once to tell the result's type
// (go-cty asks a function for it before calling it) and once for the value,
// so that a try nested in a try is evaluated four times. Nothing here asks
// for a function's type without calling it, and any value conforms to the
// dynamic type: each argument is evaluated once.
var tryFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{
		Name: "expressions",
		Type: customdecode.ExpressionClosureType,
	},
	Type: function.StaticReturnType(cty.DynamicPseudoType),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) { return tryArgs(args) },
})

var canFunc = function.New(&function.Spec{
	Params: []function.Parameter{{
		Name: "expression",
		Type: customdecode.ExpressionClosureType,
	}},
	Type: function.StaticReturnType(cty.Bool),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v, diags := customdecode.ExpressionClosureFromVal(args[0]).Value()
		switch {
		case diags.HasErrors():
			return cty.False, nil
		case !v.IsWhollyKnown():
			return cty.UnknownVal(cty.Bool).WithMarks(deepMarks(v)), nil
		}
		return cty.True, nil
	},
})

// tryArgs returns the value of the first argument that evaluates without
// error; unknown (with that value's marks) when that value is not wholly
// known; an error listing every argument's when none does.
func tryArgs(args []cty.Value) (cty.Value, error) {
	if len(args) == 0 {
		return cty.NilVal, errors.New("at least one argument is required")
	}
	var diags hcl.Diagnostics
	for _, arg := range args {
		v, d := customdecode.ExpressionClosureFromVal(arg).Value()
		if d.HasErrors() {
			// A more refined value cannot remove an error.
			diags = append(diags, d...)
			continue
		}
		if !v.IsWhollyKnown() {
			return cty.DynamicVal.WithMarks(deepMarks(v)), nil
		}
		return v, nil
	}
	var b strings.Builder
	b.WriteString("no expression succeeded:\n")
	for _, d := range diags {
		if d.Subject != nil {
			fmt.Fprintf(&b, "- %s (at %s)\n  %s\n", d.Summary, d.Subject, d.Detail)
		} else {
			fmt.Fprintf(&b, "- %s\n  %s\n", d.Summary, d.Detail)
		}
	}
	b.WriteString("\nAt least one expression must produce a successful result")
	return cty.NilVal, errors.New(b.String())
}

// deepMarks returns the marks of v and of every part of it.
func deepMarks(v cty.Value) cty.ValueMarks {
	_, marks := v.UnmarkDeep()
	return marks
}
