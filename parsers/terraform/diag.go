package terraform

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/seclint/seclint/parsers/model"
)

// diagnostics collects the unit's diagnostics, dropping exact repeats: the
// same expression may be evaluated more than once (for the evaluation context
// and again for the model), and a problem is reported once.
//
// With a Cache, a diagnostic is reported once per scan: a module that
// several roots call is evaluated once per root, and its problems are the
// same each time.
type diagnostics struct {
	unit  *model.Unit
	seen  map[model.Diagnostic]bool
	cache *Cache
}

func (d *diagnostics) add(sev model.DiagSeverity, summary, detail string, r hcl.Range) {
	d.addDiag(model.Diagnostic{Severity: sev, Summary: summary, Detail: detail, Range: toRange(r)})
}

func (d *diagnostics) addDiag(diag model.Diagnostic) {
	if d.seen == nil {
		d.seen = map[model.Diagnostic]bool{}
	}
	if d.seen[diag] {
		return
	}
	d.seen[diag] = true
	if !d.cache.firstReport(diag) {
		return
	}
	d.unit.Diagnostics = append(d.unit.Diagnostics, diag)
}

// fromHCL records the errors and warnings of an HCL parse under summary,
// keeping HCL's own message as the detail. At most limit diagnostics are kept
// per call: after the first syntax error HCL's recovery often produces a
// cascade that says nothing new.
func (d *diagnostics) fromHCL(summary string, hd hcl.Diagnostics, file string, limit int) {
	n := 0
	for _, h := range hd {
		if n == limit {
			break
		}
		sev := model.DiagError
		if h.Severity == hcl.DiagWarning {
			sev = model.DiagWarning
		}
		detail := h.Summary
		if h.Detail != "" {
			detail += ": " + h.Detail
		}
		r := hcl.Range{Filename: file}
		if h.Subject != nil {
			r = *h.Subject
		}
		d.add(sev, summary, detail, r)
		n++
	}
}

// toRange converts an HCL range to a model range. HCL's end position is
// exclusive, as the model's is.
func toRange(r hcl.Range) model.Range {
	if r.Filename == "" && r.Start.Line == 0 {
		return model.Range{}
	}
	return model.Range{
		File:  r.Filename,
		Start: model.Pos{Line: r.Start.Line, Column: r.Start.Column},
		End:   model.Pos{Line: r.End.Line, Column: r.End.Column},
	}
}
