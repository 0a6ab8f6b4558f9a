package terraform

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/seclint/seclint/parsers/model"
)

// checkFlagVar reports a --var value that does not convert to the
// variable's type (yes for a bool) as an error at the variable, as
// Terraform does ("Invalid value for input variable"); the variable is
// then unknown, as before.
func (e *evaluator) checkFlagVar(name string, val cty.Value, d *varDecl, decl hcl.Range) {
	if d.ty == cty.DynamicPseudoType || !val.IsWhollyKnown() || tooLargeToConvert(val, d.ty) {
		return
	}
	if _, err := convert.Convert(val, d.ty); err != nil {
		e.diags.add(model.DiagError, "Invalid value for input variable",
			fmt.Sprintf("Unsuitable value for var.%s set using --var \"%s=...\": %s", name, name, err), decl)
	}
}
