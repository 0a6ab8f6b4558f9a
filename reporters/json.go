package reporters

import (
	"encoding/json"
	"io"

	"github.com/seclint/seclint/parsers/model"
	"github.com/seclint/seclint/report"
)

// jsonVersion is the version of seclint's JSON schema. Adding a field keeps
// it; renaming, removing or changing the meaning of one bumps it.
const jsonVersion = 1

// The JSON schema is defined here rather than by the tags of package report,
// so that report can change without breaking users' scripts. JSON-SCHEMA.md
// documents it; keep the two in step.
type (
	jsonReport struct {
		Version     int              `json:"version"`
		ToolVersion string           `json:"tool_version"`
		Root        string           `json:"root"`
		Summary     jsonSummary      `json:"summary"`
		Findings    []jsonFinding    `json:"findings"`
		Diagnostics []jsonDiagnostic `json:"diagnostics"`
		Rules       []jsonRule       `json:"rules"`
	}

	jsonSummary struct {
		Files      int            `json:"files"`
		Resources  int            `json:"resources"`
		Findings   int            `json:"findings"`
		Suppressed int            `json:"suppressed"`
		BySeverity jsonBySeverity `json:"by_severity"`
		Errors     int            `json:"errors"`
	}

	// jsonBySeverity is a struct rather than a map so that the severities
	// keep their order, highest first.
	jsonBySeverity struct {
		Critical int `json:"CRITICAL"`
		High     int `json:"HIGH"`
		Medium   int `json:"MEDIUM"`
		Low      int `json:"LOW"`
	}

	jsonFinding struct {
		RuleID        string          `json:"rule_id"`
		Severity      string          `json:"severity"`
		Message       string          `json:"message"`
		Resource      string          `json:"resource"`
		ResourceType  string          `json:"resource_type"`
		Attribute     string          `json:"attribute"`
		Location      jsonLocation    `json:"location"`
		Fingerprint   string          `json:"fingerprint"`
		Related       []jsonRelated   `json:"related"`
		Instances     []jsonInstance  `json:"instances"`
		Suppressed    bool            `json:"suppressed"`
		Suppression   jsonSuppression `json:"suppression"`
		BaselineState string          `json:"baseline_state"`
	}

	jsonInstance struct {
		Unit        string `json:"unit"`
		Resource    string `json:"resource"`
		Attribute   string `json:"attribute"`
		Fingerprint string `json:"fingerprint"`
	}

	jsonRelated struct {
		Message  string       `json:"message"`
		Location jsonLocation `json:"location"`
	}

	jsonSuppression struct {
		Kind          string       `json:"kind"`
		Justification string       `json:"justification"`
		Until         string       `json:"until"`
		Location      jsonLocation `json:"location"`
	}

	jsonDiagnostic struct {
		Severity string       `json:"severity"`
		Summary  string       `json:"summary"`
		Detail   string       `json:"detail"`
		Location jsonLocation `json:"location"`
	}

	jsonLocation struct {
		File        string `json:"file"`
		StartLine   int    `json:"start_line"`
		StartColumn int    `json:"start_column"`
		EndLine     int    `json:"end_line"`
		EndColumn   int    `json:"end_column"`
	}

	jsonRule struct {
		ID            string          `json:"id"`
		Title         string          `json:"title"`
		Severity      string          `json:"severity"`
		Kind          string          `json:"kind"`
		Description   string          `json:"description"`
		Remediation   jsonRemediation `json:"remediation"`
		FSBP          []string        `json:"fsbp"`
		ResourceTypes []string        `json:"resource_types"`
		Custom        bool            `json:"custom"`
	}

	jsonRemediation struct {
		Terraform      string `json:"terraform"`
		CloudFormation string `json:"cloudformation"`
	}
)

func writeJSON(w io.Writer, r *report.Report) error {
	counts := r.Counts()
	out := jsonReport{
		Version:     jsonVersion,
		ToolVersion: r.Tool,
		Root:        r.Root,
		Summary: jsonSummary{
			Files:      r.Files,
			Resources:  r.Resources,
			Findings:   len(r.Findings) - r.Suppressed(),
			Suppressed: r.Suppressed(),
			BySeverity: jsonBySeverity{
				Critical: counts[report.Critical],
				High:     counts[report.High],
				Medium:   counts[report.Medium],
				Low:      counts[report.Low],
			},
			Errors: errorCount(r),
		},
		// Empty, not nil, slices: consumers can iterate without a null check.
		Findings:    make([]jsonFinding, 0, len(r.Findings)),
		Diagnostics: make([]jsonDiagnostic, 0, len(r.Diagnostics)),
		Rules:       []jsonRule{},
	}
	for _, f := range r.Findings {
		ru, _ := r.Rule(f.RuleID)
		out.Findings = append(out.Findings, jsonFinding{
			RuleID:        f.RuleID,
			Severity:      string(severityOf(f, ru)),
			Message:       f.Message,
			Resource:      f.Resource,
			ResourceType:  f.ResourceType,
			Attribute:     f.Attribute,
			Location:      jsonLoc(f.Range),
			Fingerprint:   f.Fingerprint,
			Related:       jsonRelatedOf(f.Related),
			Instances:     jsonInstancesOf(f.Instances),
			Suppressed:    f.Suppression != nil,
			Suppression:   jsonSuppressionOf(f.Suppression),
			BaselineState: f.BaselineState,
		})
	}
	for _, d := range r.Diagnostics {
		out.Diagnostics = append(out.Diagnostics, jsonDiagnostic{
			Severity: string(d.Severity),
			Summary:  d.Summary,
			Detail:   d.Detail,
			Location: jsonLoc(d.Range),
		})
	}
	for _, ru := range sortedRules(r, false) {
		out.Rules = append(out.Rules, jsonRule{
			ID:          ru.ID,
			Title:       ru.Title,
			Severity:    string(ru.Severity),
			Kind:        ru.Kind,
			Description: ru.Description,
			Remediation: jsonRemediation{
				Terraform:      ru.Remediation.Terraform,
				CloudFormation: ru.Remediation.CloudFormation,
			},
			FSBP:          nonNil(ru.FSBP),
			ResourceTypes: nonNil(ru.ResourceTypes),
			Custom:        ru.Custom,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// The output is a file or a pipe, never HTML: keep <, > and & readable.
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func jsonLoc(rg model.Range) jsonLocation {
	return jsonLocation{
		File:        rg.File,
		StartLine:   rg.Start.Line,
		StartColumn: rg.Start.Column,
		EndLine:     rg.End.Line,
		EndColumn:   rg.End.Column,
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func jsonRelatedOf(rs []report.Related) []jsonRelated {
	out := []jsonRelated{}
	for _, r := range rs {
		out = append(out, jsonRelated{Message: r.Message, Location: jsonLoc(r.Range)})
	}
	return out
}

// jsonSuppressionOf is the zero object (empty strings) when s is nil, so the
// field is always present and never null.
func jsonSuppressionOf(s *report.Suppression) jsonSuppression {
	if s == nil {
		return jsonSuppression{}
	}
	return jsonSuppression{Kind: s.Kind, Justification: s.Justification, Until: s.Until, Location: jsonLoc(s.Range)}
}

func jsonInstancesOf(is []report.Instance) []jsonInstance {
	out := []jsonInstance{}
	for _, in := range is {
		out = append(out, jsonInstance{Unit: in.Unit, Resource: in.Resource, Attribute: in.Attribute, Fingerprint: in.Fingerprint})
	}
	return out
}
