package terraform

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// impureFuncs are the functions whose result differs from one call to the
// next: two calls written the same way are not the same value.
var impureFuncs = map[string]bool{
	"uuid": true, "timestamp": true, "plantimestamp": true, "bcrypt": true,
}

// nameTemplate returns the template (node.Node's Template) of expr, whose
// value in ctx is unknown: the module instance's address and the
// expression's tokens, so that the same text in the same module instance
// is the same template whatever its spacing, line breaks and comments.
// It is "" unless expr reads nothing but variables and locals, which have
// one value per module instance: a resource attribute differs from one
// resource to another (and an instance's count.index or each.key from one
// instance to another), an impure function from one call to another. An
// expression whose source is not at hand (.tf.json) has none either.
func (e *evaluator) nameTemplate(ctx *hcl.EvalContext, expr hcl.Expression) string {
	x, ok := expr.(hclsyntax.Expression)
	if !ok {
		return ""
	}
	ts := e.variables(x)
	if len(ts) == 0 {
		// Unknown without reading anything: an impure function, or an
		// error; nothing says two of them are equal.
		return ""
	}
	for _, t := range ts {
		if root := t.RootName(); root != "var" && root != "local" {
			return ""
		}
	}
	mi := e.scope(ctx)
	if mi == nil {
		return ""
	}
	pure := true
	visitAll(x, func(n hclsyntax.Node) hcl.Diagnostics {
		if call, ok := n.(*hclsyntax.FunctionCallExpr); ok && impureFuncs[call.Name] {
			pure = false
		}
		return nil
	})
	if !pure {
		return ""
	}
	rng := x.Range()
	src := e.src[rng.Filename]
	if rng.Start.Byte < 0 || rng.End.Byte > len(src) || rng.Start.Byte >= rng.End.Byte {
		return ""
	}
	toks, diags := hclsyntax.LexExpression(src[rng.Start.Byte:rng.End.Byte], rng.Filename, rng.Start)
	if diags.HasErrors() {
		return ""
	}
	// The instance's address, then the tokens one space apart: a token
	// keeps the spaces inside it (a string literal's), so the text of two
	// expressions is equal exactly when their tokens are.
	var sb strings.Builder
	sb.WriteString(mi.path)
	sb.WriteString(":")
	for _, tok := range toks {
		switch tok.Type {
		case hclsyntax.TokenNewline, hclsyntax.TokenComment, hclsyntax.TokenEOF:
			continue
		}
		sb.WriteByte(' ')
		sb.Write(tok.Bytes)
	}
	return sb.String()
}
