package terraform

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// literalExpr reports whether expr is written as a literal: it refers to
// no variable, local, resource, data source, module or iterator, and calls
// no function that reads a file. A function of literals only
// (jsonencode({password = "x"}), "${"a"}${"b"}") is still a literal: the
// value is in the source. A value that merely comes from a variable with a
// default is not: whoever deploys can set it.
//
// In .tf.json, where function calls hide in template strings, a string
// that calls any function is not taken for a literal.
func (e *evaluator) literalExpr(expr hcl.Expression) bool {
	if expr == nil || len(e.variables(expr)) > 0 {
		return false
	}
	x, ok := expr.(hclsyntax.Expression)
	if !ok {
		// JSON: an empty context evaluates templates but allows no
		// function call.
		_, diags := expr.Value(&hcl.EvalContext{})
		return !diags.HasErrors()
	}
	return !callsFileFunction(x)
}

// callsFileFunction reports whether x calls a function that reads a file.
func callsFileFunction(x hclsyntax.Expression) bool {
	found := false
	visitAll(x, func(n hclsyntax.Node) hcl.Diagnostics {
		if call, ok := n.(*hclsyntax.FunctionCallExpr); ok && readsFile(call.Name) {
			found = true
		}
		return nil
	})
	return found
}

// readsFile reports whether the function named name returns what a file
// holds (file, filebase64, templatefile, ...): the value is then not
// written in the configuration.
func readsFile(name string) bool {
	name = strings.TrimPrefix(name, "core::")
	return strings.HasPrefix(name, "file") || name == "templatefile"
}
