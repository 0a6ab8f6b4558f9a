// Package report holds the result of a scan: the rules that ran, the
// findings they produced, the diagnostics about the input, and the checks
// (rule × resource) that passed. Reporters render it; nothing here depends on
// how it was computed.
package report

import (
	"strings"
	"time"

	"github.com/seclint/seclint/parsers/model"
)

// Severity of a rule or finding.
type Severity string

const (
	Critical Severity = "CRITICAL"
	High     Severity = "HIGH"
	Medium   Severity = "MEDIUM"
	Low      Severity = "LOW"
)

// Severities lists every severity from highest to lowest.
var Severities = []Severity{Critical, High, Medium, Low}

// Rank orders severities: CRITICAL is 4, LOW is 1, anything else 0.
func (s Severity) Rank() int {
	switch s {
	case Critical:
		return 4
	case High:
		return 3
	case Medium:
		return 2
	case Low:
		return 1
	}
	return 0
}

// ParseSeverity accepts a severity name in any case.
func ParseSeverity(s string) (Severity, bool) {
	sev := Severity(strings.ToUpper(strings.TrimSpace(s)))
	return sev, sev.Rank() > 0
}

// Rule is the documentation of one rule, taken from its Rego METADATA.
type Rule struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Severity    Severity `json:"severity"`
	Kind        string   `json:"kind"` // security or correctness
	Description string   `json:"description"`
	// Remediation says how to fix a finding, per input format.
	Remediation Remediation `json:"remediation"`
	// FSBP lists the AWS Security Hub Foundational Security Best Practices controls.
	FSBP []string `json:"fsbp,omitempty"`
	// ResourceTypes are the Terraform and CloudFormation types the rule reads.
	ResourceTypes []string `json:"resource_types,omitempty"`
	// Collections are the model collections whose objects the rule checks,
	// e.g. "aws.s3.buckets"; JUnit has one testcase per object in them.
	Collections []string `json:"collections,omitempty"`
	// Custom is true for users' rules loaded with --policy.
	Custom bool `json:"custom,omitempty"`
}

// Remediation is the fix for each input format, in Markdown.
type Remediation struct {
	Terraform      string `json:"terraform,omitempty"`
	CloudFormation string `json:"cloudformation,omitempty"`
}

// Finding is one rule violation, located in the source.
type Finding struct {
	RuleID   string   `json:"rule_id"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	// Resource is the model ID of the object the finding is about.
	Resource     string `json:"resource"`
	ResourceType string `json:"resource_type,omitempty"`
	// Attribute is the path in the model object that is wrong ("" for the object).
	Attribute string      `json:"attribute,omitempty"`
	Range     model.Range `json:"range"`
	// Fingerprint identifies the finding across edits that move lines:
	// it hashes rule ID, resource ID and attribute path, never positions.
	Fingerprint string `json:"fingerprint"`
	// Related are further places that explain the finding, e.g. the module
	// calls through which a resource inside a module was instantiated.
	Related []Related `json:"related,omitempty"`
	// Instances are the objects that each produced this finding at this
	// same range (module instances, calls from several root modules), when
	// more than one did (module or resource instances, the blocks of a
	// dynamic block): the finding is reported once, for all of them.
	// Resource, Attribute and Fingerprint are those of the first.
	Instances []Instance `json:"instances,omitempty"`
	// Suppression is set when an ignore comment, template Metadata or the
	// config file silences the finding. Suppressed findings do not count for
	// the exit code and are hidden from text output unless asked for.
	Suppression *Suppression `json:"suppression,omitempty"`
	// BaselineState is "new" when the scan compared against a baseline
	// (only findings absent from the baseline are reported), else "".
	BaselineState string `json:"baseline_state,omitempty"`
}

// Related is a secondary location of a finding.
type Related struct {
	Message string      `json:"message"`
	Range   model.Range `json:"range"`
}

// Instance is one of the objects a merged finding stands for.
type Instance struct {
	// Unit is the scan unit (root module directory, template) it was
	// found in.
	Unit     string `json:"unit"`
	Resource string `json:"resource"`
	// Attribute tells apart instances of one object (the blocks of a
	// dynamic block).
	Attribute string `json:"attribute,omitempty"`
	// Fingerprint is the one the finding would have on its own, so a
	// baseline that holds any instance's keeps matching.
	Fingerprint string `json:"fingerprint"`
}

// Fingerprints returns the fingerprints the finding answers to: its own
// and those of its instances.
func (f Finding) Fingerprints() []string {
	out := []string{f.Fingerprint}
	for _, in := range f.Instances {
		if in.Fingerprint != f.Fingerprint {
			out = append(out, in.Fingerprint)
		}
	}
	return out
}

// Suppression kinds, as SARIF names them.
const (
	// SuppressionInSource is an ignore comment or CloudFormation Metadata.
	SuppressionInSource = "inSource"
	// SuppressionExternal is an ignore entry of the config file.
	SuppressionExternal = "external"
)

// Suppression says why a finding is silenced.
type Suppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
	// Until is the date (YYYY-MM-DD) after which the suppression lapses.
	Until string `json:"until,omitempty"`
	// Range is where the suppression is written.
	Range model.Range `json:"range"`
}

// Check is one rule applied to one model object; JUnit reports passing
// checks too.
type Check struct {
	RuleID       string      `json:"rule_id"`
	Resource     string      `json:"resource"`
	ResourceType string      `json:"resource_type,omitempty"`
	Range        model.Range `json:"range"`
}

// Report is the whole result of a scan.
type Report struct {
	// Tool is seclint's version.
	Tool string `json:"tool_version"`
	// Root is the absolute working directory that file paths are relative to.
	Root        string             `json:"root"`
	Rules       []Rule             `json:"rules"`
	Findings    []Finding          `json:"findings"`
	Diagnostics []model.Diagnostic `json:"diagnostics"`
	// Checks are the rules that passed on each object they checked, which
	// JUnit output lists; a scan fills them only when asked
	// (seclint.Options.Checks).
	Checks []Check `json:"-"`
	// Files is the number of files read; Resources the number of model objects.
	Files     int `json:"files"`
	Resources int `json:"resources"`
	// Skipped counts the YAML/JSON files named on the command line that
	// are neither templates nor policies (pre-commit passes every changed
	// file): the text summary shows it.
	Skipped  int           `json:"-"`
	Duration time.Duration `json:"-"`
}

// Counts returns the number of findings per severity, suppressed ones excluded.
func (r *Report) Counts() map[Severity]int {
	c := map[Severity]int{}
	for _, f := range r.Findings {
		if f.Suppression == nil {
			c[f.Severity]++
		}
	}
	return c
}

// Active returns the findings that are not suppressed.
func (r *Report) Active() []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Suppression == nil {
			out = append(out, f)
		}
	}
	return out
}

// Suppressed returns the number of suppressed findings.
func (r *Report) Suppressed() int {
	n := 0
	for _, f := range r.Findings {
		if f.Suppression != nil {
			n++
		}
	}
	return n
}

// HasErrors reports whether any diagnostic is an error (a file that could not be read or parsed).
func (r *Report) HasErrors() bool {
	for _, d := range r.Diagnostics {
		if d.Severity == model.DiagError {
			return true
		}
	}
	return false
}

// Rule returns the rule with the given ID.
func (r *Report) Rule(id string) (Rule, bool) {
	for _, ru := range r.Rules {
		if ru.ID == id {
			return ru, true
		}
	}
	return Rule{}, false
}
