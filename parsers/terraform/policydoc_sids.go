package terraform

import (
	"fmt"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/parsers/node"
)

// checkSids reports the Sids that make the AWS provider reject an
// aws_iam_policy_document (v5.100, verified with terraform plan): a Sid
// written twice among its own statement blocks ("duplicate Sid (S)"), or
// twice among the statements of its source documents, source_json first
// ("duplicate Sid (C) in source_policy_documents"). Override documents may
// repeat a Sid: that is how they replace statements. Only known, non-empty
// Sids count; an unknown one may be anything.
func (e *evaluator) checkSids(id string, current []*node.Node, sources []statementSet) {
	e.duplicateSids(current, fmt.Sprintf("%s has two statement blocks with Sid %%q; the AWS provider rejects the document (terraform plan fails). Remove the Sid or make it unique.", id))
	var all []*node.Node
	for _, s := range sources {
		if s.known {
			all = append(all, s.stmts...)
		}
	}
	e.duplicateSids(all, fmt.Sprintf("the source_policy_documents of %s have two statements with Sid %%q; the AWS provider rejects the merge (terraform plan fails). Statements of source documents must have unique Sids; to replace one, use override_policy_documents.", id))
}

// duplicateSids reports, at its Sid, each statement whose Sid an earlier
// statement of stmts has. format has one %q, the Sid.
func (e *evaluator) duplicateSids(stmts []*node.Node, format string) {
	seen := map[string]bool{}
	for _, st := range stmts {
		if st.Kind != node.Map {
			continue
		}
		n := st.Get("Sid")
		if n == nil || n.Kind != node.String || n.Str == "" {
			continue
		}
		if seen[n.Str] {
			e.diags.addDiag(model.Diagnostic{
				Severity: model.DiagError,
				Summary:  "duplicate Sid in aws_iam_policy_document",
				Detail:   fmt.Sprintf(format, n.Str),
				Range:    n.Range,
			})
		}
		seen[n.Str] = true
	}
}
