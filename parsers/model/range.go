package model

import "fmt"

// Pos is a position in a source file. Line and Column start at 1.
type Pos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// Range is a span of a source file. File is the path as the scan found it
// (relative to the working directory when the user gave a relative path).
type Range struct {
	File  string `json:"file"`
	Start Pos    `json:"start"`
	End   Pos    `json:"end"`
}

// IsZero reports whether the range is unset.
func (r Range) IsZero() bool { return r.File == "" && r.Start.Line == 0 }

func (r Range) String() string {
	if r.Start.Line == 0 {
		return r.File
	}
	return fmt.Sprintf("%s:%d:%d", r.File, r.Start.Line, r.Start.Column)
}

// Severity of a diagnostic, modelled on hcl.DiagnosticSeverity.
type DiagSeverity string

const (
	DiagError   DiagSeverity = "error"
	DiagWarning DiagSeverity = "warning"
	DiagNote    DiagSeverity = "note"
)

// Diagnostic is a problem with the input itself (a file that does not parse,
// a module that is not available, a function that is not implemented). It is
// not a finding and it never stops the scan.
type Diagnostic struct {
	Severity DiagSeverity `json:"severity"`
	Summary  string       `json:"summary"`
	Detail   string       `json:"detail,omitempty"`
	Range    Range        `json:"range"`
}

func (d Diagnostic) Error() string {
	s := fmt.Sprintf("%s: %s", d.Range, d.Summary)
	if d.Detail != "" {
		s += ": " + d.Detail
	}
	return s
}
